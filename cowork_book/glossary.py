"""Glossary references that survive translation.

Sphinx files a glossary term under its text in the build's language, so once a translator writes
"kopstrāde" for "coworking" in the glossary, every ``{term}`coworking``` (in English text that is not
translated yet, or in a translation that keeps the English target as TRANSLATING.md asks) would be a broken
reference. This extension maps the English term to its translation, read from the glossary's own catalogue,
and resolves the reference to the translated entry.
"""

from functools import cache
from pathlib import Path

import polib


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


def setup(app):
    app.add_config_value("book_glossary_doc", "docs/appendices/glossary", "env", str)
    app.connect("missing-reference", resolve_english_term)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
