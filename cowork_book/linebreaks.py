"""Line breaking on paper: what is never hyphenated, and which spaces never break, per language.

WeasyPrint hyphenates word by word with Pyphen's dictionaries and knows nothing of what a word is. In the PDF:

- a web address is never hyphenated: a reader types "forwardspace.ee", not "for-wardspace.ee";
- a name is never hyphenated: an acronym or a word with capitals or digits inside (LEADER, LifeComp, KA205),
  and every capitalised word of the case studies' names: their titles, places, regions, who runs them, the
  publishers of their sources (from the case front matter, :mod:`cowork_book.casestudies`), and the partners;
- some spaces do not break (``RULES``, per language): a spaced dash never starts a line (every language); in
  Russian a one-letter word (а, в, и, к, о, с, у, я) never ends a line and "2018 г." stays together, as
  Russian typesetting requires (А. Э. Мильчин, «Справочник издателя и автора»). Latvian, Estonian, Spanish and
  Italian have no such rule for short words; English neither.

Names and addresses become inlines of the class ``book-nohyphens`` (``hyphens: manual`` in print.css), in the
doctree. The spaces are made non-breaking in the finished print page (:func:`nonbreaking_spaces`, called by
:func:`cowork_book.printbook.typeset`), so the cover, the imprint and the tools' forms get them too.

How often a word is hyphenated is print.css: ``hyphenate-limit-chars: 8 4 3`` (no word under eight letters,
at least four letters before a break and three after) and ``hyphenate-limit-zone: 30%`` (ragged right; a
word is broken only where the line would otherwise end short by more than that). Measured on the Russian book:
4.2 hyphens a page with runs of three hyphenated lines before, 1.0 a page and never three in a row after
(WeasyPrint has no ``hyphenate-limit-lines``). A word of fewer than eight letters needs no mark (fewer inlines:
WeasyPrint 70 now and then breaks a line too early just before an inline that ends a line).
"""

import re

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

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
ADDRESS = rf"(?:https?://)?(?:[\w-]+\.)+(?:{TLDS})\b(?:/[^\s)\]]*[^\s)\].,;:])?"
WORD = r"\w[\w-]*\w"
SKIP = (nodes.literal, nodes.literal_block, nodes.raw, nodes.comment, nodes.math, nodes.math_block)
SHORTEST = 8  # the shortest word print.css lets WeasyPrint hyphenate (hyphenate-limit-chars)
TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
VERBATIM = re.compile(r"<(svg|style|script|pre)\b", re.I)  # text set by its own lines, or not text


def nonbreaking_spaces(page, language):
    """The HTML ``page`` with the spaces that must not break made non-breaking (``RULES``), in its text only."""
    rules = RULES.get(language, RULES["*"])
    parts, verbatim = TAG_OR_TEXT.split(page), None
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            opening = VERBATIM.match(part)
            if opening and verbatim is None:
                verbatim = opening.group(1).lower()
            elif verbatim and part.lower().startswith(f"</{verbatim}"):
                verbatim = None
        elif verbatim is None:
            for regex, replacement in rules:
                part = regex.sub(replacement, part)
            parts[index] = part
    return "".join(parts)


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
    alternatives = [ADDRESS, *(re.escape(w) for w in sorted(words, key=len, reverse=True))]
    return re.compile(rf"(?<![\w.-])(?P<keep>{'|'.join(alternatives)})(?![\w-])|{WORD}")


class LineBreaks(SphinxPostTransform):
    default_priority = 950
    builders = ("printpdf",)

    def run(self, **kwargs):
        pattern = protected_pattern(names(self.app))
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or isinstance(parent, SKIP) or any(isinstance(a, SKIP) for a in _ancestors(parent)):
                continue
            pieces = split_protected(str(text), pattern)
            if any(isinstance(piece, nodes.inline) for piece in pieces):
                parent.replace(text, pieces)


def _ancestors(node):
    while node.parent is not None:
        node = node.parent
        yield node


def split_protected(value, pattern):
    """``value`` as Text pieces, with the addresses and names in ``book-nohyphens`` inlines."""
    pieces, last = [], 0
    for match in pattern.finditer(value):
        word = match.group()
        if not match.group("keep") and not is_name(word):
            continue
        if match.start() > last:
            pieces.append(nodes.Text(value[last : match.start()]))
        pieces.append(nodes.inline(word, word, classes=["book-nohyphens"]))
        last = match.end()
    if last < len(value):
        pieces.append(nodes.Text(value[last:]))
    return pieces or [nodes.Text(value)]


def setup(app):
    app.add_post_transform(LineBreaks)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
