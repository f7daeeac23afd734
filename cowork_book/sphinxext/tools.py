"""Interactive tools: readiness self-assessment, pilot planner, glossary tooltips, fillable worksheets.

- ``{readiness-assessment}`` and ``{pilot-planner}`` put a placeholder that is filled at ``doctree-resolved``
  from the chapters themselves, as translated: the six themes and their statements of "Getting ready"
  (sections ``ch-ready-theme-*``), its answer scale and score readings (the tables under
  ``ch-ready-self-assessment`` and ``ch-ready-scoring``), and the steps of "A pilot roadmap" (sections
  ``ch-roadmap-step-*`` with their "When: week N", each with the activities whose ``roadmap:`` lists it).
  No question or step is written twice, so every language
  has the tools as soon as it has the chapters. Fixed labels (buttons, "Week", headings) use ``_()`` and are
  translated in ``sphinx.po``.
- The web book renders a readable list that ``_static/tools/readiness.js`` and ``planner.js`` turn into the
  tools (answers kept in the reader's browser only, ``localStorage``; a visible button clears them, after asking).
  The EPUB and a browser without JavaScript get the list; the PDF (``printpdf``) gets real form fields, so it is
  fillable. The self-assessment ends with an overall result, read as the chapter says ("if most of your themes
  score 4 or more", and Rules, ``book_readiness_required``, at least 4), and the two themes to start with, each
  with its chapter and its activities (those whose front matter lists the theme in ``readiness:``, see
  :mod:`cowork_book.sphinxext.activitylinks`; ``book_readiness_activities`` overrides; without any, the
  chapter's "Over to you"); a weak theme's result names them too;
  "Print my results" prints that on one page. The planner's calendar file is named in the page's language, and
  each event carries the step's done state, the note and a link back to the step.
- Glossary tooltips: each web page carries the definitions of the glossary terms it links to (from the
  translated glossary, with each reference shown as the title it points to), in a hidden list that
  ``_static/tools/glossary-tooltips.js`` shows on hover, focus and tap.
- Worksheets: in the PDF, every run of four or more underscores in the worksheets appendix becomes a text field,
  and the items of its checklists (``book_worksheets_checklists``) get boxes to tick. An activity's handout (the
  sections ``book_handout_sections``, ``act-*-handout``) is a worksheet too: its own page, fields, every list ticks.

Written here because the tools are built from the book's own chapters; each builder gets its own markup.
"""

import html
import json
import re
from fnmatch import fnmatchcase

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join, logging
from sphinx.util.docutils import SphinxDirective

from cowork_book.docstore import store, track
from cowork_book.sphinxext.activitylinks import activity_links

logger = logging.getLogger(__name__)

READINESS = {
    "chapter": "ch-ready",
    "themes": "ch-ready-theme-",
    "scale": "ch-ready-self-assessment",
    "scoring": "ch-ready-scoring",
}
ROADMAP = {"chapter": "ch-roadmap", "steps": "ch-roadmap-step-", "tool": "tool-pilot-planner"}
UNDERSCORES = re.compile(r"_{4,}")
CHOICE_NUMBERS = re.compile(r"^\d+(?: \d+)+$")  # "1 2 3 4 5": circle one
WIDE_FIELD = 20  # underscores: a run this long is a wide field in the PDF
NUMBER = re.compile(r"\d+")
INTERACTIVE = "html"  # the one builder whose pages get the scripts
PRINT = "printpdf"  # the one builder whose pages get form fields
SCRIPTS = {"readiness": "tools/readiness.js", "planner": "tools/planner.js", "tips": "tools/glossary-tooltips.js"}


def esc(text):
    return html.escape(str(text), quote=True)


class ToolError(Exception):
    """A chapter the tools read does not have the expected structure."""


# -- Directives and nodes ----------------------------------------------------------------------------------------


class readiness_assessment(nodes.General, nodes.Element):
    """The self-assessment; its content (from the chapter) is kept in attributes, so it is not indexed twice."""


class pilot_planner(nodes.General, nodes.Element):
    """The pilot planner; its steps (from the roadmap) are kept in attributes."""


class glossary_tips(nodes.General, nodes.Element):
    """The definitions of the glossary terms a page links to (web book only)."""


class form_field(nodes.Inline, nodes.Element):
    """A text field or a box to tick in a worksheet (PDF only)."""


class ToolDirective(SphinxDirective):
    has_content = False
    node_class = None
    kind = ""

    def run(self):
        kinds = store(self.env, "book_tools").setdefault(self.env.docname, set())
        if self.kind in kinds:
            raise self.error(f"{self.name} can be used only once on a page")
        kinds.add(self.kind)
        node = self.node_class()
        node.source, node.line = self.get_source_info()
        return [node]


