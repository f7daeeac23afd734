"""The download list (``{book-downloads}``): this language's PDF, EPUB and offline web book, each with its size.

The HTML build writes one link per file the build publishes in ``downloads/`` of the language's site folder
(:func:`files`), each followed by an empty details element that carries its translated template. The sizes (and
the PDF's page count) exist only once the files do, so :func:`describe` fills them in after the build has put
the files in place (:func:`cowork_book.commands.build.publish`, which zips the offline web book again until the size the
page states for it holds). Sizes are written in the page's language by Babel (CLDR: ``2,3 MB``, ``2,3 МБ``).

In the PDF and EPUB the list becomes a sentence, since a relative link there would point into the reader's own
disk.
"""

import html
import re
from pathlib import Path

from babel.units import format_unit
from docutils import nodes
from sphinx.locale import _
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

DETAILS = re.compile(
    r'(<span class="book-download-details" data-file="(?P<file>[^"]+)" data-template="(?P<template>[^"]*)">)'
    r"[^<]*(</span>)"
)


def files(config):
    """``[(label, file name, details template)]`` of the files the build publishes for ``config.language``."""
    stem = f"{config.book_file_stem}-{config.language}"
    return [
        (_("PDF (for printing)"), f"{stem}.pdf", _("{size}, {pages} pages")),
        (_("EPUB (for e-readers)"), f"{stem}.epub", "{size}"),
        (_("Offline web book (ZIP)"), f"{stem}-html.zip", "{size}"),
    ]


class book_downloads(nodes.General, nodes.Element):
    """Placeholder for the download list, filled in per builder."""


class download_details(nodes.Inline, nodes.Element):
    """The size (and page count) of one download, filled in by :func:`describe` once the file exists."""


class BookDownloads(SphinxDirective):
    has_content = False

    def run(self):
        return [book_downloads()]


def fill_downloads(app, doctree, docname):
    for placeholder in list(doctree.findall(book_downloads)):
        if app.builder.name != "html":
            para = nodes.paragraph(text=_("The PDF, EPUB and offline files are published with the online edition."))
            placeholder.replace_self(para)
            continue
        here = app.builder.get_target_uri(docname)
        items = nodes.bullet_list(classes=["book-downloads"])
        for label, filename, template in files(app.config):
            href = relative_uri(here, f"downloads/{filename}")
            ref = nodes.reference("", label, refuri=href, classes=["book-download"])
            details = download_details(file=filename, template=template)
            items += nodes.list_item("", nodes.paragraph("", "", ref, details))
        placeholder.replace_self(items)


def visit_details(self, node):
    file, template = html.escape(node["file"]), html.escape(node["template"])
    self.body.append(f'<span class="book-download-details" data-file="{file}" data-template="{template}"></span>')
    raise nodes.SkipNode


def size_text(size, lang):
    """A file size in the language's own notation: ``850 kB``, ``2.3 MB`` (``2,3 MB``, ``2,3 МБ``)."""
    if size < 1_000_000:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=lang)
    return format_unit(size / 1_000_000, "digital-megabyte", length="short", format="#,##0.0", locale=lang)


def page_count(path):
    import pikepdf  # pypdf took 2.9 s to count the pages of the English PDF, pikepdf 0.4 s

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def details_text(path, template, lang):
    pages = page_count(path) if "{pages}" in template else None
    return ", " + template.format(size=size_text(path.stat().st_size, lang), pages=pages)


def describe(folder, lang):
    """Fill in the size of each download on the pages of ``folder`` that list them; True if a page changed."""
    folder = Path(folder)
    changed = False
    for page in folder.rglob("*.html"):
        if "downloads" in page.relative_to(folder).parts:
            continue
        text = page.read_text(encoding="utf-8")
        if "book-download-details" not in text:
            continue

        def fill(match):
            path = folder / "downloads" / html.unescape(match["file"])
            details = details_text(path, html.unescape(match["template"]), lang) if path.is_file() else ""
            return match[1] + html.escape(details, quote=False) + match[4]

        filled = DETAILS.sub(fill, text)
        if filled != text:
            page.write_text(filled, encoding="utf-8")
            changed = True
    return changed


def setup(app):
    app.add_node(book_downloads)
    app.add_node(download_details, html=(visit_details, None))
    app.add_directive("book-downloads", BookDownloads)
    app.connect("doctree-resolved", fill_downloads)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
