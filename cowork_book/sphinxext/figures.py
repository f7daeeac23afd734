"""Pictures that explain: floor plans, the pilot timeline and the case-study map, drawn as inline SVG.

- ``{floor-plan} <layout>`` draws one of the example layouts of "The space" (``time``: one room shared by time
  of day; ``corner``: a corner in a larger centre; ``room``: a separate room with a quiet zone). Its body is a
  caption paragraph and a bullet list with one short label per zone, in the order of :data:`LAYOUTS`; the
  geometry is fixed here. The list stays visible under the plan as its text equivalent.
- ``{pilot-timeline}`` draws the steps of the pilot roadmap (sections ``ch-roadmap-step-*``, each with a
  "**When:** week N" paragraph, grouped by the phase section around them; read by
  :func:`cowork_book.sphinxext.chapters.roadmap`, as the pilot planner reads them) on a timeline of weeks. Its
  body is the caption; the chapter's own step list is the text equivalent.
- ``{case-map}`` draws a map of Europe with one linked point per case study, placed by the ``coordinates`` of
  its front matter (``env.book_cases`` from :mod:`cowork_book.sphinxext.casestudies`). Country outlines come from
  ``data/europe-110m.json``, derived from the npm package world-atlas (Natural Earth) by ``data/derive_map.py``;
  nothing is fetched at build time. The list of cases under it is the text equivalent. A case whose place no
  source documents (``coordinates: null``) gets no point: a line under the map names it.

Every word in a picture is book text: the captions, zone labels, step and phase titles, "week N" and case
titles are read at ``doctree-resolved`` from the page as translated, so a picture speaks the page's language
and nothing here goes to ``sphinx.po`` but the line under the map. Each SVG is written into the page (HTML;
EPUB with ``xmlns``, the page declared as one with SVG by :func:`cowork_book.sphinxext.epub.has_svg`; and the
print page, which WeasyPrint draws as vector): sized by ``viewBox``, ``role="img"`` with a ``<title>`` (the map
is a group of links instead), coloured with ``currentColor`` and translucent tints so it follows the text
colour in dark mode and in e-readers.

Written here because the pictures are drawn from the book's own (translated) text; a drawing tool or
per-language image files would put the labels out of reach of the translation catalogues.
"""

import json
import math
from functools import cache
from pathlib import Path
from typing import NamedTuple

from docutils import nodes
from sphinx.locale import _
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from cowork_book.docstore import store, track
from cowork_book.sphinxext import chapters
from cowork_book.sphinxext.data.derive_map import project
from cowork_book.sphinxext.epub import has_svg
from cowork_book.sphinxext.markup import esc

logger = logging.getLogger(__name__)
MAP_DATA = Path(__file__).parent / "data" / "europe-110m.json"
SVG_NS = "http://www.w3.org/2000/svg"
TINT = 0.16  # opacity of a zone's colour over the page: light in light mode, dark in dark mode
COLOURS = {  # tints only: every line and letter is drawn in the text colour
    "work": "#1b7f6a",
    "quiet": "#2c62b8",
    "meeting": "#8a45b0",
    "social": "#c4630f",
    "storage": "#6b6b6b",
    "host": "#a07800",
    "other": "#8c8c8c",
}
PHASE_COLOURS = ("#1b7f6a", "#2c62b8", "#c4630f", "#8a45b0")
PRINT = "printpdf"
PRINT_FONT = "Book Sans"  # the print theme's font (cowork_book/sphinxext/theme/print/static/print.css)


def num(value):
    """A coordinate without needless digits."""
    return f"{value:.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


# -- Text in a box ---------------------------------------------------------------------------------------------

NARROW = set("iljtfrI.,:;!|'()[]/ -·")
WIDE = set("mwMWЖШЩЮМДФЫжшщюмф—")


def text_width(text, size):
    """Estimated width of ``text`` at font size ``size`` (a sans-serif like Noto Sans)."""
    width = 0.0
    for char in text:
        if char in NARROW:
            width += 0.32
        elif char in WIDE:
            width += 0.86
        elif char.isupper() or char.isdigit():
            width += 0.66
        else:
            width += 0.56
    return width * size


def wrap(text, width, size):
    """Lines of ``text`` no wider than ``width`` (a word longer than the width keeps a line of its own)."""
    lines = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def fit(text, width, height, sizes=(13, 12, 11, 10)):
    """``(size, lines)``: the largest size at which ``text`` fits the box, else the smallest."""
    for size in sizes:
        lines = wrap(text, width, size)
        if len(lines) * size * 1.25 <= height and all(text_width(line, size) <= width for line in lines):
            return size, lines
    return sizes[-1], wrap(text, width, sizes[-1])


