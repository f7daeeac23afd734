"""Search languages for Latvian and Estonian, which Sphinx does not have (it would fall back to English).

- Estonian: the Snowball Estonian stemmer, in Python from snowballstemmer (the index) and in JavaScript from
  the same Snowball source that Sphinx ships (``estonian-stemmer.js``, the query), so both give the same stems.
- Latvian: no library has a Latvian stemmer, so :mod:`cowork_book.search.latvian` implements the published
  light stemmer for Latvian (Lucene's LatvianStemmer, a light version of the algorithm in Kārlis Krēsliņš'
  PhD thesis "A stemming algorithm for Latvian", 1996) in Python and in JavaScript (``latvian.js``).
  ``tests/fixtures/latvian-stems.json`` holds shared test vectors that both must pass.
- A stop-word list for each (``stopwords_lv.txt``, ``stopwords_et.txt``): common function words.
"""

from pathlib import Path

import snowballstemmer
from sphinx.search import SearchLanguage

from cowork_book.search.latvian import stem as latvian_stem

HERE = Path(__file__).parent


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


def setup(app):
    app.add_search_language(SearchLatvian)
    app.add_search_language(SearchEstonian)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
