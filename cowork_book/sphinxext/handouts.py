"""Activity handouts on paper and on screen: what a facilitator prints, and what participants get.

Each activity (:mod:`cowork_book.sphinxext.activities`) ends with a handout, the section ``act-<slug>-handout``
(``book_handout_sections``): a title, the task, and questions with a line to write on (a run of underscores), or
a checklist. Every edition gives it what it can:

- the PDF: a page of its own to photocopy, with named fields to fill in and boxes to tick, as the worksheets
  (:class:`cowork_book.sphinxext.worksheets.WorksheetFields`); :mod:`cowork_book.sphinxext.printbook` moves the
  handout after the activity's other sections, so nothing for the facilitator is printed on its page;
- the web and the EPUB: each run of underscores is drawn as a line to write on (``book-answer-line``: an empty
  span with a bottom border, not thirty underscores for a screen reader to spell out, and no form controls),
  and each item of a list gets a box to tick (``css/handouts.css``);
- the web: a "Print the handout" button under the handout's heading. ``_static/handout-print.js`` shows it
  (without JavaScript it stays hidden), and on a click marks the page ``html.book-printing-handout`` and prints:
  ``css/handouts.css`` then prints the handout alone, without the facilitator's notes. Printing the page as it
  is gives the facilitator's sheet: the activity without the site's navigation, its handout on a new page.

The script loads on activity pages only, and the style sheet only on pages with a handout
(:mod:`cowork_book.sphinxext.weight`); both are the book's own static files.

Written here because the handout is this book's own convention; no Sphinx extension prints one section of a page.
"""

from fnmatch import fnmatchcase

from docutils import nodes
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

from cowork_book.sphinxext.markup import esc, tag
from cowork_book.sphinxext.worksheets import UNDERSCORES

SCRIPT = "_static/handout-print.js"
STYLES = "css/handouts.css"
SCREEN = ("html", "epub")  # the builders that draw lines; the PDF's builder (printpdf) makes fields


class answer_line(nodes.Inline, nodes.Element):
    """A line to write an answer on (web and EPUB)."""


class print_handout(nodes.General, nodes.Element):
    """The "Print the handout" button (web only)."""


class ScreenHandouts(SphinxPostTransform):
    """Mark each handout, draw its answer lines and its tick boxes; on the web, add the button."""

    default_priority = 900
    builders = SCREEN

    def run(self, **kwargs):
        for sheet in list(self.document.findall(nodes.section)):
            if not sheet["ids"] or not fnmatchcase(sheet["ids"][0], self.config.book_handout_sections):
                continue
            sheet["classes"].append("book-handout")
            for items in sheet.findall(nodes.bullet_list):
                items["classes"].append("book-checklist")
            for text in list(sheet.findall(nodes.Text)):
                if UNDERSCORES.search(text):
                    text.parent.replace(text, lines(text))
            if self.app.builder.name == "html" and isinstance(sheet[0], nodes.title):
                sheet.insert(1, print_handout())


def lines(text):
    """``text`` with each run of underscores an :class:`answer_line`."""
    result, last = [], 0
    for match in UNDERSCORES.finditer(text):
        if match.start() > last:
            result.append(nodes.Text(text[last : match.start()]))
        result.append(answer_line())
        last = match.end()
    if last < len(text):
        result.append(nodes.Text(text[last:]))
    return result


def visit_answer_line(self, node):
    self.body.append(tag("span", class_="book-answer-line"))
    raise nodes.SkipNode


def visit_print_handout(self, node):
    button = tag("button", esc(_("Print the handout")), type="button", class_="book-handout-button")
    self.body.append(tag("p", button, class_="book-handout-print", hidden=True))
    raise nodes.SkipNode


def skip(self, node):
    raise nodes.SkipNode


def add_script(app, pagename, templatename, context, doctree):
    """The button's script, on the pages that have the button."""
    if app.builder.name == "html" and doctree is not None and next(doctree.findall(print_handout), None):
        context["script_files"] = [*context.get("script_files", []), SCRIPT]


def setup(app):
    app.setup_extension("cowork_book.sphinxext.worksheets")  # book_handout_sections, the PDF's fields
    app.add_node(answer_line, html=(visit_answer_line, None), text=(skip, None))
    app.add_node(print_handout, html=(visit_print_handout, None), text=(skip, None))
    app.add_post_transform(ScreenHandouts)
    app.add_css_file(STYLES)  # the web loads it only where a page has a handout (cowork_book.sphinxext.weight)
    app.connect("html-page-context", add_script)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
