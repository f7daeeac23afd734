"""Termbase consistency: a translation uses the termbase's term wherever the English uses the term.

``locales/<lang>/termbase.tsv`` lists ``term<TAB>translation<TAB>note``; several accepted translations are
separated by `` / ``, and a part in brackets (an abbreviation) is optional. The check covers the glossary's
terms (the book's key terms); other rows are guidance. A term left in the original (a name or a quoted
title) also counts; an all-capitals term (LEADER, GDPR) matches only in capitals. Inflected languages change
word endings, so a term counts as used when every word of one accepted translation appears in the
translation with the same beginning (all but the last two letters, at least three).
``python -m cowork_book.commands.terms [lang ...]`` prints ``file:line`` for each miss. Written here because no gettext
tool checks a TSV termbase against inflected text.
"""

import csv
import re
import sys
from pathlib import Path

import polib

from cowork_book.languages import TRANSLATIONS
from cowork_book.paths import ROOT

ROLE_TARGET = re.compile(r"<[^<>]+>`|\]\([^)]*\)")


def glossary_terms(glossary=ROOT / "docs" / "appendices" / "glossary.md"):
    """The terms the glossary defines (lines at the left margin inside its ``{glossary}`` block)."""
    text = Path(glossary).read_text(encoding="utf-8")
    block = text[text.index("```{glossary}") :].split("\n```", 1)[0]
    return {line.strip().lower() for line in block.splitlines()[1:] if line.strip() and not line[0].isspace()}


def termbase(lang, locales=ROOT / "locales"):
    """``[(english term, [accepted translations])]`` for the glossary's terms, longest terms first."""
    path = Path(locales) / lang / "termbase.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r.get("term") and r.get("translation")]
    defined = glossary_terms()
    terms = [
        (r["term"].strip(), [t.strip() for t in r["translation"].split(" / ") if t.strip()])
        for r in rows
        if r["term"].strip().lower() in defined
    ]
    return sorted(terms, key=lambda t: -len(t[0]))


def _stem(word):
    word = word.lower()
    return word if len(word) <= 3 else word[: max(3, len(word) - 2)]


def uses(translation, text):
    """Whether ``text`` contains every word of ``translation`` (by stem)."""
    words = re.findall(r"\w+", text.lower())
    required = re.findall(r"\w+", re.sub(r"\([^)]*\)", "", translation))
    return all(any(w.startswith(_stem(part)) for w in words) for part in required)


def misses(lang, locales=ROOT / "locales"):
    terms = termbase(lang, locales)
    found = []
    for po_path in sorted((Path(locales) / lang / "LC_MESSAGES").rglob("*.po")):
        if po_path.name == "sphinx.po":
            continue
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete or entry.fuzzy or not entry.msgstr:
                continue
            english = ROLE_TARGET.sub("", entry.msgid)
            translated = ROLE_TARGET.sub("", entry.msgstr)
            for term, accepted in terms:
                flags = 0 if term.isupper() else re.IGNORECASE
                pattern = re.compile(rf"\b{re.escape(term)}(s|es)?\b", flags)
                if pattern.search(english):
                    english = pattern.sub(" ", english)  # a longer term covers its shorter parts
                    kept = term.lower() in translated.lower()  # a name or title quoted in the original
                    if not kept and not any(uses(t, translated) for t in accepted):
                        rel = po_path.relative_to(ROOT) if po_path.is_relative_to(ROOT) else po_path
                        found.append(f"{rel}:{entry.linenum}: '{term}' should be '{' / '.join(accepted)}'")
    return found


def main(argv=None):
    langs = (argv if argv is not None else sys.argv[1:]) or TRANSLATIONS
    total = 0
    for lang in langs:
        problems = misses(lang)
        total += len(problems)
        for problem in problems:
            print(problem)
    print(f"{total} termbase miss(es) in {', '.join(langs)}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
