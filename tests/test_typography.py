"""Apostrophes stay apostrophes in every language: an elided article before markup (Italian ``l'{term}`…```)
must not turn into a closing double quotation mark."""

import re

from cowork_book.languages import LANGUAGES

GLUED_QUOTE = re.compile(r"\w[”“»«]\w")  # a double quotation mark between two letters is a wrong apostrophe


def test_no_double_quote_between_letters(html_pages):
    wrong = {}
    for lang in LANGUAGES:
        for page in html_pages[lang]:
            text = re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))  # markup out, letters joined
            for found in GLUED_QUOTE.finditer(text):
                wrong.setdefault(f"{lang}/{page.name}", []).append(text[found.start() - 10 : found.end() + 10])
    assert not wrong, wrong


def test_italian_elisions_before_markup_keep_the_apostrophe(site):
    page = (site / "it" / "docs" / "guidelines" / "keeping-it-going.html").read_text(encoding="utf-8")
    assert "l’<a" in page and "l”<a" not in page  # l'{term}`accoglienza <onboarding>`
