"""The glossary in each language's own order, on the web and in the PDF (cowork_book.sphinxext.glossary)."""

import re

import pytest

from cowork_book.languages import LANGUAGES
from cowork_book.sphinxext.glossary import collation_key


@pytest.mark.parametrize(
    "lang, words",
    [
        ("lv", ["abi", "ābols", "cena", "čaula", "dēls", "ēna", "gads", "ģimene", "ķirsis", "lapa", "ļoti", "žogs"]),
        ("et", ["sõna", "šokk", "zoo", "žürii", "tee", "vesi", "õun", "äri", "öö", "ülo", "xenon", "yoga"]),
        ("es", ["abeja", "árbol", "nube", "ñandú", "oso"]),
        ("it", ["città", "coworking", "è", "essere", "perché", "però"]),
        ("ru", ["еда", "ёж", "ель", "игра", "йод", "кот", "яма", "DigComp", "Erasmus+"]),
        ("en", ["coworker", "coworking", "coworking space", "DigComp", "Erasmus+", "GDPR", "hot desk"]),
    ],
)
def test_collation_follows_dictionary_order(lang, words):
    """Orders from each language's dictionaries (CLDR collation), written out by hand, not by the code."""
    assert sorted(reversed(words), key=lambda w: collation_key(w, lang)) == words


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_web_glossary_is_in_the_languages_order(site, lang):
    page = (site / lang / "docs" / "appendices" / "glossary.html").read_text(encoding="utf-8")
    terms = [
        re.sub(r"<[^>]+>", "", t).strip()
        for t in re.findall(r'<dt id="term-[^"]*">(.*?)<a class="headerlink', page, re.S)
    ]
    assert len(terms) > 20
    assert terms == sorted(terms, key=lambda t: collation_key(t, lang))
