"""Case studies: the case-study collection (schema, fact box, cards and filters), declared for the shared
machinery of :mod:`cowork_book.sphinxext.collections`.

Each ``case_studies/*.md`` declares its facts under ``case:`` in its front matter (see ``_template.md``).

- The validator runs as each case is read: a missing or wrong field stops the build with
  ``file:line: field: what is expected``; a ``sourced`` case without sources is an error.
- ``{case-facts}`` renders the fact box. Fixed values (country, setting, kind, tags...) are translated through
  the interface catalogue; free text (place, who runs it) through the case's own catalogue.
- ``{case-explorer}`` lists every case as a card, with filters (country, setting, kind, tag) that
  ``_static/collection-explorer.js`` applies in the browser; without JavaScript the full list shows. Under the
  filters: the count, a button that clears them, and, when nothing matches, which filter to remove; under the
  exact matches, the close ones (same country or same setting). The case map on the page dims the other cases.
- ``setting: unknown`` and ``coordinates: null`` say that no source documents them: the fact box shows
  "Not documented", the cards leave the setting out, and the map lists the case under it instead of a point.

Written here because the schema is the book's own; PyYAML (a Sphinx/MyST dependency) reads the front matter.
"""

import re
from datetime import date

from docutils import nodes
from sphinx.locale import _

from cowork_book.sphinxext import collections
from cowork_book.sphinxext.collections import Field, Filter, front_matter, subset
from cowork_book.sphinxext.collections import text as _text

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


def _optional_year(value):
    return value is None or isinstance(value, int) and 1900 <= value <= date.today().year


def _coordinates(value):
    return value is None or (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int | float) for v in value)
        and -90 <= value[0] <= 90
        and -180 <= value[1] <= 180
    )


FIELDS = {
    "country": Field(lambda v: v in COUNTRIES, f"a country code: {', '.join(COUNTRIES)}"),
    "place": Field(_text, "the town or village, as text"),
    "region": Field(lambda v: v is None or _text(v), "text, or leave it out", required=False),
    "setting": Field(lambda v: v in SETTINGS, f"one of {', '.join(SETTINGS)}"),
    "population": Field(lambda v: v is None or isinstance(v, int) and v > 0, "a whole number from a source, or null"),
    "population_year": Field(_optional_year, "the year of the population figure, or null"),
    "year_opened": Field(_optional_year, "a year from a source, or null"),
    "kind": Field(lambda v: v in KINDS, f"one of {', '.join(KINDS)}"),
    "run_by": Field(_text, "who runs it, as text"),
    "funding_model": Field(lambda v: v in FUNDING, f"one of {', '.join(FUNDING)}"),
    "target_groups": Field(subset(TARGET_GROUPS), f"a list of: {', '.join(TARGET_GROUPS)} (may be empty: [])"),
    "tags": Field(subset(TAGS), f"a list of: {', '.join(TAGS)} (may be empty: [])"),
    "coordinates": Field(
        _coordinates,
        "[latitude, longitude] in degrees, e.g. [58.385, 24.497], or null when no source documents the place",
    ),
    "status": Field(lambda v: v in STATUS, "sourced or illustrative"),
    "sources": Field(lambda v: isinstance(v, list), "a list of sources (title, publisher, url, seen)"),
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


def _checks(case):
    """What no single field says: a population needs its year, a sourced case its sources."""
    if case.get("population") is not None and case.get("population_year") is None:
        yield "population_year", "required with a population"
    if case["status"] == "sourced" and not case["sources"]:
        yield "sources", "a sourced case needs at least one source"
    problem = next(filter(None, map(_source_problem, case["sources"])), None)
    if problem:
        yield "sources", problem


def _rows(env, case, text):
    """The fact box: fixed values through the interface catalogue, place and operator through the page's."""
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
    return rows


def _card(case):
    place = case.get("place_translated", case["place"])
    facts = [str(COUNTRIES[case["country"]]), place, str(SETTINGS[case["setting"]]), str(KINDS[case["kind"]])]
    if case["setting"] == "unknown":  # "Not documented" alone would not say what is missing; the fact box says it
        facts.remove(str(SETTINGS["unknown"]))
    if case.get("year_opened"):
        facts.append(str(case["year_opened"]))
    card = [("case-card-facts", " · ".join(facts))]
    if case["tags"]:
        card.append(("case-card-tags", ", ".join(str(TAGS[t]) for t in case["tags"])))
    return card


def _order(app, cases):
    return sorted(cases, key=lambda d: (cases[d]["country"], app.env.titles[d].astext()))


def _keep_translated_place(doctree, case):
    """Remember the place as translated in the case's own catalogue, for the explorer's cards."""
    place = next((p for p in doctree.findall(nodes.paragraph) if "case-place" in p["classes"]), None)
    if place is not None:
        case["place_translated"] = place.astext()


CASES = collections.Collection(
    name="cases",
    folder="book_case_folder",
    key="case",
    prefix="case",
    template="case_studies/_template.md",
    fields=FIELDS,
    checks=_checks,
    rows=_rows,
    card=_card,
    filters=[
        Filter("country", _("Country"), lambda c: [c["country"]], [(None, COUNTRIES)], sort=True),
        Filter("setting", _("Setting"), lambda c: [c["setting"]], [(None, SETTINGS)], sort=True),
        Filter("kind", _("Kind"), lambda c: [c["kind"]], [(None, KINDS)], sort=True),
        Filter("tag", _("Tag"), lambda c: c["tags"], [(None, TAGS)], sort=True),
    ],
    close_by=["country", "setting"],
    order=_order,
    on_read=_keep_translated_place,
    count=_("{shown} of {total} case studies shown"),
    nothing=_("No case study matches all these filters."),
    close_title=_("Close matches"),
    close=_("These do not match every filter, but they are in the same country or the same setting."),
)


def validate(path, text):
    """Problems with a case file's front matter as ``file:line: field: expected ...``; empty when valid."""
    return collections.validate(CASES, path, text)


__all__ = ["CASES", "COUNTRIES", "front_matter", "validate"]


def setup(app):
    app.add_config_value("book_case_folder", "case_studies", "env", str)
    collections.declare(app, CASES)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
