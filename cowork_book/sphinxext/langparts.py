"""Language of parts (WCAG 2.1, 3.1.2): text in another language than the page's is marked with ``lang``.

Authors write ``{lang}`Koprades telpas arī laukos <lv>``` around a quoted title or phrase in another language
(the code in ``<...>`` is the text's language, as ``{term}`` has its target there). Screen readers then speak it
with the right voice, and browsers and WeasyPrint hyphenate it by its own rules. On a page in that same
language (a Latvian title in the Latvian book) no mark is needed and none is written.

Translators keep the role around titles they leave in the original language (``<en>`` on an English title in
the Latvian book) and drop it when they translate the phrase; ``cowork_book.pocheck`` allows both.
"""

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from cowork_book.syntax import LANGUAGE_CODE, ROLE_TEXT

logger = logging.getLogger(__name__)


class foreign(nodes.Inline, nodes.TextElement):
    """Inline text in the language ``node["lang"]``."""


class LangRole(SphinxRole):
    def run(self):
        found = ROLE_TEXT.match(self.text)
        if not found or not LANGUAGE_CODE.match(found["code"].strip()):
            logger.warning(
                "{lang} needs a language code at the end, as in {lang}`Mis on noortekeskus? <et>`: %r",
                self.text,
                location=self.get_location(),
                type="book",
                subtype="lang",
            )
            return [nodes.Text(found["text"] if found else self.text)], []
        code = found["code"].strip()
        if code == self.env.config.language:
            return [nodes.Text(found["text"])], []
        return [foreign(found["text"], found["text"], lang=code)], []


def visit_foreign_html(self, node):
    attributes = {"lang": node["lang"]}
    if self.builder.name == "epub":  # EPUB's XHTML reading systems look for xml:lang
        attributes["xml:lang"] = node["lang"]
    self.body.append(self.starttag(node, "span", "", **attributes))


def depart_foreign_html(self, node):
    self.body.append("</span>")


def setup(app):
    app.add_node(
        foreign,
        html=(visit_foreign_html, depart_foreign_html),
        text=(lambda self, node: None, lambda self, node: None),
    )
    app.add_role("lang", LangRole())
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
