"""Counts of the translation catalogues (``locales/<lang>/LC_MESSAGES/**/*.po``): read by the status page
(:mod:`cowork_book.sphinxext.status`) and by ``make stats`` (:mod:`cowork_book.commands.catalogues`)."""

import polib

from cowork_book.paths import LOCALES


def words(text):
    return len(text.split())


def catalogue_stats(po_path):
    """``{'translated', 'fuzzy', 'untranslated', 'words', 'translated_words'}`` of one catalogue."""
    totals = dict.fromkeys(("translated", "fuzzy", "untranslated", "words", "translated_words"), 0)
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete:
            continue
        totals["words"] += words(entry.msgid)
        if entry.fuzzy:
            totals["fuzzy"] += 1
        elif entry.translated():
            totals["translated"] += 1
            totals["translated_words"] += words(entry.msgid)
        else:
            totals["untranslated"] += 1
    return totals


def language_stats(lang):
    """The same counts over all of a language's catalogues."""
    totals = dict.fromkeys(("translated", "fuzzy", "untranslated", "words", "translated_words"), 0)
    for po_path in sorted((LOCALES / lang / "LC_MESSAGES").rglob("*.po")):
        for key, value in catalogue_stats(po_path).items():
            totals[key] += value
    return totals
