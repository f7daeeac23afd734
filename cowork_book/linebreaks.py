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

Names and addresses become inlines of the class ``book-nohyphens`` (``hyphens: manual`` in print.css). The
shortest fragments (3 letters) are ``hyphenate-limit-chars: 6 3 3`` in print.css, so a word of fewer than six
letters is never hyphenated and needs no mark (fewer inlines: WeasyPrint 70 now and then breaks a line too early
just before an inline that ends a line). Print builder only.
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


def is_name(word):
    """An acronym or a word with capitals or digits inside (LEADER, LifeComp, KA205): never hyphenated."""
    letters = [c for c in word if c.isalpha()]
    inner_capital = any(c.isupper() for c in word[1:] if c.isalpha())
    has_digit = any(c.isdigit() for c in word)
    return len(word) >= 6 and bool(letters) and (inner_capital or has_digit)


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
        found.update(w for w in re.findall(WORD, text) if w[0].isupper() and len(w) >= 6)
    return found


def protected_pattern(words):
    alternatives = [ADDRESS, *(re.escape(w) for w in sorted(words, key=len, reverse=True))]
    return re.compile(rf"(?<![\w.-])(?P<keep>{'|'.join(alternatives)})(?![\w-])|{WORD}")


class LineBreaks(SphinxPostTransform):
    default_priority = 950
    builders = ("printpdf",)

    def run(self, **kwargs):
        rules = RULES.get(self.config.language, RULES["*"])
        pattern = protected_pattern(names(self.app))
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or isinstance(parent, SKIP) or any(isinstance(a, SKIP) for a in _ancestors(parent)):
                continue
            value = str(text)
            for regex, replacement in rules:
                value = regex.sub(replacement, value)
            pieces = split_protected(value, pattern)
            if value != str(text) or any(isinstance(piece, nodes.inline) for piece in pieces):
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