class ReadinessAssessment(ToolDirective):
    node_class = readiness_assessment
    kind = "readiness"


class PilotPlanner(ToolDirective):
    node_class = pilot_planner
    kind = "planner"


# -- Reading the chapters ----------------------------------------------------------------------------------------


def _doctree(app, docname):
    cache = app.builder.__dict__.setdefault("_book_tools_doctrees", {})
    if docname not in cache:
        cache[docname] = app.env.get_doctree(docname)
    return cache[docname]


def _label_doc(app, label):
    """``(docname, anchor, title)`` of a label, or a ToolError."""
    found = app.env.domains.standard_domain.labels.get(label)
    if not found:
        raise ToolError(f"label {label!r} not found")
    return found


def _sections(tree, prefix):
    """``[(key, section)]`` of the sections whose id starts with ``prefix``, in reading order."""
    found = []
    for section in tree.findall(nodes.section):
        ids = [i for i in section["ids"] if i.startswith(prefix)]
        if ids:
            found.append((ids[0].removeprefix(prefix), section))
    return found


def _section(tree, section_id):
    section = next((s for s in tree.findall(nodes.section) if section_id in s["ids"]), None)
    if section is None:
        raise ToolError(f"no section {section_id!r}")
    return section


def _text(node):
    return " ".join(node.astext().split())


def _title(section):
    return _text(section[0]) if section.children and isinstance(section[0], nodes.title) else ""


def _table_rows(section, index=0):
    """The body rows of the ``index``-th table directly in ``section`` (not in its subsections), as text."""
    tables = [child for child in section.children if isinstance(child, nodes.table)]
    if len(tables) <= index:
        raise ToolError(f"section {section['ids'][0]!r} has no table {index + 1}")
    tbody = next(tables[index].findall(nodes.tbody))
    return [[_text(entry) for entry in row.children] for row in tbody.children]


def _href(app, fromdoc, docname, anchor):
    uri = app.builder.get_relative_uri(fromdoc, docname)
    return f"{uri}#{anchor}" if anchor else uri


def readiness_data(app, fromdoc):
    """Themes, statements, scale, score bands and helping chapters of the self-assessment, as translated."""
    docname = _label_doc(app, READINESS["chapter"])[0]
    tree = _doctree(app, docname)
    scale = []
    for row in _table_rows(_section(tree, READINESS["scale"])):
        if len(row) < 2 or not row[0].strip().isdigit():
            raise ToolError(f"the answer scale table has a row {row!r}; expected 'score | meaning'")
        scale.append((int(row[0]), row[1]))
    themes = []
    chapters = app.config.book_readiness_chapters
    for key, section in _sections(tree, READINESS["themes"]):
        items = next((child for child in section.children if isinstance(child, nodes.bullet_list)), None)
        if items is None:
            raise ToolError(f"theme {key!r} has no list of statements")
        if key not in chapters:
            raise ToolError(f"theme {key!r} has no chapter in book_readiness_chapters")
        help_doc, help_anchor, help_title = _label_doc(app, chapters[key])
        themes.append(
            {
                "key": key,
                "title": _title(section),
                "statements": [_text(item) for item in items.children],
                "help": (help_title, _href(app, fromdoc, help_doc, help_anchor)),
                "activities": _theme_activities(app, fromdoc, key),
            }
        )
    if not themes or not scale:
        raise ToolError("no themes or no answer scale found")
    bands = []
    for row in _table_rows(_section(tree, READINESS["scoring"])):
        numbers = [int(n) for n in NUMBER.findall(row[0])]
        if len(numbers) != 2 or len(row) < 3:
            raise ToolError(f"the score table has a row {row!r}; expected 'from–to | what it means | what to do'")
        bands.append((numbers[0], numbers[1], row[1], row[2]))
    most = max(value for value, _label in scale) * max(len(t["statements"]) for t in themes)
    if bands[0][0] != 0 or bands[-1][1] != most:
        raise ToolError(f"the score bands run from {bands[0][0]} to {bands[-1][1]}; expected 0 to {most}")
    scoring = _section(tree, READINESS["scoring"])
    required = app.config.book_readiness_required
    if required not in [t["key"] for t in themes]:
        raise ToolError(f"book_readiness_required names {required!r}, which is not a theme")
    return {
        "themes": themes,
        "scale": scale,
        "bands": bands,
        "scoring_title": _title(scoring),
        "required": required,
        "planner": _href(app, fromdoc, *_label_doc(app, ROADMAP["tool"])[:2]),
    }


