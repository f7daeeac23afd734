"""The print build: the whole book as one HTML page in its own print theme, typeset to PDF by WeasyPrint.

Why not sphinx-simplepdf or LaTeX: measured on this stack, simplepdf drops every tab but the first and sets
contents page numbers one page off, and LaTeX needs ~480 MB of system packages and flattens cards. This builder
is Sphinx's ``singlehtml`` with these changes:

- its own theme (``theme/print``: no theme CSS to fight) with a cover, an imprint and a back cover;
- an activity's handout (:mod:`cowork_book.sphinxext.handouts`) last in its activity, so that its pages, to
  photocopy, hold nothing for the facilitator (a Credits section after it moves before it);
- a contents list of parts, chapters and their sections, leaving out the headings that recur from chapter to
  chapter ("Sources", "Over to you", a case study's sub-headings): they help nobody find anything;
- cross-references printed with the page they point to, "see Rules and safety (p. 65)", in the book's
  language, and the contents' page numbers, both written in by :func:`typeset`; glossary words stay plain text;
- a final step that writes ``<file stem>-<language>.pdf`` as a tagged PDF (PDF/UA-1) with the project's own
  fonts, with a description on every link, and the language of each quoted title and the scope of each table
  header in its structure.

What is for the web only is left out by :mod:`cowork_book.sphinxext.editions`; line breaking is
:mod:`cowork_book.sphinxext.linebreaks`.
"""

import html
import os
import re
from contextlib import contextmanager
from datetime import UTC, date, datetime
from fnmatch import fnmatchcase
from pathlib import Path

from babel.dates import format_date
from docutils import nodes
from sphinx import addnodes
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.locale import _
from sphinx.util import logging
from sphinx.writers.html5 import HTML5Translator

from cowork_book.book import BOOK
from cowork_book.languages import BY_CODE
from cowork_book.sphinxext.casestudies import COUNTRIES
from cowork_book.sphinxext.linebreaks import names as book_names
from cowork_book.sphinxext.linebreaks import typeset_text

logger = logging.getLogger(__name__)
THEME = Path(__file__).parent / "theme" / "print"
# ``<section id="x"><h2>`` -> ``<section><h2 id="x">``: a heading moved to the next page (it never ends a page)
# would leave the section's own start, and so its page number, on the page before.
_ATTRS = r'((?: [a-z-]+="[^"]*")*?)'
SECTION_ID = re.compile(rf'<section{_ATTRS} id="([^"]+)"{_ATTRS}>(\s*(?:<span id="[^"]*"></span>)*)<h([1-6])\b')
DOUBLE_ANCHOR = re.compile(r'href="#document-[^"#]*#')
DOCUMENT_ANCHOR = re.compile(r'href="#document-([^"#]*)"')
PAGE = "{page}"
INTERNAL_LINK = re.compile(r'<a ((?:[a-z-]+="[^"]*" )*)href="#([^"]+)"')
ANCHOR = re.compile(r'\bid="([^"]+)"')
CHARACTERS_PER_PAGE = 3200  # of the print page's HTML, measured: 3,010 (Russian) to 3,340 (Italian)


class PrintTranslator(HTML5Translator):
    """HTML for paper: table headers say what they head, links say what kind they are."""

    def visit_entry(self, node):
        super().visit_entry(node)
        if self.body[-1].startswith("<th"):
            scope = "col" if isinstance(node.parent.parent, nodes.thead) else "row"
            self.body[-1] = self.body[-1].replace("<th", f'<th scope="{scope}"', 1)

    def visit_start_of_file(self, node):
        # The document's anchor goes inside its first section: a span between two chapters, outside both, would
        # be set on a page of its own (it belongs to neither chapter's named page).
        self.docnames.append(node["docname"])
        self.book_document_anchor = node["docname"]

    def visit_section(self, node):
        super().visit_section(node)
        anchor = getattr(self, "book_document_anchor", None)
        if anchor:
            self.body.append(f'<span id="document-{html.escape(anchor)}"></span>')
            self.book_document_anchor = None

    def visit_reference(self, node):
        if any("std-term" in child.get("classes", ()) for child in node.findall(nodes.inline)):
            node["classes"].append("book-term")  # a glossary word: plain text on paper, no page number
        elif "refuri" in node and not node.get("internal") and _shows_address(node):
            node["classes"].append("book-show-url")
        super().visit_reference(node)


