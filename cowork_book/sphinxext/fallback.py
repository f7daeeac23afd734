"""Honest pages while a translation catches up: English paragraphs in a translated page are marked and explained.

When the English changes, its translation is fuzzy until a translator checks it, and the page shows the English
paragraph meanwhile. Sphinx marks such paragraphs (``translation_progress_classes``: class ``untranslated``).
This extension, in every language but the source, for every page (web, EPUB) and every chapter of the print
edition that has such paragraphs:

- gives each of them the source language (class ``language-en``, which docutils writes as ``lang="en"``; the
  PDF's structure takes its ``/Lang`` from it), so screen readers switch voice (WCAG 3.1.2);
- puts a note at the top, in the page's language, saying that parts are shown in English, with a link to the
  translation status page (``book_translation_status_label``).

A post-transform that runs before references are resolved, so the link is an ordinary ``{ref}``.
"""

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

UNTRANSLATED = "untranslated"


def _owner(node, document):
    """The page a node belongs to: its nearest ``start_of_file`` in the print edition, else the document."""
    while node is not None and not isinstance(node, addnodes.start_of_file):
        node = node.parent
    return node or document


def _note(status_label):
    link = addnodes.pending_xref(
        "", nodes.inline("", _("How far the translation has come")), refdomain="std", reftype="ref"
    )
    link["reftarget"], link["refexplicit"], link["refwarn"] = status_label, True, False
    paragraph = nodes.paragraph("", _("Parts of this page are not translated yet and are shown in English."))
    paragraph += [nodes.Text(" "), link]
    return nodes.note("", paragraph, classes=["translation-fallback"])


def _insert_at_top(part, note):
    """After the first heading of ``part`` (a page, or one chapter of the print edition)."""
    section = next(part.findall(nodes.section), None)
    if section is None:
        part.insert(0, note)
        return
    title = next((i for i, child in enumerate(section.children) if isinstance(child, nodes.title)), -1)
    section.insert(title + 1, note)


class MarkFallbacks(SphinxPostTransform):
    default_priority = 5  # before the references are resolved (10)

    def run(self, **kwargs):
        config = self.config
        if config.language == config.book_source_language:
            return
        pages = {}
        for node in self.document.findall(nodes.Element):
            if UNTRANSLATED in node.get("classes", []):
                node["classes"].append(f"language-{config.book_source_language}")
                pages.setdefault(id(owner := _owner(node, self.document)), owner)
        for page in pages.values():
            _insert_at_top(page, _note(config.book_translation_status_label))


def setup(app):
    app.add_config_value("book_translation_status_label", "translation-status", "env", str)
    app.add_post_transform(MarkFallbacks)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
