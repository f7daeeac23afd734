"""The book's cover on the web, where a reader expects it: the first page and the Download page.

``{book-cover}`` shows the cover (``_static/cover.png``, which the EPUB has as its cover) in the web book: a
copy 300 px wide (about 3 KB, made with Pillow, which WeasyPrint already brings) sized to 150 × 200 CSS px, lazy
and with a text alternative from ``sphinx.po``. The EPUB has the cover as its cover and the PDF its own, so other
builders leave it out.
"""

from pathlib import Path

from docutils import nodes
from sphinx.locale import _
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

SOURCE = "_static/cover.png"
WEB = "_static/cover-web.png"
SIZE = (300, 400)  # pixels of the web copy; shown at half that in CSS pixels, sharp on most phones


class book_cover(nodes.General, nodes.Element):
    """The cover picture (web book only)."""


class BookCover(SphinxDirective):
    def run(self):
        node = book_cover()
        node.source, node.line = self.get_source_info()
        return [node]


def visit_cover(self, node):
    if self.builder.name == "html":
        here = self.builder.get_target_uri(self.builder.current_docname)
        alt = _("The book's cover: three people work side by side at one table")
        width, height = (n // 2 for n in SIZE)
        self.body.append(
            f'<img class="book-cover" src="{relative_uri(here, WEB)}" alt="{self.encode(str(alt))}" '
            f'width="{width}" height="{height}" loading="lazy" decoding="async">'
        )
    raise nodes.SkipNode


def write_web_copy(app, exception):
    if exception or app.builder.name != "html":
        return
    from PIL import Image

    with Image.open(Path(app.srcdir) / SOURCE) as cover:
        small = cover.convert("RGB").resize(SIZE, Image.LANCZOS).quantize(32)
    target = Path(app.outdir) / WEB
    target.parent.mkdir(parents=True, exist_ok=True)
    small.save(target, "PNG", optimize=True)


def setup(app):
    app.add_directive("book-cover", BookCover)
    app.add_node(book_cover, html=(visit_cover, None))
    app.connect("build-finished", write_web_copy)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
