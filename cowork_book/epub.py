"""EPUB output: keeps the pages valid XHTML where other extensions write HTML-only markup.

sphinx-design writes its tab inputs as HTML (``<input ...>``) and its icons as inline ``<svg>`` without the SVG
namespace, which an EPUB reader's XML parser rejects (epubcheck RSC-005). Decorative icons are dropped.
Written here as a small page filter, because the markup comes from sphinx-design's own HTML visitor.
The finished EPUB's zip entries are dated ``SOURCE_DATE_EPOCH`` so that builds are reproducible.
"""

import os
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

VOID_INPUT = re.compile(r"<input\b([^>]*?)\s*/?>")
BARE_SVG = re.compile(r"<svg\b(?![^>]*\bxmlns=)")
ICON = re.compile(r'<svg\b[^>]*class="sd-octicon[^"]*"[^>]*>.*?</svg>', re.DOTALL)


def xhtml_body(app, pagename, templatename, context, doctree):
    if app.builder.name == "epub" and "body" in context:
        body = VOID_INPUT.sub(r"<input\1 />", ICON.sub("", context["body"]))
        context["body"] = BARE_SVG.sub('<svg xmlns="http://www.w3.org/2000/svg"', body)


def reproducible_zip(app, exception):
    """Rewrite the EPUB with every file dated SOURCE_DATE_EPOCH, so two builds of one commit are identical."""
    if exception or app.builder.name != "epub" or not os.environ.get("SOURCE_DATE_EPOCH"):
        return
    stamp = datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC).timetuple()[:6]
    stamp = max(stamp, (1980, 1, 1, 0, 0, 0))
    path = Path(app.outdir) / f"{app.config.epub_basename}.epub"
    with zipfile.ZipFile(path) as source:
        files = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, data in files:
            fixed = zipfile.ZipInfo(info.filename, date_time=stamp)
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, data)


def setup(app):
    app.connect("html-page-context", xhtml_body)
    app.connect("build-finished", reproducible_zip)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
