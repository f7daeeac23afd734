"""Per-page metadata and the download list.

- ``<meta name="description">`` on every page: the page's own ``html_meta`` description if it has one,
  otherwise the opening of its first paragraph, so it is always in the page's language.
- ``book_version`` in the template context (shown in the footer).
- The book's title in the reader's language for the HTML title and the EPUB metadata.
- OpenGraph tags (title, description, language) for links shared on social media and messengers.
- The ``book-downloads`` directive: links to this language's PDF and EPUB, which the build puts in
  ``downloads/`` of each language's site folder. In the PDF and EPUB themselves it becomes a plain sentence,
  since a relative link there would point into the reader's own disk.
"""

import html
import re

from docutils import nodes
from sphinx.locale import _
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from cowork_book.languages import BY_CODE

DESCRIPTION_LENGTH = 155
TRANSLATED_ATTR = re.compile(r' translated="(?:True|False)"')


def describe(doctree):
    """A one-line summary of a page: its first body paragraph (not a table cell or a note), cut at a word."""
    if doctree is None:
        return ""
    paragraph = next((p for p in doctree.findall(nodes.paragraph) if isinstance(p.parent, nodes.section)), None)
    if paragraph is None:
        return ""
    text = " ".join(paragraph.astext().split())
    if len(text) > DESCRIPTION_LENGTH:
        text = text[: DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return text


def use_translated_title(app, env):
    """The book's title in the build's language (the root page's translated heading) for HTML and EPUB."""
    title = env.titles.get(app.config.root_doc)
    if title is not None:
        app.config.html_title = app.config.epub_title = title.astext()


def add_page_meta(app, pagename, templatename, context, doctree):
    context["book_version"] = app.config.book_version or app.config.release
    context["book_author"] = app.config.author
    # A translated html_meta node carries a docutils attribute that is not HTML (and breaks EPUB's XHTML).
    metatags = TRANSLATED_ATTR.sub("", context.get("metatags", ""))
    found = re.search(r'name="description" content="([^"]*)"|content="([^"]*)" name="description"', metatags)
    if found:
        description = html.unescape(found.group(1) or found.group(2))
    else:
        description = describe(doctree) or app.config.html_title
        metatags += f'<meta name="description" content="{html.escape(description)}" />\n'
    if app.builder.name == "html":
        metatags += social_card(app, context, description)
    context["metatags"] = metatags


def social_card(app, context, description):
    """OpenGraph tags, so a shared link shows the page's title and summary in its own language."""
    title = html.unescape(re.sub(r"<[^>]+>", "", context.get("title") or app.config.html_title))
    tags = {
        "og:title": title,
        "og:description": description,
        "og:type": "article" if context.get("pagename") != app.config.root_doc else "website",
        "og:site_name": app.config.html_title,
        "og:locale": BY_CODE[app.config.language].territory if app.config.language in BY_CODE else app.config.language,
    }
    if context.get("pageurl"):
        tags["og:url"] = context["pageurl"]
    return "".join(f'<meta property="{k}" content="{html.escape(v)}" />\n' for k, v in tags.items())


class book_downloads(nodes.General, nodes.Element):
    """Placeholder for the download list, filled in per builder."""


class BookDownloads(SphinxDirective):
    has_content = False

    def run(self):
        return [book_downloads()]


def download_files(config):
    """``[(label, file name)]`` of the files the build publishes for ``config.language``."""
    stem = f"{config.book_file_stem}-{config.language}"
    return [
        (_("PDF (for printing)"), f"{stem}.pdf"),
        (_("EPUB (for e-readers)"), f"{stem}.epub"),
    ]


def fill_downloads(app, doctree, docname):
    for placeholder in list(doctree.findall(book_downloads)):
        if app.builder.name != "html":
            para = nodes.paragraph(text=_("The PDF, EPUB and offline files are published with the online edition."))
            placeholder.replace_self(para)
            continue
        here = app.builder.get_target_uri(docname)
        items = nodes.bullet_list(classes=["book-downloads"])
        for label, filename in download_files(app.config):
            href = relative_uri(here, f"downloads/{filename}")
            ref = nodes.reference("", label, refuri=href, classes=["book-download"])
            items += nodes.list_item("", nodes.paragraph("", "", ref))
        placeholder.replace_self(items)


def setup(app):
    app.add_config_value("book_version", "", "html", str)
    app.add_config_value("book_file_stem", "book", "env", str)
    app.add_config_value("book_year", "", "env", str)
    app.add_node(book_downloads)
    app.add_directive("book-downloads", BookDownloads)
    app.connect("env-updated", use_translated_title)
    app.connect("doctree-resolved", fill_downloads)
    app.connect("html-page-context", add_page_meta)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
