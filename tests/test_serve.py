"""The translators' live preview: ``make serve LANG=lv`` rebuilds when a .po file is saved, through the same
checked catalogues as the real build, and shows a translation that cannot be used (file:line and what to do)."""

import os
import signal
import socket
import subprocess
import time
import urllib.request

import polib
import pytest
from conftest import ROOT, copy_book

pytestmark = pytest.mark.book  # a full build of one language: part of `make test`, not of `make test-fast`

PAGE = "docs/about.html"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url, condition, seconds):
    deadline = time.monotonic() + seconds
    text = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                text = response.read().decode("utf-8")
            if condition(text):
                return text
        except OSError:
            pass
        time.sleep(1)
    raise AssertionError(f"{url} did not change as expected within {seconds} s:\n{text[:1500]}")


def _edit(po_path, msgstr):
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if e.msgid.startswith("This book is an output"))
    entry.msgstr = msgstr
    po.save()
    return next(e for e in polib.pofile(str(po_path)) if e.msgstr == msgstr).linenum


@pytest.fixture
def preview(tmp_path):
    book = copy_book(tmp_path / "book")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "LANG"}
    proc = subprocess.Popen(
        ["make", "serve", "LANG=lv", f"PORT={port}", f"VENV={ROOT / '.venv'}"],
        cwd=book,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield book, f"http://127.0.0.1:{port}/{PAGE}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_saving_a_po_file_rebuilds_the_page_and_shows_an_unusable_translation(preview):
    book, url = preview
    po_path = book / "locales" / "lv" / "LC_MESSAGES" / "docs" / "about.po"
    _wait_for(url, lambda page: "preview-errors" not in page, 300)
    line = _edit(po_path, "Šī grāmata <script>alert(1)</script> ir projekta rezultāts.")
    page = _wait_for(url, lambda page: "preview-errors" in page, 120)
    banner = page[page.index("preview-errors") :][:1500]
    assert f"<code>locales/lv/LC_MESSAGES/docs/about.po:{line}: HTML is not allowed" in banner, banner
    assert "<script>alert(1)</script>" not in page
    _edit(po_path, "Šī grāmata ir priekšskatījuma pārbaudes teikums.")
    page = _wait_for(url, lambda page: "priekšskatījuma pārbaudes teikums" in page, 120)
    assert "preview-errors" not in page
