"""Glossary tooltips: the definition of a glossary term where the page links to it (web book).

Each web page carries the definitions of the glossary terms it links to (from the translated glossary,
``book_glossary_doc``, with each reference shown as the title it points to), in a hidden list that
``_static/tools/glossary-tooltips.js`` shows on hover, focus and tap. Terms defined on the page itself are not
repeated: the script reads the page's own glossary entry. When the glossary is read again, every page is written
again.

Written here because the definitions are the book's own, as translated; the terms and their links come from
:mod:`cowork_book.sphinxext.glossary`.
"""

from docutils import nodes
from sphinx import addnodes
from sphinx.util import docname_join

from cowork_book.docstore import this_build
from cowork_book.sphinxext import chapters
from cowork_book.sphinxext.markup import esc, tag

INTERACTIVE = "html"  # the one builder whose pages get the tooltips
SCRIPT = "_static/tools/glossary-tooltips.js"


class glossary_tips(nodes.General, nodes.Element):
    """The definitions of the glossary terms a page links to (web book only)."""


def glossary_definitions(app):
    """``{anchor: (term, definition)}`` from the translated glossary (cached for the build)."""
    cache = this_build(app, "book_glossary_definitions")
    if not cache:
        for item in chapters.doctree(app, app.config.book_glossary_doc).findall(nodes.definition_list_item):
            terms = [child for child in item.children if isinstance(child, nodes.term)]
            definition = next((child for child in item.children if isinstance(child, nodes.definition)), None)
            if definition is None:
                continue
            for term in terms:
                for anchor in term["ids"]:
                    cache[anchor] = (chapters.text(term), reader_text(app, definition))
    return cache


def reader_text(app, node):
    """The text of ``node`` as a reader sees it. The doctree read from the environment is not resolved yet, so a
    reference written without its own text (``{ref}`ch-ready```) still shows its label: it gets the title of
    what it points to, in the build's language, as the page will show it."""
    std = app.env.domains.standard_domain
    node = node.deepcopy()
    for xref in list(node.findall(addnodes.pending_xref)):
        if xref.get("refexplicit") or xref.get("refdomain") != "std":
            continue
        target, title = xref.get("reftarget", ""), None
        if xref.get("reftype") in ("ref", "numref"):
            title = std.labels.get(target, (None, None, None))[2]
        elif xref.get("reftype") == "doc":
            found = app.env.titles.get(docname_join(xref.get("refdoc", ""), target))
            title = found.astext() if found else None
        if title:
            xref.replace_self(nodes.Text(title))
    return chapters.text(node)


def add_glossary_tips(app, doctree):
    """The definitions of the terms a page links to, for the tooltips (terms defined on the page itself are not
    repeated: the script reads the page's own glossary entry)."""
    definitions = glossary_definitions(app)
    used, any_term = {}, False
    for ref in doctree.findall(nodes.reference):
        terms = [c for c in ref.children if isinstance(c, nodes.Element) and "std-term" in c.get("classes", [])]
        if not terms:
            continue
        any_term = True
        anchor = ref.get("refuri", "").partition("#")[2]
        if not ref.get("refid") and anchor in definitions:
            used[anchor] = definitions[anchor]
    if any_term:
        doctree.append(glossary_tips(entries=sorted(used.items())))


def visit_glossary_tips(self, node):
    entries = [
        tag("div", tag("dt", esc(term)), tag("dd", esc(definition)), data_term=anchor)
        for anchor, (term, definition) in node["entries"]
    ]
    self.body.append(tag("dl", *entries, class_="glossary-tips", hidden=True))
    raise nodes.SkipNode


def add_tips(app, doctree, docname):
    if app.builder.name == INTERACTIVE:
        add_glossary_tips(app, doctree)


def add_script(app, pagename, templatename, context, doctree):
    """The script on the pages that have tooltips (web book only)."""
    if app.builder.name == INTERACTIVE and doctree is not None and next(doctree.findall(glossary_tips), None):
        context["script_files"] = [*context.get("script_files", []), SCRIPT]


def rewrite_all(app, env):
    """Every page is written again when the glossary was read again (its pages carry the definitions)."""
    read = chapters.read_in_this_build(app)
    return sorted(env.found_docs - read) if app.config.book_glossary_doc in read else []


def setup(app):
    app.setup_extension("cowork_book.sphinxext.glossary")  # book_glossary_doc
    app.setup_extension("cowork_book.sphinxext.chapters")
    app.add_node(glossary_tips, html=(visit_glossary_tips, None))
    app.connect("doctree-resolved", add_tips)
    app.connect("html-page-context", add_script)
    app.connect("env-updated", rewrite_all)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
