"""``sphinx-build`` of a small book, each run in a new process forked from one that has Sphinx loaded.

The translation-safety tests build a two-page book 62 times. A ``sphinx-build`` process spent most of its
0.7 s importing Sphinx, myst-parser and sphinx-design; here a ``forkserver`` (Python's ``multiprocessing``)
imports them once per test process, and every build is a fork of it: a clean process (the book's extensions
change Sphinx and docutils as they load, in that process only), with its own output and exit code, as before.
"""

import multiprocessing
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PRELOADED = ["sphinx.cmd.build", "sphinx.builders.html", "myst_parser.parsers.sphinx_", "sphinx_design"]
TIMEOUT = 300  # seconds; a build of the small book takes under one

_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(PRELOADED)


def _build(args, cwd, out, err):
    from sphinx.cmd.build import build_main

    os.chdir(cwd)
    with open(out, "w", encoding="utf-8") as sys.stdout, open(err, "w", encoding="utf-8") as sys.stderr:
        code = build_main(args)
    sys.exit(code)


def sphinx_build(args, cwd):
    """``sphinx-build *args`` in ``cwd``: a :class:`subprocess.CompletedProcess` with its exit code and output."""
    with tempfile.TemporaryDirectory() as folder:
        out, err = os.path.join(folder, "out"), os.path.join(folder, "err")
        process = _context.Process(target=_build, args=(list(args), str(cwd), out, err))
        process.start()
        process.join(TIMEOUT)
        if process.exitcode is None:
            process.kill()
            raise TimeoutError(f"sphinx-build {' '.join(args)} ran for over {TIMEOUT} s")
        read = [Path(path).read_text(encoding="utf-8") if os.path.exists(path) else "" for path in (out, err)]
        return subprocess.CompletedProcess(["sphinx-build", *args], process.exitcode, *read)