def _theme_activities(app, fromdoc, theme):
    """``[(title, href)]``: the activities for a theme. ``book_readiness_activities`` (a label or a list of
    labels) overrides; else the activities whose ``readiness:`` lists the theme; else the "Over to you" section
    of the chapter that helps (``<chapter label>-activity``)."""
    override = app.config.book_readiness_activities.get(theme)
    if not override:
        found = activity_links(app, fromdoc, "readiness", theme)
        if found:
            return found
        override = f"{app.config.book_readiness_chapters[theme]}-activity"
    labels = [override] if isinstance(override, str) else override
    found = [_label_doc(app, label) for label in labels]
    return [(title, _href(app, fromdoc, doc, anchor)) for doc, anchor, title in found]


def planner_data(app, fromdoc):
    """Phases and steps of the pilot roadmap, with their week, as translated."""
    docname = _label_doc(app, ROADMAP["chapter"])[0]
    tree = _doctree(app, docname)
    phases = []
    for key, section in _sections(tree, ROADMAP["steps"]):
        week = None
        for child in section.children:
            words = [c for c in child.children if not isinstance(c, nodes.Text) or c.strip()]
            if isinstance(child, nodes.paragraph) and words and isinstance(words[0], nodes.strong):
                found = NUMBER.search(_text(child)[len(_text(words[0])) :])
                if found:
                    week = int(found.group())
                    break
        if week is None:
            raise ToolError(f"step {key!r} has no '**When:** week N' paragraph")
        phase = _title(section.parent) if isinstance(section.parent, nodes.section) else ""
        if not phases or phases[-1]["title"] != phase:
            phases.append({"title": phase, "steps": []})
        anchor = next(i for i in section["ids"] if i.startswith(ROADMAP["steps"]))
        href = _href(app, fromdoc, docname, anchor)
        activities = activity_links(app, fromdoc, "roadmap", anchor)
        step = {"key": key, "title": _title(section), "week": week, "href": href, "activities": activities}
        phases[-1]["steps"].append(step)
    if not phases:
        raise ToolError("no steps found")
    return {"phases": phases}


def glossary_definitions(app):
    """``{anchor: (term, definition)}`` from the translated glossary (cached for the build)."""
    cache = app.builder.__dict__.setdefault("_book_tools_glossary", {})
    if not cache:
        for item in _doctree(app, app.config.book_glossary_doc).findall(nodes.definition_list_item):
            terms = [child for child in item.children if isinstance(child, nodes.term)]
            definition = next((child for child in item.children if isinstance(child, nodes.definition)), None)
            if definition is None:
                continue
            for term in terms:
                for anchor in term["ids"]:
                    cache[anchor] = (_text(term), _reader_text(app, definition))
    return cache


def _reader_text(app, node):
    """The text of ``node`` as a reader sees it. The doctree read from the environment is not resolved yet, so a
    reference written without its own text (``{ref}`ch-ready```) still shows its label: it gets the title of
    what it points to, in the build's language, as the page will show it."""
    std = app.env.domains.standard_domain
    node = node.deepcopy()
    for xref in list(node.findall(addnodes.pending_xref)):
        if xref.get("refexplicit") or xref.get("refdomain") != "std":
            continue
        target, title = xref.get("reftarget", ""), None
        if xref.get("reftype") in ("ref", "numref"):
            title = std.labels.get(target, (None, None, None))[2]
        elif xref.get("reftype") == "doc":
            found = app.env.titles.get(docname_join(xref.get("refdoc", ""), target))
            title = found.astext() if found else None
        if title:
            xref.replace_self(nodes.Text(title))
    return _text(node)


# -- Filling the placeholders ------------------------------------------------------------------------------------


def mode(builder):
    """``interactive`` (web book), ``form`` (PDF) or ``list`` (EPUB and any other HTML builder)."""
    if builder.name == INTERACTIVE:
        return "interactive"
    return "form" if builder.name == PRINT else "list"


def fill_tools(app, doctree, docname):
    for kind, node_class, reader in (
        ("readiness", readiness_assessment, readiness_data),
        ("planner", pilot_planner, planner_data),
    ):
        for node in list(doctree.findall(node_class)):
            if app.builder.format != "html":
                node.parent.remove(node)
                continue
            try:
                node["data"] = reader(app, docname)
            except ToolError as error:
                logger.warning("%s: %s", kind, error, location=node)
                node.parent.remove(node)
                continue
            node["mode"] = mode(app.builder)
            node["store"] = f"cowork-book:{app.config.language}:{kind}"
            if node["mode"] == "form":
                handout(node)
    if app.builder.name == INTERACTIVE:
        add_glossary_tips(app, doctree)