def _shows_address(node):
    """Whether a web link's text is not its address (then the address is printed after it)."""
    text = node.astext().strip().lower().removeprefix("www.")
    address = re.sub(r"^https?://(www\.)?", "", node["refuri"].lower()).rstrip("/")
    return text not in address


class PrintPDFBuilder(SingleFileHTMLBuilder):
    """One HTML page laid out for print, then a PDF of it."""

    name = "printpdf"
    epilog = "The PDF is in %(outdir)s."
    default_translator_class = PrintTranslator

    def get_theme_config(self):
        return "cowork-print", {}

    def assemble_doctree(self):
        tree = super().assemble_doctree()
        lift_parts(tree)
        handouts_last(tree, self.config.book_handout_sections)
        unlink_missing_targets(tree)
        self.print_toc = contents_entries(tree, self.config.book_print_toc_depth)
        return tree

    def finish(self):
        super().finish()
        write_pdf(self)


def lift_parts(tree):
    """Make the book's parts top-level and mark where each document starts.

    ``singlehtml`` nests every included document inside the section of the page that includes it, so the
    parts would be subsections of the landing page. Moving the landing page's toctree content after it makes
    parts ``<h1>``, chapters ``<h2>``; the class ``book-doc`` on a document's first section starts a page, and
    ``book-part`` or ``book-chapter`` gives it its page style.
    (Walks ``children`` rather than ``parent``: ``inline_all_toctrees`` moves children without re-parenting.)
    """
    root = next((child for child in tree.children if isinstance(child, nodes.section)), None)
    parts = set()
    if root is not None:
        root["classes"].append("book-part")  # the landing page opens the book like a part
        for parent, wrapper in list(_toctree_wrappers(root)):
            parent.children.remove(wrapper)
            tree.append(wrapper)
            parts |= {id(child) for child in wrapper.children if isinstance(child, addnodes.start_of_file)}
    for start in _walk(tree, addnodes.start_of_file):
        first = next(_walk(start, nodes.section), None)
        if first is not None:
            first["classes"] += ["book-doc", "book-part" if id(start) in parts else "book-chapter"]


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


def handouts_last(tree, pattern):
    """Each handout (a section whose id matches ``pattern``) becomes the last section of its activity."""
    for section in list(_walk(tree, nodes.section)):
        for sheet in [c for c in section.children if isinstance(c, nodes.section) and c["ids"]]:
            if fnmatchcase(sheet["ids"][0], pattern) and section.children[-1] is not sheet:
                section.remove(sheet)
                section.append(sheet)


def unlink_missing_targets(tree):
    """A link to what the print edition leaves out (the Download page) becomes plain text."""
    ids = {i for node in _walk(tree, nodes.Element) for i in node.get("ids", ())}
    ids |= {
        "document-" + start["docname"]
        for start in _walk(tree, addnodes.start_of_file)
        if next(_walk(start, nodes.section), None) is not None
    }
    for ref in list(_walk(tree, nodes.reference)):
        target = ref.get("refid") or ref.get("refuri", "")
        if "refid" not in ref and not target.startswith("#"):
            continue
        anchor = target.rsplit("#", 1)[-1]
        if anchor not in ids:
            ref.replace_self(nodes.inline("", "", *ref.children))


def contents_entries(tree, depth):
    """``[(level, title, id)]`` of the book's sections down to ``depth``, in reading order.

    Below the chapters, a heading that two or more documents share ("Sources", "Over to you", the headings
    every case study has) is left out: a contents line that reads the same in many places finds nothing.
    """
    entries = []

    def visit(node, level, docname):
        for child in node.children:
            if isinstance(child, addnodes.start_of_file):
                visit(child, level, child["docname"])
            elif isinstance(child, nodes.section):
                if child["ids"]:
                    entries.append((level, child[0].astext(), child["ids"][0], docname))
                if level < depth:
                    visit(child, level + 1, docname)
            elif isinstance(child, nodes.Element):
                visit(child, level, docname)

    visit(tree, 1, "")
    documents = {}
    for _level, title, _anchor, docname in entries:
        documents.setdefault(title, set()).add(docname)
    return [(lvl, title, anchor) for lvl, title, anchor, _doc in entries if lvl < depth or len(documents[title]) < 2]


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