def text_block(text, cx, top, width, height, anchor="middle"):
    """``<text>`` lines centred in the box ``top..top+height`` around ``cx``."""
    size, lines = fit(text, width, height)
    step = size * 1.25
    y = top + (height - step * len(lines)) / 2 + size * 0.95
    out = [f'<text font-size="{size}" text-anchor="{anchor}">']
    for i, line in enumerate(lines):
        out.append(f'<tspan x="{num(cx)}" y="{num(round(y + i * step, 1))}">{esc(line)}</tspan>')
    out.append("</text>")
    return "".join(out)


class Frame(NamedTuple):
    """What every picture needs: its title and id, and the builder's extra ``<svg>`` attributes."""

    title: str
    ident: str
    extra: str = ""


def for_builder(builder):
    """Screens scale a picture to the column. The print page (WeasyPrint) keeps its size, which fits the column,
    and names the print font, since WeasyPrint does not pass the page's font into an SVG."""
    return f' font-family="{PRINT_FONT}"' if builder == PRINT else ' style="max-width:100%;height:auto"'


def svg_open(width, height, frame, role="img", classes=""):
    return (
        f'<svg xmlns="{SVG_NS}" class="book-svg {classes}" role="{role}" aria-labelledby="{frame.ident}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" fill="currentColor"{frame.extra}>'
        f'<title id="{frame.ident}">{esc(frame.title)}</title>'
    )


# -- Floor plans -----------------------------------------------------------------------------------------------


class Zone(NamedTuple):
    kind: str  # a key of COLOURS, or "entrance" (a label only)
    box: tuple  # (x, y, width, height) of the zone
    furniture: tuple = ()  # (x, y, width, height) of tables, counters, lockers
    edge: str = ""  # path data of a screen or "soft wall" that bounds the zone
    label: tuple = ()  # box of the label, when it is not the zone itself


class Layout(NamedTuple):
    size: tuple
    walls: tuple  # path data, drawn thick
    windows: tuple  # (x1, y1, x2, y2) on a wall gap
    doors: tuple  # (hinge x, y, open leaf's end x, y, closed leaf's end x, y): the leaf and its swing
    zones: tuple  # in the order of the directive's list
    dashed: tuple = ()  # path data of walls of the rest of the building, drawn thin and dashed


def _row(x, y, count, width=52, height=24, gap=12):
    return tuple((x + i * (width + gap), y, width, height) for i in range(count))


LAYOUTS = {
    "time": Layout(
        size=(600, 340),
        walls=("M20 20H90M210 20H290M410 20H580V300H110M50 300H20Z",),
        windows=((90, 20, 210, 20), (290, 20, 410, 20)),
        doors=((50, 300, 50, 240, 110, 300),),
        zones=(
            Zone("entrance", (20, 304, 120, 32)),
            Zone("host", (130, 210, 140, 72), furniture=((140, 220, 60, 18),), label=(130, 238, 140, 44)),
            Zone("work", (40, 38, 350, 118), furniture=_row(56, 50, 5), label=(40, 82, 350, 74)),
            Zone("quiet", (420, 38, 142, 128), edge="M410 30V176H570", label=(420, 38, 142, 128)),
            Zone("social", (420, 200, 142, 82), furniture=((536, 208, 18, 66),), label=(420, 200, 112, 82)),
            Zone("storage", (282, 222, 120, 60), furniture=((282, 274, 120, 8),), label=(282, 222, 120, 52)),
        ),
    ),
    "corner": Layout(
        size=(600, 340),
        walls=(
            "M20 20H580V300H110M50 300H20Z",
            "M180 20V140H120M60 140H20",
            "M200 20V140H250M310 140H380V20",
        ),
        windows=(),
        doors=((50, 300, 50, 240, 110, 300), (250, 140, 250, 190, 310, 140)),
        dashed=(),
        zones=(
            Zone("entrance", (20, 304, 120, 32)),
            Zone("other", (130, 160, 250, 122), label=(130, 180, 250, 100)),
            Zone("work", (410, 38, 152, 156), furniture=_row(422, 48, 2, 56, 22, 16), edge="M398 26V206H574"),
            Zone("meeting", (210, 30, 160, 102), furniture=((250, 42, 80, 18),), label=(210, 62, 160, 70)),
            Zone("social", (30, 30, 140, 102), furniture=((36, 36, 16, 90),), label=(54, 30, 116, 102)),
        ),
    ),
    "room": Layout(
        size=(600, 340),
        walls=("M20 20H440V300H110M50 300H20Z",),
        windows=(),
        doors=((50, 300, 50, 240, 110, 300),),
        dashed=("M462 20H580V300H462Z",),
        zones=(
            Zone("entrance", (20, 304, 120, 32)),
            Zone("host", (120, 226, 200, 58), furniture=((290, 232, 22, 46),), label=(120, 226, 166, 58)),
            Zone("work", (168, 38, 152, 172), furniture=_row(180, 50, 2, 56, 24, 16), label=(168, 86, 152, 124)),
            Zone("quiet", (340, 38, 82, 246)),
            Zone("meeting", (38, 38, 112, 172), furniture=((26, 60, 8, 120),), label=(44, 38, 106, 172)),
            Zone("social", (472, 30, 98, 260)),
        ),
    ),
}