def handout(node):
    """In the PDF, the page that holds a tool's form is a handout (print.css: a page of its own, wider, no
    running heads), like each worksheet: the section that is the page's top."""
    section = None
    while node.parent is not None:
        node = node.parent
        if isinstance(node, nodes.section):
            section = node
        if isinstance(node, nodes.document | addnodes.start_of_file):
            break
    if section is not None:
        section["classes"].append("book-handout")


def add_glossary_tips(app, doctree):
    """The definitions of the terms a page links to, for the tooltips (terms defined on the page itself are not
    repeated: the script reads the page's own glossary entry)."""
    definitions = glossary_definitions(app)
    used, any_term = {}, False
    for ref in doctree.findall(nodes.reference):
        terms = [c for c in ref.children if isinstance(c, nodes.Element) and "std-term" in c.get("classes", [])]
        if not terms:
            continue
        any_term = True
        anchor = ref.get("refuri", "").partition("#")[2]
        if not ref.get("refid") and anchor in definitions:
            used[anchor] = definitions[anchor]
    if any_term:
        doctree.append(glossary_tips(entries=sorted(used.items())))


# -- Worksheets: text fields in the PDF ---------------------------------------------------------------------------


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
                first.insert(0, form_field(name=self._name(context), label=_text(item), kind="checkbox"))

    def _choices(self, entry, context):
        """One answer of several: a group of radio buttons, named after the row's question."""
        options = choices(entry)
        question = _text(entry.parent.children[0])
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
    text = _text(entry)
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
        if previous is not None and not _text(cells[0]) and len(fields) == 1 and fields[0] is cells[-1]:
            previous["book_lines"] = previous.get("book_lines", 1) + 1
            body.remove(row)
            continue
        previous = cells[-1] if fields and fields[-1] is cells[-1] else None
        if previous is not None and len(cells) >= 3 and len(fields) == 1 and _text(cells[0]):
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
    header = [_text(cell) for cell in thead[0].children] if thead is not None and thead.children else []
    column_name = header[column] if column < len(header) else ""
    question = ""
    if column > 0:
        previous = row
        while previous is not None and not question:
            first = previous.children[0]
            question = "" if _has_field(first) else _text(first)
            index = previous.parent.index(previous)
            previous = previous.parent[index - 1] if index > 0 else None
    if question and sum(1 for cell in cells if _has_field(cell)) == 1:
        return question
    number = row.parent.index(row) + 1
    return f"{question}: {column_name}" if question else f"{column_name} {number}".strip()


# -- HTML ------------------------------------------------------------------------------------------------------


def start_tag(element, /, **attrs):
    """``<name attrs>``: values are escaped; ``class_`` is ``class``, other underscores become hyphens; ``True``
    writes a bare attribute (``hidden``), ``None`` and ``False`` leave the attribute out."""
    parts = [element]
    for key, value in attrs.items():
        key = key.rstrip("_").replace("_", "-")
        if value is True:
            parts.append(key)
        elif value is not None and value is not False:
            parts.append(f'{key}="{esc(value)}"')
    return f"<{' '.join(parts)}>"


def tag(element, /, *content, **attrs):
    """An element: ``content`` is markup (escape text with esc()); ``input`` is a void element."""
    opening = start_tag(element, **attrs)
    return opening if element == "input" else f"{opening}{''.join(content)}</{element}>"


def heading(translator, text, ident=None):
    """A heading one level below the section that holds the tool (web page, or the whole book in print)."""
    return tag(f"h{min(6, translator.section_level + 1)}", esc(text), id=ident)


def js_only(interactive):
    """Attributes of what only the script shows (it stays hidden without JavaScript)."""
    return {"data_js_only": True, "hidden": True} if interactive else {}


def no_js(interactive):
    """Attributes of what the script hides (the readable list that stands in for the tool)."""
    return {"data_no_js": True} if interactive else {}


def for_step(title):
    """Words after a label that only a screen reader needs ("Done" of which step)."""
    return tag("span", esc(f": {title}"), class_="visually-hidden")


def buttons(actions, describedby=None):
    """The tool's buttons; ``describedby``: the id of the message next to them that says what a button did."""
    return tag(
        "div",
        *(
            tag("button", esc(label), type="button", data_action=action, aria_describedby=describedby)
            for action, label in actions
        ),
        class_="tool-actions",
        **js_only(True),
    )


def file_name(text):
    """A file name from a (translated) title: lower case, words joined by hyphens, letters of any script kept."""
    return re.sub(r"[^\w-]+", "", "-".join(str(text).lower().split())) or "file"


def form_line(label, name, title):
    """A labelled text field on a line of its own (PDF)."""
    field = tag("input", type="text", class_="book-field", name=name, title=title)
    return tag("p", tag("span", esc(label), class_="tool-form-label"), field, class_="tool-form-line")


