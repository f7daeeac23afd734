"""Case studies: a front-matter schema, its validator, the fact box on each case, and the explorer.

Each ``case_studies/*.md`` declares its facts under ``case:`` in its front matter (see ``_template.md``).

- The validator runs as each case is read: a missing or wrong field stops the build with
  ``file:line: field: what is expected``; a ``sourced`` case without sources is an error.
- ``{case-facts}`` renders the fact box. Fixed values (country, setting, kind, tags...) are translated through
  the interface catalogue; free text (place, who runs it) through the case's own catalogue.
- ``{case-explorer}`` lists every case as a card, with filters (country, setting, kind, tag) that
  ``_static/case-explorer.js`` applies in the browser; without JavaScript the full list shows. Under the filters:
  the count, a button that clears them, and, when nothing matches, which filter to remove; under the exact
  matches, the close ones (same country or same setting). The case map on the page dims the other cases.
- ``setting: unknown`` and ``coordinates: null`` say that no source documents them: the fact box shows
  "Not documented", the cards leave the setting out, and the map lists the case under it instead of a point.

Written here because the schema is the book's own; PyYAML (a Sphinx/MyST dependency) reads the front matter.
"""

import html
import re
from datetime import date

import yaml
from docutils import nodes
from sphinx.errors import SphinxError
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from cowork_book.docstore import store, track

COUNTRIES = {
    "EE": _("Estonia"),
    "LV": _("Latvia"),
    "LT": _("Lithuania"),
    "ES": _("Spain"),
    "IT": _("Italy"),
    "IE": _("Ireland"),
    "PT": _("Portugal"),
    "FR": _("France"),
    "FI": _("Finland"),
}
SETTINGS = {
    "rural": _("Rural"),
    "small-town": _("Small town"),
    "suburban": _("Suburban"),
    "city": _("City"),
    "unknown": _("Not documented"),  # no source says what kind of place it is
}
KINDS = {
    "youth-centre-corner": _("Coworking in a youth centre"),
    "coworking-space": _("Coworking space"),
    "rural-coworking-space": _("Rural coworking space"),
    "coworking-coliving": _("Coworking and coliving"),
    "regional-network": _("Regional network"),
    "municipal-programme": _("Municipal programme"),
}
FUNDING = {
    "public": _("Public funding"),
    "leader": _("LEADER funding"),
    "eu-project": _("EU project funding"),
    "membership": _("Membership fees"),
    "non-profit": _("Non-profit"),
    "mixed": _("Mixed funding"),
    "unknown": _("Not documented"),
}
TARGET_GROUPS = {
    "young-people": _("Young people"),
    "students": _("Students"),
    "entrepreneurs": _("Entrepreneurs"),
    "remote-workers": _("Remote workers"),
    "freelancers": _("Freelancers"),
    "creatives": _("Creative workers"),
    "local-community": _("Local community"),
}
TAGS = {
    "project-partner": _("Project partner"),
    "youth-centre": _("Youth centre"),
    "leader": _("LEADER"),
    "erasmus-plus": _("Erasmus+"),
    "public-initiative": _("Public initiative"),
    "coliving": _("Coliving"),
    "network": _("Network"),
    "later-development": _("Later development"),
    "comparison": _("Comparison"),
}
STATUS = {"sourced": _("Sourced"), "illustrative": _("Illustrative composite")}
FILTERS = [("country", _("Country"), COUNTRIES), ("setting", _("Setting"), SETTINGS), ("kind", _("Kind"), KINDS)]


class CaseStudyError(SphinxError):
    category = "Case study error"


def _optional_year(value):
    return value is None or isinstance(value, int) and 1900 <= value <= date.today().year


def _text(value):
    return isinstance(value, str) and value.strip() != ""


def _coordinates(value):
    return value is None or (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int | float) for v in value)
        and -90 <= value[0] <= 90
        and -180 <= value[1] <= 180
    )


def _subset(choices):
    return lambda value: isinstance(value, list) and all(v in choices for v in value)


