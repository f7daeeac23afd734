"""Honest pages: a translated page that still shows an English paragraph says so at the top, in the page's
language, links to the translation status, and marks the paragraph ``lang="en"``: in HTML, EPUB and the PDF."""

import subprocess
import zipfile

import pikepdf
from conftest import STEM
from conftest import UNTRANSLATED_PARAGRAPH as ENGLISH

from cowork_book.sphinxext.status import english_date

NOTE = "Daļa šīs lapas vēl nav iztulkota"


def test_web_page_has_the_note_and_marks_the_english_paragraph(partly_translated):
    page = (partly_translated / "docs" / "about.html").read_text(encoding="utf-8")
    note = page[page.index("translation-fallback") :][:800]
    assert NOTE in note and 'href="translation-status.html#translation-status"' in note
    assert f'lang="en">{ENGLISH}' in page
    assert page.index("translation-fallback") < page.index(f'lang="en">{ENGLISH}')


def test_fully_translated_pages_have_no_note(partly_translated):
    assert "translation-fallback" not in (partly_translated / "index.html").read_text(encoding="utf-8")


def test_epub_page_has_the_note_and_marks_the_english_paragraph(partly_translated):
    with zipfile.ZipFile(partly_translated / "downloads" / f"{STEM}-lv.epub") as epub:
        page = epub.read("docs/about.xhtml").decode()
    assert NOTE in page and f'lang="en">{ENGLISH}' in page


def _english_structure_texts(pdf_path):
    """Texts of the PDF structure elements whose /Lang is English."""
    found = []
    with pikepdf.open(pdf_path) as pdf:
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            element = stack.pop()
            if isinstance(element, pikepdf.Dictionary) and str(element.get("/Lang", "")) == "en":
                found.append(str(element.get("/S", "")))
            kids = element.get("/K") if isinstance(element, pikepdf.Dictionary) else None
            if isinstance(kids, pikepdf.Array):
                stack.extend(k for k in kids if isinstance(k, pikepdf.Dictionary))
            elif isinstance(kids, pikepdf.Dictionary):
                stack.append(kids)
    return found


def test_pdf_has_the_note_and_marks_the_english_paragraph(partly_translated, site):
    pdf_path = partly_translated / "downloads" / f"{STEM}-lv.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True).stdout
    assert NOTE in " ".join(text.split()) and "This book is an output" in text
    paragraphs = _english_structure_texts(pdf_path).count("/P")
    complete = _english_structure_texts(site / "lv" / "downloads" / f"{STEM}-lv.pdf").count("/P")
    assert paragraphs > complete, (paragraphs, complete)


def test_status_page_says_which_english_it_was_measured_against(site):
    page = (site / "lv" / "docs" / "translation-status.html").read_text(encoding="utf-8")
    assert "Salīdzināts ar angļu tekstu" in page and english_date()[:4] in page