def opening(kind, node, labels):
    """The tool's container: in the web book it says where to keep the answers, and carries the script's labels."""
    if node["mode"] != "interactive":
        return start_tag("div", class_=f"book-tool book-{kind} book-tool-{node['mode']}")
    labels = json.dumps(labels, ensure_ascii=False)
    return start_tag("div", class_=f"book-tool book-{kind}", data_store=node["store"], data_labels=labels)


def visit_readiness(self, node):
    data = node["data"]
    interactive, form = node["mode"] == "interactive", node["mode"] == "form"
    top = max(value for value, _label in data["scale"])
    labels = {
        "score": str(_("{score} of {max}")),
        "answered": str(_("{answered} of {total} statements answered")),
        "announce": str(_("{theme}: {score} of {max}")),
        "cleared": str(_("Your answers have been cleared.")),
        "bands": data["bands"],
        "required": data["required"],
        "verdicts": {
            "ready": str(_("Ready to plan a pilot")),
            "nearly": str(_("Nearly ready")),
            "notyet": str(_("Not ready yet")),
        },
        "strong": str(_("{strong} of {total} themes score {min} or more.")),
        "requiredLow": str(_("{theme} scores below {min}: do not open to adult coworkers until it reaches {min}.")),
        "incomplete": str(_("Answer every statement to see the overall result.")),
        "overall": str(_("Overall: {verdict}")),
    }
    out = [opening("readiness", node, labels)]
    if interactive:
        privacy = _("Your answers are saved only in this browser on this device. Nothing is sent anywhere.")
        out.append(tag("p", esc(privacy), class_="tool-privacy", **js_only(True)))
    scale = ", ".join(f"{label} ({value})" for value, label in data["scale"])
    out.append(tag("p", esc(str(_("Rate each statement: {scale}.")).format(scale=scale)), class_="tool-scale"))
    for theme in data["themes"]:
        key, most = theme["key"], len(theme["statements"]) * top
        body = [heading(self, theme["title"], f"tool-readiness-{key}")]
        if form:
            body.append(readiness_form_table(theme, data["scale"]))
            for name, label in (
                ("score", str(_("Agreed score (0–{max})")).format(max=most)),
                ("evidence", _("Evidence")),
            ):
                body.append(form_line(label, f"readiness-{key}-{name}", f"{theme['title']}: {label}"))
        else:
            items = [
                readiness_statement(key, number, text, data["scale"], interactive)
                for number, text in enumerate(theme["statements"], 1)
            ]
            body.append(tag("ol", *items, class_="readiness-statements"))
        if interactive:
            score = tag("span", class_="readiness-score")
            body.append(tag("p", esc(_("Score")), ": ", score, class_="readiness-theme-score", **js_only(True)))
        out.append(
            tag("section", *body, class_="readiness-theme", data_theme=key, data_name=theme["title"], data_max=most)
        )
    out.append(readiness_key(self, data, interactive))
    if interactive:
        out.append(readiness_results(self, data))
        out.append(buttons([("print", _("Print my results")), ("clear", _("Clear my answers"))]))
        out.append(confirm_clear("readiness", _("Clear all your answers? This cannot be undone.")))
        out.append(tag("p", class_="tool-status visually-hidden", role="status"))
    out.append("</div>")
    self.body.append("\n".join(out))
    raise nodes.SkipNode


def readiness_statement(key, number, text, scale, interactive):
    """One statement: as a radio group in the web book, as text with the answers to choose from elsewhere."""
    plain = tag("p", esc(" · ".join(label for _value, label in scale)), class_="readiness-plain", **no_js(interactive))
    if not interactive:
        return tag("li", tag("p", esc(text)), plain)
    name = f"readiness-{key}-{number}"
    choices = [
        tag(
            "span",
            tag("input", type="radio", name=name, id=f"{name}-{value}", value=value),
            tag("label", esc(label), for_=f"{name}-{value}"),
            class_="tool-choice",
        )
        for value, label in scale
    ]
    attrs = {"role": "radiogroup", "aria_labelledby": f"{name}-text", **js_only(True)}
    group = tag("div", *choices, class_="readiness-choices", **attrs)
    return tag("li", tag("p", esc(text), id=f"{name}-text", class_="readiness-statement"), plain, group)


