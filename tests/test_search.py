"""Search in every language: Latvian and Estonian stemmers (Python index = JavaScript query), real searches."""

import json
from pathlib import Path

import pytest
import snowballstemmer
from sphinx.search import _NON_MINIFIED_JS_PATH

from cowork_book.languages import LANGUAGES
from cowork_book.search import SearchEstonian, SearchLatvian
from cowork_book.search.latvian import stem

ROOT = Path(__file__).resolve().parent.parent
VECTORS = json.loads((ROOT / "tests" / "fixtures" / "latvian-stems.json").read_text(encoding="utf-8"))
ESTONIAN_WORDS = [
    "noortele",
    "noorte",
    "noored",
    "noortekeskus",
    "noortekeskuses",
    "koostöötamine",
    "kogukonna",
    "ruumis",
    "ruumid",
    "ettevõtlus",
    "vabatahtlikud",
    "omavalitsus",
    "omavalitsuse",
    "pilootprojekt",
]


def test_latvian_python_stems_match_the_vectors():
    assert {word: stem(word) for word in VECTORS} == VECTORS
    assert stem("jauniešiem") == stem("jaunieši") == stem("jauniešu")


def test_latvian_javascript_stems_match_the_vectors(browser):
    page = browser.new_page()
    page.add_script_tag(content=SearchLatvian.js_stemmer_code)
    stems = page.evaluate("words => { const s = new Stemmer(); return words.map(w => s.stemWord(w)); }", list(VECTORS))
    assert dict(zip(VECTORS, stems, strict=True)) == VECTORS
    page.close()


def test_estonian_javascript_and_python_stemmers_agree(browser):
    python = snowballstemmer.stemmer("estonian")
    page = browser.new_page()
    for name in ("base-stemmer.js", SearchEstonian.js_stemmer_rawcode):
        page.add_script_tag(content=(Path(_NON_MINIFIED_JS_PATH) / name).read_text(encoding="utf-8"))
    stems = page.evaluate(
        "words => { const s = new EstonianStemmer(); return words.map(w => s.stemWord(w)); }", ESTONIAN_WORDS
    )
    assert stems == [python.stemWord(w) for w in ESTONIAN_WORDS]
    assert python.stemWord("noortele") == python.stemWord("noorte")
    page.close()


def test_stop_words_are_left_out():
    assert {"un", "ir", "ar"} <= SearchLatvian.stopwords
    assert {"ja", "on", "ei"} <= SearchEstonian.stopwords


def test_built_index_uses_the_languages_stemmer(site):
    lv_index = (site / "lv" / "searchindex.js").read_text(encoding="utf-8")
    assert '"jaunie\\u0161"' in lv_index or '"jaunieš"' in lv_index
    assert "jauniešiem" not in lv_index
    lv_data = (site / "lv" / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "ajiem" in lv_data
    et_data = (site / "et" / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "EstonianStemmer" in et_data


SEARCHES = {
    "en": ("coworking", "coworking"),
    "lv": ("jauniešiem", "jaunieš"),
    "et": ("noortele", "noor"),
    "es": ("jóvenes", "joven"),
    "it": ("giovani", "giovan"),
    "ru": ("молодёжи", "молод"),
}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_real_search_finds_pages_in_chromium(browser, server, lang):
    query, found = SEARCHES[lang]
    page = browser.new_page()
    page.goto(f"{server}/{lang}/search.html?q={query}")
    results = page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=20000)
    assert results.count() >= 1
    text = " ".join(results.all_inner_texts()).lower()
    assert found in text, text[:500]
    page.close()