# field -> (required, test, what is expected)
SCHEMA = {
    "country": (True, lambda v: v in COUNTRIES, f"a country code: {', '.join(COUNTRIES)}"),
    "place": (True, _text, "the town or village, as text"),
    "region": (False, lambda v: v is None or _text(v), "text, or leave it out"),
    "setting": (True, lambda v: v in SETTINGS, f"one of {', '.join(SETTINGS)}"),
    "population": (True, lambda v: v is None or isinstance(v, int) and v > 0, "a whole number from a source, or null"),
    "population_year": (True, _optional_year, "the year of the population figure, or null"),
    "year_opened": (True, _optional_year, "a year from a source, or null"),
    "kind": (True, lambda v: v in KINDS, f"one of {', '.join(KINDS)}"),
    "run_by": (True, _text, "who runs it, as text"),
    "funding_model": (True, lambda v: v in FUNDING, f"one of {', '.join(FUNDING)}"),
    "target_groups": (True, _subset(TARGET_GROUPS), f"a list of: {', '.join(TARGET_GROUPS)} (may be empty: [])"),
    "tags": (True, _subset(TAGS), f"a list of: {', '.join(TAGS)} (may be empty: [])"),
    "coordinates": (
        True,
        _coordinates,
        "[latitude, longitude] in degrees, e.g. [58.385, 24.497], or null when no source documents the place",
    ),
    "status": (True, lambda v: v in STATUS, "sourced or illustrative"),
    "sources": (True, lambda v: isinstance(v, list), "a list of sources (title, publisher, url, seen)"),
}


def _source_problem(source):
    if not isinstance(source, dict):
        return "each source needs title, publisher, url and seen"
    if not _text(source.get("title")) or not _text(source.get("publisher")):
        return "each source needs a title and a publisher"
    url = source.get("url")
    if url is not None and not (isinstance(url, str) and re.match(r"^https://[^\s]+$", url)):
        return "url must start with https:// (or be null when the source has no web address)"
    if not isinstance(source.get("seen"), date):
        return "seen must be the date you read the source, as YYYY-MM-DD"
    return None


def front_matter(text):
    """The YAML front matter of a MyST file and the line where it starts (1)."""
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def _line_of(text, field):
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"^\s+{re.escape(field)}\s*:", line):
            return number
    return 1


def validate(path, text):
    """Problems with a case file's front matter as ``file:line: field: expected ...``; empty when valid."""
    try:
        case = front_matter(text).get("case")
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        return [f"{path}:{line}: the front matter is not valid YAML ({error.problem}); check indentation and quotes"]
    if not isinstance(case, dict):
        return [f"{path}:1: no 'case:' block in the front matter; copy it from case_studies/_template.md"]
    problems = []
    for field in sorted(set(case) - set(SCHEMA)):
        problems.append(f"{path}:{_line_of(text, field)}: {field}: unknown field; remove it or fix its name")
    for field, (required, test, expected) in SCHEMA.items():
        if field not in case:
            if required:
                problems.append(f"{path}:1: {field}: missing; expected {expected}")
            continue
        if not test(case[field]):
            problems.append(f"{path}:{_line_of(text, field)}: {field}: got {case[field]!r}; expected {expected}")
    if case.get("population") is not None and case.get("population_year") is None:
        problems.append(f"{path}:{_line_of(text, 'population_year')}: population_year: required with a population")
    sources = case.get("sources") if isinstance(case.get("sources"), list) else []
    if case.get("status") == "sourced" and not sources:
        problems.append(f"{path}:{_line_of(text, 'sources')}: sources: a sourced case needs at least one source")
    for source in sources:
        problem = _source_problem(source)
        if problem:
            problems.append(f"{path}:{_line_of(text, 'sources')}: sources: {problem}")
            break
    return problems


def is_case(app, docname):
    return docname.startswith(f"{app.config.book_case_folder}/") and not docname.endswith("/index")


def check_and_collect(app, docname, source):
    if not is_case(app, docname):
        return
    path = app.env.doc2path(docname)
    problems = validate(path.relative_to(app.srcdir), source[0])
    if problems:
        raise CaseStudyError("\n".join(problems))
    store(app.env, "book_cases")[docname] = front_matter(source[0])["case"]


def keep_translated_place(app, doctree):
    """Remember the place as translated in the case's own catalogue, for the explorer's cards."""
    docname = app.env.docname
    if docname in getattr(app.env, "book_cases", {}):
        place = next((p for p in doctree.findall(nodes.paragraph) if "case-place" in p["classes"]), None)
        if place is not None:
            app.env.book_cases[docname]["place_translated"] = place.astext()


