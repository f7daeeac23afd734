"""The readiness self-assessment (``{readiness-assessment}``), read from the chapter "Getting ready".

The six themes and their statements are the sections ``ch-ready-theme-*`` of the chapter, as translated; its
answer scale and score readings are the tables under ``ch-ready-self-assessment`` and ``ch-ready-scoring``.
Fixed labels (buttons, headings) use ``_()`` and are translated in ``sphinx.po``. The web book's list becomes
the tool with ``_static/tools/readiness.js``; the PDF gets radio buttons and fields (see
:mod:`cowork_book.sphinxext.toolkit` for what every tool shares).

The self-assessment ends with an overall result, read as the chapter says ("if most of your themes score 4 or
more", and Rules, ``book_readiness_required``, at least 4), and the two themes to start with, each with its
chapter (``book_readiness_chapters``) and its activities (those whose front matter lists the theme in
``readiness:``, see :mod:`cowork_book.sphinxext.activitylinks`; ``book_readiness_activities`` overrides;
without any, the chapter's "Over to you"); a weak theme's result names them too. "Print my results" prints that
on one page.
"""

import json
import re

from docutils import nodes
from sphinx.locale import _

from cowork_book.sphinxext import chapters
from cowork_book.sphinxext.activitylinks import activity_links
from cowork_book.sphinxext.markup import render
from cowork_book.sphinxext.toolkit import ToolDirective, add_tool

READINESS = {
    "chapter": "ch-ready",
    "themes": "ch-ready-theme-",
    "scale": "ch-ready-self-assessment",
    "scoring": "ch-ready-scoring",
}
PLANNER = "tool-pilot-planner"  # the planner's label: the self-assessment links to it
NUMBER = re.compile(r"\d+")
SCRIPT = "_static/tools/readiness.js"


class readiness_assessment(nodes.General, nodes.Element):
    """The self-assessment; its content (from the chapter) is kept in attributes, so it is not indexed twice."""


class ReadinessAssessment(ToolDirective):
    node_class = readiness_assessment
    kind = "readiness"


def readiness_data(app, fromdoc):
    """Themes, statements, scale, score bands and helping chapters of the self-assessment, as translated."""
    docname = chapters.label(app, READINESS["chapter"])[0]
    tree = chapters.doctree(app, docname)
    scale = []
    for row in chapters.table_rows(chapters.section(tree, READINESS["scale"])):
        if len(row) < 2 or not row[0].strip().isdigit():
            raise chapters.ChapterError(f"the answer scale table has a row {row!r}; expected 'score | meaning'")
        scale.append((int(row[0]), row[1]))
    themes = []
    helping = app.config.book_readiness_chapters
    for key, section in chapters.sections(tree, READINESS["themes"]):
        items = next((child for child in section.children if isinstance(child, nodes.bullet_list)), None)
        if items is None:
            raise chapters.ChapterError(f"theme {key!r} has no list of statements", section)
        if key not in helping:
            raise chapters.ChapterError(f"theme {key!r} has no chapter in book_readiness_chapters", section)
        help_doc, help_anchor, help_title = chapters.label(app, helping[key])
        themes.append(
            {
                "key": key,
                "title": chapters.title(section),
                "statements": [chapters.text(item) for item in items.children],
                "help": (help_title, chapters.href(app, fromdoc, help_doc, help_anchor)),
                "activities": _theme_activities(app, fromdoc, key),
            }
        )
    if not themes or not scale:
        raise chapters.ChapterError("no themes or no answer scale found")
    bands = []
    for row in chapters.table_rows(chapters.section(tree, READINESS["scoring"])):
        numbers = [int(n) for n in NUMBER.findall(row[0])]
        if len(numbers) != 2 or len(row) < 3:
            raise chapters.ChapterError(
                f"the score table has a row {row!r}; expected 'from–to | what it means | what to do'"
            )
        bands.append((numbers[0], numbers[1], row[1], row[2]))
    most = max(value for value, _label in scale) * max(len(t["statements"]) for t in themes)
    if bands[0][0] != 0 or bands[-1][1] != most:
        raise chapters.ChapterError(f"the score bands run from {bands[0][0]} to {bands[-1][1]}; expected 0 to {most}")
    scoring = chapters.section(tree, READINESS["scoring"])
    required = app.config.book_readiness_required
    if required not in [t["key"] for t in themes]:
        raise chapters.ChapterError(f"book_readiness_required names {required!r}, which is not a theme")
    return {
        "themes": themes,
        "scale": scale,
        "bands": bands,
        "scoring_title": chapters.title(scoring),
        "required": required,
        "planner": chapters.href(app, fromdoc, *chapters.label(app, PLANNER)[:2]),
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
    found = [chapters.label(app, label) for label in labels]
    return [(title, chapters.href(app, fromdoc, doc, anchor)) for doc, anchor, title in found]


# -- Markup (templates/tools/readiness.html) ----------------------------------------------------------------------


def visit_readiness(self, node):
    data = node["data"]
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
    top = max(value for value, _label in data["scale"])
    self.body.append(
        render(
            "tools/readiness.html",
            compact=True,
            mode=node["mode"],
            store=node["store"],
            labels=json.dumps(labels, ensure_ascii=False),
            level=min(6, self.section_level + 1),  # one below the section that holds the tool
            themes=[{**theme, "most": len(theme["statements"]) * top} for theme in data["themes"]],
            scale=data["scale"],
            scale_text=", ".join(f"{label} ({value})" for value, label in data["scale"]),
            scale_plain=" · ".join(label for _value, label in data["scale"]),
            bands=data["bands"],
            scoring_title=data["scoring_title"],
        )
    )
    raise nodes.SkipNode


def setup(app):
    app.setup_extension("cowork_book.sphinxext.toolkit")
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
    add_tool(
        app, "readiness-assessment", ReadinessAssessment, visit_readiness, readiness_data, SCRIPT, READINESS["chapter"]
    )
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
