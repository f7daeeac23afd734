"""Every paragraph of the book reaches the translators.

MyST leaves ``source`` and ``line`` unset on text that a directive parses as nested content in some places
(a table inside an admonition, for example). Sphinx's gettext builder and its translation step skip text
without a source, so such a table would stay English in every language. This transform, which runs before
the translations are applied, gives such paragraphs the position of the nearest element that has one.
(Only paragraphs: other text elements without a position are link targets and labels, not prose.)
"""

from docutils import nodes
from sphinx.transforms import SphinxTransform


class FillSourcePositions(SphinxTransform):
    default_priority = 10  # before sphinx.transforms.i18n.Locale (20)

    def apply(self, **kwargs):
        for node in self.document.findall(nodes.paragraph):
            if node.source and node.line:
                continue
            parent = node.parent
            while parent is not None and not (parent.source and parent.line):
                parent = parent.parent
            if parent is not None:
                node.source = node.source or parent.source
                node.line = node.line or parent.line


def setup(app):
    app.add_transform(FillSourcePositions)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
