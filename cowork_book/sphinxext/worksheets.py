"""Worksheets and handouts in the PDF: fields to fill in, on screen or by hand, and boxes to tick.

In the PDF (``printpdf``), every run of four or more underscores in the worksheets appendix
(``book_worksheets_doc``) becomes a text field, a cell that offers choices a group of radio buttons, and the items
of its checklists (``book_worksheets_checklists``) get boxes to tick; each worksheet starts a page of its own,
after the "how to use" section (``book_worksheets_howto``). An activity's handout (the sections
``book_handout_sections``, ``act-*-handout``) is a worksheet too: its own page, fields, every list ticks. On the
web and in the EPUB the same handouts get lines to write on instead (:mod:`cowork_book.sphinxext.handouts`).
Every field has an accessible name (the question of its table row), which PDF/UA needs.

Written here because the worksheets are the book's own tables; WeasyPrint turns the HTML form fields into PDF
form fields (``pdf_forms``, :mod:`cowork_book.sphinxext.printbook`).
"""

import re
from fnmatch import fnmatchcase

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from cowork_book.sphinxext import chapters
from cowork_book.sphinxext.markup import esc, tag

UNDERSCORES = re.compile(r"_{4,}")  # a line to write on: a field in the PDF, a drawn line on screen
CHOICE_NUMBERS = re.compile(r"^\d+(?: \d+)+$")  # "1 2 3 4 5": circle one
WIDE_FIELD = 20  # underscores: a run this long is a wide field in the PDF
PRINT = "printpdf"  # the one builder whose pages get form fields


class form_field(nodes.Inline, nodes.Element):
    """A text field or a box to tick in a worksheet (PDF only)."""


class WorksheetFields(SphinxPostTransform):
    """In the PDF, the worksheets appendix becomes handouts to fill in, on screen or by hand:

    - each worksheet (a section of the appendix) starts a page of its own (class ``book-handout``), after the
      "how to use" section (``book_worksheets_howto``), which comes first;
    - each run of 4+ underscores becomes a named text field; a row with an empty first cell under a row with a
      field is more room for that answer (one field of two or more lines), and so is an answer next to a
      question in a table of three or more columns ("one or two short sentences");
    - a cell that offers choices ("under 16 / 16 to 19 / over 25", "1 2 3 4 5") becomes one group of radio
      buttons (one answer only);
    - each item of a checklist (the bullet lists under ``book_worksheets_checklists``) gets a box to tick."""

    default_priority = 900
    builders = (PRINT,)

    def run(self, **kwargs):
        target = self.config.book_worksheets_doc
        roots = [n for n in self.document.findall(addnodes.start_of_file) if n.get("docname") == target]
        if not roots and self.env.docname == target:
            roots = [self.document]
        for root in roots:
            self._handouts(root)
            for table in list(root.findall(nodes.table)):
                answer_room(table)
            self._walk(root, {"section": target.rsplit("/", 1)[-1], "counts": {}, "checklist": False})
        for sheet in list(self.document.findall(nodes.section)):  # activities' handouts: every list a checklist
            if sheet["ids"] and fnmatchcase(sheet["ids"][0], self.config.book_handout_sections):
                sheet["classes"].append("book-handout")
                for table in list(sheet.findall(nodes.table)):
                    answer_room(table)
                self._walk(sheet, {"section": sheet["ids"][0], "counts": {}, "checklist": True, "prefix": ""})

    def _handouts(self, root):
        appendix = next(iter(root.findall(nodes.section)), None)
        if appendix is None:
            return
        sheets = [child for child in appendix.children if isinstance(child, nodes.section)]
        howto = next((s for s in sheets if self.config.book_worksheets_howto in s["ids"]), None)
        for sheet in sheets:
            if sheet is not howto:
                sheet["classes"].append("book-handout")
        if howto is not None and sheets[0] is not howto:
            appendix.remove(howto)
            appendix.insert(appendix.index(sheets[0]), howto)

    def _name(self, context):
        section = context["section"]
        number = context["counts"][section] = context["counts"].get(section, 0) + 1
        return f"{context.get('prefix', 'ws-')}{section.removeprefix('app-worksheets-')}-{number}"

    def _walk(self, node, context):
        for child in list(node.children):
            if isinstance(child, nodes.section) and child["ids"]:
                checklist = context["checklist"] or child["ids"][0] in self.config.book_worksheets_checklists
                self._walk(child, {**context, "section": child["ids"][0], "checklist": checklist})
            elif isinstance(child, nodes.bullet_list) and context["checklist"]:
                self._checklist(child, context)
            elif isinstance(child, nodes.entry) and choices(child):
                self._choices(child, context)
            elif isinstance(child, nodes.Text):
                if UNDERSCORES.search(child):
                    index = next(i for i, c in enumerate(node.children) if c is child)
                    node[index : index + 1] = self._fields(child, context)
            elif isinstance(child, nodes.Element):
                self._walk(child, context)

    def _checklist(self, items, context):
        items["classes"].append("book-checklist")
        for item in items.children:
            first = next(iter(item.findall(nodes.paragraph)), None)
            if first is not None:
                first.insert(0, form_field(name=self._name(context), label=chapters.text(item), kind="checkbox"))

    def _choices(self, entry, context):
        """One answer of several: a group of radio buttons, named after the row's question."""
        options = choices(entry)
        question = chapters.text(entry.parent.children[0])
        field = form_field(name=self._name(context), label=question, kind="radio", options=options)
        entry.children = [nodes.paragraph("", "", field)]
        entry["classes"].append("book-field-cell")
        entry.parent["classes"].append("book-field-row")

    def _fields(self, text, context):
        label = field_label(text)
        entry = text.parent
        while entry is not None and not isinstance(entry, nodes.entry):
            entry = entry.parent
        lines = 1
        if entry is not None:  # for print.css: cells and rows with fields
            entry["classes"].append("book-field-cell")
            entry.parent["classes"].append("book-field-row")
            lines = entry.get("book_lines", 1)
        result, last = [], 0
        for match in UNDERSCORES.finditer(text):
            if match.start() > last:
                result.append(nodes.Text(text[last : match.start()]))
            name = self._name(context)
            size = "wide" if len(match.group()) >= WIDE_FIELD else "short"
            if entry is not None and size == "short":
                entry["classes"].append("book-field-cell-short")
            result.append(form_field(name=name, label=label, kind="text", size=size, lines=lines))
            last = match.end()
        if last < len(text):
            result.append(nodes.Text(text[last:]))
        return result


