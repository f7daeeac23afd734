"""Apostrophes in the translations stay apostrophes.

Docutils' "smart quotes" turn a straight ``'`` into the language's secondary quotation marks; in Italian,
Spanish and Russian those are double marks, so an apostrophe before markup (``dell'*EntreComp*``,
``l'{term}`…```) came out as a closing double quote ("dell”EntreComp"). The translators type their own
quotation marks (each language's ``style.toml`` checks them), so a straight single quote in a translation is an
apostrophe: for every language of the book this keeps the primary marks of docutils' table and makes the
secondary pair ‘’, whose closing mark is the apostrophe ’.
"""

from docutils.utils.smartquotes import smartchars

from cowork_book.languages import LANGUAGES


def apostrophes(app):
    locales = []
    for code in LANGUAGES:
        primary = smartchars.quotes.get(code, "“”‘’")[:2]
        locales.append((code, primary + "‘’"))
    app.env.settings["smartquotes_locales"] = locales


def setup(app):
    app.connect("builder-inited", apostrophes)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
