"""EPUB output: valid XHTML, EPUB Accessibility 1.1 (WCAG 2.1 AA) and a reproducible zip.

- Valid XHTML: sphinx-design writes its tab inputs as HTML (``<input ...>``) and its icons as inline ``<svg>``
  without the SVG namespace, which an EPUB reader's XML parser rejects (epubcheck RSC-005). Decorative icons are
  dropped. Written here as a small page filter, because the markup comes from sphinx-design's own HTML visitor.
- The language of every content document: ``lang`` and ``xml:lang`` on ``<html>`` (Sphinx's EPUB writes none),
  so a screen reader reads a Latvian page with a Latvian voice.
- The accessibility metadata of the package (schema.org ``accessMode``, ``accessModeSufficient``,
  ``accessibilityFeature``, ``accessibilityHazard``, a translated ``accessibilitySummary``) and the conformance
  claim ``dcterms:conformsTo`` with its evaluator ``a11y:certifiedBy``. The claim is earned by the test suite:
  ``tests/test_epub.py`` runs Ace by DAISY and epubcheck on every language's EPUB and checks each feature
  claimed here against the content, and nothing is published unless the tests pass. There is no page list:
  the EPUB reflows, and no honest mapping to the PDF's page numbers exists.
- The navigation document: ``role="doc-toc"`` beside ``epub:type="toc"``, its heading in the book's language, and
  only entries whose target is in the EPUB (a section for the web only, left out by
  :mod:`cowork_book.sphinxext.editions`, is still in Sphinx's table of contents).

- The manifest entry of every page with inline SVG (the pictures of :mod:`cowork_book.sphinxext.figures`, which
  names them with :func:`has_svg`) has ``properties="svg"`` (epubcheck OPF-014).

All EPUB packaging is here. Sphinx writes ``content.opf`` and ``nav.xhtml`` from its own templates, so both are
completed in the finished EPUB, in one pass that also dates every zip entry ``SOURCE_DATE_EPOCH``
(:mod:`cowork_book.zips`, the writer of the offline web book too), so that builds are reproducible.
"""

import html
import re
from pathlib import Path

from sphinx.builders.epub3 import Epub3Builder
from sphinx.locale import _

from cowork_book import zips
from cowork_book.docstore import this_build

VOID_INPUT = re.compile(r"<input\b([^>]*?)\s*/?>")
BARE_SVG = re.compile(r"<svg\b(?![^>]*\bxmlns=)")
ICON = re.compile(r'<svg\b[^>]*class="sd-octicon[^"]*"[^>]*>.*?</svg>', re.DOTALL)
HTML_TAG = (
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
    'lang="{lang}" xml:lang="{lang}">'
)

# What every EPUB of the book offers (https://www.w3.org/2021/a11y-discov-vocab/latest/); tests/test_epub.py
# checks each feature against the content: images and diagrams have text alternatives, every page has one
# heading structure, the navigation document lists every chapter, the spine follows it, and no style forces
# a font size or colour on the reader.
ACCESS_MODES = ("textual", "visual")
ACCESS_MODES_SUFFICIENT = ("textual", "textual,visual")
FEATURES = ("alternativeText", "displayTransformability", "readingOrder", "structuralNavigation", "tableOfContents")
HAZARDS = ("none",)
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"


def accessibility_summary():
    """The accessibility summary, in the build's language (one sentence per message for the translators)."""
    return " ".join(
        [
            _("This e-book has a table of contents and a clear heading structure for moving through each chapter."),
            _("Every picture has a text alternative, and each diagram is also described in the text around it."),
            _("The text reflows to fit the screen, and reading apps can change its size, font and colours."),
            _("It has no page numbers from the printed edition."),
        ]
    )


class BookEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder, with a table of contents (navigation document, NCX, spine) of what it wrote."""

    def get_toc(self):
        super().get_toc()
        ids = {}

        def written(refuri):
            page, _hash, fragment = html.unescape(refuri).partition("#")
            if page not in ids:
                path = Path(self.outdir) / page
                ids[page] = set(re.findall(r'\bid="([^"]+)"', path.read_text("utf-8"))) if path.is_file() else None
            return ids[page] is not None and (not fragment or fragment in ids[page])

        self.refnodes = [node for node in self.refnodes if written(node["refuri"])]


def xhtml_body(app, pagename, templatename, context, doctree):
    if app.builder.name != "epub":
        return
    context["html_tag"] = HTML_TAG.format(lang=html.escape(app.config.epub_language or app.config.language))
    if "body" in context:
        body = VOID_INPUT.sub(r"<input\1 />", ICON.sub("", context["body"]))
        context["body"] = BARE_SVG.sub('<svg xmlns="http://www.w3.org/2000/svg"', body)


def package_metadata(app):
    """The accessibility ``<meta>`` elements for ``content.opf``."""
    properties = [("schema:accessMode", mode) for mode in ACCESS_MODES]
    properties += [("schema:accessModeSufficient", modes) for modes in ACCESS_MODES_SUFFICIENT]
    properties += [("schema:accessibilityFeature", feature) for feature in FEATURES]
    properties += [("schema:accessibilityHazard", hazard) for hazard in HAZARDS]
    properties += [("schema:accessibilitySummary", accessibility_summary())]
    properties += [("dcterms:conformsTo", CONFORMS_TO), ("a11y:certifiedBy", app.config.epub_publisher)]
    return "".join(f'    <meta property="{name}">{html.escape(value)}</meta>\n' for name, value in properties)


def has_svg(app, docname):
    """Record that the page ``docname`` carries inline SVG (call it at ``doctree-resolved``)."""
    if app.builder.name == "epub":
        this_build(app, "book_svg_pages", set).add(app.builder.get_target_uri(docname))


def declare_svg(app, text):
    """``properties="svg"`` on the manifest items of the pages that carry inline SVG."""
    pages = this_build(app, "book_svg_pages", set)

    def declare(match):
        item = match.group(0)
        href = re.search(r'href="([^"]+)"', item)
        if not href or html.unescape(href.group(1)) not in pages or "properties=" in item:
            return item
        return item.replace("<item ", '<item properties="svg" ', 1)

    return re.sub(r"<item\b[^>]*>", declare, text)


def complete_package(app, text):
    text = declare_svg(app, text)
    return re.sub(r"\s*</metadata>", lambda _m: "\n" + package_metadata(app) + "  </metadata>", text, count=1)


def complete_navigation(app, text):
    title = html.escape(_("Contents"))
    text = text.replace('<nav epub:type="toc">', '<nav epub:type="toc" role="doc-toc">', 1)
    return re.sub(r"<(title|h1)>[^<]*</\1>", lambda m: f"<{m[1]}>{title}</{m[1]}>", text)


COMPLETE = {"content.opf": complete_package, "nav.xhtml": complete_navigation}


def finish_epub(app, exception):
    """Complete the package and navigation documents, and date every entry SOURCE_DATE_EPOCH (if set)."""
    if exception or app.builder.name != "epub":
        return

    def complete(name, data):
        if name not in COMPLETE:
            return data
        data = COMPLETE[name](app, data.decode("utf-8")).encode("utf-8")
        (Path(app.outdir) / name).write_bytes(data)
        return data

    zips.rewrite_zip(Path(app.outdir) / f"{app.config.epub_basename}.epub", complete, zips.stamp())


def setup(app):
    app.add_builder(BookEpubBuilder, override=True)
    app.connect("html-page-context", xhtml_body)
    app.connect("build-finished", finish_epub)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