def floor_plan_svg(layout_id, labels, frame):
    layout = LAYOUTS[layout_id]
    width, height = layout.size
    out = [svg_open(width, height, frame, classes="floor-plan")]
    # zones: a tint, a thin dashed outline, furniture, a bounding screen
    for zone in layout.zones:
        if zone.kind in COLOURS:
            x, y, w, h = zone.box
            out.append(
                f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="4" fill="{COLOURS[zone.kind]}" '
                f'fill-opacity="{TINT}" stroke="currentColor" stroke-opacity=".55" stroke-dasharray="4 3"/>'
            )
    furniture = [f for zone in layout.zones for f in zone.furniture]
    if furniture:
        out.append('<g fill="none" stroke="currentColor" stroke-width="1.5">')
        out += [f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="2"/>' for x, y, w, h in furniture]
        out.append("</g>")
    out.append('<g fill="none" stroke="currentColor">')
    for zone in layout.zones:
        if zone.edge:
            out.append(f'<path d="{zone.edge}" stroke-width="4" stroke-dasharray="2 5" stroke-linecap="round"/>')
    out += [f'<path d="{d}" stroke-width="1.5" stroke-dasharray="6 4"/>' for d in layout.dashed]
    out += [f'<path d="{d}" stroke-width="6"/>' for d in layout.walls]
    for x1, y1, x2, y2 in layout.windows:
        dx, dy = (0, 3) if y1 == y2 else (3, 0)
        out.append(f'<path d="M{x1} {y1 - dy}L{x2} {y2 - dy}M{x1} {y1 + dy}L{x2} {y2 + dy}" stroke-width="1.5"/>')
    for hx, hy, lx, ly, ex, ey in layout.doors:
        radius = math.hypot(lx - hx, ly - hy)
        sweep = 1 if (lx - hx) * (ey - hy) - (ly - hy) * (ex - hx) > 0 else 0
        out.append(
            f'<path d="M{hx} {hy}L{lx} {ly}A{num(radius)} {num(radius)} 0 0 {sweep} {ex} {ey}" stroke-width="1.5"/>'
        )
    out.append("</g>")
    for zone, label in zip(layout.zones, labels, strict=True):
        x, y, w, h = zone.label or zone.box
        out.append(text_block(label, x + w / 2, y + 4, w - 12, h - 8))
    out.append("</svg>")
    return "".join(out)


# -- Pilot timeline --------------------------------------------------------------------------------------------


def timeline_svg(phases, frame):
    width, pad, size = 640, 14, 13
    weeks = [step.week for phase in phases for step in phase.steps]
    end = max(5, math.ceil((max(weeks) + 1) / 5) * 5)

    def x(week):
        return pad + week / end * (width - 2 * pad)

    spans = []
    for i, phase in enumerate(phases):
        start = phase.steps[0].week
        stop = phases[i + 1].steps[0].week if i + 1 < len(phases) else end
        spans.append((phase.title, x(start), x(stop)))
    header = [fit(phase, right - left - 8, 60, sizes=(13, 12, 11))[1] for phase, left, right in spans]
    header_height = max(len(lines) for lines in header) * 16 + 12
    axis = header_height + 18
    rows = []
    y = axis + 8
    for phase in phases:
        for _key, _anchor, step, when, week in phase.steps:
            label = f"{step} ({when})"
            right = week <= end / 2
            room = (width - pad - x(week) - 10) if right else (x(week) - pad - 10)
            lines = wrap(label, room, size)
            height = max(24, len(lines) * 16 + 8)
            rows.append((week, right, lines, y, height))
            y += height
    height = round(y + 8)
    out = [svg_open(width, height, frame, classes="pilot-timeline")]
    for i, ((_phase, left, right), lines) in enumerate(zip(spans, header, strict=True)):
        colour = PHASE_COLOURS[i % len(PHASE_COLOURS)]
        out.append(
            f'<rect x="{num(round(left, 1))}" y="0" width="{num(round(right - left, 1))}" height="{header_height}" '
            f'fill="{colour}" fill-opacity=".26"/>'
            f'<rect x="{num(round(left, 1))}" y="{header_height}" width="{num(round(right - left, 1))}" '
            f'height="{height - header_height}" fill="{colour}" fill-opacity=".07"/>'
        )
        out.append(text_block(" ".join(lines), (left + right) / 2, 4, right - left - 8, header_height - 8))
    out.append('<g stroke="currentColor" stroke-width="1">')
    out.append(f'<path d="M{pad} {axis}H{width - pad}"/>')
    for week in range(0, end + 1, 5):
        out.append(f'<path d="M{num(round(x(week), 1))} {axis - 4}V{height - 4}" stroke-opacity=".2"/>')
    out.append("</g>")
    out.append('<g font-size="11" text-anchor="middle">')
    for week in range(0, end + 1, 5):
        anchor = ' text-anchor="start"' if week == 0 else ' text-anchor="end"' if week == end else ""
        out.append(f'<text x="{num(round(x(week), 1))}" y="{axis - 7}"{anchor}>{week}</text>')
    out.append("</g>")
    out.append(f'<g font-size="{size}">')
    for week, right, lines, top, row_height in rows:
        cx = round(x(week), 1)
        middle = top + row_height / 2
        out.append(f'<circle cx="{num(cx)}" cy="{num(middle)}" r="5"/>')
        tx = num(round(cx + 10 if right else cx - 10, 1))
        anchor = "start" if right else "end"
        first = middle - (len(lines) - 1) * 8 + size * 0.35
        out.append(f'<text text-anchor="{anchor}">')
        for i, line in enumerate(lines):
            out.append(f'<tspan x="{tx}" y="{num(round(first + i * 16, 1))}">{esc(line)}</tspan>')
        out.append("</text>")
    out.append("</g></svg>")
    return "".join(out)


# -- Case-study map --------------------------------------------------------------------------------------------

POINT = 7  # radius of a case's point, in map units
# A point is a touch target of at least 24 CSS px (WCAG 2.5.8) even where the map is narrowest: about 288 px wide
# on a 320 px phone (280 here, to keep a margin). Its invisible target circle has that diameter, and points closer
# than that are moved apart, with a line to their real place (the coordinates are approximate anyway), so no two
# targets overlap.
TARGET_PX, NARROWEST_PX = 24, 280


@cache
def map_data():
    return json.loads(MAP_DATA.read_text(encoding="utf-8"))


def spread(points, distance, rounds=200):
    """Move points apart until no two are closer than ``distance`` (deterministic, small moves)."""
    moved = [list(p) for p in points]
    for _round in range(rounds):
        calm = True
        for i in range(len(moved)):
            for j in range(i + 1, len(moved)):
                dx, dy = moved[j][0] - moved[i][0], moved[j][1] - moved[i][1]
                gap = math.hypot(dx, dy)
                if gap >= distance:
                    continue
                calm = False
                if gap < 1e-6:
                    dx, dy, gap = 1.0, 0.0, 1.0
                push = (distance - gap) / 2 + 0.01
                moved[i][0] -= dx / gap * push
                moved[i][1] -= dy / gap * push
                moved[j][0] += dx / gap * push
                moved[j][1] += dy / gap * push
        if calm:
            break
    return [tuple(p) for p in moved]


def case_map_svg(places, countries, frame):
    """``places``: ``[(name, href, lat, lon)]``; ``countries``: ISO codes to shade."""
    data = map_data()
    proj = data["projection"]
    width, height = proj["width"], proj["height"]
    exact = [project(lon, lat, proj, width) for _name, _href, lat, lon in places]
    target = TARGET_PX * width / NARROWEST_PX  # in map units
    shown = spread(exact, target)
    out = [svg_open(width, height, frame, role="group", classes="case-map")]
    out.append(
        f'<rect x=".5" y=".5" width="{width - 1}" height="{height - 1}" fill="none" stroke="currentColor" '
        f'stroke-opacity=".5"/>'
    )
    out.append(
        '<g aria-hidden="true" fill-opacity=".08" stroke="currentColor" stroke-opacity=".55" stroke-width=".7" '
        'stroke-linejoin="round">'
    )
    for country in data["countries"]:
        shade = ' fill-opacity=".2"' if country.get("a2") in countries else ""
        out.append(f'<path d="{country["d"]}"{shade}/>')
    out.append("</g>")
    out.append('<g stroke="currentColor" stroke-width="1.2">')
    for (tx, ty), (sx, sy) in zip(exact, shown, strict=True):
        if math.hypot(sx - tx, sy - ty) > 3:  # moved apart: a line from the real place, marked by a small dot
            tx, ty, sx, sy = (num(round(v, 1)) for v in (tx, ty, sx, sy))
            out.append(f'<path d="M{tx} {ty}L{sx} {sy}"/><circle cx="{tx}" cy="{ty}" r="2" stroke="none"/>')
    out.append("</g>")
    for (name, href, _lat, _lon), (sx, sy) in zip(places, shown, strict=True):
        cx, cy = num(round(sx, 1)), num(round(sy, 1))
        out.append(
            f'<a href="{esc(href)}" aria-label="{esc(name)}"><title>{esc(name)}</title>'
            f'<circle cx="{cx}" cy="{cy}" r="{num(round(target / 2, 1))}" fill-opacity="0"/>'
            f'<circle cx="{cx}" cy="{cy}" r="{POINT}"/></a>'
        )
    out.append("</svg>")
    return "".join(out)


# -- Directives and the node ------------------------------------------------------------------------------------


class book_figure(nodes.General, nodes.Element):
    """``<figure>``: the picture, then its caption. (Not a docutils figure: Sphinx would number it and give it
    a permalink whose tooltip is not in the book's catalogues.)"""


class book_figcaption(nodes.General, nodes.Element):
    """``<figcaption>``: the caption paragraph, and for a floor plan the list of zones (the text equivalent)."""


class book_svg(nodes.General, nodes.Element):
    """A picture, drawn at ``doctree-resolved`` into ``node["svg"]``; ``kind`` says which."""


class FigureDirective(SphinxDirective):
    """A figure whose body starts with its caption paragraph."""

    has_content = True
    kind = ""

    def parse_body(self):
        box = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, box)
        if not box.children or not isinstance(box[0], nodes.paragraph):
            raise self.error(f"{self.name}: start the body with a caption paragraph")
        return box.children

    def figure(self, svg, *caption):
        figure = book_figure("", svg, book_figcaption("", *caption), kind=self.kind)
        figure.source, figure.line = svg.source, svg.line = self.get_source_info()
        store(self.env, "book_figures").setdefault(self.env.docname, set()).add(self.kind)
        return figure


