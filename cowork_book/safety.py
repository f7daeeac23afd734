"""Defence in depth: what a translation (or an author) writes can never run, read files or emit raw output.

- Sphinx reads translations only from checked copies of the catalogues (in the doctree folder): an entry that
  fails a :mod:`cowork_book.pocheck` rule is dropped (the English shows instead) with a ``file:line`` warning,
  so a build that skipped the check still publishes nothing harmful, and ``-W`` still fails it.
- A translation that starts like a numbered list ("2024. gadā ...") is escaped, so it stays the sentence it is.
- Directives that read files (``include``, ``literalinclude``) and ``raw`` are switched off.
- Raw HTML that MyST passes through (``<script>``, ``<img onerror>``) is shown as text, with a warning.
"""

from pathlib import Path

import polib
from docutils import nodes
from sphinx import locale as sphinx_locale
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from cowork_book.pocheck import entry_problems, escape_numbered_start

logger = logging.getLogger(__name__)


def checked_catalogue(source, target):
    """Write a safe copy of the catalogue ``source`` to ``target`` (only if it changed)."""
    catalogue = polib.pofile(str(source))
    for entry in catalogue:
        if entry.obsolete or entry.fuzzy or not entry.msgstr:
            continue
        problems = entry_problems(entry.msgid, entry.msgstr)
        if problems:
            logger.warning(
                "translation not used: %s (run 'make check-po')", problems[0], location=f"{source}:{entry.linenum}"
            )
            entry.msgstr = ""
        else:
            entry.msgstr = escape_numbered_start(entry.msgstr, entry.msgid)
    text = str(catalogue)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def use_checked_catalogues(app, config):
    if not config.language or config.language == "en" or not config.locale_dirs:
        return
    checked = Path(app.doctreedir) / "checked-locales"
    for locale_dir in config.locale_dirs:
        source_dir = Path(app.srcdir) / locale_dir / config.language / "LC_MESSAGES"
        for po in sorted(source_dir.rglob("*.po")):
            checked_catalogue(po, checked / config.language / "LC_MESSAGES" / po.relative_to(source_dir))
    config.book_original_locale_dirs = list(config.locale_dirs)
    config.locale_dirs = [str(checked)]
    # Sphinx loaded the interface catalogue (sphinx.po) before this event: forget it and load the checked copy.
    sphinx_locale.translators.pop(("general", "sphinx"), None)
    app._init_i18n()


def no_file_insertion(app):
    app.env.settings["file_insertion_enabled"] = False
    app.env.settings["raw_enabled"] = False


class NoRawOutput(SphinxTransform):
    """Raw HTML passed through by MyST becomes visible text."""

    default_priority = 900  # after the translations are applied (Locale is 20)

    def apply(self, **kwargs):
        for raw in list(self.document.findall(nodes.raw)):
            logger.warning("raw HTML is not allowed; it is shown as text", location=raw)
            text = raw.astext()
            if isinstance(raw.parent, nodes.TextElement):
                raw.replace_self(nodes.Text(text))
            else:
                raw.replace_self(nodes.paragraph(text, text))


def setup(app):
    app.add_config_value("book_original_locale_dirs", [], "env", list)
    app.connect("config-inited", use_checked_catalogues, priority=100)
    app.connect("builder-inited", no_file_insertion)
    app.add_transform(NoRawOutput)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
