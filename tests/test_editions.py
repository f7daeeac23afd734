"""Web-only content (cowork_book.sphinxext.editions): on the web book, left out of the EPUB and of the PDF.

The PDF side is checked for every language in ``test_print_edition.py`` (against what the print build says it
left out); here the same marks are followed to the web pages and into the EPUB, in English.
"""

import re
import zipfile

import pytest
from conftest import ROOT, STEM
from htmlparse import read

# (source page, what is marked web-only there, the marked English text)
MARKED = [
    ("case_studies/index", "a sentence", "Use the filters to find cases like your own centre"),
    ("docs/tools/pilot-planner", "a sentence", "download it as a calendar file"),
    ("docs/tools/index", "a section", "Your answers stay with you"),
    ("docs/tools/index", "a section", "Point at such a word, move to it with the keyboard or tap it once"),
    ("docs/guidelines/getting-ready", "a block", "You can also fill it in on screen"),
    ("index", "a card", "The whole book as a PDF to print and as an EPUB for e-readers"),
]


def _epub_page(epub, docname):
    name = f"{docname}.xhtml"
    assert name in epub.namelist(), f"{name} is in the EPUB"
    return " ".join(re.sub(r"<[^>]+>", " ", epub.read(name).decode("utf-8")).split())


@pytest.mark.parametrize("docname, what, text", MARKED)
def test_web_only_content_is_on_the_web_and_not_in_the_epub(site, docname, what, text):
    source = (ROOT / f"{docname}.md").read_text(encoding="utf-8")
    assert "web-only" in source, f"{docname}.md marks {what} web-only"
    assert text in read(site / "en" / f"{docname}.html").text
    with zipfile.ZipFile(site / "en" / "downloads" / f"{STEM}-en.epub") as epub:
        assert text not in _epub_page(epub, docname)


def test_whole_web_only_pages_stay_in_the_epub_but_not_in_the_pdf(site):
    """The EPUB keeps every page its contents list (only the PDF leaves a whole page out)."""
    with zipfile.ZipFile(site / "en" / "downloads" / f"{STEM}-en.epub") as epub:
        assert "Volunteers translate this book" in _epub_page(epub, "docs/translation-status")
    left_out = (site.parent / "stage" / "en" / "printpdf" / "left-out.json").read_text(encoding="utf-8")
    assert "You can read this book offline" in left_out  # the Download page, a whole web-only page
    # The status page is in no contents list of the book (the footer links to it), so the print edition never
    # takes it in: it is not left out, it is simply not there.
    assert "Volunteers translate this book" not in (site.parent / "stage" / "en" / "printpdf" / "index.html").read_text(
        encoding="utf-8"
    )
