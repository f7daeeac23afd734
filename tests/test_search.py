"""Search in every language: Latvian and Estonian stemmers (Python index = JavaScript query), real searches that
tell their count in the page's language (with its plural rule) or say that nothing matched, ranking, snippets."""

import gettext
import json
import re
from pathlib import Path

import polib
import pytest
import snowballstemmer
from playwright.sync_api import expect
from sphinx.search import _NON_MINIFIED_JS_PATH

from cowork_book.languages import LANGUAGES
from cowork_book.sphinxext.search import SearchEstonian, SearchLatvian
from cowork_book.sphinxext.search.interface import MESSAGES, NO_RESULTS, PLURALS
from cowork_book.sphinxext.search.latvian import stem

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


# -- What a reader sees on the search page, in every language ------------------------------------------------

SINGULAR = "Search finished, found one page matching the search query."
NO_HITS = "qqxyzzyq"


def _catalogue(lang):
    return polib.pofile(str(ROOT / "locales" / lang / "LC_MESSAGES" / "sphinx.po"))


def _summary_for(lang, count):
    """The summary line the page must show for ``count`` results, from sphinx.po and its own plural rule."""
    if lang == "en":
        return f"Search finished, found {'one page' if count == 1 else f'{count} pages'} matching the search query."
    catalogue = _catalogue(lang)
    entry = catalogue.find(SINGULAR)
    rule = re.search(r"plural\s*=\s*(.+?);?\s*$", catalogue.metadata["Plural-Forms"]).group(1)
    return entry.msgstr_plural[gettext.c2py(rule)(count)].replace("${resultCount}", str(count))


def _no_results(lang):
    return NO_RESULTS if lang == "en" else _catalogue(lang).find(NO_RESULTS).msgstr


def _search(browser, server, lang, query):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server}/{lang}/search.html?q={query}")
    summary = page.locator("#search-results p.search-summary")
    expect(summary).not_to_be_empty(timeout=20000)
    page.wait_for_timeout(300)
    return page, summary.inner_text(), errors


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_search_tells_the_count_in_the_pages_language_and_says_when_nothing_matches(browser, server, lang):
    query, _found = SEARCHES[lang]
    page, summary, errors = _search(browser, server, lang, query)
    count = page.locator("#search-results ul.search > li").count()
    assert count >= 1 and summary == _summary_for(lang, count), (summary, count)
    # the plural rule of the language, as the page computes it (Estonian's used to answer true/false)
    for n in (1, 2, 3, 5, 11, 21, 22, 25, 101):
        shown = page.evaluate("([s, p, n]) => Documentation.ngettext(s, p, n)", [SINGULAR, PLURALS[SINGULAR], n])
        assert shown.replace("${resultCount}", str(n)) == _summary_for(lang, n), n
    assert page.locator("#search-results h2").inner_text().strip(". ")
    page.close()
    page, summary, more_errors = _search(browser, server, lang, NO_HITS)
    assert summary == _no_results(lang) and summary.strip()
    assert page.locator("#search-results ul.search > li").count() == 0
    assert not errors + more_errors, errors + more_errors
    if lang != "en":
        assert summary != NO_RESULTS and _summary_for(lang, 5) != _summary_for("en", 5)
    page.close()


def _results(page):
    return page.locator("#search-results ul.search > li > a").evaluate_all(
        "links => links.map(a => [a.getAttribute('href'), a.textContent])"
    )


# A chapter whose title is the query comes first; in Estonian, the two searches that readers reported.
RANKED = {
    "en": [("space", "docs/guidelines/the-space.html", 1), ("funding", "docs/guidelines/keeping-it-going.html", 3)],
    "lv": [("telpa", "docs/guidelines/the-space.html", 1)],
    "et": [
        ("ruum", "docs/guidelines/the-space.html", 1),
        ("rahastus", "docs/guidelines/keeping-it-going.html", 3),
        ("noortekeskus", "docs/guidelines/why-coworking.html", 3),
    ],
    "es": [("espacio", "docs/guidelines/the-space.html", 1)],
    "it": [("spazio", "docs/guidelines/the-space.html", 1)],
    "ru": [("пространство", "docs/guidelines/the-space.html", 1)],
}


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_search_ranks_titles_and_headings_first(browser, server, lang):
    for query, expected, within in RANKED[lang]:
        page, _summary, errors = _search(browser, server, lang, query)
        hrefs = [href.split("#")[0].split("?")[0] for href, _title in _results(page)]
        assert expected in hrefs[:within], (query, hrefs[:8])
        first_case = next((i for i, href in enumerate(hrefs) if href.startswith("case_studies/")), len(hrefs))
        assert hrefs.index(expected) < first_case, (query, hrefs[:8])
        assert not errors
        page.close()


def test_snippets_read_as_text_and_fact_box_labels_are_not_indexed(browser, server, site):
    labels = [
        dt
        for dt in re.findall(
            r'<dt class="no-search">(.*?)</dt>',
            (site / "et" / "case_studies" / "sende.html").read_text(encoding="utf-8"),
        )
    ]
    assert len(labels) >= 6, "the fact-box labels are marked for the index to leave out"
    page, _summary, _errors = _search(browser, server, "et", "rahastus")
    page.locator("#search-results p.context").first.wait_for(timeout=20000)
    page.wait_for_timeout(1000)
    snippets = " ".join(page.locator("#search-results p.context").all_inner_texts())
    run_together = [label for label in labels if re.search(rf"{re.escape(label)}[A-ZÄÖÕÜ0-9]", snippets)]
    assert snippets and not run_together, run_together
    assert not re.search(r"[a-zäöõü][A-ZÄÖÕÜ][a-zäöõü]", snippets), "words of two blocks run together"
    page.close()


def test_plural_search_message_reaches_the_catalogue_template(tmp_path):
    """``make update-po`` keeps the plural forms: the interface template has the summary with msgid_plural."""
    from cowork_book.commands.catalogues import write_interface_pot

    write_interface_pot(tmp_path)
    pot = polib.pofile(str(tmp_path / "sphinx.pot"))
    entry = pot.find(SINGULAR)
    assert entry and entry.msgid_plural == PLURALS[SINGULAR]
    assert {m for m in MESSAGES} <= {e.msgid for e in pot}
