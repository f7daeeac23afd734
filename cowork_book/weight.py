"""Page weight: each page loads only the styles and scripts it uses.

Sphinx and its extensions add their files to every page. A reader on a slow rural connection should not
download the code highlighter's colours on pages without code, sphinx-design's styles on pages without cards
or tabs, its tab-syncing script at all (tabs are CSS radio buttons and work without it), or the search
scripts and their translations outside the search page. Measured on a long chapter: 42.7 KB
gzip before, about 33 KB after (``make bench``); the budget is 40 KB.
"""

# searchtools.js needs these; other pages do not (highlighting search words after a click is left out).
SEARCH_ONLY = {
    "_static/doctools.js",
    "_static/documentation_options.js",
    "_static/sphinx_highlight.js",
    "_static/translations.js",
}
# Only syncs tab choices between tab sets; the tabs themselves are CSS radio buttons and work without it.
NEVER = {"_static/design-tabs.js", "_static/styles/furo-extensions.css"}  # css/design.css keeps what we use of it


# A feature's styles, and a class that only its pages have.
FEATURE_CSS = {
    "_static/css/cases.css": "case-",
    "_static/css/tools.css": "book-tool",
    "_static/css/glossary-tips.css": "glossary-tips",
    "_static/css/figures.css": "book-figure",
}


def _needed(filename, pagename, body):
    if filename in FEATURE_CSS:
        return FEATURE_CSS[filename] in body
    if filename in SEARCH_ONLY:
        return pagename == "search"
    if filename == "_static/pygments.css":
        return 'class="highlight' in body
    if filename in ("_static/sphinx-design.min.css", "_static/css/design.css"):
        return "sd-" in body
    return filename not in NEVER


def trim_assets(app, pagename, templatename, context, doctree):
    if app.builder.name != "html":
        return
    body = context.get("body", "")
    for key in ("css_files", "script_files"):
        files = context.get(key, [])
        context[key] = [f for f in files if _needed(getattr(f, "filename", f), pagename, body)]


def setup(app):
    app.connect("html-page-context", trim_assets, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
