"""Web-only and print-only content: what makes sense only on screen, or only on paper.

The web book, the PDF and the EPUB are built from the same pages. A sentence such as "use the filters" or
"tap a word" means nothing on paper, and the translation status tables are a page about the website. Authors
mark such content; every builder leaves out what is not for it:

- a block (paragraphs, lists, admonitions)::

      :::{web-only}
      You can also fill it in on screen ...
      :::

- a whole section, heading included: the same directive, empty, right under the heading. Right under a page's
  title it marks the whole page: the PDF leaves the page out; the EPUB keeps every page its table of contents
  lists (it leaves out marked blocks, sections and sentences);
- a sentence inside a paragraph: ``{web-only}`Use the filters to find cases like yours.``` (plain text only);
- anything that takes a class: ``:class: web-only`` on an admonition, ``:class-item: web-only`` on a card.

``{print-only}`` and the class ``print-only`` do the same the other way round (only the PDF keeps them).
Wrapping a paragraph does not change its text, so its translations stay valid; a role inside a paragraph does
change it (translators wrap the same sentence of their translation).

Which builder is which edition is ``book_editions``. The print build writes what it left out to
``left-out.json`` in its output folder (the texts, translated), so the tests can check the PDF for them.
"""

import json
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from cowork_book.docstore import this_build

logger = logging.getLogger(__name__)
EDITIONS = ("web", "print")
LEFT_OUT_FILE = "left-out.json"


class section_mark(nodes.Invisible, nodes.Element):
    """An empty ``{web-only}``/``{print-only}``: the section it stands in belongs to one edition."""


class EditionDirective(SphinxDirective):
    has_content = True
    option_spec = {"class": directives.class_option}
    edition = ""

    def run(self):
        if not self.content:
            mark = section_mark(edition=self.edition)
            self.set_source_info(mark)
            return [mark]
        node = nodes.container(classes=[f"{self.edition}-only", *self.options.get("class", [])])
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class WebOnly(EditionDirective):
    edition = "web"


class PrintOnly(EditionDirective):
    edition = "print"


class EditionRole(SphinxRole):
    edition = ""

    def run(self):
        return [nodes.inline(self.text, self.text, classes=[f"{self.edition}-only"])], []


class WebOnlyRole(EditionRole):
    edition = "web"


class PrintOnlyRole(EditionRole):
    edition = "print"


def edition_of(app):
    """``web``, ``print`` or ``None`` (EPUB and any other builder) for the running builder."""
    return next((name for name, builders in app.config.book_editions.items() if app.builder.name in builders), None)


class LeaveOut(SphinxPostTransform):
    """Remove what belongs to another edition (before references are resolved: its links go with it)."""

    default_priority = 5

    def run(self, **kwargs):
        if self.app.builder.name == "gettext":  # the translators get every edition's text
            return
        edition = edition_of(self.app)
        other = [name for name in EDITIONS if name != edition]
        left_out = this_build(self.app, "book_left_out", list)
        for mark in list(self.document.findall(section_mark)):
            section = mark.parent
            whole_page = isinstance(section.parent, nodes.document | addnodes.start_of_file)
            keep_page = edition is None and whole_page  # the EPUB keeps the pages of its contents
            if mark["edition"] in other and isinstance(section, nodes.section) and not keep_page:
                left_out.append(leave_out(section))
            elif mark.parent is not None:
                mark.parent.remove(mark)
        classes = {f"{name}-only" for name in other}
        for node in list(self.document.findall(nodes.Element)):
            if classes & set(node.get("classes", ())) and node.parent is not None:
                left_out.append(leave_out(node))


def leave_out(node):
    """Remove ``node``, but not the pages its toctree brings in (the print build nests them in it); its text."""
    pages = []
    for parent, wrapper in list(_toctrees(node)):  # (parent, child): the print build does not re-parent
        parent.remove(wrapper)
        pages.append(wrapper)
    text = " ".join(node.astext().split())
    index = node.parent.index(node)
    node.parent[index : index + 1] = pages
    return text


def _toctrees(node):
    for child in node.children:
        if isinstance(child, nodes.compound) and "toctree-wrapper" in child["classes"]:
            yield node, child
        elif isinstance(child, nodes.Element):
            yield from _toctrees(child)


def write_left_out(app, exception):
    if exception is None and edition_of(app) == "print":
        texts = [t for t in this_build(app, "book_left_out", list) if t]
        path = Path(app.builder.outdir) / LEFT_OUT_FILE
        path.write_text(json.dumps(texts, ensure_ascii=False, indent=1), encoding="utf-8")


def setup(app):
    app.add_config_value("book_editions", {"web": ["html"], "print": ["printpdf"]}, "env", dict)
    app.add_node(section_mark)
    app.add_directive("web-only", WebOnly)
    app.add_directive("print-only", PrintOnly)
    app.add_role("web-only", WebOnlyRole())
    app.add_role("print-only", PrintOnlyRole())
    app.add_post_transform(LeaveOut)
    app.connect("build-finished", write_left_out)
    return {"version": "1.0", "env_version": 2, "parallel_read_safe": True, "parallel_write_safe": True}
