"""Incremental builds are correct: after a translator edits a .po file, rebuilding the language on top of the
previous build gives the same web pages as building that state from scratch; an edit of the interface catalogue
rewrites every page."""

import filecmp

import polib
import pytest
from conftest import build_copy, copy_book, remove_translation

pytestmark = pytest.mark.book  # three builds of one language: part of `make test`, not of `make test-fast`


def test_a_po_edit_rebuilt_incrementally_equals_a_full_build(tmp_path, partly_translated):
    book = copy_book(tmp_path / "book")
    out = tmp_path / "out"
    first = build_copy(book, out, "--langs", "lv", "--formats", "html")
    assert first.returncode == 0, first.stdout[-3000:]
    remove_translation(book)  # the same edit that `partly_translated` was built from scratch with
    again = build_copy(book, out, "--langs", "lv", "--formats", "html")
    assert again.returncode == 0, again.stdout[-3000:]
    incremental = out / "site" / "lv"
    pages = sorted(p.relative_to(partly_translated) for p in partly_translated.rglob("*.html"))
    assert pages == sorted(p.relative_to(incremental) for p in incremental.rglob("*.html"))
    # The download page (and the search index, which holds its text) lists the files of the formats built:
    # `partly_translated` has all three, this build the web book only.
    compared = [*(p for p in pages if p.as_posix() != "docs/download.html")]
    _match, differ, errors = filecmp.cmpfiles(partly_translated, incremental, compared, shallow=False)
    assert not differ and not errors, f"the incremental build differs from a full build in: {differ + errors}"
    assert "translation-fallback" in (incremental / "docs" / "about.html").read_text(encoding="utf-8")

    # sphinx.po (buttons, headings, labels) shows on every page, so a save of it alone rewrites them all.
    po = polib.pofile(str(book / "locales" / "lv" / "LC_MESSAGES" / "sphinx.po"))
    next(e for e in po if e.msgid == "Back to top").msgstr = "Atpakaļ uz lapas sākumu"
    po.save()
    third = build_copy(book, out, "--langs", "lv", "--formats", "html")
    assert third.returncode == 0, third.stdout[-3000:]
    stale = [
        p.name for p in incremental.rglob("*.html") if "Atpakaļ uz lapas sākumu" not in p.read_text(encoding="utf-8")
    ]
    assert not stale, f"after an edit of sphinx.po, pages still show the old interface text: {stale[:10]}"
