"""Defence in depth: what a translation (or an author) writes can never run, read files or emit raw output.

- Sphinx reads translations only from checked copies of the catalogues (in the doctree folder): an entry that
  fails a :mod:`cowork_book.pocheck` rule is dropped (the English shows instead) with a ``file:line`` warning,
  so a build that skipped the check still publishes nothing harmful, and ``-W`` still fails it.
- A translation that starts like a numbered list ("2024. gadā ...") is escaped, so it stays the sentence it is.
- Directives that read files (``include``, ``literalinclude``) and ``raw`` are switched off.
- Raw HTML that MyST passes through (``<script>``, ``<img onerror>``) is shown as text, with a warning.

In the translators' live preview (``make serve LANG=xx`` sets ``book_preview``), every page also lists the
entries that were not used, as ``file:line: what is wrong; what to do``, so a translator sees why the English
shows instead of her text. Published builds never carry that list.

Sphinx does not know that every page shows the interface catalogue (``sphinx.po``: buttons, headings, labels), so
when only that catalogue changes, an incremental build reads and writes every page again.
"""

import hashlib
import html
from pathlib import Path

import polib
import sphinx
from docutils import nodes
from sphinx import locale as sphinx_locale
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import CatalogRepository

from cowork_book.pocheck import entry_problems, escape_numbered_start

logger = logging.getLogger(__name__)


def checked_catalogue(source, target, rejected=None, name=None):
    """Write a safe copy of the catalogue ``source`` to ``target`` (only if it changed); each entry left out is
    added to ``rejected`` as ``name:line: problem`` (``name``: the file as the translator knows it)."""
    catalogue = polib.pofile(str(source))
    for entry in catalogue:
        if entry.obsolete or entry.fuzzy or not entry.msgstr:
            continue
        problems = entry_problems(entry.msgid, entry.msgstr)
        if problems:
            logger.warning(
                "translation not used: %s (run 'make check-po')", problems[0], location=f"{source}:{entry.linenum}"
            )
            if rejected is not None:
                rejected.append(f"{name or source}:{entry.linenum}: {problems[0]}")
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
    app.book_rejected_translations = []
    for locale_dir in config.locale_dirs:
        source_dir = Path(app.srcdir) / locale_dir / config.language / "LC_MESSAGES"
        for po in sorted(source_dir.rglob("*.po")):
            target = checked / config.language / "LC_MESSAGES" / po.relative_to(source_dir)
            checked_catalogue(po, target, app.book_rejected_translations, po.relative_to(app.srcdir))
    config.book_original_locale_dirs = list(config.locale_dirs)
    config.locale_dirs = [str(checked)]
    load_interface_catalogue(app, config)


def load_interface_catalogue(app, config):
    """Sphinx loaded the interface catalogue (sphinx.po) before ``config-inited``: forget it and load the checked
    copy, as Sphinx loads it (compiled to ``.mo`` when it changed; then Sphinx's own messages), through the
    public :func:`sphinx.locale.init` rather than the application's private ``_init_i18n``."""
    sphinx_locale.translators.pop(("general", "sphinx"), None)
    repo = CatalogRepository(app.srcdir, config.locale_dirs, config.language, config.source_encoding)
    for catalogue in repo.catalogs:
        if catalogue.domain == "sphinx" and catalogue.is_outdated():
            catalogue.write_mo(config.language, config.gettext_allow_fuzzy_translations)
    locale_dirs = [*repo.locale_dirs, None, Path(sphinx.__file__).parent / "locale"]
    app.translator, _found = sphinx_locale.init(locale_dirs, config.language)


def interface_changed(app, env, added, changed, removed):
    """Every page, when the checked interface catalogue differs from the one the last build used."""
    catalogue = Path(app.doctreedir) / "checked-locales" / str(app.config.language) / "LC_MESSAGES" / "sphinx.po"
    if not catalogue.exists():
        return []
    digest = hashlib.sha256(catalogue.read_bytes()).hexdigest()
    before, env.book_interface_digest = getattr(env, "book_interface_digest", None), digest
    return sorted(env.found_docs) if before not in (None, digest) else []


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


def preview_banner(app, pagename, templatename, context, doctree):
    """In the live preview only: the rejected entries at the top of every page."""
    rejected = getattr(app, "book_rejected_translations", [])
    if not app.config.book_preview or not rejected or "body" not in context:
        return
    items = "".join(f"<li><code>{html.escape(problem)}</code></li>" for problem in rejected)
    banner = (
        '<div class="admonition error preview-errors" role="alert"><p class="admonition-title">'
        f"{html.escape(str(len(rejected)))} translation(s) not used: the English shows instead. Fix them, save, "
        f"and this page reloads.</p><ul>{items}</ul></div>"
    )
    context["body"] = banner + context["body"]


def setup(app):
    app.add_config_value("book_original_locale_dirs", [], "env", list)
    app.add_config_value("book_preview", False, "html", bool)
    app.connect("html-page-context", preview_banner)
    app.connect("config-inited", use_checked_catalogues, priority=100)
    app.connect("builder-inited", no_file_insertion)
    app.connect("env-get-outdated", interface_changed)
    app.add_transform(NoRawOutput)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
