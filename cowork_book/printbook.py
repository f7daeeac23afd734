"""The print build: the whole book as one HTML page in its own print theme, typeset to PDF by WeasyPrint.

Why not sphinx-simplepdf or LaTeX: measured on this stack, simplepdf drops every tab but the first and sets
contents page numbers one page off, and LaTeX needs ~480 MB of system packages and flattens cards. This builder
is Sphinx's ``singlehtml`` with three changes: its own theme (``theme/print``: no theme CSS to fight), a
contents list whose page numbers WeasyPrint fills in (``target-counter``), and a final step that writes
``<file stem>-<language>.pdf`` as a tagged PDF (PDF/UA-1) with the project's own fonts.
"""

import html
import os
import re
from datetime import UTC, datetime
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.util import logging

logger = logging.getLogger(__name__)
THEME = Path(__file__).parent / "theme" / "print"
# ``<section id="x"><h2>`` -> ``<section><h2 id="x">``: a heading moved to the next page (it never ends a page)
# would leave the section's own start, and so its page number, on the page before.
_ATTRS = r'((?: [a-z-]+="[^"]*")*?)'
SECTION_ID = re.compile(rf'<section{_ATTRS} id="([^"]+)"{_ATTRS}>(\s*(?:<span id="[^"]*"></span>)*)<h([1-6])\b')
DOUBLE_ANCHOR = re.compile(r'href="#document-[^"#]*#')
DOCUMENT_ANCHOR = re.compile(r'href="#document-([^"#]*)"')


class PrintPDFBuilder(SingleFileHTMLBuilder):
    """One HTML page laid out for print, then a PDF of it."""

    name = "printpdf"
    epilog = "The PDF is in %(outdir)s."

    def get_theme_config(self):
        return "cowork-print", {}

    def assemble_doctree(self):
        tree = super().assemble_doctree()
        lift_parts(tree)
        self.print_toc = contents_entries(tree, self.config.book_print_toc_depth)
        return tree

    def finish(self):
        super().finish()
        write_pdf(self)


def lift_parts(tree):
    """Make the book's parts top-level and mark where each document starts.

    ``singlehtml`` nests every included document inside the section of the page that includes it, so the
    parts would be subsections of the landing page. Moving the landing page's toctree content after it makes
    parts ``<h1>``, chapters ``<h2>``; the class ``book-doc`` on a document's first section starts a page.
    (Walks ``children`` rather than ``parent``: ``inline_all_toctrees`` moves children without re-parenting.)
    """
    root = next((child for child in tree.children if isinstance(child, nodes.section)), None)
    if root is not None:
        for parent, wrapper in list(_toctree_wrappers(root)):
            parent.children.remove(wrapper)
            tree.append(wrapper)
    for start in _walk(tree, addnodes.start_of_file):
        first = next(_walk(start, nodes.section), None)
        if first is not None:
            first["classes"].append("book-doc")


def _toctree_wrappers(node):
    """``(parent, wrapper)`` for the outermost toctree wrappers below ``node``."""
    for child in node.children:
        if isinstance(child, nodes.compound) and "toctree-wrapper" in child["classes"]:
            yield node, child
        elif isinstance(child, nodes.Element):
            yield from _toctree_wrappers(child)


def _walk(node, cls):
    """Descendants of type ``cls`` in document order (by ``children``)."""
    for child in node.children:
        if isinstance(child, cls):
            yield child
        if isinstance(child, nodes.Element):
            yield from _walk(child, cls)


def contents_entries(tree, depth):
    """``[(level, title, id)]`` of the book's sections down to ``depth``, in reading order."""
    entries = []

    def visit(node, level):
        for child in node.children:
            if isinstance(child, nodes.section):
                if child["ids"]:
                    entries.append((level, child[0].astext(), child["ids"][0]))
                if level < depth:
                    visit(child, level + 1)
            elif isinstance(child, nodes.Element):
                visit(child, level)

    visit(tree, 1)
    return entries


def contents_html(entries):
    """Nested ``<ol>`` lists; print.css adds the dot leaders and page numbers."""
    out, open_levels = [], 0
    for level, title, anchor in entries:
        while open_levels < level:
            out.append("<ol>")
            open_levels += 1
        while open_levels > level:
            out.append("</li></ol>")
            open_levels -= 1
        if out and out[-1] not in ("<ol>",):
            out.append("</li>")
        out.append(f'<li class="toc-level-{level}"><a href="#{html.escape(anchor)}">{html.escape(title)}</a>')
    out.append("</li></ol>" * open_levels)
    return "\n".join(out)


def add_print_context(app, pagename, templatename, context, doctree):
    if app.builder.name != PrintPDFBuilder.name:
        return
    context["book_print_toc"] = contents_html(getattr(app.builder, "print_toc", []))
    context["book_created"] = _created(app)
    context["docstitle"] = app.config.html_title
    body = context.get("body", "")
    # A reference to a section of another document: '#document-x#anchor' -> '#anchor'.
    body = DOUBLE_ANCHOR.sub('href="#', body)
    body = DOCUMENT_ANCHOR.sub(lambda m: f'href="#{_document_id(m.group(1))}"', body)
    context["body"] = SECTION_ID.sub(r'<section\1\3>\4<h\5 id="\2"', body)


def _document_id(docname):
    return "document-" + docname


def _created(app):
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return ""
    return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def pdf_path(builder):
    return Path(builder.outdir) / f"{builder.config.book_file_stem}-{builder.config.language}.pdf"


def write_pdf(builder):
    from weasyprint import HTML

    source = Path(builder.outdir) / f"{builder.config.root_doc}.html"
    target = pdf_path(builder)
    logger.info("writing PDF %s", target.name)
    document = HTML(filename=str(source)).render(pdf_variant="pdf/ua-1", pdf_forms=True)
    document.write_pdf(
        str(target),
        pdf_variant="pdf/ua-1",
        pdf_forms=True,
        pdf_identifier=b"coworking-book",
    )


def setup(app):
    app.add_config_value("book_print_toc_depth", 3, "env", int)
    app.add_html_theme("cowork-print", str(THEME))
    app.add_builder(PrintPDFBuilder)
    app.connect("html-page-context", add_print_context)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
