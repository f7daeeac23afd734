"""Search that works and ranks well in every language of the book.

Search languages for Latvian and Estonian, which Sphinx does not have (it would fall back to English):

- Estonian: the Snowball Estonian stemmer, in Python from snowballstemmer (the index) and in JavaScript from
  the same Snowball source that Sphinx ships (``estonian-stemmer.js``, the query), so both give the same stems.
- Latvian: no library has a Latvian stemmer, so :mod:`cowork_book.sphinxext.search.latvian` implements the published
  light stemmer for Latvian (Lucene's LatvianStemmer, a light version of the algorithm in Kārlis Krēsliņš'
  PhD thesis "A stemming algorithm for Latvian", 1996) in Python and in JavaScript (``latvian.js``).
  ``tests/fixtures/latvian-stems.json`` holds shared test vectors that both must pass.
- A stop-word list for each (``stopwords_lv.txt``, ``stopwords_et.txt``): common function words.

And for every language:

- The search page's own words (the count of results with each language's plural forms, "no results"),
  translated in ``sphinx.po`` and given to the page by :mod:`cowork_book.sphinxext.search.interface`.
- Ranking and snippets: ``scorer.js`` (titles and distinctive headings first; snippets that read as text).
- The labels of the case studies' fact boxes ("Funding", "Setting"...), the same on every case, are kept out
  of the index (Sphinx's ``no-search`` class), so that a search for "funding" finds the pages about funding.
"""

from pathlib import Path

import snowballstemmer
from docutils import nodes
from sphinx.search import SearchLanguage

from cowork_book.sphinxext.search.interface import write_translations_js
from cowork_book.sphinxext.search.latvian import stem as latvian_stem

HERE = Path(__file__).parent
UNINDEXED_LABELS = "case-fact-box"  # a box whose labels (the terms of its definition list) are not indexed


def _stopwords(name):
    words = (HERE / name).read_text(encoding="utf-8").split()
    return frozenset(w for w in words if not w.startswith("#"))


class SearchLatvian(SearchLanguage):
    lang = "lv"
    language_name = "Latvian"
    stopwords = _stopwords("stopwords_lv.txt")
    js_stemmer_code = (HERE / "latvian.js").read_text(encoding="utf-8")

    def stem(self, word):
        return latvian_stem(word.lower())


class SearchEstonian(SearchLanguage):
    lang = "et"
    language_name = "Estonian"
    js_stemmer_rawcode = "estonian-stemmer.js"
    stopwords = _stopwords("stopwords_et.txt")

    def __init__(self, options):
        super().__init__(options)
        self.stemmer = snowballstemmer.stemmer("estonian")

    def stem(self, word):
        return self.stemmer.stemWord(word.lower())


def use_book_scorer(app, config):
    if not config.html_search_scorer:
        config.html_search_scorer = str(HERE / "scorer.js")


def keep_labels_out_of_the_index(app, doctree, docname):
    """The fact-box labels are on every case study: as words of its text they outranked the chapters."""
    for box in doctree.findall(nodes.Element):
        if UNINDEXED_LABELS in box.get("classes", []):
            for label in box.findall(nodes.term):
                label["classes"].append("no-search")


def setup(app):
    app.setup_extension("cowork_book.sphinxext.safety")  # the checked catalogues, beside which sphinx.js is written
    app.add_search_language(SearchLatvian)
    app.add_search_language(SearchEstonian)
    app.connect("config-inited", use_book_scorer)
    app.connect("config-inited", write_translations_js, priority=600)  # after cowork_book.sphinxext.safety (100)
    app.connect("doctree-resolved", keep_labels_out_of_the_index)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