class CaseFacts(SphinxDirective):
    """The fact box of the current case, from its front matter."""

    def run(self):
        case = getattr(self.env, "book_cases", {}).get(self.env.docname)
        if case is None:
            raise self.error("case-facts is only for case study pages (case_studies/*.md)")
        source, line = self.get_source_info()

        def text(value, role):
            para = nodes.paragraph(value, value, classes=[f"case-{role}"])
            para.source, para.line = source, line
            return para

        place = case["place"] + (f", {case['region']}" if case.get("region") else "")
        rows = [
            (_("Country"), COUNTRIES[case["country"]]),
            (_("Place"), text(place, "place")),
            (_("Setting"), SETTINGS[case["setting"]]),
        ]
        if case.get("population"):
            rows.append((_("Population"), f"{case['population']:,} ({case['population_year']})".replace(",", "\u00a0")))
        if case.get("year_opened"):
            rows.append((_("Opened"), case["year_opened"]))
        rows += [(_("Kind"), KINDS[case["kind"]]), (_("Run by"), text(case["run_by"], "run-by"))]
        rows.append((_("Funding"), FUNDING[case["funding_model"]]))
        if case["target_groups"]:
            rows.append((_("For"), ", ".join(str(TARGET_GROUPS[g]) for g in case["target_groups"])))
        # Tags are the explorer's filters, and "Sourced" is what every case with a Sources section is: both only
        # on the web (cowork_book.sphinxext.editions). "Illustrative composite" is printed: the reader must know.
        if case["tags"]:
            rows.append((_("Tags"), ", ".join(str(TAGS[t]) for t in case["tags"]), "web-only"))
        rows.append((_("Facts"), STATUS[case["status"]], "web-only" if case["status"] == "sourced" else ""))
        facts = nodes.definition_list(classes=["case-facts"])
        for label, value, *edition in rows:
            if not isinstance(value, nodes.Node):  # fixed values: translated through sphinx.po, not the page
                value = nodes.paragraph(str(value), str(value), translatable=False)
            term = nodes.term(str(label), str(label), translatable=False)
            classes = [c for c in edition if c]
            facts += nodes.definition_list_item("", term, nodes.definition("", value), classes=classes)
        return [nodes.container("", facts, classes=["case-fact-box"])]


class FactRows(SphinxPostTransform):
    """In the PDF, the fact box is a table of label/value rows (a label cannot drift from its value, and a
    screen reader hears each value with its label): one row per fact, the label a row header."""

    default_priority = 800
    builders = ("printpdf",)

    def run(self, **kwargs):
        for facts in list(self.document.findall(nodes.definition_list)):
            if "case-facts" not in facts["classes"]:
                continue
            group = nodes.tgroup(cols=2)
            group += [nodes.colspec(colwidth=30, stub=1), nodes.colspec(colwidth=70)]
            body = nodes.tbody()
            for item in facts.findall(nodes.definition_list_item):
                term = next(item.findall(nodes.term))
                label = nodes.entry("", nodes.paragraph("", "", *term.children))
                value = nodes.entry("", *next(item.findall(nodes.definition)).children)
                body += nodes.row("", label, value)
            group += body
            facts.replace_self(nodes.table("", group, classes=["case-facts"]))


class case_explorer(nodes.General, nodes.Element):
    """Placeholder for the explorer, filled in when every case has been read."""


class case_filters(nodes.General, nodes.Element):
    """The filter form (HTML only)."""


class CaseExplorer(SphinxDirective):
    def run(self):
        return [case_explorer()]


def _card(app, fromdoc, docname, case):
    title = app.env.titles[docname].astext()
    classes = ["case-card", f"case-country-{case['country'].lower()}", f"case-setting-{case['setting']}"]
    classes += [f"case-kind-{case['kind']}"] + [f"case-tag-{t}" for t in case["tags"]]
    item = nodes.list_item(classes=classes)
    ref = nodes.reference("", title, internal=True, refuri=app.builder.get_relative_uri(fromdoc, docname))
    item += nodes.paragraph("", "", nodes.strong("", "", ref), classes=["case-card-title"])
    place = case.get("place_translated", case["place"])
    facts = [str(COUNTRIES[case["country"]]), place, str(SETTINGS[case["setting"]]), str(KINDS[case["kind"]])]
    if case["setting"] == "unknown":  # "Not documented" alone would not say what is missing; the fact box says it
        facts.remove(str(SETTINGS["unknown"]))
    if case.get("year_opened"):
        facts.append(str(case["year_opened"]))
    item += nodes.paragraph("", " · ".join(facts), classes=["case-card-facts"])
    if case["tags"]:
        item += nodes.paragraph("", ", ".join(str(TAGS[t]) for t in case["tags"]), classes=["case-card-tags"])
    return item


