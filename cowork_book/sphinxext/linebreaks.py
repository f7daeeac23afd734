"""Line breaking on paper: what is never hyphenated, and which spaces never break, per language.

WeasyPrint hyphenates word by word with Pyphen's dictionaries and knows nothing of what a word is. In the PDF:

- a web address is never hyphenated: a reader types "forwardspace.ee", not "for-wardspace.ee";
- a name is never hyphenated: an acronym or a word with capitals or digits inside (LEADER, LifeComp, KA205),
  and every capitalised word of the case studies' names: their titles, places, regions, who runs them, the
  publishers of their sources (from the case front matter, :mod:`cowork_book.sphinxext.casestudies`), and the partners;
- some spaces do not break (``RULES``, per language): a spaced dash never starts a line (every language); in
  Russian a one-letter word (а, в, и, к, о, с, у, я) never ends a line and "2018 г." stays together, as
  Russian typesetting requires (А. Э. Мильчин, «Справочник издателя и автора»). Latvian, Estonian, Spanish and
  Italian have no such rule for short words; English neither.

:func:`typeset_text` does both on the finished print page (:func:`cowork_book.sphinxext.printbook.typeset`), so what
other extensions write as HTML (the tools' forms, the case cards, the map's caption) and the cover and imprint
get them too: a name or an address becomes a ``<span class="book-nohyphens">`` (``hyphens: manual`` in
print.css), a space a no-break space. Text that is not set in lines (SVG pictures, form fields) is left alone.

How often a word is hyphenated is print.css: ``hyphenate-limit-chars: 8 4 3`` (no word under eight letters,
at least four letters before a break and three after) and ``hyphenate-limit-zone: 30%`` (ragged right; a
word is broken only where the line would otherwise end short by more than that). Measured on the Russian book:
6.4 hyphens a page and 51 runs of three hyphenated lines before, 1.0 a page and at most one such run after
(WeasyPrint has no ``hyphenate-limit-lines``). A word of fewer than eight letters needs no mark (fewer inlines:
WeasyPrint 70 now and then breaks a line too early just before an inline that ends a line).
"""

import re

NBSP = "\u00a0"
DASH = (re.compile(r" (?=[–—] )"), NBSP)
RULES = {
    "*": [DASH],
    "ru": [
        DASH,
        (re.compile(r"(?<![\w-])([АаВвИиКкОоСсУуЯя]) "), r"\1" + NBSP),
        (re.compile(r"(\d) (?=гг?\.)"), r"\1" + NBSP),
    ],
}
TLDS = "lv|ee|es|it|eu|org|com|net|gal|cat|ie|fi|fr|pt|lt|info|gov|int|edu|io|de|uk"
ADDRESS = rf"(?:https?://)?(?:[\w-]+\.)+(?:{TLDS})\b(?:/[^\s)\]<]*[^\s)\].,;:<])?"
WORD = r"\w[\w-]*\w"
SHORTEST = 8  # the shortest word print.css lets WeasyPrint hyphenate (hyphenate-limit-chars)
TAG = re.compile(r"(<[^>]*>)")
NOT_SET_IN_LINES = ("svg", "style", "script", "pre", "textarea", "select", "title")


def is_name(word):
    """An acronym or a word with capitals or digits inside (LEADER, LifeComp, KA205): never hyphenated."""
    letters = [c for c in word if c.isalpha()]
    inner_capital = any(c.isupper() for c in word[1:] if c.isalpha())
    has_digit = any(c.isdigit() for c in word)
    return len(word) >= SHORTEST and bool(letters) and (inner_capital or has_digit)


def names(app):
    """The capitalised words of the case studies' names and of the partners, as the build has them."""
    found = set()
    texts = [name for name, _country in app.config.book_project.get("partners", [])]
    for docname, case in getattr(app.env, "book_cases", {}).items():
        texts += [case.get(k) or "" for k in ("place", "place_translated", "region", "run_by")]
        texts += [source.get("publisher") or "" for source in case.get("sources", [])]
        if docname in app.env.titles:
            texts.append(app.env.titles[docname].astext())
    for text in texts:
        found.update(w for w in re.findall(WORD, text) if w[0].isupper() and len(w) >= SHORTEST)
    return found


def protected_pattern(words):
    """Addresses and the given names (group ``keep``), or any word (kept if :func:`is_name`)."""
    alternatives = [ADDRESS, *(re.escape(w) for w in sorted(words, key=len, reverse=True))]
    return re.compile(rf"(?<![\w.-])(?P<keep>{'|'.join(alternatives)})(?![\w-])|{WORD}")


def _protect(match):
    word = match.group()
    if match.group("keep") or is_name(word):
        return f'<span class="book-nohyphens">{word}</span>'
    return word


def typeset_text(page, language, words=()):
    """The HTML ``page`` with its names and addresses in ``book-nohyphens`` spans and the spaces ``RULES`` name
    made non-breaking: in the text of its body only, never inside a tag or in text not set in lines."""
    rules, pattern = RULES.get(language, RULES["*"]), protected_pattern(words)
    parts, closing, in_body = TAG.split(page), None, False
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            name = re.match(r"<(/?)([a-zA-Z][\w-]*)", part)
            if name and name.group(2).lower() == "body":
                in_body = not name.group(1)
            elif name and closing is None and not name.group(1) and name.group(2).lower() in NOT_SET_IN_LINES:
                closing = name.group(2).lower()
            elif name and name.group(1) and name.group(2).lower() == closing:
                closing = None
        elif in_body and closing is None and part.strip():
            for regex, replacement in rules:
                part = regex.sub(replacement, part)
            parts[index] = pattern.sub(_protect, part)
    return "".join(parts)