def readiness_form_table(theme, scale):
    """The statements of a theme as a table with one answer to choose per statement (PDF radio buttons)."""
    head = tag(
        "tr",
        tag("th", esc(_("Statement")), scope="col"),
        *(tag("th", esc(f"{label} ({value})"), scope="col", class_="tool-form-choice") for value, label in scale),
    )
    rows = []
    for number, text in enumerate(theme["statements"], 1):
        name = f"readiness-{theme['key']}-{number}"
        boxes = [
            tag(
                "td",
                tag("input", type="radio", name=name, value=str(value), title=f"{text}: {label}"),
                class_="tool-form-choice",
            )
            for value, label in scale
        ]
        rows.append(tag("tr", tag("td", esc(text)), *boxes))
    return tag("table", tag("thead", head), tag("tbody", *rows), class_="tool-form-table readiness-form")


def readiness_key(translator, data, interactive):
    """How to read the scores and which chapter helps with each theme (print, EPUB, no JavaScript)."""
    bands = [
        tag("li", tag("strong", f"{low}–{high}"), esc(f": {meaning} {todo}"))
        for low, high, meaning, todo in data["bands"]
    ]
    helps = [
        tag(
            "li",
            esc(f"{theme['title']}: "),
            tag("a", esc(theme["help"][0]), class_="reference internal", href=theme["help"][1]),
            esc(f". {_('Activities that help')}: "),
            link_sequence(theme["activities"]),
        )
        for theme in data["themes"]
    ]
    return tag(
        "div",
        heading(translator, data["scoring_title"]),
        tag("ul", *bands, class_="readiness-bands"),
        tag("p", esc(f"{_('Chapters that help')}:")),
        tag("ul", *helps, class_="readiness-help-list"),
        class_="readiness-key",
        **no_js(interactive),
    )


def readiness_results(translator, data):
    """Score, reading and (for the weakest themes) the chapter that helps, filled in by the script."""
    items = []
    for theme in data["themes"]:
        link = tag("a", esc(theme["help"][0]), class_="reference internal", href=theme["help"][1])
        items.append(
            tag(
                "li",
                tag("p", tag("strong", esc(theme["title"])), ": ", tag("span", class_="readiness-result-score")),
                tag("p", class_="readiness-result-reading"),
                tag("p", esc(f"{_('Chapter that helps')}: "), link, class_="readiness-result-help", hidden=True),
                activities_of(
                    _("Activities that help"),
                    theme["activities"],
                    f"readiness-result-activities-{theme['key']}",
                    class_="readiness-result-activities",
                    hidden=True,
                ),
                class_="readiness-result",
                data_theme=theme["key"],
            )
        )
    overall = tag(
        "div",
        tag("p", class_="readiness-verdict"),
        tag("p", class_="readiness-reason"),
        tag("p", class_="readiness-required-low", hidden=True),
        class_="readiness-overall",
    )
    translator.section_level += 1  # "Where to start" sits under "Your results"
    where = heading(translator, _("Where to start"))
    translator.section_level -= 1
    start = tag(
        "div",
        where,
        tag("ol", *(readiness_start_item(theme) for theme in data["themes"]), class_="readiness-start-list"),
        class_="readiness-start",
        hidden=True,
    )
    return tag(
        "section",
        heading(translator, _("Your results")),
        overall,
        start,
        tag("ul", *items, class_="readiness-result-list"),
        class_="readiness-results",
        **js_only(True),
    )


def readiness_start_item(theme):
    """A theme to start with (the script shows two): its score, the chapter that helps and its activities."""
    chapter = tag("a", esc(theme["help"][0]), class_="reference internal", href=theme["help"][1])
    label = _("Activities that help")
    return tag(
        "li",
        tag("p", tag("strong", esc(theme["title"])), ": ", tag("span", class_="readiness-start-score")),
        tag("p", esc(f"{_('Chapter that helps')}: "), chapter),
        activities_of(label, theme["activities"], f"readiness-start-activities-{theme['key']}"),
        data_theme=theme["key"],
        hidden=True,
    )


def activities_of(label, links, ident, class_="", **attrs):
    """Activities (links to their pages) under a label, as a list that the label names."""
    items = [tag("li", tag("a", esc(title), class_="reference internal", href=href)) for title, href in links]
    return tag(
        "div",
        tag("p", esc(f"{label}:"), id=ident, class_="book-activities-label"),
        tag("ul", *items, class_="book-activity-list", aria_labelledby=ident),
        class_=f"book-activities {class_}".strip(),
        **attrs,
    )


def link_sequence(links):
    """Links in a line, "A, B, C" (the PDF prints each one's page after it)."""
    return ", ".join(tag("a", esc(title), class_="reference internal", href=href) for title, href in links)


def confirm_clear(kind, question):
    """Asks before the answers are deleted: the script shows it when "Clear" is pressed."""
    ident = f"{kind}-confirm-question"
    return tag(
        "div",
        tag("p", esc(question), id=ident),
        tag("button", esc(_("Yes, clear them")), type="button", data_action="confirm-clear", aria_describedby=ident),
        tag("button", esc(_("No, keep them")), type="button", data_action="cancel-clear", aria_describedby=ident),
        class_="tool-confirm",
        hidden=True,
    )


