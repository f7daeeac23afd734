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

Sphinx writes ``content.opf`` and ``nav.xhtml`` from its own templates, so both are completed in the finished
EPUB (as :mod:`cowork_book.sphinxext.figures` does for SVG pages);
its zip entries are then dated ``SOURCE_DATE_EPOCH`` so
that builds are reproducible.
"""

import html
import os
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from sphinx.builders.epub3 import Epub3Builder
from sphinx.locale import _

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


def complete_package(app, text):
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
    stamp = None
    if os.environ.get("SOURCE_DATE_EPOCH"):
        stamp = datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC).timetuple()[:6]
        stamp = max(stamp, (1980, 1, 1, 0, 0, 0))
    path = Path(app.outdir) / f"{app.config.epub_basename}.epub"
    with zipfile.ZipFile(path) as source:
        files = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, data in files:
            if info.filename in COMPLETE:
                data = COMPLETE[info.filename](app, data.decode("utf-8")).encode("utf-8")
                (Path(app.outdir) / info.filename).write_bytes(data)
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp or info.date_time)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)


def setup(app):
    app.add_builder(BookEpubBuilder, override=True)
    app.connect("html-page-context", xhtml_body)
    app.connect("build-finished", finish_epub)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
