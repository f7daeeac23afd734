"""The search page's words in the page's language: the ``translations.js`` that Sphinx's ``searchtools.js`` reads.

Sphinx copies a prebuilt ``sphinx.js`` from its own catalogues, which for this book's languages has empty strings
(the count of results and the "no results" text show as nothing in Latvian, Spanish, Italian and Russian) and,
in Estonian, a plural rule that answers ``true``/``false`` instead of a form number (the page throws "Cannot
read properties of undefined"). So each translated build writes its own ``sphinx.js`` where Sphinx looks
first (the checked catalogues, :mod:`cowork_book.sphinxext.safety`): Sphinx's non-empty messages, overridden by the
book's ``sphinx.po``, whose messages below are written by the book's translators, with the plural rule of
``sphinx.po`` as a number. Empty translations are left out, so a missing one shows in English, never as nothing.
"""

import json
import re
from pathlib import Path

import polib
import sphinx


def _(message):
    """Marks a message for ``sphinx.po`` (``commands.catalogues`` collects these calls); translates nothing."""
    return message


# The messages of Sphinx's search page that a reader sees. The English is Sphinx's own, which searchtools.js
# looks up, so it cannot be reworded here; the translations can say it better.
NO_RESULTS = _("Your search did not match any documents. Please make sure that all words are spelled correctly and that you've selected enough categories.")  # noqa: E501  # fmt: skip
MESSAGES = [
    _("Search Results"),
    _("Searching"),
    _("Preparing search..."),
    NO_RESULTS,
    _("Search finished, found one page matching the search query."),
]
# msgid -> msgid_plural, for the catalogue template (cowork_book.commands.catalogues).
PLURALS = {
    "Search finished, found one page matching the search query.": (
        "Search finished, found ${resultCount} pages matching the search query."
    )
}
SPHINX_CATALOGUE = Path(sphinx.__file__).parent / "locale" / "{lang}" / "LC_MESSAGES" / "sphinx.js"
ADD_TRANSLATIONS = re.compile(r"Documentation\.addTranslations\((\{.*\})\);?\s*$", re.S)


def sphinx_messages(lang):
    """Sphinx's own non-empty messages for ``lang`` (plural ones left out: their rule may not be ours)."""
    path = Path(str(SPHINX_CATALOGUE).format(lang=lang))
    if not path.is_file():
        return {}
    found = ADD_TRANSLATIONS.search(path.read_text(encoding="utf-8"))
    messages = json.loads(found.group(1))["messages"] if found else {}
    return {msgid: text for msgid, text in messages.items() if isinstance(text, str) and text}


def plural_rule(catalogue):
    """The ``plural=`` expression of a catalogue's header, as JavaScript that returns a form number."""
    found = re.search(r"plural\s*=\s*(.+?);?\s*$", catalogue.metadata.get("Plural-Forms", ""))
    return f"Number({found.group(1)})" if found else "Number(n != 1)"


def book_messages(catalogue):
    """The book's translations of the search page's messages: ``{msgid: text or [forms]}``, complete ones only."""
    wanted = set(MESSAGES)
    messages = {}
    for entry in catalogue:
        if entry.msgid not in wanted or entry.obsolete or entry.fuzzy:
            continue
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            if forms and all(forms):
                messages[entry.msgid] = forms
        elif entry.msgstr:
            messages[entry.msgid] = entry.msgstr
    return messages


def translations_js(lang, po_path):
    """The text of ``sphinx.js`` for ``lang`` from Sphinx's catalogue and the book's ``sphinx.po``."""
    catalogue = polib.pofile(str(po_path)) if Path(po_path).is_file() else polib.POFile()
    messages = sphinx_messages(lang) | book_messages(catalogue)
    data = {"locale": lang, "messages": dict(sorted(messages.items())), "plural_expr": plural_rule(catalogue)}
    return f"Documentation.addTranslations({json.dumps(data, ensure_ascii=False, indent=1)});\n"


def write_translations_js(app, config):
    """For a translated build: ``sphinx.js`` beside the checked copy of ``sphinx.po`` (never in ``locales/``), the
    first place Sphinx looks for it. Runs after :mod:`cowork_book.sphinxext.safety` has made the copies."""
    lang = config.language
    if not lang or lang == "en" or not getattr(config, "book_original_locale_dirs", None):
        return
    folder = Path(app.srcdir, config.locale_dirs[0], lang, "LC_MESSAGES")
    text = translations_js(lang, folder / "sphinx.po")
    target = folder / "sphinx.js"
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
