"""The pilot planner (``{pilot-planner}``), read from the chapter "A pilot roadmap".

Its phases and steps are the chapter's steps (sections ``ch-roadmap-step-*`` with their "**When:** week N",
read by :func:`cowork_book.sphinxext.chapters.roadmap`, as the pilot timeline is), each with the activities
whose ``roadmap:`` lists it. Fixed labels ("Week", buttons) use ``_()`` and are translated in ``sphinx.po``.
The web book's list becomes the tool with ``_static/tools/planner.js``: a start date, done and a note per step,
and a calendar file named in the page's language, each event carrying the step's done state, the note and a link
back to the step. The PDF gets a table with fields (see :mod:`cowork_book.sphinxext.toolkit` for what every tool
shares).
"""

import json
import re

from docutils import nodes
from sphinx.locale import _

from cowork_book.sphinxext import chapters
from cowork_book.sphinxext.activitylinks import activity_links
from cowork_book.sphinxext.markup import render
from cowork_book.sphinxext.toolkit import ToolDirective, add_tool

ROADMAP = {"chapter": "ch-roadmap", "steps": "ch-roadmap-step-"}
SCRIPT = "_static/tools/planner.js"


class pilot_planner(nodes.General, nodes.Element):
    """The pilot planner; its steps (from the roadmap) are kept in attributes."""


class PilotPlanner(ToolDirective):
    node_class = pilot_planner
    kind = "planner"


def planner_data(app, fromdoc):
    """Phases and steps of the pilot roadmap, with their week, as translated."""
    docname = chapters.label(app, ROADMAP["chapter"])[0]
    phases = []
    for phase in chapters.roadmap(chapters.doctree(app, docname), ROADMAP["steps"]):
        steps = [
            {
                "key": step.key,
                "title": step.title,
                "week": step.week,
                "href": chapters.href(app, fromdoc, docname, step.anchor),
                "activities": activity_links(app, fromdoc, "roadmap", step.anchor),
            }
            for step in phase.steps
        ]
        phases.append({"title": phase.title, "steps": steps})
    return {"phases": phases}


# -- Markup (templates/tools/planner.html) ------------------------------------------------------------------------


def file_name(text):
    """A file name from a (translated) title: lower case, words joined by hyphens, letters of any script kept."""
    return re.sub(r"[^\w-]+", "", "-".join(str(text).lower().split())) or "file"


def visit_planner(self, node):
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
    phases, number = [], 1
    for phase in node["data"]["phases"]:  # the steps are numbered across the phases
        phases.append({**phase, "start": number})
        number += len(phase["steps"])
    self.body.append(
        render(
            "tools/planner.html",
            compact=True,
            mode=node["mode"],
            store=node["store"],
            labels=json.dumps(labels, ensure_ascii=False),
            level=min(6, self.section_level + 1),  # one below the section that holds the tool
            phases=phases,
        )
    )
    raise nodes.SkipNode


def setup(app):
    app.setup_extension("cowork_book.sphinxext.toolkit")
    add_tool(app, "pilot-planner", PilotPlanner, visit_planner, planner_data, SCRIPT, ROADMAP["chapter"])
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
