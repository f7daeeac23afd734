"""Activities: the activity library's collection (schema, fact box, cards and filters), declared for the shared
machinery of :mod:`cowork_book.sphinxext.collections`.

Each ``activities/*.md`` declares its facts under ``activity:`` in its front matter (see ``_template.md``).

- The validator runs as each activity is read: a missing or wrong field stops the build with
  ``file:line: field: what is expected``; ``chapter``, ``roadmap`` and ``follow_up`` must name labels that
  exist in the book (checked once every page is read).
- ``{activity-facts}``: duration, group size, age, level, setting, whether it works without internet, the
  competences it builds by framework (EntreComp, LifeComp, DigComp, and the 2018 key competences that
  Youthpass uses), its stage in the pilot, and "Serves:" with a link to the chapter it serves.
- ``{activity-explorer}``: every activity as a card (title, summary, stage, time, group, age), in the order of the
  pilot's stages, with filters for duration, group size (the groups of a given size it fits), age (by overlap),
  competence area, level, setting, working offline and stage.

Other extensions (links from chapters and tools) read the facts with
``collections.items(env, "activities")``: ``{docname: facts}`` with ``title`` and ``summary`` translated.

Written here because the schema is the book's own: which fields an activity has and how they read is an
editorial decision of this book, not something a library could know.
"""

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.locale import _

from cowork_book.sphinxext import collections
from cowork_book.sphinxext.collections import Field, Filter, labels, one_of, subset

STAGES = {  # the pilot's life, in order
    "opening": _("Opening the space"),
    "rules": _("House rules"),
    "skills": _("Skills and mentoring"),
    "projects": _("Ideas and projects"),
    "community": _("Community"),
    "digital": _("Digital skills"),
    "events": _("Events"),
    "hosting": _("Hosting"),
    "reflection": _("Reflection"),
    "evaluation": _("Evaluation"),
}
LEVELS = {
    1: _("For first-time facilitators"),
    2: _("Some experience needed"),
    3: _("For experienced facilitators"),
}
SETTINGS = {"space": _("In the space"), "outdoors": _("Outdoors"), "online": _("Online")}
THEMES = ("space", "people", "partners", "money", "interest", "rules")  # the self-assessment's themes
FRAMEWORKS = {  # framework: (its name, {area: label}); the areas as the frameworks name them
    "entrecomp": (
        "EntreComp",
        {
            "ideas-and-opportunities": _("Ideas and opportunities"),
            "resources": _("Resources"),
            "into-action": _("Into action"),
        },
    ),
    "lifecomp": (
        "LifeComp",
        {"personal": _("Personal"), "social": _("Social"), "learning-to-learn": _("Learning to learn")},
    ),
    "digcomp": (
        "DigComp",
        {
            "information-and-data": _("Information and data literacy"),
            "communication-and-collaboration": _("Communication and collaboration"),
            "digital-content-creation": _("Digital content creation"),
            "safety": _("Safety"),
            "problem-solving": _("Problem solving"),
        },
    ),
    "key": (
        _("Key competences"),
        {
            "literacy": _("Literacy"),
            "multilingual": _("Multilingual"),
            "stem": _("Mathematics, science, technology and engineering"),
            "digital": _("Digital"),
            "personal-social-learning": _("Personal, social and learning to learn"),
            "citizenship": _("Citizenship"),
            "entrepreneurship": _("Entrepreneurship"),
            "cultural-awareness": _("Cultural awareness and expression"),
        },
    ),
}
DURATIONS = {  # band: (shortest, longest) in minutes, label
    "short": ((1, 59), _("Under an hour")),
    "medium": ((60, 90), _("60–90 minutes")),
    "long": ((91, 10_000), _("Over 90 minutes")),
}
GROUPS = {  # a group of this size fits: (smallest, largest)
    "3": ((1, 3), _("Up to 3 people")),
    "4-8": ((4, 8), _("4–8 people")),
    "9-15": ((9, 15), _("9–15 people")),
    "16": ((16, 1000), _("16 or more people")),
}
AGES = {"13-15": ((13, 15), "13–15"), "16-18": ((16, 18), "16–18"), "19-30": ((19, 30), "19–30")}


def _range(lowest, highest):
    def check(value):
        if not (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)):
            return False
        return lowest <= value[0] <= value[1] <= highest or f"the first number is the smaller, both {lowest}–{highest}"

    return check


def _competences(value):
    if not isinstance(value, dict):
        return False
    for framework, areas in value.items():
        if framework not in FRAMEWORKS:
            return f"unknown framework {framework!r}; expected {', '.join(FRAMEWORKS)}"
        choices = FRAMEWORKS[framework][1]
        if not isinstance(areas, list) or any(a not in choices for a in areas):
            return f"{framework}: expected a list of: {', '.join(choices)} (may be empty: [])"
    return any(value.values()) or "name at least one area"


def _label_list(prefix):
    return lambda value: labels(value) and all(v.startswith(prefix) for v in value)


