"""Reading the book's own chapters, as translated: the one reader for the tools and the pictures.

The self-assessment (:mod:`cowork_book.sphinxext.readiness`), the pilot planner
(:mod:`cowork_book.sphinxext.planner`), the glossary tooltips (:mod:`cowork_book.sphinxext.glossarytips`) and the
pilot timeline (:mod:`cowork_book.sphinxext.figures`) are built from chapters, not written twice. This module
finds a chapter by its label, its sections by id, its tables' rows and its text, and reads "A pilot roadmap":
:func:`roadmap` returns its phases and steps, each step with the week of its ``**When:** week N`` paragraph.
A chapter without the expected structure raises :class:`ChapterError`, which names the node to report
(``file:line``) and says what to write.

Doctrees read from the environment are kept for the build (:func:`cowork_book.docstore.this_build`), and so
is the list of pages read in this build (:func:`read_in_this_build`), so that a page built from a chapter is
written again when the chapter changes. Extensions that read chapters set this one up.
"""

import re
from typing import NamedTuple

from docutils import nodes

from cowork_book.docstore import this_build

NUMBER = re.compile(r"\d+")


class ChapterError(Exception):
    """A chapter does not have the structure a tool reads; ``node`` is where (for the warning's file:line)."""

    def __init__(self, message, node=None):
        super().__init__(message)
        self.node = node


def doctree(app, docname):
    """The doctree of ``docname`` as read (not yet resolved), loaded once per build."""
    cache = this_build(app, "book_chapter_doctrees")
    if docname not in cache:
        cache[docname] = app.env.get_doctree(docname)
    return cache[docname]


def label(app, name):
    """``(docname, anchor, title)`` of a label, or a ChapterError."""
    found = app.env.domains.standard_domain.labels.get(name)
    if not found:
        raise ChapterError(f"label {name!r} not found")
    return found


def href(app, fromdoc, docname, anchor):
    """The address of ``docname#anchor`` from the page ``fromdoc``."""
    uri = app.builder.get_relative_uri(fromdoc, docname)
    return f"{uri}#{anchor}" if anchor else uri


def text(node):
    """The text of ``node`` with its white space made single spaces."""
    return " ".join(node.astext().split())


def title(section):
    """The title of a section, or ``""``."""
    return text(section[0]) if section.children and isinstance(section[0], nodes.title) else ""


def sections(tree, prefix):
    """``[(key, section)]`` of the sections whose id starts with ``prefix``, in reading order."""
    found = []
    for section in tree.findall(nodes.section):
        ids = [i for i in section["ids"] if i.startswith(prefix)]
        if ids:
            found.append((ids[0].removeprefix(prefix), section))
    return found


def section(tree, section_id):
    """The section with the id ``section_id``, or a ChapterError."""
    found = next((s for s in tree.findall(nodes.section) if section_id in s["ids"]), None)
    if found is None:
        raise ChapterError(f"no section {section_id!r}")
    return found


def table_rows(section, index=0):
    """The body rows of the ``index``-th table directly in ``section`` (not in its subsections), as text."""
    tables = [child for child in section.children if isinstance(child, nodes.table)]
    if len(tables) <= index:
        raise ChapterError(f"section {section['ids'][0]!r} has no table {index + 1}", section)
    tbody = next(tables[index].findall(nodes.tbody))
    return [[text(entry) for entry in row.children] for row in tbody.children]


# -- The pilot roadmap -------------------------------------------------------------------------------------------


class Step(NamedTuple):
    key: str  # the id after the prefix: "ch-roadmap-step-<key>"
    anchor: str  # the section's id
    title: str
    when: str  # the text after "When:", as translated ("week 6")
    week: int


class Phase(NamedTuple):
    title: str  # the section around the steps ("" if none)
    steps: list


def when(section):
    """``(text, week)`` of a step's first paragraph that starts in bold and has a number after it, or None."""
    for child in section.children:
        words = [c for c in child.children if not isinstance(c, nodes.Text) or c.strip()]
        if isinstance(child, nodes.paragraph) and words and isinstance(words[0], nodes.strong):
            rest = text(child)[len(text(words[0])) :].strip()
            found = NUMBER.search(rest)
            if found:
                return rest, int(found.group())
    return None


def roadmap(tree, prefix):
    """``[Phase]``: the steps (sections whose id starts with ``prefix``), grouped by the section around them."""
    phases = []
    for key, step in sections(tree, prefix):
        found = when(step)
        if found is None:
            raise ChapterError(
                f"roadmap step {key!r} ({title(step)}) has no week: write a paragraph such as "
                f"'**When:** week 3' under its heading (a bold label, then the week number)",
                step[0] if step.children else step,
            )
        parent = step.parent
        phase = title(parent) if isinstance(parent, nodes.section) else ""
        if not phases or phases[-1].title != phase:
            phases.append(Phase(phase, []))
        anchor = next(i for i in step["ids"] if i.startswith(prefix))
        phases[-1].steps.append(Step(key, anchor, title(step), *found))
    if not phases:
        raise ChapterError(f"no roadmap steps (sections {prefix}*) found")
    return phases


# -- What was read again -----------------------------------------------------------------------------------------


def read_in_this_build(app):
    """The documents read (again) in this build: a page built from a chapter is written again when it is here."""
    return this_build(app, "book_read_docs", set)


def _remember_read_docs(app, env, docnames):
    read_in_this_build(app).update(docnames)


def setup(app):
    app.connect("env-before-read-docs", _remember_read_docs)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
