"""The translation status page: per language and per page, how much is translated, generated at build time.

``{translation-status}`` renders one table per translation (pages as rows: translated, fuzzy and untranslated
entries, and English words) from the catalogues in ``locales/`` as they are when the book is built.
"""

import os
from datetime import UTC, datetime
from pathlib import Path

from docutils import nodes
from sphinx.locale import _
from sphinx.util.docutils import SphinxDirective

from cowork_book.pofiles import catalogue_stats


def _table(headers, rows):
    table = nodes.table(classes=["translation-status"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    group.extend(nodes.colspec(colwidth=1) for _header in headers)
    head = nodes.thead()
    group += head
    head += nodes.row("", *(nodes.entry("", nodes.paragraph("", str(h), translatable=False)) for h in headers))
    body = nodes.tbody()
    group += body
    for row in rows:
        body += nodes.row("", *(nodes.entry("", nodes.paragraph("", str(c), translatable=False)) for c in row))
    return table


def english_date():
    """The date of the English text the catalogues are measured against: the commit the book is built from
    (``SOURCE_DATE_EPOCH``, which the build sets from the last commit), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), tz=UTC) if epoch else datetime.now(tz=UTC)
    return when.date().isoformat()


def measured_against():
    text = _("Measured against the English text of {date}.")
    return (text if "{date}" in text else "Measured against the English text of {date}.").format(date=english_date())


class TranslationStatus(SphinxDirective):
    def run(self):
        config = self.env.config
        locales = Path(self.env.srcdir) / (config.book_original_locale_dirs or config.locale_dirs)[0]
        result = [nodes.paragraph("", measured_against(), translatable=False, classes=["status-date"])]
        headers = [_("Page"), _("Translated"), _("Fuzzy"), _("Untranslated"), _("Words")]
        for code, name in config.book_languages.items():
            if code == config.book_source_language:
                continue
            folder = locales / code / "LC_MESSAGES"
            rows, totals = [], [0, 0, 0, 0]
            for po in sorted(folder.rglob("*.po")):
                self.env.note_dependency(str(po))  # read again when a translator saves a catalogue
                stats = catalogue_stats(po)
                counts = [stats["translated"], stats["fuzzy"], stats["untranslated"], stats["words"]]
                totals = [a + b for a, b in zip(totals, counts, strict=True)]
                rows.append([po.relative_to(folder).with_suffix("").as_posix(), *counts])
            done = 100.0 * totals[0] / max(1, sum(totals[:3]))
            title = f"{name} ({code}): {done:.1f} %"
            section = nodes.rubric(title, title, translatable=False)
            rows.append([_("All pages"), *totals])
            result += [section, _table(headers, rows)]
        return result


def setup(app):
    app.add_directive("translation-status", TranslationStatus)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
