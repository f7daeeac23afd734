"""System packages and tool start checks (``python3 -m cowork_book.commands.sysdeps``): every test tool really starts on
this machine, and a tool that is hidden or cannot load a library is reported with the apt-get line to run."""

import os
import subprocess
import sys

from cowork_book.commands import sysdeps
from cowork_book.languages import REGISTRY


def test_every_language_dictionary_and_playwright_library_are_required():
    for language in REGISTRY:
        assert language.dictionary_package in sysdeps.PACKAGES["test"]
    assert "libatomic1" in sysdeps.PACKAGES["test"]


def test_every_tool_starts_on_this_machine():
    assert sysdeps.start_problems("test") == []


def test_a_tool_hidden_from_path_is_reported_before_any_test(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("chromium", "node", "hunspell"):  # no dpkg-query: only the start checks run
        (bin_dir / tool).symlink_to(subprocess.run(["which", tool], capture_output=True, text=True).stdout.strip())
    env = dict(os.environ, PATH=str(bin_dir))
    proc = subprocess.run(
        [sys.executable, "-m", "cowork_book.commands.sysdeps", "test"],
        cwd=sysdeps.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "Java (epubcheck): 'java' is not on PATH; install it with:" in proc.stderr
    assert "apt-get install -y --no-install-recommends default-jre-headless" in proc.stderr


def test_a_missing_library_is_named_with_its_package(tmp_path):
    tool = tmp_path / "fake-driver"
    tool.write_text(
        "#!/bin/sh\necho 'node: error while loading shared libraries: libatomic.so.1: "
        "cannot open shared object file: No such file or directory' >&2\nexit 127\n"
    )
    tool.chmod(0o755)
    problem = sysdeps.start_problem("Playwright's driver", [str(tool)], None, "libatomic1")
    assert "libatomic.so.1 is missing" in problem and "apt-get install -y --no-install-recommends libatomic1" in problem


def test_a_missing_dictionary_is_reported():
    problem = sysdeps.start_problem("hunspell dictionary xx_XX", ["hunspell", "-d", "xx_XX", "-l"], "a\n", "pkg-xx")
    assert problem and "hunspell dictionary xx_XX cannot start" in problem and "pkg-xx" in problem
