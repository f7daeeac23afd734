"""Shared fixtures: the real book, built once per test run with the same command as ``make all``.

The tests run on several processes (pytest-xdist, ``-n``): the first process to collect starts the book's build
in the background, the tests that need no book run meanwhile, and every process waits for that one build when it
first needs the book. What else is costly to make (a partly translated Latvian build) is also made once per run,
whichever process asks first (:func:`made_once`). Tests of one module stay on one process (their module fixtures
are made once); the few long tests are spread one by one, longest first (:func:`pytest_collection_modifyitems`).

While you iterate, ``COWORK_TEST_BUILD=<folder>`` reuses a build made earlier with
``python -m cowork_book.commands.build --out <folder> --base-url https://book.example.org/coworking/
| tee <folder>/build.log``
instead of building again (``make test`` and CI always build afresh).
"""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock

from cowork_book.book import BOOK
from cowork_book.commands.bench import copy_checkout
from cowork_book.commands.serve import serving
from cowork_book.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
REUSED = os.environ.get("COWORK_TEST_BUILD")
BUILD = Path(REUSED).resolve() if REUSED else ROOT / "_build" / "test"
SITE = BUILD / "site"
RUN = ROOT / "_build" / "test-run"  # the background build's lock, run id, log and exit code
STEM = BOOK.file_stem
BASE_URL = "https://book.example.org/coworking/"  # the public address the test build is made for
UNTRANSLATED_PARAGRAPH = "This book is an output of an Erasmus+ Strategic Partnership project"
BUILD_TIMEOUT = 40 * 60  # seconds; the build takes 4.5 minutes on 2 cores alone, 8 beside the other tests

# Long tests and modules that need the book, longest first, each to the next free process (seconds measured on
# 2 cores beside the other tests): the short ones go last, so that the processes end together.
LONG = (
    "test_lighthouse.py",  # 90, alone; in `make test` its page scores run after the rest (marked quiet)
    "test_reproducible.py",  # 160
    "test_accessibility.py::test_axe_finds_no_violation_on_any_english_page",  # 105
    "test_fallback.py",  # 100
    "test_epub.py::test_ace_by_daisy_finds_no_violation",  # 55
    "test_activities_print.py",  # 80
    "test_epub.py",  # 70
    "test_tools.py",  # 65
    "test_print_edition.py",  # 50
    "test_search.py",  # 45
    "test_activity_links.py",  # 45
    "test_printbook.py",  # 40
    "test_downloads.py",  # 40
    "test_release.py",  # 30
    "test_accessibility.py::test_axe_finds_no_violation_on_each_kind_of_page",  # 5-15 each
    "test_serve.py",
    "test_switcher.py::test_no_hreflang",
    "test_wayfinding.py",
)


def copy_book(target):
    """A copy of the checkout's files (tracked and new, not ignored; as they are in the working tree) in ``target``."""
    return copy_checkout(target)


def _run_id():
    """The same for every process of one test run, different for the next run."""
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"serial-{os.getpid()}"


def start_book_build():
    """Start ``python -m cowork_book.commands.build`` of the whole book in the background, once per test run."""
    RUN.mkdir(parents=True, exist_ok=True)
    with FileLock(RUN / "lock"):
        run = RUN / "run"
        if run.exists() and run.read_text(encoding="utf-8") == _run_id():
            return
        (RUN / "exit").unlink(missing_ok=True)
        run.write_text(_run_id(), encoding="utf-8")
        log = (RUN / "build.log").open("w", encoding="utf-8")
        command = [sys.executable, "-m", "cowork_book.commands.build", "--out", str(BUILD), "--fresh"]
        proc = subprocess.Popen(command + ["--base-url", BASE_URL], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)

        def wait():
            code = proc.wait()
            log.close()
            (RUN / "exit").write_text(str(code), encoding="utf-8")

        threading.Thread(target=wait, daemon=True).start()


_RANK = pytest.StashKey[int]()


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Mark the tests that need the whole book (``make test-fast`` leaves them out with ``-m "not book"``).
    Order for several processes: the tests that need no book first (they run while it builds), then the long
    ones, longest first. A module's tests that need the book stay together on one process (``--dist loadgroup``),
    and so do those that do not, unless ``LONG`` names a single test: no process waits for the build while tests
    that need no book are left."""
    for item in items:
        needs_book = "book" in getattr(item, "fixturenames", ())
        if needs_book:
            item.add_marker(pytest.mark.book)
        module = item.nodeid.split("::")[0]
        long = next((rank for rank, name in enumerate(LONG) if name in item.nodeid), None)
        alone = long is not None and "::" in LONG[long]  # a long test on its own; a long module stays together
        group = item.nodeid if alone else f"{module} (book)" if needs_book else module
        item.add_marker(pytest.mark.xdist_group(group))
        item.stash[_RANK] = -1 if not needs_book else len(LONG) if long is None else long
    items.sort(key=lambda item: item.stash[_RANK])  # stable: the others keep their order


def pytest_collection_finish(session):
    """Start the book's build if a selected test needs it (after ``-m`` and ``-k`` have left tests out)."""
    if REUSED or session.config.option.collectonly:
        return
    if any(item.get_closest_marker("book") for item in session.items):
        start_book_build()


@pytest.fixture(scope="session")
def book():
    """The build of every language in every format: its output and exit code (waits for the background build)."""
    if REUSED:
        log = BUILD / "build.log"
        output = log.read_text(encoding="utf-8") if log.exists() else ""
        built = 0 if (SITE / "index.html").exists() else 1
        return subprocess.CompletedProcess(["reused", str(BUILD)], built, output, "")
    start_book_build()
    started = time.monotonic()
    while not (RUN / "exit").exists():
        assert time.monotonic() - started < BUILD_TIMEOUT, f"the book's build took over {BUILD_TIMEOUT} s: {RUN}"
        time.sleep(1)
    output = (RUN / "build.log").read_text(encoding="utf-8")
    print(output[-5000:])
    return subprocess.CompletedProcess(["build", str(BUILD)], int((RUN / "exit").read_text()), output, "")


def made_once(tmp_path_factory, name, make):
    """``make(folder)`` once per test run, whichever process asks first; the folder (``<basetemp>/<name>``)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # shared by the processes of this run
    folder = base / name
    with FileLock(str(folder) + ".lock"):
        if not (base / f"{name}.made").exists():
            make(folder)
            (base / f"{name}.made").touch()
    return folder


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


@pytest.fixture
def open_page(browser, server):
    """Pages in fresh browser contexts (downloads accepted); afterwards no request may have left the site's own
    origin (``blob:`` and ``data:`` addresses are made in the page itself)."""
    contexts, requests = [], []

    def open_(path, **options):
        context = browser.new_context(accept_downloads=True, **options)
        context.on("request", lambda request: requests.append(request.url))
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{server}/{path}")
        return page

    yield open_
    for context in contexts:
        context.close()
    foreign = [url for url in requests if not url.startswith((f"{server}/", "blob:", "data:"))]
    assert requests and not foreign, f"requests to other origins: {foreign[:10]}"


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

    def make(tmp):
        book = copy_book(tmp / "book")
        remove_translation(book)
        proc = build_copy(book, tmp / "out", "--langs", "lv")
        assert proc.returncode == 0, proc.stdout[-3000:]

    return made_once(tmp_path_factory, "partly-translated", make) / "out" / "site" / "lv"
