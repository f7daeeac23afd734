"""Pictures (cowork_book/sphinxext/figures.py): named in each language, no English in translated pictures, one
linked point per case on the map, light pages, vector in the PDF, valid in the EPUB."""

import gzip
import html
import json
import re
import unicodedata
import zipfile
from pathlib import Path

import pikepdf
import pytest
from conftest import STEM
from pdftext import page_texts
from test_accessibility import BUDGET, page_weight

from cowork_book.languages import LANGUAGES
from cowork_book.sphinxext.data.derive_map import project
from cowork_book.sphinxext.figures import LAYOUTS, MAP_DATA

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = [lang for lang in LANGUAGES if lang != "en"]
CASES = sorted(
    p.stem for p in (ROOT / "case_studies").glob("*.md") if p.name != "index.md" and not p.name.startswith("_")
)
PLACED = [  # the cases with a documented place (coordinates: null has no point; the map lists it under it)
    c for c in CASES if "coordinates: null" not in (ROOT / "case_studies" / f"{c}.md").read_text(encoding="utf-8")
]
PICTURES = {  # page -> kinds of picture on it
    "docs/guidelines/the-space.html": ["floor-plan"] * len(LAYOUTS),
    "docs/guidelines/pilot-roadmap.html": ["pilot-timeline"],
    "case_studies/index.html": ["case-map"],
}
SVG = re.compile(r'<svg\b[^>]*class="book-svg (?P<kind>[\w-]+)"[^>]*>.*?</svg>', re.S)
IMG = re.compile(r"<img\b[^>]*>")
TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)
TAG = re.compile(r"<[^>]+>")
LINK = re.compile(r'<a href="(?P<href>[^"]+)" aria-label="(?P<name>[^"]*)">')
CARD_TITLE = re.compile(r'<p class="case-card-title"><strong><a class="reference internal" href="([^"]+)">(.*?)</a>')
SIZE = {"floor-plan": 4_000, "pilot-timeline": 6_000, "case-map": 16_000}  # bytes, uncompressed, per picture


def _attr(tag, name):
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return html.unescape(found.group(1)) if found else None


def _pictures(site, lang, page):
    return [(m["kind"], m.group(0)) for m in SVG.finditer((site / lang / page).read_text(encoding="utf-8"))]


def _name(svg):
    """The accessible name of an ``<svg>``: ``aria-label``, else the text of the element ``aria-labelledby``."""
    start = svg[: svg.index(">") + 1]
    if _attr(start, "aria-label"):
        return _attr(start, "aria-label").strip()
    ident = _attr(start, "aria-labelledby")
    found = re.search(rf'<title id="{re.escape(ident or "")}">(.*?)</title>', svg, re.S) if ident else None
    return " ".join(html.unescape(found.group(1)).split()) if found else ""


def _labels(svg):
    """The words drawn in a picture, one string per ``<text>`` (its lines joined), without numbers alone."""
    labels = [" ".join(html.unescape(TAG.sub(" ", t)).split()) for t in TEXT.findall(svg)]
    return {label for label in labels if not re.fullmatch(r"[\d\s.,]+", label)}


def _words(svg):
    """The labels and the title of a picture. (The map's points are named by the case titles, which a language
    may keep as they are, "Forwardspace, Pärnu (Estonia)" in Spanish: they are compared with the translated
    case pages in the map's own test.)"""
    return _labels(svg) | {_name(svg)}


def test_every_page_has_its_pictures(site):
    for lang in LANGUAGES:
        for page, kinds in PICTURES.items():
            assert [kind for kind, _svg in _pictures(site, lang, page)] == kinds, (lang, page)