def css_string(text):
    """``text`` as a CSS string literal; spaces do not break (a page reference stays on one line)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + escaped.replace(" ", "\\a0 ") + '"'


def page_reference_css(pattern):
    """The CSS ``content`` parts before and after the page number, from a pattern such as ``p. {page}``."""
    before, found, after = str(pattern).partition(PAGE)
    if not found:
        before, after = "", ""
    return css_string(before), css_string(after)


def project_period(config):
    locale = BY_CODE[config.language].territory if config.language in BY_CODE else config.language
    start, end = (date.fromisoformat(config.book_project[key]) for key in ("start", "end"))
    return f"{format_date(start, 'long', locale=locale)} – {format_date(end, 'long', locale=locale)}"


def add_print_context(app, pagename, templatename, context, doctree):
    if app.builder.name != PrintPDFBuilder.name:
        return
    context["book_print_toc"] = contents_html(getattr(app.builder, "print_toc", []))
    context["book_created"] = _created(app)
    context["docstitle"] = app.config.html_title
    context["book_year"] = app.config.book_year
    context["book_project"] = app.config.book_project
    context["book_partners"] = [(name, str(COUNTRIES[code])) for name, code in app.config.book_project["partners"]]
    context["book_project_period"] = project_period(app.config)
    base = app.config.book_base_url
    context["book_online"] = f"{base.rstrip('/')}/{app.config.language}/" if base else ""
    context["book_page_before"], context["book_page_after"] = page_reference_css(_("p. {page}"))
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


def finish_pdf(document, pdf):
    """Last touches on WeasyPrint's PDF objects before they are written."""
    describe_links(document, pdf)
    repair_radio_groups(pdf)


def repair_radio_groups(pdf):
    """Make each radio group one field whose buttons are its widgets, as PDF viewers expect.

    WeasyPrint 70 gives every button of a group its own name and lists it as a field of its own, so viewers see
    three same-named fields (each its own checkbox) instead of one choice. Here the buttons lose their name and
    field type and leave the field list; the group is named after its question (the part of the buttons' titles
    before ": ", see :func:`cowork_book.sphinxext.worksheets.radio_group`).
    """
    import pydyf

    form = pdf.catalog.get("AcroForm")
    if form is None:
        return
    buttons = set()
    for reference in list(form["Fields"]):
        field = pdf.objects[int(reference.split()[0])]
        if "Kids" not in field:
            continue
        kids = [pdf.objects[int(kid.split()[0])] for kid in field["Kids"]]
        question = str(kids[0]["TU"].string).rsplit(": ", 1)[0] if "TU" in kids[0] else ""
        if question:
            field["TU"] = pydyf.String(question)
        for kid in kids:
            kid.pop("T", None)
            kid.pop("FT", None)
            buttons.add(kid.reference)
    form["Fields"] = pydyf.Array(ref for ref in form["Fields"] if ref not in buttons)


def describe_links(document, pdf):
    """Every link annotation's /Contents is the link's own text (WeasyPrint writes its address there)."""
    import pydyf

    for page in document.pages:
        for _kind, target, _rectangle, box in page.links:
            annotation = getattr(box, "link_annotation", None)
            if annotation is None or box.element is None:
                continue
            text = " ".join("".join(box.element.itertext()).split())
            annotation["Contents"] = pydyf.String(text or target)


