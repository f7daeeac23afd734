"""Glossary references that survive translation.

Sphinx files a glossary term under its text in the build's language, so once a translator writes
"kopstrāde" for "coworking" in the glossary, every ``{term}`coworking``` (in English text that is not
translated yet, or in a translation that keeps the English target as TRANSLATING.md asks) would be a broken
reference. This extension maps the English term to its translation, read from the glossary's own catalogue,
and resolves the reference to the translated entry.

It also sorts the glossary in the order of the build's language (web, EPUB and PDF alike): a translated
glossary in the English order ("piekļūstamība, resursu apzināšana, uzvedības kodekss ...") cannot be used to look
a word up. The order is each language's alphabet as CLDR collates it (``ALPHABETS``): Latvian č, ģ, ķ, ļ, ņ, š, ž
follow their base letter while ā, ē, ī, ū sort with a, e, i, u; Estonian š z ž come before t and õ ä ö ü after
w; Spanish ñ follows n; Russian ё sorts with е, й is a letter of its own, and Cyrillic comes before Latin.
Accents then case break ties. Written here as a small table rather than taken from elsewhere because Python's
``locale.strxfrm`` depends on the locales the machine has generated (and differs between glibc and others),
PyICU needs the ICU C++ library and is not in the lock file, and Babel has the locale data but no collation.
"""

import unicodedata
from functools import cache
from pathlib import Path

import polib
from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

LATIN = "abcdefghijklmnopqrstuvwxyz"
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюя"
#: Each language's letters in order (lower case); a letter not listed sorts as its base letter, accent second.
ALPHABETS = {
    "en": LATIN + CYRILLIC,
    "it": LATIN + CYRILLIC,
    "lv": "abcčdefgģhiyjkķlļmnņopqrsštuvwxzž" + CYRILLIC,
    "et": "abcdefghijklmnopqrsšzžtuvwõäöüxy" + CYRILLIC,
    "es": "abcdefghijklmnñopqrstuvwxyz" + CYRILLIC,
    "ru": CYRILLIC + LATIN,
}


@cache
def term_translations(po_path):
    """``{english term (lower case): translated term}`` from the glossary's catalogue."""
    if not Path(po_path).is_file():
        return {}
    return {
        entry.msgid.lower(): entry.msgstr
        for entry in polib.pofile(po_path)
        if entry.translated() and not entry.fuzzy and "\n" not in entry.msgid and len(entry.msgid) < 60
    }


def resolve_english_term(app, env, node, contnode):
    if node.get("refdomain") != "std" or node.get("reftype") != "term" or not app.config.locale_dirs:
        return None
    po_path = (
        Path(app.srcdir)
        / app.config.locale_dirs[0]
        / app.config.language
        / "LC_MESSAGES"
        / f"{app.config.book_glossary_doc}.po"
    )
    translated = term_translations(str(po_path)).get(node["reftarget"].lower())
    if not translated:
        return None
    std = env.domains.standard_domain
    return std.resolve_xref(env, node["refdoc"], app.builder, "term", translated, node, contnode)


def collation_key(text, language):
    """A sort key for ``text`` in ``language``: letters by the alphabet, then accents, then case.

    Spaces come first (word by word: "hot desk" before "hotel"), then digits, the language's letters and letters
    of other scripts; punctuation counts only where all else is equal.
    """
    alphabet = ALPHABETS.get(language, ALPHABETS["en"])
    primary, secondary, tertiary, punctuation = [], [], [], []
    for char in text:
        lower = char.lower()
        base, marks = lower, ""
        if lower not in alphabet:
            decomposed = unicodedata.normalize("NFD", lower)
            base, marks = decomposed[0], decomposed[1:]
        if base in alphabet:
            primary.append((3, alphabet.index(base)))
        elif base.isspace():
            primary.append((0, 0))
        elif base.isdigit():
            primary.append((2, unicodedata.digit(base, 0)))
        elif base.isalpha():
            primary.append((4, ord(base)))
        else:  # quotes, hyphens, "+": ignored, as dictionaries do ("„Erasmus+”" sorts as Erasmus)
            punctuation.append(char)
            continue
        secondary.append(marks)
        tertiary.append(char != lower)
    return primary, secondary, tertiary, punctuation


class SortGlossary(SphinxTransform):
    """The glossary in the order of the build's language (after the translation has been put in)."""

    default_priority = 800

    def apply(self, **kwargs):
        if self.env.docname != self.config.book_glossary_doc:
            return
        for glossary in self.document.findall(addnodes.glossary):
            for entries in glossary.findall(nodes.definition_list):
                items = [c for c in entries.children if isinstance(c, nodes.definition_list_item)]
                items.sort(key=lambda item: collation_key(_term(item), self.config.language))
                entries.children = items


def _term(item):
    return next((child.astext() for child in item.children if isinstance(child, nodes.term)), "")


def setup(app):
    app.add_config_value("book_glossary_doc", "docs/appendices/glossary", "env", str)
    app.add_transform(SortGlossary)
    app.connect("missing-reference", resolve_english_term)
    return {"version": "1.0", "env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
