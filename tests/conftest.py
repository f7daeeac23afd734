"""Shared fixtures: the real book, built once per test session with the same command as ``make all``.

While you iterate, ``COWORK_TEST_BUILD=<folder>`` reuses a build made earlier with
``python -m cowork_book.commands.build --out <folder> --base-url https://book.example.org/coworking/
| tee <folder>/build.log``
instead of building again (``make test`` and CI always build afresh).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cowork_book.book import BOOK
from cowork_book.commands.bench import copy_checkout
from cowork_book.commands.serve import serving
from cowork_book.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
REUSED = os.environ.get("COWORK_TEST_BUILD")
BUILD = Path(REUSED).resolve() if REUSED else ROOT / "_build" / "test"
SITE = BUILD / "site"
STEM = BOOK.file_stem
BASE_URL = "https://book.example.org/coworking/"  # the public address the test build is made for
UNTRANSLATED_PARAGRAPH = "This book is an output of an Erasmus+ Strategic Partnership project"


def copy_book(target):
    """A copy of the checkout's files (tracked and new, not ignored; as they are in the working tree) in ``target``."""
    return copy_checkout(target)


@pytest.fixture(scope="session")
def book():
    """Build every language in every format; the build's own output and exit code."""
    if REUSED:
        log = BUILD / "build.log"
        output = log.read_text(encoding="utf-8") if log.exists() else ""
        built = 0 if (SITE / "index.html").exists() else 1
        return subprocess.CompletedProcess(["reused", str(BUILD)], built, output, "")
    proc = subprocess.run(
        [sys.executable, "-m", "cowork_book.commands.build", "--out", str(BUILD), "--fresh", "--base-url", BASE_URL],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    print(proc.stdout[-5000:], proc.stderr[-5000:])
    return proc


@pytest.fixture(scope="session")
def site(book):
    assert book.returncode == 0, f"the book did not build:\n{book.stdout[-4000:]}\n{book.stderr[-4000:]}"
    return SITE


@pytest.fixture(scope="session")
def html_pages(site):
    """``{lang: [Path, ...]}`` of every built HTML page."""
    return {lang: sorted((site / lang).rglob("*.html")) for lang in LANGUAGES}


@pytest.fixture(scope="session")
def server(site):
    """The site served over HTTP on localhost as a web server would (gzip, caching), as a reader gets it."""
    with serving(site) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright. Missing Chromium is a failure, not a skip."""
    from playwright.sync_api import sync_playwright

    chromium = Path("/usr/bin/chromium")
    assert chromium.exists(), "Chromium is missing: run 'make test' as root, or: sudo apt-get install chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(chromium),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def pytest_collection_modifyitems(items):
    """Mark every test that needs the whole built book, so ``make test-fast`` (``-m "not book"``) can leave it out."""
    for item in items:
        if "book" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.book)


def remove_translation(book, lang="lv"):
    """Empty the translation of one paragraph of the About page in the copy ``book``, as if the English changed."""
    import polib

    po = polib.pofile(str(book / "locales" / lang / "LC_MESSAGES" / "docs" / "about.po"))
    next(e for e in po if e.msgid.startswith(UNTRANSLATED_PARAGRAPH)).msgstr = ""
    po.save()


def build_copy(book, out, *args):
    """``python -m cowork_book.commands.build`` of the copy ``book`` into ``out``; the completed process."""
    return subprocess.run(
        [sys.executable, "-m", "cowork_book.commands.build", "--source", str(book), "--out", str(out), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def partly_translated(tmp_path_factory):
    """Latvian with one paragraph of the About page untranslated, built from scratch in every format."""
    tmp = tmp_path_factory.mktemp("partly-translated")
    book = copy_book(tmp / "book")
    remove_translation(book)
    proc = build_copy(book, tmp / "out", "--langs", "lv")
    assert proc.returncode == 0, proc.stdout[-3000:]
    return tmp / "out" / "site" / "lv"