class FloorPlan(FigureDirective):
    """``{floor-plan} <layout>``: caption paragraph, then one bullet item per zone (order of LAYOUTS)."""

    required_arguments = 1
    kind = "floor-plan"

    def run(self):
        layout = self.arguments[0]
        if layout not in LAYOUTS:
            raise self.error(f"floor-plan: unknown layout {layout!r}; expected one of {', '.join(LAYOUTS)}")
        body = self.parse_body()
        zones = [zone.kind for zone in LAYOUTS[layout].zones]
        items = body[1] if len(body) == 2 and isinstance(body[1], nodes.bullet_list) else None
        if items is None or len(items.children) != len(zones):
            raise self.error(
                f"floor-plan {layout}: after the caption, write a bullet list of {len(zones)} labels, "
                f"one per zone in this order: {', '.join(zones)}"
            )
        items["classes"].append("floor-plan-zones")
        return [self.figure(book_svg(kind=self.kind, layout=layout), body[0], items)]


class PilotTimeline(FigureDirective):
    """``{pilot-timeline}``: the caption; the steps come from sections ``<steps>*`` of the same page."""

    option_spec = {"steps": str}
    kind = "timeline"

    def run(self):
        body = self.parse_body()
        if len(body) != 1:
            raise self.error("pilot-timeline: the body is one caption paragraph")
        prefix = self.options.get("steps", "ch-roadmap-step-")
        return [self.figure(book_svg(kind=self.kind, steps=prefix), body[0])]


