"""Spelling of every translation, with the Debian hunspell dictionary of its language.

MyST markup, link addresses, code and numbers are stripped first; what hunspell does not know is checked
against the project's word list ``locales/<lang>/wordlist.txt`` (names and accepted terms, one per line).
``python -m cowork_book.commands.spelling [lang ...]`` prints each language's words, flags and share of flagged words,
and the most frequent flagged words (``--all``: every one); it exits non-zero above the threshold (1 % of words).
Written here because hunspell knows no MyST; hunspell itself does the spelling.
"""

import collections
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib

from cowork_book.languages import BY_CODE, TRANSLATIONS
from cowork_book.paths import ROOT

THRESHOLD = 0.01
ROLE = re.compile(r"\{[\w:.-]+\}`([^`<]*?)\s*(?:<[^`]*>)?`")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
URL = re.compile(r"<?\b(?:https?://|www\.)\S+|\b[\w.-]+\.(?:lv|ee|es|it|eu|org|com|gal|cat|ie|net|gov)\b\S*")
CODE = re.compile(r"`[^`]*`")
PLACEHOLDER = re.compile(r"\{\w*\}")
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def plain_text(msgstr):
    """The words a reader sees: role and link texts kept, addresses, code and markup dropped."""
    text = ROLE.sub(r"\1", msgstr)
    text = LINK.sub(r"\1", text)
    text = URL.sub(" ", text)
    text = CODE.sub(" ", text)
    text = PLACEHOLDER.sub(" ", text)
    return text.replace("**", " ").replace("*", " ")


def words_of(lang, locales=ROOT / "locales"):
    words = []
    for po_path in sorted((Path(locales) / lang / "LC_MESSAGES").rglob("*.po")):
        for entry in polib.pofile(str(po_path)):
            if entry.translated() and not entry.obsolete and not entry.fuzzy:
                words += WORD.findall(plain_text(entry.msgstr))
    return words


def word_list(lang, locales=ROOT / "locales"):
    path = Path(locales) / lang / "wordlist.txt"
    if not path.exists():
        return set()
    return {
        line.strip().lower()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }


def unknown_words(lang, words):
    """The distinct words hunspell does not know."""
    if not shutil.which("hunspell"):
        sys.exit("hunspell is missing: run 'make test' as root, or: sudo apt-get install hunspell")
    proc = subprocess.run(
        ["hunspell", "-d", BY_CODE[lang].dictionary, "-l", "-i", "utf-8"],
        input="\n".join(sorted(set(words))),
        capture_output=True,
        text=True,
        check=True,
    )
    return set(proc.stdout.split())


def report(lang, locales=ROOT / "locales"):
    """``(words, flags without word list, flags with it, Counter of flagged words)`` for one language."""
    words = words_of(lang, locales)
    unknown = unknown_words(lang, words)
    accepted = word_list(lang, locales)
    before = [w for w in words if w in unknown]
    after = collections.Counter(w for w in before if w.lower() not in accepted)
    return len(words), len(before), sum(after.values()), after


def main(argv=None):
    argv = list(argv if argv is not None else sys.argv[1:])
    show_all = "--all" in argv
    langs = [a for a in argv if a != "--all"] or TRANSLATIONS
    failed = False
    for lang in langs:
        total, before, after, flagged = report(lang)
        share = after / total if total else 0
        failed |= share > THRESHOLD
        print(f"{lang}: {total} words, {before} flagged without the word list, {after} with it ({share:.2%})")
        shown = flagged.most_common(None if show_all else 15)
        print("    flagged: " + ", ".join(f"{w} ({n})" for w, n in shown))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