def _has_field(cell):
    return bool(UNDERSCORES.search(cell.astext()))


def choices(entry):
    """The options of a worksheet cell that offers a choice ("a / b / c", "1 2 3 4 5"), or ``[]``."""
    row = entry.parent
    if row.index(entry) == 0 or not isinstance(row.parent, nodes.tbody) or _has_field(entry):
        return []
    text = chapters.text(entry)
    if CHOICE_NUMBERS.match(text):
        return text.split()
    options = [option.strip() for option in text.split(" / ")]
    return options if len(options) > 1 and all(options) else []


def answer_room(table):
    """Lines for the answers of a worksheet table: a row with an empty first cell and only a field under a row
    with a field is a second line for that answer (the row goes); next to a question in a table of three or
    more columns, an answer gets two lines."""
    body = next(iter(table.findall(nodes.tbody)), None)
    if body is None:
        return
    previous = None
    for row in list(body.children):
        cells = list(row.children)
        fields = [cell for cell in cells if _has_field(cell)]
        if previous is not None and not chapters.text(cells[0]) and len(fields) == 1 and fields[0] is cells[-1]:
            previous["book_lines"] = previous.get("book_lines", 1) + 1
            body.remove(row)
            continue
        previous = cells[-1] if fields and fields[-1] is cells[-1] else None
        if previous is not None and len(cells) >= 3 and len(fields) == 1 and chapters.text(cells[0]):
            previous["book_lines"] = 2


def field_label(text):
    """A field's accessible name: the question of its table row, with the column when that is not enough."""
    entry = text.parent
    while entry is not None and not isinstance(entry, nodes.entry):
        entry = entry.parent
    if entry is None:
        return ""
    row = entry.parent
    cells = list(row.children)
    column = cells.index(entry)
    tgroup = row.parent.parent
    thead = next(iter(tgroup.findall(nodes.thead)), None)
    header = [chapters.text(cell) for cell in thead[0].children] if thead is not None and thead.children else []
    column_name = header[column] if column < len(header) else ""
    question = ""
    if column > 0:
        previous = row
        while previous is not None and not question:
            first = previous.children[0]
            question = "" if _has_field(first) else chapters.text(first)
            index = previous.parent.index(previous)
            previous = previous.parent[index - 1] if index > 0 else None
    if question and sum(1 for cell in cells if _has_field(cell)) == 1:
        return question
    number = row.parent.index(row) + 1
    return f"{question}: {column_name}" if question else f"{column_name} {number}".strip()


def visit_form_field(self, node):
    if node["kind"] == "checkbox":
        self.body.append(tag("input", type="checkbox", class_="book-check", name=node["name"], title=node["label"]))
    elif node["kind"] == "radio":
        self.body.append(radio_group(node["name"], node["label"], node["options"]))
    elif node.get("lines", 1) > 1:  # a longer answer: a field of several lines, ruled to write on by hand
        classes = f"book-field book-field-{node['size']} book-field-lines"
        height = f"height: {node['lines'] * 8}mm"
        self.body.append(tag("textarea", class_=classes, name=node["name"], title=node["label"], style=height))
    else:
        classes = f"book-field book-field-{node['size']}"
        self.body.append(tag("input", type="text", class_=classes, name=node["name"], title=node["label"]))
    raise nodes.SkipNode


def radio_group(name, question, options, values=None):
    """One answer of several (PDF): radio buttons sharing a name, each titled "question: option".

    The PDF's field takes its accessible name from the first title; cowork_book.sphinxext.printbook names the
    group after the question, the part before ": ".
    """
    values = values or options
    buttons = [
        tag(
            "span",
            tag("input", type="radio", name=name, value=value, title=f"{question}: {option}"),
            tag("span", esc(option)),
            class_="book-choice",
        )
        for option, value in zip(options, values, strict=True)
    ]
    return tag("span", *buttons, class_="book-choices")


def setup(app):
    app.add_config_value("book_worksheets_doc", "docs/appendices/worksheets", "env", str)
    app.add_config_value("book_worksheets_howto", "app-worksheets-how", "env", str)
    checklists = ["app-worksheets-onboarding", "app-worksheets-event-plan-before"]
    app.add_config_value("book_worksheets_checklists", checklists, "env", list)
    app.add_config_value("book_handout_sections", "act-*-handout", "env", str)  # an activity's handout (ids)
    app.add_node(form_field, html=(visit_form_field, None))
    app.add_post_transform(WorksheetFields)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