class CaseMap(FigureDirective):
    """``{case-map}``: the caption; one point per case study."""

    kind = "case-map"

    def run(self):
        body = self.parse_body()
        if len(body) != 1:
            raise self.error("case-map: the body is one caption paragraph")
        return [self.figure(book_svg(kind=self.kind), body[0])]


# -- Drawing at doctree-resolved -------------------------------------------------------------------------------


def _case_places(app, fromdoc):
    cases = getattr(app.env, "book_cases", {})
    order = sorted(cases, key=lambda d: (cases[d]["country"], app.env.titles[d].astext()))
    places, unplaced = [], []
    for docname in order:
        href = app.builder.get_relative_uri(fromdoc, docname)
        if cases[docname]["coordinates"] is None:  # no source documents the place: listed under the map
            unplaced.append((chapters.text(app.env.titles[docname]), href))
            continue
        lat, lon = cases[docname]["coordinates"]
        places.append((chapters.text(app.env.titles[docname]), href, lat, lon))
    return places, {cases[d]["country"] for d in order}, unplaced


def unplaced_list(unplaced):
    """The cases that have no point on the map, as a line of links under it."""
    if not unplaced:
        return ""
    links = ", ".join(f'<a class="reference internal" href="{esc(href)}">{esc(name)}</a>' for name, href in unplaced)
    return f'<p class="case-map-unplaced">{esc(_("Not on the map, as no source documents the place:"))} {links}</p>'