FIELDS = {
    "stage": Field(one_of(STAGES), f"one of {', '.join(STAGES)}"),
    "competences": Field(
        _competences, "entrecomp, lifecomp, digcomp and key, each a list of areas (see activities/_template.md)"
    ),
    "age": Field(_range(6, 99), "[youngest, oldest], e.g. [13, 30]"),
    "group": Field(_range(1, 1000), "[smallest, largest] number of participants, e.g. [3, 20]"),
    "duration": Field(lambda v: isinstance(v, int) and 0 < v <= 1440, "minutes, a whole number, e.g. 60"),
    "level": Field(one_of(LEVELS), "1, 2 or 3"),
    "setting": Field(lambda v: subset(SETTINGS)(v) and len(v) > 0, f"a list of: {', '.join(SETTINGS)}"),
    "offline": Field(lambda v: isinstance(v, bool), "true or false"),
    "chapter": Field(lambda v: _label_list("ch-")([v]), "a chapter label, e.g. ch-people", label=True),
    "roadmap": Field(_label_list("ch-roadmap-step-"), "a list of roadmap step labels (may be empty: [])", label=True),
    "readiness": Field(subset(THEMES), f"a list of: {', '.join(THEMES)} (may be empty: [])"),
    "follow_up": Field(_label_list("act-"), "a list of activity labels act-… (may be empty: [])", label=True),
    "method": Field(lambda v: v is None or collections.text(v), "the named method credited in Credits, or null"),
}


def _minutes(duration):
    return _("{minutes} min").format(minutes=duration)


def _span(pair):
    return f"{pair[0]}–{pair[1]}"


def _rows(env, activity, text):
    chapter = pending_xref(
        "",
        nodes.inline("", activity["chapter"]),
        refdomain="std",
        reftype="ref",
        reftarget=activity["chapter"],
        refexplicit=False,
        refwarn=True,
        refdoc=env.docname,
    )
    rows = [
        (_("Duration"), _minutes(activity["duration"])),
        (_("Group size"), _span(activity["group"])),
        (_("Age"), _span(activity["age"])),
        (_("Level"), LEVELS[activity["level"]]),
        (_("Where"), ", ".join(str(SETTINGS[s]) for s in activity["setting"])),
        (_("Works without internet"), _("Yes") if activity["offline"] else _("No")),
    ]
    for framework, (name, areas) in FRAMEWORKS.items():
        chosen = activity["competences"].get(framework) or []
        if chosen:
            rows.append((name, ", ".join(str(areas[a]) for a in chosen)))
    rows.append((_("Stage"), STAGES[activity["stage"]]))
    rows.append((_("Serves"), nodes.paragraph("", "", chapter, translatable=False)))
    return rows


def _overlaps(pair, bands):
    return [band for band, ((low, high), _label) in bands.items() if pair[0] <= high and low <= pair[1]]


def _card(activity):
    facts = [
        str(STAGES[activity["stage"]]),
        _minutes(activity["duration"]),
        _("Group: {size}").format(size=_span(activity["group"])),
        _("Age: {ages}").format(ages=_span(activity["age"])),
    ]
    card = [("activity-card-summary", activity["summary"])] if activity.get("summary") else []
    return [*card, ("activity-card-facts", " · ".join(facts))]


def _order(app, activities):
    """By the pilot's stages; within a stage as the library's contents list them."""
    listed = app.env.toctree_includes.get(f"{app.config.book_activity_folder}/index", [])
    stages = list(STAGES)
    return sorted(
        activities,
        key=lambda d: (
            stages.index(activities[d]["stage"]),
            listed.index(d) if d in listed else len(listed),
            app.env.titles[d].astext(),
        ),
    )


def _keep_summary(doctree, activity):
    """The paragraph after the fact box, as translated on the page: the card's summary."""
    box = next((n for n in doctree.findall(nodes.container) if "activity-fact-box" in n["classes"]), None)
    if box is None:
        return
    parent = box.parent
    after = parent.children[parent.index(box) + 1 :]
    summary = next((n for n in after if isinstance(n, nodes.paragraph)), None)
    if summary is not None:
        activity["summary"] = summary.astext()


def _band(bands):
    return [(None, {band: label for band, (_bounds, label) in bands.items()})]


ACTIVITIES = collections.Collection(
    name="activities",
    folder="book_activity_folder",
    key="activity",
    prefix="activity",
    template="activities/_template.md",
    fields=FIELDS,
    rows=_rows,
    card=_card,
    filters=[
        Filter("duration", _("Duration"), lambda a: _overlaps([a["duration"]] * 2, DURATIONS), _band(DURATIONS)),
        Filter("group", _("Group size"), lambda a: _overlaps(a["group"], GROUPS), _band(GROUPS)),
        Filter("age", _("Age"), lambda a: _overlaps(a["age"], AGES), _band(AGES)),
        Filter(
            "competence",
            _("Competence"),
            lambda a: [f"{f}-{area}" for f, areas in a["competences"].items() for area in areas or []],
            [(name, {f"{f}-{k}": v for k, v in areas.items()}) for f, (name, areas) in FRAMEWORKS.items()],
        ),
        Filter("level", _("Level"), lambda a: [a["level"]], [(None, LEVELS)]),
        Filter("setting", _("Where"), lambda a: a["setting"], [(None, SETTINGS)]),
        Filter(
            "offline",
            _("Works without internet"),
            lambda a: ["yes"] if a["offline"] else [],
            [(None, {"yes": _("Yes")})],
        ),
        Filter("stage", _("Stage"), lambda a: [a["stage"]], [(None, STAGES)]),
    ],
    close_by=["duration", "group"],
    order=_order,
    on_read=_keep_summary,
    count=_("{shown} of {total} activities shown"),
    nothing=_("No activity matches all these filters."),
    close_title=_("Similar activities"),
    close=_("These do not match every filter, but they take about as long or suit a group of the same size."),
)


def validate(path, text):
    """Problems with an activity's front matter as ``file:line: field: expected ...``; empty when valid."""
    return collections.validate(ACTIVITIES, path, text)


def setup(app):
    app.add_config_value("book_activity_folder", "activities", "env", str)
    collections.declare(app, ACTIVITIES)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