@contextmanager
def structure_attributes():
    """While WeasyPrint tags the PDF, add what its structure elements lack for PDF/UA:

    - /Lang on each element in another language than the book's (PDF/UA 7.2): WeasyPrint 70 writes the
      document's language only, so a quoted title marked ``lang`` (:mod:`cowork_book.sphinxext.langparts`) would be read
      aloud in the book's language;
    - /Scope on each table header cell (Column, or Row for ``scope="row"``; PDF/UA 7.5), next to the /Headers
      WeasyPrint writes on data cells, so checkers and readers need not work the association out.

    WeasyPrint's tagging function builds one structure element per box, recursively through the module's own
    name, so wrapping that name reaches every element. Tested by ``tests/test_print_edition.py`` against the
    pinned WeasyPrint.
    """
    import pydyf
    from weasyprint.pdf import tags

    original = tags._build_box_tree

    def build(box, parent, *args):
        for element in original(box, parent, *args):
            source = getattr(box, "element", None)
            if source is not None and box.element_tag not in ("html", "body"):
                if source.get("lang") and "Lang" not in element:
                    element["Lang"] = pydyf.String(source.get("lang"))
                if element["S"] == "/TH" and "A" in element:
                    element["A"]["Scope"] = "/Row" if source.get("scope") == "row" else "/Column"
            yield element

    tags._build_box_tree = build
    try:
        yield
    finally:
        tags._build_box_tree = original


