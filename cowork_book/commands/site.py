"""The site's root pages: a language chooser (``index.html``) and a ``404.html``.

Both are single self-contained files (inline style, a few lines of inline script, no request to any other
host) because they sit above the language folders, outside any one Sphinx build. Their markup is
``templates/site-root.html`` (Jinja, autoescaped), like the pages the extensions make.

The chooser never sends a reader away on its own guess: a Latvian reading on an English phone must see
"Latviešu". It marks the first of the browser's languages that the book has (and gives it the focus), and goes
on only when the reader picks a language, or at once to the language they picked last (here or in the book's
switcher, :data:`cowork_book.sphinxext.switcher.REMEMBER`, kept in the browser only).

Why not sphinx-notfound-page: it makes a 404 page inside one Sphinx build, in that build's language and with
absolute links under one configured prefix. This book's 404 sits above the six language folders, must offer every
language, and must work from any sub-path and from a USB stick, so it is one small static file written here.
"""

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from cowork_book.book import BOOK
from cowork_book.languages import LANGUAGES, SOURCE_LANGUAGE
from cowork_book.sphinxext.switcher import REMEMBER

TEMPLATES = Environment(
    loader=PackageLoader("cowork_book.commands"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def write_root(site, langs):
    """Write ``index.html`` and ``404.html`` at the top of ``site`` for the languages that were built."""
    site = Path(site)
    site.mkdir(parents=True, exist_ok=True)
    codes = [code for code in LANGUAGES if code in langs]
    page = TEMPLATES.get_template("site-root.html")
    facts = {
        "title": BOOK.title,
        "source": SOURCE_LANGUAGE,
        "codes": codes,
        "languages": [(code, LANGUAGES[code]) for code in codes],
        "remember": REMEMBER,
    }
    (site / "index.html").write_text(page.render(missing=False, **facts), encoding="utf-8")
    (site / "404.html").write_text(page.render(missing=True, **facts), encoding="utf-8")
