"""EPUB output: keeps the pages valid XHTML where other extensions write HTML-only markup.

sphinx-design writes its tab inputs as HTML (``<input ...>``) and its icons as inline ``<svg>`` without the SVG
namespace, which an EPUB reader's XML parser rejects (epubcheck RSC-005). Decorative icons are dropped.
Written here as a small page filter, because the markup comes from sphinx-design's own HTML visitor.
"""

import re

VOID_INPUT = re.compile(r"<input\b([^>]*?)\s*/?>")
BARE_SVG = re.compile(r"<svg\b(?![^>]*\bxmlns=)")
ICON = re.compile(r'<svg\b[^>]*class="sd-octicon[^"]*"[^>]*>.*?</svg>', re.DOTALL)


def xhtml_body(app, pagename, templatename, context, doctree):
    if app.builder.name == "epub" and "body" in context:
        body = VOID_INPUT.sub(r"<input\1 />", ICON.sub("", context["body"]))
        context["body"] = BARE_SVG.sub('<svg xmlns="http://www.w3.org/2000/svg"', body)


def setup(app):
    app.connect("html-page-context", xhtml_body)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
