"""Language of parts (WCAG 3.1.2): quoted titles in another language carry their own lang, in HTML and EPUB."""

import re
import zipfile

from conftest import STEM

from cowork_book.languages import LANGUAGES

PAGE = "case_studies/colabora.html"
LATVIAN_TITLE = "Koprades telpas arī laukos"
ENGLISH_TITLE = "Nearly 9 out of 10 Latvian households now have Internet"


SPAN = re.compile(r'<span lang="([a-z-]+)"[^>]*>([^<]*)</span>')


def _marked(path):
    """``{(lang, text)}`` of the marked parts of a page."""
    return set(SPAN.findall(path.read_text(encoding="utf-8")))


def test_a_latvian_title_is_marked_in_every_language_but_latvian(site):
    for lang in LANGUAGES:
        marked = _marked(site / lang / PAGE)
        assert (("lv", LATVIAN_TITLE) in marked) == (lang != "lv"), lang


def test_an_english_title_left_in_english_is_marked_in_the_translations(site):
    assert ("en", ENGLISH_TITLE) not in _marked(site / "en" / PAGE)
    for lang in LANGUAGES:
        if lang != "en":
            assert ("en", ENGLISH_TITLE) in _marked(site / lang / PAGE), lang


def test_every_quoted_source_title_in_another_language_is_marked(site):
    """In the English book: Estonian, Spanish, Italian and Latvian titles of the further-reading list."""
    marked = _marked(site / "en" / "docs" / "appendices" / "further-reading.html")
    assert {lang for lang, _text in marked} >= {"lv", "et", "es", "it"}
    assert ("et", "Mis on noortekeskus?") in marked and ("it", "La demografia delle aree interne") in marked


def test_epub_marks_the_language_for_xhtml_readers(site):
    with zipfile.ZipFile(site / "lv" / "downloads" / f"{STEM}-lv.epub") as epub:
        page = epub.read("case_studies/colabora.xhtml").decode()
    assert re.search(rf'<span lang="en" xml:lang="en">{ENGLISH_TITLE}</span>', page)
