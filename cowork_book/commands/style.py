"""House style per language: the mechanical rules of each language's style sheet.

Each translation has a style sheet for people, ``locales/<lang>/style.md`` (form of address, quotation marks,
dashes, numbers, names, term decisions), and its checkable part, ``locales/<lang>/style.toml``::

    [quotes]                  # the only double quotation marks allowed in running text
    open = "«"
    close = "»"
    inner_open = "„"          # optional: quotes inside quotes
    inner_close = "“"
    [typography]
    ellipsis = "…"            # three dots "..." are reported
    number_range = "–"        # between digits; "3-5" is reported (codes such as 2017-2-LV02-KA205 are not)
    [[typography.patterns]]   # extra rules of the language
    pattern = '…'
    message = "what is wrong; what to do"
    [address]
    form = "who 'you' is, in a few words"
    other_form = ['\\bvosotros\\b']   # words only the other form of address produces
    [[forbidden]]             # retired terms and calques
    pattern = '…'
    use = "the term to use instead"

Patterns are Python regular expressions matched case-insensitively against the translation with its markup
taken out (role targets, link addresses, inline code, ``{lang}`` titles in another language). A translator marks
a deliberate exception with a translator comment ``# style-ok: address`` (or ``quotes``, ``typography``,
``forbidden``) on the entry.

The address check is a heuristic: it finds pronouns, possessives and verb endings that only the other form
produces; it cannot see a sentence that avoids both, nor an ending shared by both forms. It reads each entry on
its own, so it finds a mixed page as the entries that use the other form.

``python -m cowork_book.commands.style [lang ...]`` prints ``file:line: what; what to do`` and exits non-zero on any
finding; ``make check-po`` runs it after the safety checks (:mod:`cowork_book.pocheck`). These rules are house
style, not safety: the build does not stop on them, the tests and CI do. Written here because no gettext
checker (msgfmt, translate-toolkit's pofilter, Weblate's checks) reads per-language rules like these from the
repository.
"""

import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import polib

from cowork_book.paths import LOCALES
from cowork_book.pocheck import _rel, report

DOUBLE_QUOTES = '"“”„«»‟″'
# Markup whose text is not the translator's prose, in the order it is taken out: titles kept in another language,
# HTML (interface strings), roles and links (their text stays), inline code, addresses, {placeholders}.
MARKUP = [
    (re.compile(r"\{lang\}`[^`]*`"), " "),
    (re.compile(r"</?[a-zA-Z][^<>]*>"), " "),
    (re.compile(r"\{(?:ref|doc|numref|download)\}`[^`<]*`"), " "),  # a bare label: readers see the target's title
    (re.compile(r"\{[\w:.-]+\}`([^`<]*?)\s*(?:<[^`<>]*>)?`"), r"\1"),
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"`[^`]*`"), " "),
    (re.compile(r"(?:https?|ftp)://\S+"), " "),
    (re.compile(r"\{\w*\}"), "X"),  # a placeholder stands for a word
]
NUMBER_HYPHEN = re.compile(r"(?<![\w-])\d{1,4}\s*-\s*\d{1,4}(?![\w-])")
EXCEPTION = re.compile(r"style-ok:\s*([\w, -]+)")


@dataclass
class Style:
    lang: str
    quotes: str = ""  # every allowed double quotation mark
    ellipsis: str = "…"
    number_range: str = "–"
    patterns: list = field(default_factory=list)  # (regex, message)
    address_form: str = ""
    other_form: list = field(default_factory=list)  # regex
    forbidden: list = field(default_factory=list)  # (regex, use)


def load(lang, locales=LOCALES):
    """The language's :class:`Style`, or ``None`` if it has no ``style.toml`` yet."""
    path = Path(locales) / lang / "style.toml"
    if not path.exists():
        return None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    quotes, typography, address = data.get("quotes", {}), data.get("typography", {}), data.get("address", {})

    def compiled(pattern):
        return re.compile(pattern, re.I)

    return Style(
        lang=lang,
        quotes="".join(quotes.get(k, "") for k in ("open", "close", "inner_open", "inner_close")),
        ellipsis=typography.get("ellipsis", "…"),
        number_range=typography.get("number_range", "–"),
        patterns=[(compiled(p["pattern"]), p["message"]) for p in typography.get("patterns", [])],
        address_form=address.get("form", ""),
        other_form=[compiled(p) for p in address.get("other_form", [])],
        forbidden=[(compiled(f["pattern"]), f["use"]) for f in data.get("forbidden", [])],
    )


def prose(text):
    """The translation without its markup."""
    for pattern, replacement in MARKUP:
        text = pattern.sub(replacement, text)
    return text


def rule_quotes(style, text):
    wrong = sorted({c for c in text if c in DOUBLE_QUOTES and c not in style.quotes})
    if style.quotes and wrong:
        return (
            f"quotation mark {' '.join(wrong)}; use {style.quotes[:2]}"
            + (f" (inside quotes {style.quotes[2:]})" if style.quotes[2:] else "")
            + " (style.md)"
        )
    return None


def rule_typography(style, text):
    if style.ellipsis != "..." and "..." in text:
        return f"three dots '...'; write the ellipsis {style.ellipsis} (style.md)"
    found = NUMBER_HYPHEN.search(text)
    if found and style.number_range != "-":
        return f"range '{found.group(0)}' with a hyphen; write it with {style.number_range} (style.md)"
    for pattern, message in style.patterns:
        if found := pattern.search(text):
            return f"'{found.group(0)}': {message}"
    return None


def rule_address(style, text):
    for pattern in style.other_form:
        if found := pattern.search(text):
            return (
                f"'{found.group(0)}' addresses the reader in the other form; the book uses {style.address_form} "
                "(style.md); if the other form is meant here, add the comment '# style-ok: address'"
            )
    return None


def rule_forbidden(style, text):
    for pattern, use in style.forbidden:
        if found := pattern.search(text):
            return f"'{found.group(0)}' is retired in this book; use {use} (style.md, termbase.tsv)"
    return None


RULES = {"quotes": rule_quotes, "typography": rule_typography, "address": rule_address, "forbidden": rule_forbidden}


def entry_findings(style, msgstr, allowed=()):
    text = prose(msgstr)
    return [finding for name, rule in RULES.items() if name not in allowed and (finding := rule(style, text))]


def exceptions(entry):
    """Rules a translator switched off for one entry with ``# style-ok: rule, rule``."""
    found = EXCEPTION.search(entry.tcomment or "")
    return {name.strip() for name in found.group(1).split(",")} if found else set()


def check_language(lang, locales=LOCALES):
    """``file:line: finding`` for every entry of the language that breaks its style sheet."""
    style = load(lang, locales)
    if style is None:
        return [f"locales/{lang}/style.toml:1: missing; write the language's style rules (see TRANSLATING.md)"]
    findings = []
    for po in sorted((Path(locales) / lang / "LC_MESSAGES").rglob("*.po")):
        for entry in polib.pofile(str(po)):
            if entry.obsolete or entry.fuzzy or not entry.msgstr:
                continue
            for finding in entry_findings(style, entry.msgstr, exceptions(entry)):
                findings.append(f"{_rel(po)}:{entry.linenum}: {finding}")
    return findings


def main(argv=None):
    return report(check_language, argv, "style finding(s)")


if __name__ == "__main__":
    sys.exit(main())
