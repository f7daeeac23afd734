"""The Makefile: a help line per target, and LANG=xx building one language without leaking into the locale."""

import os
import re
import subprocess
from pathlib import Path

from cowork_book.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
TARGETS = ["html", "pdf", "epub", "all", "gettext", "update-po", "stats", "serve", "clean", "test", "bench", "check-po"]


def test_help_lists_every_target():
    out = subprocess.run(["make", "help"], cwd=ROOT, capture_output=True, text=True).stdout
    for target in TARGETS:
        assert re.search(rf"make {re.escape(target)}\b", out), target
    declared = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(), re.M)) - {
        "venv",
        "sysdeps",
        "node",
        "testdeps",
    }
    for target in declared:
        assert f"make {target}" in out, f"'make help' does not mention {target}"


def test_lang_selects_one_language_and_is_not_passed_on_as_locale():
    env = dict(os.environ, LANG="C.UTF-8")
    dry = subprocess.run(["make", "-n", "html", "LANG=lv"], cwd=ROOT, capture_output=True, text=True, env=env).stdout
    assert "--langs lv --formats html" in dry
    env_out = subprocess.run(
        ["make", "-s", "--eval", "show-env: ; @env", "show-env", "LANG=lv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    assert "LANG=lv" not in env_out.splitlines()


def test_without_lang_every_language_is_built():
    env = dict(os.environ, LANG="en_GB.UTF-8")
    dry = subprocess.run(["make", "-n", "html"], cwd=ROOT, capture_output=True, text=True, env=env).stdout
    assert f"--langs {' '.join(LANGUAGES)} --formats html" in dry


def test_base_url_reaches_the_build_as_the_sites_address():
    env = {k: v for k, v in os.environ.items() if k != "BOOK_BASE_URL"}
    command = ["make", "-s", "--eval", "show-env: ; @env", "show-env"]
    with_url = subprocess.run(
        [*command, "BASE_URL=https://host.example/book/"], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert "BOOK_BASE_URL=https://host.example/book/" in with_url.stdout.splitlines()
    without = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    assert not any(line.startswith("BOOK_BASE_URL=") for line in without.stdout.splitlines())