def test_every_image_and_picture_has_a_name_in_its_language(site):
    """Every ``<img>`` has alt text and every ``role="img"`` SVG a name; on a translated page, not the English."""
    problems = []
    for page in sorted(p.relative_to(site / "en") for p in (site / "en").rglob("*.html")):
        english = (site / "en" / page).read_text(encoding="utf-8")
        english_names = {_attr(tag, "alt") for tag in IMG.findall(english)}
        english_names |= {_name(m.group(0)) for m in SVG.finditer(english)}
        for lang in LANGUAGES:
            text = (site / lang / page).read_text(encoding="utf-8")
            names = [(tag[:60], _attr(tag, "alt")) for tag in IMG.findall(text)]
            svgs = [m.group(0) for m in re.finditer(r"<svg\b.*?</svg>", text, re.S) if 'role="img"' in m.group(0)[:400]]
            names += [(svg[:60], _name(svg)) for svg in svgs]
            for where, name in names:
                if not name or not name.strip():
                    problems.append(f"{lang}/{page}: no name for {where}")
                elif lang != "en" and name in english_names:
                    problems.append(f"{lang}/{page}: English name {name!r}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_no_english_label_in_the_pictures_of_a_translated_page(site, lang):
    english_words = set()
    for page in PICTURES:
        for _kind, svg in _pictures(site, "en", page):
            english_words |= _words(svg)
    assert len(english_words) >= 30, english_words  # the English pictures do carry their words
    for page in PICTURES:
        for kind, svg in _pictures(site, lang, page):
            labels = _words(svg)
            assert labels, (lang, page, kind)
            assert not labels & english_words, (lang, page, kind, sorted(labels & english_words))


def test_zone_labels_are_the_list_under_the_plan(site):
    """A floor plan draws exactly the zones its visible list names (the list is its text equivalent)."""
    for lang in LANGUAGES:
        text = (site / lang / "docs/guidelines/the-space.html").read_text(encoding="utf-8")
        figures = re.findall(r'<figure class="book-figure book-figure-floor-plan">(.*?)</figure>', text, re.S)
        assert len(figures) == len(LAYOUTS), lang
        for figure in figures:
            listed = re.search(r'<ul class="floor-plan-zones[^"]*">(.*?)</ul>', figure, re.S)
            assert listed, lang
            items = {
                " ".join(html.unescape(TAG.sub(" ", li)).split())
                for li in re.findall(r"<li>(.*?)</li>", listed[1], re.S)
            }
            assert _labels(figure) == items, (lang, _labels(figure) ^ items)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_has_one_linked_point_per_case_named_by_its_title(site, lang):
    index = site / lang / "case_studies" / "index.html"
    text = index.read_text(encoding="utf-8")
    [(_kind, svg)] = _pictures(site, lang, "case_studies/index.html")
    assert 'role="group"' in svg and _name(svg)
    links = [(m["href"], html.unescape(m["name"])) for m in LINK.finditer(svg)]
    points = re.findall(r"<a href=[^>]*><title>[^<]*</title><circle\b[^>]*/><circle\b[^>]*/></a>", svg)
    assert len(links) == len(PLACED) == len(points)
    assert sorted(Path(href).stem for href, _name in links) == PLACED
    cards = {href: html.unescape(TAG.sub("", title)) for href, title in CARD_TITLE.findall(text)}
    for href, name in links:
        assert (index.parent / href).is_file(), href
        assert name and name == cards[href], (href, name)  # the case title, as the list below shows it


def test_map_places_every_case_inside_the_map():
    data = json.loads(MAP_DATA.read_text(encoding="utf-8"))
    proj = data["projection"]
    assert data["source"]["package"] == "world-atlas" and data["source"]["licence"] == "ISC"
    assert len(MAP_DATA.read_bytes()) < 12_000
    for case in CASES:
        source = (ROOT / "case_studies" / f"{case}.md").read_text(encoding="utf-8")
        if case not in PLACED:
            continue
        lat, lon = map(float, re.search(r"coordinates: \[([-\d.]+), ([-\d.]+)\]", source).groups())
        x, y = project(lon, lat, proj, proj["width"])
        assert 0 < x < proj["width"] and 0 < y < proj["height"], case


def test_pictures_are_light_and_pages_stay_in_budget(site):
    for lang in LANGUAGES:
        for page in PICTURES:
            for kind, svg in _pictures(site, lang, page):
                assert len(svg.encode()) < SIZE[kind], (lang, page, kind, len(svg.encode()))
                assert re.search(r'viewBox="0 0 \d+ \d+"', svg) and 'width="' in svg and 'height="' in svg
            weight = page_weight(site / lang / page)
            assert weight <= BUDGET, (lang, page, weight)
    gz = len(gzip.compress(b"".join(svg.encode() for p in PICTURES for _k, svg in _pictures(site, "ru", p)), 9))
    assert gz < 12 * 1024, gz


def _squash(text):
    """Text without spaces, hyphens (the PDF hyphenates) or ligatures, in lower case."""
    return re.sub(r"[\s\-\u00ad]+", "", unicodedata.normalize("NFKC", text)).lower()


def _painting(resources, stream, found=None, depth=0):
    """What a content stream paints, following forms: ``{operator or XObject subtype: count}``."""
    found = {} if found is None else found
    xobjects = resources.get("/XObject") if resources is not None else None
    for operands, operator in pikepdf.parse_content_stream(stream):
        name = str(operator)
        found[name] = found.get(name, 0) + 1
        if name == "Do" and xobjects is not None:
            xobject = xobjects[str(operands[0])]
            subtype = str(xobject.get("/Subtype"))
            found[subtype] = found.get(subtype, 0) + 1
            if subtype == "/Form" and depth < 8:
                _painting(xobject.get("/Resources") or resources, xobject, found, depth + 1)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pdf_has_the_pictures_as_vector(site, lang):
    """Each picture's page (found by its caption) paints vector paths and no raster image."""
    path = site / lang / "downloads" / f"{STEM}-{lang}.pdf"
    texts = [_squash(text) for text in page_texts(path)]
    captions = []
    for page in PICTURES:
        text = (site / lang / page).read_text(encoding="utf-8")
        for figure in re.findall(r'<figure class="book-figure[^"]*">.*?<figcaption><p>(.*?)</p>', text, re.S):
            captions.append(_squash(html.unescape(TAG.sub("", figure)))[:32])
    assert len(captions) == sum(len(kinds) for kinds in PICTURES.values())
    with pikepdf.open(path) as pdf:
        for caption in captions:
            pages = [i for i, text in enumerate(texts) if caption in text]
            assert pages, f"caption not found in the PDF: {caption!r}"
            painted = _painting(pdf.pages[pages[0]].Resources, pdf.pages[pages[0]])
            paths = sum(painted.get(op, 0) for op in ("m", "l", "c", "re"))
            assert paths >= 20 and "/Image" not in painted, (caption, painted)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_epub_pages_carry_the_pictures_inline(site, lang):
    with zipfile.ZipFile(site / lang / "downloads" / f"{STEM}-{lang}.epub") as epub:
        opf = epub.read("content.opf").decode()
        for page, kinds in PICTURES.items():
            name = page.replace(".html", ".xhtml")
            text = epub.read(name).decode()
            assert text.count('<svg xmlns="http://www.w3.org/2000/svg" class="book-svg') == len(kinds), name
            assert re.search(rf'<item [^>]*properties="svg"[^>]*href="{re.escape(name)}"', opf), name
