"""Translation catalogues: extract, update, and report progress.

``python -m cowork_book.commands.catalogues update lv et ...`` merges the message templates of ``make gettext``
(``_build/gettext/*.pot``) into ``locales/<lang>/LC_MESSAGES/*.po`` with sphinx-intl, after adding the
interface template ``sphinx.pot``: every string the page templates and our extensions pass through ``_()``
(ours and Furo's). Sphinx's own translations win where they exist; ``sphinx.po`` fills the gaps.

``python -m cowork_book.commands.catalogues stats lv et ...`` prints
 translated / fuzzy / untranslated entries and words;
``todo lv`` lists the files that need work, those with fuzzy entries (changed English) first.
sphinx-intl rewrites a catalogue only when its set of messages changes, so untouched catalogues stay
byte-identical (no churn for translation platforms).
"""

import re
import sys
from pathlib import Path

import polib

from cowork_book.paths import LOCALES, ROOT
from cowork_book.pofiles import catalogue_stats, language_stats

LINE_WIDTH = 79
FORMAT_FLAG_LINE = re.compile(r"^#, python-(?:brace-)?format\n", re.M)
FORMAT_FLAG = re.compile(r", python-(?:brace-)?format\b")
TEMPLATE_STRING = re.compile(r"""\b_\(\s*(["'])(?P<text>(?:(?!\1).)+)\1\s*\)|{% trans %}(?P<block>[^{}]+){% endtrans""")


def interface_sources():
    import furo

    yield from sorted((ROOT / "_templates").rglob("*.html"))
    yield from sorted((ROOT / "cowork_book").rglob("*.html"))  # the themes
    yield from sorted((ROOT / "cowork_book").rglob("*.py"))  # the extensions, the search page's messages
    yield from sorted((Path(furo.__file__).parent / "theme" / "furo").rglob("*.html"))


# Strings of Sphinx's own HTML writer that the pages show (permalink tooltips) and that Sphinx's catalogues
# lack for some of the book's languages.
SPHINX_WRITER_MESSAGES = ["Link to this heading", "Link to this term", "Link to this definition", "Link to this table"]


def interface_messages():
    """``{message: [(file, line)]}`` of every translated literal in templates and extensions."""
    messages = {message: [("sphinx/writers/html5.py", "")] for message in SPHINX_WRITER_MESSAGES}
    for path in interface_sources():
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in TEMPLATE_STRING.finditer(line):
                where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else Path("furo") / path.name
                messages.setdefault(match.group("text") or match.group("block"), []).append((str(where), lineno))
    return messages


