"""The PDF of each language: cover, contents with right page numbers, bookmarks, fonts, tags, no build paths."""

import re
import unicodedata

import pikepdf
import pytest
from conftest import STEM
from languages import letters_found
from pdftext import bookmarks, page_texts

from cowork_book.languages import LANGUAGES
from cowork_book.sphinxext.downloads import page_count

TOC_LINE = re.compile(r"^(?P<title>\S.*?)\s*\.{3,}\s*(?P<page>\d+)$")


@pytest.fixture(scope="module", params=list(LANGUAGES))
def pdf(request, site):
    path = site / request.param / "downloads" / f"{STEM}-{request.param}.pdf"
    return request.param, path, page_count(path), page_texts(path)


def _contents(texts):
    """``[(title, page number)]`` from the contents pages (after the cover and imprint, until the first page
    without entries)."""
    entries = []
    for text in texts[2:]:
        found = [TOC_LINE.match(line.strip()) for line in text.splitlines()]
        found = [(m["title"], int(m["page"])) for m in found if m]
        if not found:
            break
        entries += found
    return entries


def _squash(text):
    return re.sub(r"[\s\-\u00ad]+", "", unicodedata.normalize("NFKC", text)).lower()


def test_page_count_beyond_cover_and_contents(pdf):
    _lang, _path, pages, texts = pdf
    contents_pages = 1 + sum(1 for t in texts[1:10] if ".........." in t)
    assert pages == len(texts) > 1 + contents_pages + 20


def test_text_is_in_the_language_with_its_own_letters(pdf):
    lang, _path, _pages, texts = pdf
    if lang != "en":
        assert letters_found(lang, " ".join(texts)) >= 3


def test_contents_page_numbers_match_the_headings(pdf):
    _lang, _path, _pages, texts = pdf
    entries = _contents(texts)
    assert len(entries) > 20
    wrong = []
    for title, number in entries:
        if number > len(texts) or _squash(title)[:40] not in _squash(texts[number - 1]):
            wrong.append(f"{title!r} not on page {number}")
    assert not wrong, "\n".join(wrong[:20])


def test_bookmarks_point_to_their_headings(pdf):
    _lang, path, _pages, texts = pdf
    outline = list(_flatten(bookmarks(path)))
    assert len(outline) > 10
    for item in outline[:60]:
        assert _squash(item.title)[:30] in _squash(texts[item.page]), f"bookmark {item.title!r} -> page {item.page + 1}"


def _flatten(outline):
    for item in outline:
        yield item
        yield from _flatten(item.children)


def test_no_file_links_or_build_paths(pdf):
    _lang, path, _pages, texts = pdf
    raw = path.read_bytes()
    assert b"file://" not in raw
    assert b"/_build/" not in raw
    assert "/work/" not in " ".join(texts)


def test_only_the_books_own_fonts_are_embedded(pdf):
    _lang, path, _pages, _texts = pdf
    with pikepdf.open(path) as doc:
        fonts = set()
        for page in doc.pages:
            for font in (page.Resources.get("/Font") or {}).values():
                fonts.add(str(font.get("/BaseFont")))
                descendants = font.get("/DescendantFonts")
                if descendants:
                    assert "/FontFile2" in descendants[0].FontDescriptor, "font not embedded"
    assert fonts
    assert all(name.split("+")[-1].startswith("Book-Sans") for name in fonts), fonts


def test_tagged_pdf_with_language_and_title(pdf):
    lang, path, _pages, _texts = pdf
    with pikepdf.open(path) as doc:
        assert doc.Root.MarkInfo.Marked
        assert "/StructTreeRoot" in doc.Root
        assert str(doc.Root.Lang) == lang
        assert doc.Root.ViewerPreferences.DisplayDocTitle
        assert len(str(doc.docinfo.Title)) > 5


def test_cover_imprint_and_back_cover_carry_the_eu_notice(pdf):
    lang, _path, _pages, texts = pdf
    assert "Erasmus+" in texts[0], "the cover: emblem and statement"
    assert "CC BY-SA 4.0" in _squash_keep(texts[1]), "the imprint: licence"
    assert "Erasmus+" in texts[-1]
    if lang == "en":
        assert "cannot be held responsible" in _squash_keep(texts[1]), "the imprint: disclaimer"
        assert "cannot be held responsible" in _squash_keep(texts[-1])


def _squash_keep(text):
    return " ".join(text.split())


def test_every_tab_of_every_tab_set_is_printed(site):
    html = (site / "en" / "docs" / "guidelines" / "using-this-toolkit.html").read_text(encoding="utf-8")
    labels = re.findall(r'<label[^>]*class="sd-tab-label"[^>]*>\s*(.*?)\s*</label>', html, re.S)
    assert labels, "the chapter has tabs"
    text = _squash(" ".join(page_texts(site / "en" / "downloads" / f"{STEM}-en.pdf")))
    for label in labels:
        assert _squash(re.sub("<[^>]+>", "", label)) in text


def test_every_internal_link_of_the_print_page_lands_on_its_target(site):
    stage = site.parent / "stage"
    for lang in LANGUAGES:
        html = (stage / lang / "printpdf" / "index.html").read_text(encoding="utf-8")
        ids = set(re.findall(r'\bid="([^"]+)"', html))
        targets = set(re.findall(r'href="#([^"]+)"', html))
        assert targets, lang
        missing = sorted(targets - ids)
        assert not missing, f"{lang}: links to missing anchors {missing[:10]}"