def fill_explorer(app, doctree, docname):
    for placeholder in list(doctree.findall(case_explorer)):
        cases = getattr(app.env, "book_cases", {})
        order = sorted(cases, key=lambda d: (cases[d]["country"], app.env.titles[d].astext()))
        cards = nodes.bullet_list(classes=["case-cards"], ids=["case-list"])
        for case_doc in order:
            cards += _card(app, docname, case_doc, cases[case_doc])
        used = {
            "country": {c["country"] for c in cases.values()},
            "setting": {c["setting"] for c in cases.values()},
            "kind": {c["kind"] for c in cases.values()},
            "tag": {t for c in cases.values() for t in c["tags"]},
        }
        result = [cards]
        if app.builder.name == "html":  # the web book: the EPUB and the PDF keep the plain list
            result[:0] = [case_filters(used=used, total=len(order))]
            result.append(case_close())
        placeholder.replace_self(result)


def _option_order(choices):
    """Options sorted by their (translated) name, with "Not documented" last."""
    return lambda value: (value == "unknown", str(choices[value]))


def visit_case_filters(self, node):
    """The filter form: hidden until the script shows it, so a reader without JavaScript sees the full list.
    Under the filters: a button that clears them, the count, and (filled by the script when nothing matches)
    which filter to remove and how many cases that would show."""
    groups = [(key, label, choices) for key, label, choices in FILTERS] + [("tag", _("Tag"), TAGS)]
    out = ['<form class="case-filters" data-js-only hidden aria-controls="case-list">']
    for key, label, choices in groups:
        out.append(f'<p><label for="case-filter-{key}">{html.escape(str(label))}</label> ')
        out.append(f'<select id="case-filter-{key}" data-filter="{key}">')
        out.append(f'<option value="">{html.escape(str(_("All")))}</option>')
        for value in sorted(node["used"][key], key=_option_order(choices)):
            out.append(f'<option value="{html.escape(value.lower())}">{html.escape(str(choices[value]))}</option>')
        out.append("</select></p>")
    template = html.escape(str(_("{shown} of {total} case studies shown")))
    out.append(f'<p class="case-count" role="status" aria-live="polite" data-template="{template}"></p>')
    reset = _esc(_("Clear the filters"))
    out.append(f'<p class="case-reset-line"><button type="button" class="case-reset">{reset}</button></p>')
    relax = _esc(_("Remove “{filter}: {value}” to see {shown} of {total}"))
    out.append(f'<div class="case-relax" hidden data-template="{relax}">')
    out.append(f"<p>{_esc(_('No case study matches all these filters.'))}</p><ul></ul></div>")
    out.append("</form>")
    self.body.append("".join(out))
    raise nodes.SkipNode


class case_close(nodes.General, nodes.Element):
    """Under the exact matches: the close matches (same country or same setting), filled by the script."""


def visit_case_close(self, node):
    title = _esc(_("Close matches"))
    why = _esc(_("These do not match every filter, but they are in the same country or the same setting."))
    self.body.append(
        '<section class="case-close" hidden aria-labelledby="case-close-title">'
        f'<h2 id="case-close-title">{title}</h2><p>{why}</p><ul class="case-cards case-cards-close"></ul></section>'
    )
    raise nodes.SkipNode


def _esc(text):
    return html.escape(str(text))


def add_script(app, pagename, templatename, context, doctree):
    """The explorer's script, on the explorer page only."""
    if app.builder.name == "html" and doctree is not None and next(doctree.findall(case_filters), None) is not None:
        context["script_files"] = [*context.get("script_files", []), "_static/case-explorer.js"]


def setup(app):
    app.add_config_value("book_case_folder", "case_studies", "env", str)
    app.add_directive("case-facts", CaseFacts)
    app.add_post_transform(FactRows)
    app.add_directive("case-explorer", CaseExplorer)
    app.add_node(case_explorer)
    app.add_node(case_filters, html=(visit_case_filters, None))
    app.add_node(case_close, html=(visit_case_close, None))
    app.connect("source-read", check_and_collect)
    app.connect("doctree-read", keep_translated_place)
    track(app, "book_cases")
    app.connect("doctree-resolved", fill_explorer)
    app.connect("html-page-context", add_script)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