def write_interface_pot(pot_dir):
    pot = polib.POFile(wrapwidth=LINE_WIDTH)
    pot.metadata = {
        "Project-Id-Version": "Coworking in Youth Centres",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    from cowork_book.sphinxext.search.interface import (
        PLURALS,  # messages with plural forms (the count of search results)
    )

    for message, where in sorted(interface_messages().items()):
        if message in PLURALS:
            plural = {"msgid_plural": PLURALS[message], "msgstr_plural": {0: "", 1: ""}}
            pot.append(polib.POEntry(msgid=message, occurrences=where, **plural))
        else:
            pot.append(polib.POEntry(msgid=message, msgstr="", occurrences=where))
    pot_dir.mkdir(parents=True, exist_ok=True)
    pot.save(str(pot_dir / "sphinx.pot"))


def update(langs, root=ROOT):
    """Merge ``<root>/_build/gettext`` into ``<root>/locales/<lang>``; untouched catalogues are not rewritten."""
    pot_dir, locales = Path(root) / "_build" / "gettext", Path(root) / "locales"
    if not pot_dir.exists():
        sys.exit(f"{pot_dir}: no message templates; run 'make gettext' first")
    write_interface_pot(pot_dir)
    for lang in langs:
        for pot in sorted(pot_dir.rglob("*.pot")):
            po = locales / lang / "LC_MESSAGES" / pot.relative_to(pot_dir).with_suffix(".po")
            update_catalogue(po, pot, lang)
        for po in (locales / lang / "LC_MESSAGES").rglob("*.po"):
            drop_format_flags(po)


def update_catalogue(po, pot, lang):
    """sphinx-intl's merge of one template into one catalogue, written with the previous English (``#| msgid``)
    of every entry that became fuzzy, so Poedit and Weblate show the translator what changed. Like sphinx-intl,
    a catalogue whose set of messages did not change is not rewritten."""
    from babel.messages.plurals import get_plural
    from sphinx_intl import catalog

    template = catalog.load_po(str(pot))
    if not po.exists():  # a new language: its own plural forms, not the count babel kept from the template
        template.locale = lang
        template.mime_headers = [("Plural-Forms", get_plural(lang).plural_forms)]
        catalog.dump_po(str(po), template, width=LINE_WIDTH)
        return
    cat = catalog.load_po(str(po))
    before = {m.id for m in cat if m.id}
    catalog.update_with_fuzzy(cat, template)
    if {m.id for m in cat if m.id} == before:
        return
    previous = {m.id: m.previous_id[0] for m in cat if m.id and m.fuzzy and m.previous_id}  # babel: [id, plural]
    catalog.dump_po(str(po), cat, width=LINE_WIDTH)  # babel wraps a long "#| msgid" wrongly: polib writes it
    if previous:
        entries = polib.pofile(str(po), wrapwidth=LINE_WIDTH)
        for entry in entries:
            if entry.msgid in previous:
                entry.previous_msgid = previous[entry.msgid]
        entries.save()


def drop_format_flags(po):
    """Remove babel's automatic ``python-format`` / ``python-brace-format`` flags: "5% of" or a MyST role
    ``{term}`` is not a format string, and the flag makes ``msgfmt -c`` and Poedit demand one. Rewrites the
    file only if a flag was there."""
    text = po.read_text(encoding="utf-8")
    cleaned = FORMAT_FLAG.sub("", FORMAT_FLAG_LINE.sub("", text))
    if cleaned != text:
        po.write_text(cleaned, encoding="utf-8")


def stats(langs):
    print(f"{'lang':<5}{'translated':>12}{'fuzzy':>8}{'untranslated':>14}{'done':>8}{'words':>9}")
    for lang in langs:
        s = language_stats(lang)
        total = s["translated"] + s["fuzzy"] + s["untranslated"]
        percent = 100.0 * s["translated"] / total if total else 100.0
        print(f"{lang:<5}{s['translated']:>12}{s['fuzzy']:>8}{s['untranslated']:>14}{percent:>7.1f}%{s['words']:>9}")


def todo(langs, locales=LOCALES):
    """What needs work, per file: fuzzy entries first (the English changed), then untranslated, like
    python-docs-fr's ``make todo``."""
    for lang in langs:
        rows = []
        for po_path in sorted((Path(locales) / lang / "LC_MESSAGES").rglob("*.po")):
            s = catalogue_stats(po_path)
            if s["fuzzy"] or s["untranslated"]:
                rows.append((s["fuzzy"], s["untranslated"], po_path.relative_to(Path(locales).parent)))
        rows.sort(key=lambda row: (-row[0], -row[1], str(row[2])))
        print(f"{lang}: {len(rows)} file(s) need work" + (":" if rows else ""))
        for fuzzy, untranslated, path in rows:
            print(f"  {fuzzy:>4} fuzzy {untranslated:>4} untranslated  {path}")


def main(argv=None):
    argv = argv if argv is not None else sys.argv[1:]
    commands = {"update": update, "stats": stats, "todo": todo}
    if not argv or argv[0] not in commands:
        sys.exit(f"usage: python -m cowork_book.commands.catalogues {'|'.join(commands)} LANG ...")
    from cowork_book.languages import TRANSLATIONS

    langs = argv[1:] or TRANSLATIONS
    commands[argv[0]](langs)


if __name__ == "__main__":
    main()
