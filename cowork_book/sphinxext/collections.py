"""Collections: pages that share a front-matter schema, with a validator, a fact box, cards and an explorer.

A collection (the case studies, the activities) is declared once, in its own module, as a :class:`Collection`:
its folder, the front-matter key that holds its facts, its :class:`Field` checks, its :class:`Filter` list, and
how its fact box rows and its cards read. :func:`declare` then gives it, with no code of its own:

- the validator, run as each page is read: a bad page stops the build (a ``SphinxError``) with one message per
  bad field, ``file:line: field: what is expected``; fields that name labels (``chapter: ch-people``) are
  checked once every page is read;
- ``{<prefix>-facts}``: the fact box, a definition list of rows (in the PDF a table of label/value rows);
- ``{<prefix>-explorer}``: every page of the collection as a card. On the web, filters above the cards that
  ``_static/collection-explorer.js`` applies (count, a button that clears them, "remove this filter to see N"
  when nothing matches, close matches under the exact ones); without JavaScript the form stays hidden and the
  full list shows; the EPUB and the PDF keep the plain list. The form and the close-match section are rendered
  from ``templates/collections/*.html`` (Jinja, autoescaped; text through the interface catalogue's ``_()``;
  :func:`cowork_book.sphinxext.markup.render`).

The collected facts are kept on the environment across incremental builds (:mod:`cowork_book.docstore`), as
``env.book_<name>``. Other extensions read them with::

    from cowork_book.sphinxext import collections
    collections.items(env, "activities")  # {docname: {**front-matter facts, "title": translated title}}

(for activities, ``summary`` is the translated first paragraph too). Read them at ``doctree-resolved`` or later,
when every page has been read.

Written here because the schemas are the book's own and small; PyYAML (a Sphinx/MyST dependency) reads the
front matter and Jinja (Sphinx's template engine) renders the markup.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from docutils import nodes
from sphinx.errors import SphinxError
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from cowork_book.docstore import store, track
from cowork_book.sphinxext.markup import render

SCRIPT = "_static/collection-explorer.js"


class CollectionError(SphinxError):
    category = "Front matter error"


@dataclass
class Field:
    """One front-matter field: ``check(value)`` is True when valid, False (then "expected ``expected``"), or a
    string that says more precisely what is wrong."""

    check: Callable[[Any], Any]
    expected: str
    required: bool = True
    label: bool = False  # the value is a label (or a list of labels) that must exist in the book


@dataclass
class Filter:
    """One filter of the explorer: ``values(facts)`` are the option values a page matches; ``groups`` the
    options as ``[(group label or None, {value: label})]``; ``sort``: options by their translated label."""

    key: str
    label: Any
    values: Callable[[dict], Any]
    groups: list
    sort: bool = False


@dataclass
class Collection:
    name: str  # the environment keeps env.book_<name>
    folder: str  # the config value naming the folder, e.g. book_case_folder
    key: str  # the front-matter key holding the facts
    prefix: str  # of directives and classes: case -> {case-facts}, .case-card
    template: str  # the template page to copy the block from
    fields: dict
    rows: Callable  # rows(env, facts, text) -> [(label, value, *classes)], value a str or a node
    card: Callable  # card(facts) -> [(class, text)]: the card's paragraphs under its title
    filters: list
    order: Callable  # order(app, {docname: facts}) -> [docname]
    count: Any  # "{shown} of {total} … shown"
    nothing: Any  # "No … matches all these filters."
    close_title: Any  # the heading of the close matches
    close: Any  # why the close matches are close
    close_by: list = field(default_factory=list)  # the filters a close match shares one of
    checks: Callable = lambda facts: []  # cross-field checks: [(field, problem)]
    on_read: Callable = lambda doctree, facts: None  # keeps translated text of the page (title is kept anyway)


def front_matter(text):
    """The YAML front matter of a MyST file (empty when there is none)."""
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def line_of(text, name):
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"^\s+{re.escape(name)}\s*:", line):
            return number
    return 1


def validate(collection, path, text):
    """Problems with a page's front matter as ``file:line: field: expected ...``; empty when valid."""
    try:
        facts = front_matter(text).get(collection.key)
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        return [f"{path}:{line}: the front matter is not valid YAML ({error.problem}); check indentation and quotes"]
    if not isinstance(facts, dict):
        return [f"{path}:1: no '{collection.key}:' block in the front matter; copy it from {collection.template}"]
    problems = []
    for name in sorted(set(facts) - set(collection.fields)):
        problems.append(f"{path}:{line_of(text, name)}: {name}: unknown field; remove it or fix its name")
    bad = set()
    for name, spec in collection.fields.items():
        if name not in facts:
            if spec.required:
                problems.append(f"{path}:1: {name}: missing; expected {spec.expected}")
                bad.add(name)
            continue
        result = spec.check(facts[name])
        if result is not True:
            what = result if isinstance(result, str) else f"expected {spec.expected}"
            problems.append(f"{path}:{line_of(text, name)}: {name}: got {facts[name]!r}; {what}")
            bad.add(name)
    if not bad:  # cross-field checks only on fields that are each right
        for name, problem in collection.checks(facts):
            problems.append(f"{path}:{line_of(text, name)}: {name}: {problem}")
    return problems


