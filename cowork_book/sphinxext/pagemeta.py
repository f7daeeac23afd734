"""Per-page metadata.

- ``<meta name="description">`` on every page: the page's own ``html_meta`` description if it has one,
  otherwise the opening of its first paragraph, so it is always in the page's language.
- ``book_version`` in the template context (shown in the footer).
- The book's title in the reader's language for the HTML title and the EPUB metadata.
- OpenGraph tags (title, description, language) for links shared on social media and messengers.

Why not sphinxext-opengraph: it writes the OpenGraph tags only, so the description for search engines and the
EPUB would still be needed here, from the same first paragraph; its ``og:locale`` and site name are one
configuration value for the whole build, where this book needs the language's territory (from
:mod:`cowork_book.languages`) and the title translated by the build itself; and it adds its tags to the EPUB's
XHTML pages too, which must not carry them. These few lines make exactly the book's tags, for the web builder
only.
"""

import html
import re

from docutils import nodes

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


def setup(app):
    app.add_config_value("book_version", "", "html", str)
    app.add_config_value("book_file_stem", "book", "env", str)
    app.add_config_value("book_year", "", "env", str)
    app.connect("env-updated", use_translated_title)
    app.connect("html-page-context", add_page_meta)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