def draw(app, doctree, docname):
    if app.builder.format != "html":
        return
    for number, node in enumerate(doctree.findall(book_svg), 1):
        figure = node.parent
        caption = next(figure.findall(nodes.paragraph), None)
        title = chapters.text(caption) if caption is not None else ""
        frame = Frame(title, f"book-svg-{node['kind']}-{number}", for_builder(app.builder.name))
        try:
            if node["kind"] == "floor-plan":
                items = next(figure.findall(nodes.bullet_list))
                node["svg"] = floor_plan_svg(node["layout"], [chapters.text(i) for i in items.children], frame)
            elif node["kind"] == "timeline":
                node["svg"] = timeline_svg(chapters.roadmap(doctree, node["steps"]), frame)
            elif node["kind"] == "case-map":
                places, countries, unplaced = _case_places(app, docname)
                node["svg"] = case_map_svg(places, countries, frame) + unplaced_list(unplaced)
        except chapters.ChapterError as error:
            logger.warning("%s: %s", node["kind"], error, location=error.node or node)
            continue
        except (ValueError, KeyError) as error:
            logger.warning("%s: %s", node["kind"], error, location=node)
            continue
        has_svg(app, docname)


def visit_book_svg(self, node):
    self.body.append(node.get("svg", ""))
    raise nodes.SkipNode


def visit_figure(self, node):
    self.body.append(self.starttag(node, "figure", CLASS=f"book-figure book-figure-{node['kind']}"))


def depart_figure(self, node):
    self.body.append("</figure>\n")


def visit_figcaption(self, node):
    self.body.append("<figcaption>")


def depart_figcaption(self, node):
    self.body.append("</figcaption>\n")


def skip(self, node):
    raise nodes.SkipNode


def pass_through(self, node):
    pass


def maps_to_rewrite(app, env, added, changed, removed):
    """The pages with a case map are written again when a case study changes."""
    cases = {d for d in added | changed | removed if d.startswith(f"{app.config.book_case_folder}/")}
    if not cases:
        return []
    figures = getattr(env, "book_figures", {})
    return sorted(d for d, kinds in figures.items() if "case-map" in kinds and d not in changed)


def setup(app):
    app.setup_extension("cowork_book.sphinxext.casestudies")
    app.setup_extension("cowork_book.sphinxext.epub")  # pages with SVG
    app.add_directive("floor-plan", FloorPlan)
    app.add_directive("pilot-timeline", PilotTimeline)
    app.add_directive("case-map", CaseMap)
    others = ("latex", "text", "man", "texinfo")
    app.add_node(book_svg, html=(visit_book_svg, None), **{name: (skip, None) for name in others})
    app.add_node(book_figure, html=(visit_figure, depart_figure), **{n: (pass_through, pass_through) for n in others})
    app.add_node(
        book_figcaption, html=(visit_figcaption, depart_figcaption), **{n: (pass_through, pass_through) for n in others}
    )
    app.connect("doctree-resolved", draw)
    app.connect("env-get-outdated", maps_to_rewrite)
    track(app, "book_figures")
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