def visit_planner(self, node):
    data = node["data"]
    interactive, form = node["mode"] == "interactive", node["mode"] == "form"
    start = _("Start date (week 0)")
    labels = {
        "progress": str(_("{done} of {total} steps done")),
        "needStart": str(_("Choose a start date first.")),
        "cleared": str(_("Your plan has been cleared.")),
        "downloaded": str(_("The calendar file has been downloaded.")),
        "calendar": str(_("Pilot plan")),
        "file": f"{file_name(_('Pilot plan'))}.ics",  # in the page's language
        "done": str(_("Done")),
        "uid": f"@{self.config.book_file_stem}",  # calendar event ids: pilot-step-N@<the book's file stem>
    }
    out = [opening("planner", node, labels)]
    if interactive:
        privacy = _("Your plan is saved only in this browser on this device. Nothing is sent anywhere.")
        out.append(tag("p", esc(privacy), class_="tool-privacy", **js_only(True)))
        # The message about the start date shows under the field and is read with it (aria-describedby).
        field = tag("input", type="date", id="planner-start", aria_describedby="planner-start-message")
        message = tag("span", id="planner-start-message", class_="tool-message")
        label = tag("label", esc(start), for_="planner-start")
        out.append(tag("p", label, field, message, class_="planner-start", **js_only(True)))
    if form:
        out.append(form_line(start, "planner-start", start))
        out.append(planner_form_table(data))
    else:
        number = 1
        for phase in data["phases"]:
            steps = [planner_step(step, interactive) for step in phase["steps"]]
            title = heading(self, phase["title"]) if phase["title"] else ""
            out.append(
                tag("section", title, tag("ol", *steps, class_="planner-steps", start=number), class_="planner-phase")
            )
            number += len(steps)
    if interactive:
        # Progress is a live region of its own, so it is announced once, where it is shown.
        out.append(tag("p", class_="planner-progress", role="status", **js_only(True)))
        actions = [
            ("ics", _("Download calendar (.ics)")),
            ("print", _("Print the plan")),
            ("clear", _("Clear my plan")),
        ]
        out.append(buttons(actions, describedby="planner-status"))
        out.append(confirm_clear("planner", _("Clear your whole plan? This cannot be undone.")))
        out.append(tag("p", class_="tool-status", role="status", id="planner-status"))
    out.append("</div>")
    self.body.append("\n".join(out))
    raise nodes.SkipNode


def planner_step(step, interactive):
    """A step: its title (a link to the step in the roadmap) and week; in the web book also done and a note."""
    key, title = step["key"], step["title"]
    week = str(_("Week {week}")).format(week=step["week"])
    body = [
        tag("p", tag("a", esc(title), class_="reference internal", href=step["href"]), class_="planner-step-title"),
        tag(
            "p",
            tag("span", esc(week), class_="planner-week"),
            tag("span", class_="planner-date", **js_only(interactive)),
            class_="planner-step-when",
        ),
    ]
    if step["activities"]:
        body.append(activities_of(_("Activities for this step"), step["activities"], f"planner-activities-{key}"))
    if interactive:
        done = tag(
            "p",
            tag("input", type="checkbox", id=f"planner-done-{key}"),
            tag("label", esc(_("Done")), for_step(title), for_=f"planner-done-{key}"),
            class_="tool-choice planner-done",
        )
        note = tag(
            "p",
            tag("label", esc(_("Note")), for_step(title), for_=f"planner-note-{key}"),
            tag("textarea", id=f"planner-note-{key}", rows=2),
            class_="planner-note",
        )
        body.append(tag("div", done, note, class_="planner-fields", **js_only(True)))
    return tag("li", *body, class_="planner-step", data_step=key, data_week=step["week"])


