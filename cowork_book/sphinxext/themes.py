"""The book's two screen themes: ``cowork-book`` (Furo with the book's page frame) and ``cowork-epub``.

Kept as themes rather than ``_templates`` overrides so each builder sees only its own frame: the web pages get
Furo's layout with translatable labels and the book's footer, the EPUB Sphinx's epub layout with the same
footer, and the print build its own theme (:mod:`cowork_book.sphinxext.printbook`). The footer itself is shared:
``_templates/components/eu-notice.html``.
"""

from pathlib import Path

THEMES = Path(__file__).parent / "theme"


def setup(app):
    app.add_html_theme("cowork-book", str(THEMES / "web"))
    app.add_html_theme("cowork-epub", str(THEMES / "ebook"))
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
