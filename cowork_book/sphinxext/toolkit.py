"""What the self-assessment and the pilot planner share: a placeholder filled from the chapters, per edition.

- ``{readiness-assessment}`` (:mod:`cowork_book.sphinxext.readiness`) and ``{pilot-planner}``
  (:mod:`cowork_book.sphinxext.planner`) put a placeholder (:class:`ToolDirective`, once per page) that is filled
  at ``doctree-resolved`` from the chapters themselves, as translated (:mod:`cowork_book.sphinxext.chapters`).
  No question or step is written twice, so every language has the tools as soon as it has the chapters.
- Each builder gets its own markup (:func:`mode`): the web book renders a readable list that the tool's script
  turns into the tool (answers kept in the reader's browser only, ``localStorage``; a visible button clears
  them, after asking); the EPUB and a browser without JavaScript get the list; the PDF (``printpdf``) gets real
  form fields, on a page of its own (:func:`handout`), so it is fillable.
- The markup comes from Jinja templates (``templates/tools/``, autoescaped, rendered by
  :func:`cowork_book.sphinxext.markup.render`), which share the macros of ``templates/tools/macros.html``.
- The pages that hold a tool are kept in ``env.book_tools`` (``{docname: {kinds}}``), and written again when
  the chapter their tool is read from was read again (:func:`pages_to_rewrite`).
- A tool's extension declares itself with :func:`add_tool`: directive, node, and the three events above.
"""

from functools import partial

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cowork_book.docstore import store, track
from cowork_book.sphinxext import chapters

logger = logging.getLogger(__name__)

INTERACTIVE = "html"  # the one builder whose pages get the scripts
PRINT = "printpdf"  # the one builder whose pages get form fields


class ToolDirective(SphinxDirective):
    """A tool's placeholder (a ``node_class`` node), once per page; the page is kept in ``env.book_tools``."""

    has_content = False
    node_class = None
    kind = ""

    def run(self):
        kinds = store(self.env, "book_tools").setdefault(self.env.docname, set())
        if self.kind in kinds:
            raise self.error(f"{self.name} can be used only once on a page")
        kinds.add(self.kind)
        node = self.node_class()
        node.source, node.line = self.get_source_info()
        return [node]


def add_tool(app, name, directive, visit, reader, script, chapter_label):
    """Declare a tool: the directive ``name``, its node's HTML markup (``visit``), its data (``reader``), its
    ``script`` on the web pages that hold it, and those pages written again when ``chapter_label`` changes."""
    kind, node_class = directive.kind, directive.node_class
    app.add_directive(name, directive)
    app.add_node(node_class, html=(visit, None))
    app.connect("doctree-resolved", partial(fill, kind=kind, node_class=node_class, reader=reader))
    app.connect("html-page-context", partial(add_script, node_class=node_class, script=script))
    app.connect("env-updated", partial(pages_to_rewrite, kind=kind, chapter_label=chapter_label))


def mode(builder):
    """``interactive`` (web book), ``form`` (PDF) or ``list`` (EPUB and any other HTML builder)."""
    if builder.name == INTERACTIVE:
        return "interactive"
    return "form" if builder.name == PRINT else "list"


def fill(app, doctree, docname, *, kind, node_class, reader):
    """Give each ``node_class`` placeholder its ``data`` (``reader(app, docname)``), mode and storage key; a
    chapter that cannot be read is a warning at the place to fix (the tool is left out)."""
    for node in list(doctree.findall(node_class)):
        if app.builder.format != "html":
            node.parent.remove(node)
            continue
        try:
            node["data"] = reader(app, docname)
        except chapters.ChapterError as error:
            logger.warning("%s: %s", kind, error, location=error.node or node)
            node.parent.remove(node)
            continue
        node["mode"] = mode(app.builder)
        node["store"] = f"cowork-book:{app.config.language}:{kind}"
        if node["mode"] == "form":
            handout(node)


def handout(node):
    """In the PDF, the page that holds a tool's form is a handout (print.css: a page of its own, wider, no
    running heads), like each worksheet: the section that is the page's top."""
    section = None
    while node.parent is not None:
        node = node.parent
        if isinstance(node, nodes.section):
            section = node
        if isinstance(node, nodes.document | addnodes.start_of_file):
            break
    if section is not None:
        section["classes"].append("book-handout")


def add_script(app, pagename, templatename, context, doctree, *, node_class, script):
    """The tool's script on the pages that have the tool (web book only)."""
    if app.builder.name == INTERACTIVE and doctree is not None and next(doctree.findall(node_class), None):
        context["script_files"] = [*context.get("script_files", []), script]


def pages_to_rewrite(app, env, *, kind, chapter_label):
    """The pages with a ``kind`` tool, when the chapter (``chapter_label``) it is read from was read again."""
    read = chapters.read_in_this_build(app)
    found = env.domains.standard_domain.labels.get(chapter_label)
    if not read or not found or found[0] not in read:
        return []
    return sorted(d for d, kinds in store(env, "book_tools").items() if d not in read and kind in kinds)


def setup(app):
    app.setup_extension("cowork_book.sphinxext.chapters")
    app.setup_extension("cowork_book.sphinxext.activitylinks")
    track(app, "book_tools")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