def planner_form_table(data):
    """The steps as a table with a date, a done box and a note per step (PDF form fields)."""
    columns = [_("Step"), _("Week"), _("Our date"), _("Done"), _("Note")]
    rows = []
    for phase in data["phases"]:
        if phase["title"]:
            rows.append(
                tag("tr", tag("th", esc(phase["title"]), colspan=5, scope="colgroup"), class_="planner-form-phase")
            )
        for step in phase["steps"]:
            key, title = step["key"], step["title"]
            link = tag("a", esc(title), class_="reference internal", href=step["href"])

            def field(kind, label, key=key, title=title, **attrs):
                return tag("input", name=f"planner-{kind}-{key}", title=f"{title}: {label}", **attrs)

            rows.append(
                tag(
                    "tr",
                    tag("td", link),
                    tag("td", str(step["week"])),
                    tag("td", field("date", _("Our date"), type="text", class_="book-field")),
                    tag("td", field("done", _("Done"), type="checkbox"), class_="tool-form-choice"),
                    tag("td", field("note", _("Note"), type="text", class_="book-field")),
                    class_="planner-form-with-activities" if step["activities"] else None,
                )
            )
            if step["activities"]:  # under the step, across the table: room for the titles and their pages
                label = esc(f"{_('Activities for this step')}: ")
                links = tag("p", label, link_sequence(step["activities"]))
                rows.append(tag("tr", tag("td", links, colspan=5), class_="planner-form-activities"))
    head = tag("thead", tag("tr", *(tag("th", esc(c)) for c in columns)))
    return tag("table", head, tag("tbody", *rows), class_="tool-form-table planner-form")


def visit_glossary_tips(self, node):
    entries = [
        tag("div", tag("dt", esc(term)), tag("dd", esc(definition)), data_term=anchor)
        for anchor, (term, definition) in node["entries"]
    ]
    self.body.append(tag("dl", *entries, class_="glossary-tips", hidden=True))
    raise nodes.SkipNode


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


# -- Scripts and rebuilds ---------------------------------------------------------------------------------------


def add_scripts(app, pagename, templatename, context, doctree):
    """Each tool's script on the pages that have the tool (web book only)."""
    if app.builder.name != INTERACTIVE or doctree is None:
        return
    wanted = [
        (readiness_assessment, SCRIPTS["readiness"]),
        (pilot_planner, SCRIPTS["planner"]),
        (glossary_tips, SCRIPTS["tips"]),
    ]
    scripts = [f"_static/{script}" for cls, script in wanted if next(doctree.findall(cls), None) is not None]
    if scripts:
        context["script_files"] = [*context.get("script_files", []), *scripts]


def remember_read_docs(app, env, docnames):
    app.builder.__dict__["_book_tools_read"] = set(docnames)


def rewrite_dependants(app, env):
    """Pages whose tools come from a chapter that was read again are written again (tooltips: every page)."""
    read = app.builder.__dict__.get("_book_tools_read", set())
    if not read:
        return []
    if app.config.book_glossary_doc in read:
        return sorted(env.found_docs - read)
    sources = {}
    for kind, label in (("readiness", READINESS["chapter"]), ("planner", ROADMAP["chapter"])):
        found = env.domains.standard_domain.labels.get(label)
        if found:
            sources[kind] = found[0]
    tools = getattr(env, "book_tools", {})
    return sorted(d for d, kinds in tools.items() if d not in read and any(sources.get(k) in read for k in kinds))


def setup(app):
    app.setup_extension("cowork_book.sphinxext.glossary")
    app.setup_extension("cowork_book.sphinxext.activitylinks")
    app.add_config_value(
        "book_readiness_chapters",
        {
            "space": "ch-space",
            "people": "ch-people",
            "partners": "ch-sustain",
            "money": "ch-sustain",
            "interest": "ch-programme",
            "rules": "ch-rules",
        },
        "env",
        dict,
    )
    # "Do not open to adult coworkers until your Rules score is at least 4" (Getting ready, Reading your scores).
    app.add_config_value("book_readiness_required", "rules", "env", str)
    # theme -> label or [labels], overriding the activities whose ``readiness:`` lists the theme
    app.add_config_value("book_readiness_activities", {}, "env", dict)
    app.add_config_value("book_worksheets_doc", "docs/appendices/worksheets", "env", str)
    app.add_config_value("book_worksheets_howto", "app-worksheets-how", "env", str)
    checklists = ["app-worksheets-onboarding", "app-worksheets-event-plan-before"]
    app.add_config_value("book_worksheets_checklists", checklists, "env", list)
    app.add_config_value("book_handout_sections", "act-*-handout", "env", str)  # an activity's handout (ids)
    app.add_directive("readiness-assessment", ReadinessAssessment)
    app.add_directive("pilot-planner", PilotPlanner)
    app.add_node(readiness_assessment, html=(visit_readiness, None))
    app.add_node(pilot_planner, html=(visit_planner, None))
    app.add_node(glossary_tips, html=(visit_glossary_tips, None))
    app.add_node(form_field, html=(visit_form_field, None))
    app.add_post_transform(WorksheetFields)
    app.connect("doctree-resolved", fill_tools)
    app.connect("html-page-context", add_scripts)
    app.connect("env-before-read-docs", remember_read_docs)
    app.connect("env-updated", rewrite_dependants)
    track(app, "book_tools")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