def items(env, name):
    """``{docname: facts}`` of the collection ``name``, each with its translated ``title``."""
    return {
        docname: {
            **{k: v for k, v in facts.items() if not k.startswith("_")},
            "title": env.titles[docname].astext() if docname in env.titles else "",
        }
        for docname, facts in store(env, f"book_{name}").items()
    }


# -- Field checks shared by the collections ---------------------------------------------------------------------


def text(value):
    return isinstance(value, str) and value.strip() != ""


def one_of(choices):
    return lambda value: isinstance(value, str | int) and value in choices


def subset(choices):
    return lambda value: isinstance(value, list) and all(isinstance(v, str) and v in choices for v in value)


def labels(value):
    return isinstance(value, list) and all(isinstance(v, str) and re.fullmatch(r"[a-z0-9-]+", v) for v in value)


# -- Nodes -------------------------------------------------------------------------------------------------------


class collection_explorer(nodes.General, nodes.Element):
    """Placeholder for an explorer, filled in when every page has been read."""


class collection_filters(nodes.General, nodes.Element):
    """The filter form (HTML only)."""


class collection_close(nodes.General, nodes.Element):
    """Under the exact matches: the close ones, filled by the script (HTML only)."""


def _render(template, **context):
    return render(f"collections/{template}", **context)


def visit_filters(self, node):
    self.body.append(_render("filters.html", **node["context"]))
    raise nodes.SkipNode


def visit_close(self, node):
    self.body.append(_render("close.html", **node["context"]))
    raise nodes.SkipNode


# -- Per collection -----------------------------------------------------------------------------------------------


def _facts_directive(collection):
    class Facts(SphinxDirective):
        """The fact box of the current page, from its front matter."""

        def run(self):
            facts = store(self.env, f"book_{collection.name}").get(self.env.docname)
            if facts is None:
                folder = getattr(self.env.config, collection.folder)
                raise self.error(f"{collection.prefix}-facts is only for pages in {folder}/")
            source, line = self.get_source_info()

            def page_text(value, role):  # free text of the page: translated in the page's own catalogue
                para = nodes.paragraph(value, value, classes=[f"{collection.prefix}-{role}"])
                para.source, para.line = source, line
                return para

            box = nodes.definition_list(classes=["collection-facts", f"{collection.prefix}-facts"])
            for label, value, *edition in collection.rows(self.env, facts, page_text):
                if not isinstance(value, nodes.Node):  # fixed values: translated through sphinx.po, not the page
                    value = nodes.paragraph(str(value), str(value), translatable=False)
                term = nodes.term(str(label), str(label), translatable=False)
                box += nodes.definition_list_item(
                    "", term, nodes.definition("", value), classes=[c for c in edition if c]
                )
            return [nodes.container("", box, classes=["collection-fact-box", f"{collection.prefix}-fact-box"])]

    return Facts


def _explorer_directive(collection):
    class Explorer(SphinxDirective):
        def run(self):
            return [collection_explorer(collection=collection.name)]

    return Explorer


class FactRows(SphinxPostTransform):
    """In the PDF, a fact box is a table of label/value rows (a label cannot drift from its value, and a
    screen reader hears each value with its label): one row per fact, the label a row header."""

    default_priority = 800
    builders = ("printpdf",)

    def run(self, **kwargs):
        for facts in list(self.document.findall(nodes.definition_list)):
            if "collection-facts" not in facts["classes"]:
                continue
            group = nodes.tgroup(cols=2)
            group += [nodes.colspec(colwidth=30, stub=1), nodes.colspec(colwidth=70)]
            body = nodes.tbody()
            for item in facts.findall(nodes.definition_list_item):
                term = next(item.findall(nodes.term))
                label = nodes.entry("", nodes.paragraph("", "", *term.children))
                value = nodes.entry("", *next(item.findall(nodes.definition)).children)
                body += nodes.row("", label, value, classes=item["classes"])
            group += body
            facts.replace_self(nodes.table("", group, classes=facts["classes"]))


def _card(app, collection, fromdoc, docname, facts):
    title = app.env.titles[docname].astext()
    classes = ["collection-card", f"{collection.prefix}-card"]
    for flt in collection.filters:
        classes += [f"{collection.prefix}-{flt.key}-{str(v).lower()}" for v in flt.values(facts)]
    item = nodes.list_item(classes=classes)
    ref = nodes.reference("", title, internal=True, refuri=app.builder.get_relative_uri(fromdoc, docname))
    item += nodes.paragraph("", "", nodes.strong("", "", ref), classes=[f"{collection.prefix}-card-title"])
    for role, value in collection.card(facts):
        item += nodes.paragraph("", value, classes=[role])
    return item


