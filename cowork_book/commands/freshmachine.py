"""The README's two commands on a fresh minimal Debian 12, as a new contributor's machine has it.

``sudo make fresh-check`` (``python3 -m cowork_book.commands.freshmachine``) makes a minimal Debian 12 (bookworm) root
with debootstrap (``--variant=minbase``, plus only python3, python3-venv, make, git and ca-certificates), copies
the committed checkout into it, and runs ``make all`` and then ``make test`` there as root, with the package
registries as the only network. It prints the time and the last lines of each step and exits non-zero at the
first step that fails, naming it. Slow (about 40 minutes on 2 cores) and root-only, so it is not part of
``make test``: run it before a release and whenever system packages change (CONTRIBUTING.md).

Standard library only; debootstrap is installed with apt-get if missing.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cowork_book.paths import ROOT

MIRROR = "http://deb.debian.org/debian"
BASE_PACKAGES = "python3,python3-venv,make,git,ca-certificates"
MOUNTS = ["proc", "sys", "dev", "dev/pts", "dev/shm"]
# The network's settings, not the project's: a host behind a proxy that inspects TLS trusts an extra certificate
# authority, and the clients find it through these variables. They are carried into the root, nothing else is.
NETWORK_VARIABLES = (
    "http_proxy",
    "https_proxy",
    "no_proxy",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "NO_PROXY",
    "SSL_CERT_FILE",
    "PIP_CERT",
    "REQUESTS_CA_BUNDLE",
    "NODE_EXTRA_CA_CERTS",
    "CURL_CA_BUNDLE",
    "GIT_SSL_CAINFO",
)


def run(command, **kwargs):
    print("$ " + " ".join(map(str, command)), flush=True)
    return subprocess.run(command, check=False, **kwargs)


def step(name, command, log):
    """Run one step, its output to ``log``; print how long it took and, if it failed, its last lines."""
    start = time.monotonic()
    with open(log, "w", encoding="utf-8") as out:
        proc = run(command, stdout=out, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - start
    tail = Path(log).read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
    print(f"[{'ok' if proc.returncode == 0 else 'FAILED'}] {name}: {seconds:.0f} s (log: {log})", flush=True)
    print("\n".join("    " + line for line in tail), flush=True)
    return proc.returncode == 0


def mount(chroot):
    for name in MOUNTS:
        target = chroot / name
        target.mkdir(parents=True, exist_ok=True)
        run(["mount", "--bind", f"/{name}", str(target)])


def unmount(chroot):
    for name in reversed(MOUNTS):
        run(["umount", "-l", str(chroot / name)], stderr=subprocess.DEVNULL)


def copy_checkout(chroot):
    """The committed checkout (``git clone`` of this repository), as a fresh clone would be."""
    target = chroot / "root" / "book"
    run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(target)])
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="where to make the root (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the root afterwards")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("fresh-check needs root (debootstrap, chroot): run 'sudo make fresh-check'", file=sys.stderr)
        return 1
    if not shutil.which("debootstrap"):
        run(["apt-get", "update", "-qq"])
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "debootstrap"])
    chroot = args.dir or Path(tempfile.mkdtemp(prefix="fresh-debian-", dir="/var/tmp"))
    logs = chroot.parent / f"{chroot.name}-logs"
    logs.mkdir(parents=True, exist_ok=True)
    ok = step(
        "debootstrap bookworm (minbase)",
        ["debootstrap", "--variant=minbase", f"--include={BASE_PACKAGES}", "bookworm", str(chroot), MIRROR],
        logs / "debootstrap.log",
    )
    if not ok:
        return 1
    shutil.copy("/etc/resolv.conf", chroot / "etc" / "resolv.conf")
    shutil.copy("/etc/ssl/certs/ca-certificates.crt", chroot / "etc" / "ssl" / "certs" / "ca-certificates.crt")
    copy_checkout(chroot)
    mount(chroot)
    try:
        for name, command in (("make all", "make all"), ("make test", "make test")):
            network = [f"{key}={os.environ[key]}" for key in NETWORK_VARIABLES if key in os.environ]
            clean_env = ["env", "-i", "HOME=/root", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", *network]
            shell = ["/bin/sh", "-c", f"cd /root/book && {command}"]
            if not step(name, ["chroot", str(chroot), *clean_env, *shell], logs / f"{name.replace(' ', '-')}.log"):
                print(f"fresh-check: '{name}' failed on a fresh Debian 12; see {logs}", file=sys.stderr)
                return 1
        print("fresh-check: both README commands passed on a fresh minimal Debian 12")
        return 0
    finally:
        unmount(chroot)
        still_mounted = [name for name in MOUNTS if os.path.ismount(chroot / name)]
        if still_mounted:  # never delete through a bind mount into the host
            print(
                f"fresh-check: {chroot} still has mounts ({', '.join(still_mounted)}); left in place", file=sys.stderr
            )
        elif not args.keep:
            shutil.rmtree(chroot, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