@contextmanager
def cached_page_references():
    """While WeasyPrint writes the PDF, pydyf's ``page_references`` is built once, not once per use.

    pydyf 0.13 rebuilds that tuple (one entry per page) each time it is read, and WeasyPrint 70 reads it for every
    structure element and link it writes: 39,488 times for the English book, whose writing took 7.5–8.7 s with
    that and 6.7–6.8 s without (the same bytes). Pages are only ever added, so the tuple is kept until the page
    count changes.
    """
    import pydyf

    original = pydyf.PDF.page_references

    def page_references(pdf):
        count = len(pdf.pages["Kids"])
        cached = pdf.__dict__.get("_book_page_references")
        if cached is None or cached[0] != count:
            cached = pdf.__dict__["_book_page_references"] = (count, original.fget(pdf))
        return cached[1]

    pydyf.PDF.page_references = property(page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original


def number_links(text, pages):
    """Every link to a place in the book carries that place's page, ``data-page`` (print.css prints it)."""

    def number(match):
        return f'<a {match[1]}data-page="{pages.get(html.unescape(match[2]), 100)}" href="#{match[2]}"'

    return INTERNAL_LINK.sub(number, text)


def guessed_pages(text):
    """``{anchor: page}`` guessed from where each ``id`` stands in the print page's HTML, for the first layout:
    its page references then have about the width of the real ones (``100`` everywhere made references to pages
    below 100 a digit too wide, and three languages of six needed a third layout of 16-20 s)."""
    return {html.unescape(m[1]): max(1, round(m.start() / CHARACTERS_PER_PAGE)) for m in ANCHOR.finditer(text)}


def anchor_pages(document):
    """``{anchor: page number}`` of a laid-out WeasyPrint document."""
    return {name: number for number, page in enumerate(document.pages, 1) for name in page.anchors}


class Layouts:
    """WeasyPrint's ``HTML(...).render()`` cut in two: the page parsed and styled once, then laid out as often as
    asked, after the ``data-page`` attributes changed (``print.css`` reads them with ``attr()``, which WeasyPrint
    reads when it makes the boxes, after the styles). Each layout is what ``render`` does
    (``Document._render`` of WeasyPrint 70, whose steps this calls), less the parsing (0.7 s for the English
    book) and the styles (3.0 s). Measured: :func:`typeset` of the English book 37.3 -> 30.5 processor seconds,
    the Russian 39.8 -> 36.0, and their PDFs' streams the same as before.
    """

    def __init__(self, text, base_url, **options):
        from weasyprint import DEFAULT_OPTIONS, HTML, Document
        from weasyprint.css.counters import CounterStyle
        from weasyprint.pdf import VARIANTS
        from weasyprint.text.fonts import FontConfiguration

        self.html = HTML(string=text, base_url=base_url)
        self.options = DEFAULT_OPTIONS | options
        variant = VARIANTS[self.options["pdf_variant"]][1]  # as Document._render sets a variant's options
        self.options |= {key: variant[key] for key, value in self.options.items() if value is None and key in variant}
        self.font_config, self.counter_style = FontConfiguration(), CounterStyle()
        self.styled = Document._build_layout_context(self.html, self.font_config, self.counter_style, {}, self.options)

    def links(self):
        """The page's ``<a data-page>`` elements: set their ``data-page`` before :meth:`render`."""
        return [a for a in self.html.etree_element.iter() if a.get("data-page") is not None]

    def render(self):
        from weasyprint import Document
        from weasyprint.css.targets import TargetCollector
        from weasyprint.document import Page
        from weasyprint.formatting_structure.build import build_formatting_structure
        from weasyprint.html import get_html_metadata
        from weasyprint.layout import LayoutContext, layout_document
        from weasyprint.pdf.metadata import DocumentMetadata

        styled, html = self.styled, self.html
        context = LayoutContext(
            styled.style_for, styled.get_image_from_uri, self.font_config, self.counter_style, TargetCollector()
        )
        context.dictionaries = styled.dictionaries  # hyphenation dictionaries, loaded once
        root_box = build_formatting_structure(
            html.etree_element,
            context.style_for,
            context.get_image_from_uri,
            html.base_url,
            context.target_collector,
            self.counter_style,
            context.footnotes,
        )
        pages = [Page(box) for box in layout_document(html, root_box, context)]
        metadata = DocumentMetadata(**get_html_metadata(html))
        document = Document(pages, metadata, html.url_fetcher, self.font_config, {}, self.options["output_intent"])
        document._html = html
        return document


def typeset(source, language, names=(), passes=4):
    """The book laid out with the right page number after each cross-reference and contents entry.

    WeasyPrint 70's ``target-counter`` is off by one page for targets past a point where an earlier page
    reference grew or shrank (measured: every target after p. 114 of the English book). So the page numbers are
    written in: lay out (the first time with :func:`guessed_pages`), read where each anchor landed, write those
    numbers in and lay out again (:class:`Layouts`), until no anchor moves (two passes; each is a single layout,
    which ``target-counter`` never is). Before that, :func:`cowork_book.sphinxext.linebreaks.typeset_text` keeps
    ``names`` and addresses whole and sets the language's non-breaking spaces.
    """
    text = typeset_text(source.read_text(encoding="utf-8"), language, names)
    layouts = Layouts(number_links(text, guessed_pages(text)), str(source), pdf_variant="pdf/ua-1", pdf_forms=True)
    links = [(link, link.get("href")[1:]) for link in layouts.links()]
    for _attempt in range(passes):
        document = layouts.render()
        found = anchor_pages(document)
        if all(link.get("data-page") == str(found.get(anchor, 100)) for link, anchor in links):
            return document
        for link, anchor in links:
            link.set("data-page", str(found.get(anchor, 100)))
    logger.warning("page numbers still moving after %d passes: a cross-reference may be one page off", passes)
    return document


def write_pdf(builder):
    source = Path(builder.outdir) / f"{builder.config.root_doc}.html"
    target = pdf_path(builder)
    logger.info("writing PDF %s", target.name)
    document = typeset(source, builder.config.language, book_names(builder.app))
    with structure_attributes(), cached_page_references():
        document.write_pdf(
            str(target),
            pdf_variant="pdf/ua-1",
            pdf_forms=True,
            pdf_identifier=b"coworking-book",
            finisher=finish_pdf,
        )


def setup(app):
    app.setup_extension("cowork_book.sphinxext.editions")
    app.setup_extension("cowork_book.sphinxext.worksheets")  # book_handout_sections
    app.add_config_value("book_print_toc_depth", 3, "env", int)
    app.add_config_value(
        "book_project",
        {
            "title_lv": "Jaunatnes kompetenču apguves veicināšana ar kopstrādes koncepcijas pielietošanu "
            "jaunatnes centros",
            "title_en": "Promotion of key competences of youth by coworking concept approach in youth centres",
            "number": BOOK.project_code,
            "partners": [  # the lead partner first
                ("Ķekavas novada Jaunatnes iniciatīvu centrs", "LV"),
                ("Sociālās inovācijas centrs", "LV"),
                ("Forwardspace", "EE"),
                ("Asociación Cultural Sende", "ES"),
                ("Viaindustriae", "IT"),
            ],
            "start": "2018-01-31",
            "end": "2019-01-30",
        },
        "html",
        dict,
    )
    app.add_html_theme("cowork-print", str(THEME))
    app.add_builder(PrintPDFBuilder)
    app.connect("html-page-context", add_print_context)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