def _options(flt, used):
    """The filter's option groups, with only the values some page has."""
    groups = []
    for group_label, choices in flt.groups:
        values = [v for v in choices if str(v).lower() in used]
        if flt.sort:  # by the translated name, "Not documented" last
            values.sort(key=lambda v: (v == "unknown", str(choices[v])))
        if values:
            groups.append((group_label, [(str(v).lower(), choices[v]) for v in values]))
    return groups


def _fill(collection):
    def fill(app, doctree, docname):
        for placeholder in list(doctree.findall(collection_explorer)):
            if placeholder["collection"] != collection.name:
                continue
            pages = store(app.env, f"book_{collection.name}")
            order = collection.order(app, pages)
            cards = nodes.bullet_list(classes=["collection-cards", f"{collection.prefix}-cards"])
            cards["ids"] = [f"{collection.prefix}-list"]
            for page in order:
                cards += _card(app, collection, docname, page, pages[page])
            result = [cards]
            if app.builder.name == "html":  # the web book: the EPUB and the PDF keep the plain list
                filters = []
                for flt in collection.filters:
                    used = {str(v).lower() for facts in pages.values() for v in flt.values(facts)}
                    filters.append({"key": flt.key, "label": flt.label, "groups": _options(flt, used)})
                context = {
                    "prefix": collection.prefix,
                    "filters": filters,
                    "count": collection.count,
                    "nothing": collection.nothing,
                    "close_by": " ".join(collection.close_by),
                    "close_title": collection.close_title,
                    "close": collection.close,
                }
                result[:0] = [collection_filters(context=context)]
                result.append(collection_close(context=context))
            placeholder.replace_self(result)

    return fill


def _collect(collection):
    def in_collection(app, docname):
        folder = getattr(app.config, collection.folder)
        return docname.startswith(f"{folder}/") and not docname.endswith("/index")

    def check_and_collect(app, docname, source):
        if not in_collection(app, docname):
            return
        path = Path(app.env.doc2path(docname)).relative_to(app.srcdir)
        problems = validate(collection, path, source[0])
        if problems:
            raise CollectionError("\n".join(problems))
        facts = front_matter(source[0])[collection.key]
        facts["_path"] = str(path)  # for messages of the later label check
        facts["_lines"] = {name: line_of(source[0], name) for name in collection.fields}
        store(app.env, f"book_{collection.name}")[docname] = facts

    def on_read(app, doctree):
        facts = store(app.env, f"book_{collection.name}").get(app.env.docname)
        if facts is not None:
            collection.on_read(doctree, facts)
        if any(n["collection"] == collection.name for n in doctree.findall(collection_explorer)):
            store(app.env, f"book_{collection.name}_explorers")[app.env.docname] = True

    def explorers_to_rewrite(app, env, added, changed, removed):
        """The pages with this collection's explorer are written again when one of its pages changes."""
        if not any(in_collection(app, d) for d in added | changed | removed):
            return []
        return sorted(d for d in store(env, f"book_{collection.name}_explorers") if d not in changed)

    def check_labels(app, env):
        """Fields that name labels: each label must exist in the book."""
        known = env.domains.standard_domain.labels
        problems = []
        for facts in store(env, f"book_{collection.name}").values():
            for name, spec in collection.fields.items():
                value = facts.get(name) if spec.label else None
                missing = [v for v in (value if isinstance(value, list) else [value]) if v and v not in known]
                if missing:
                    where = f"{facts['_path']}:{facts['_lines'][name]}"
                    problems.append(f"{where}: {name}: no label {', '.join(missing)} in the book; {spec.expected}")
        if problems:
            raise CollectionError("\n".join(problems))

    return check_and_collect, on_read, check_labels, explorers_to_rewrite


def declare(app, collection):
    """Give ``collection`` its validator, ``{<prefix>-facts}``, ``{<prefix>-explorer}`` and its store."""
    app.setup_extension("cowork_book.sphinxext.collections")
    app.add_directive(f"{collection.prefix}-facts", _facts_directive(collection))
    app.add_directive(f"{collection.prefix}-explorer", _explorer_directive(collection))
    check_and_collect, on_read, check_labels, explorers_to_rewrite = _collect(collection)
    app.connect("source-read", check_and_collect)
    app.connect("doctree-read", on_read)
    app.connect("env-get-outdated", explorers_to_rewrite)
    app.connect("env-check-consistency", check_labels)
    app.connect("doctree-resolved", _fill(collection))
    track(app, f"book_{collection.name}")
    track(app, f"book_{collection.name}_explorers")


def add_script(app, pagename, templatename, context, doctree):
    """The explorer's script, on explorer pages only."""
    if app.builder.name == "html" and doctree is not None and next(doctree.findall(collection_filters), None):
        context["script_files"] = [*context.get("script_files", []), SCRIPT]


def setup(app):
    app.add_node(collection_explorer)
    app.add_node(collection_filters, html=(visit_filters, None))
    app.add_node(collection_close, html=(visit_close, None))
    app.add_post_transform(FactRows)
    app.connect("html-page-context", add_script)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
