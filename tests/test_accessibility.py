"""Accessible and light: axe-core finds no violation; pages stay within budget.

axe runs on every page in English, and on one page of each kind (every template and every kind of generated
content: figures, tools, explorers, fact boxes, handouts, tables, the glossary, search) in a translation, the
translations by turns: 20 pages, 4 in each. A translation changes a page's words, not its structure or its
styles, so what axe could find on one language's page and not on another's is what the words carry: the page's
language, ``lang`` on quoted titles and English fallbacks, names of links and buttons, empty headings, duplicate
ids. That is checked on every page of every language by reading the HTML
(``test_what_a_translation_changes_holds_on_every_page``), in seconds rather than the ten minutes axe takes on
480 pages of a 2-core machine. Each kind in every translation (100 pages) took 160 CPU-seconds and found nothing
that the reading of the HTML does not.
"""

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import sphinx_design
from axe import audit_all
from htmlparse import read

from cowork_book.commands.bench import page_weight
from cowork_book.languages import LANGUAGES, SOURCE_LANGUAGE
from cowork_book.sphinxext.weight import DESIGN_CSS, trim_stylesheet

BUDGET = 40 * 1024  # bytes gzip per content page: the page and every style and script it loads, without images
TRANSLATIONS = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]
PAGE_KINDS = [
    "index.html",
    "docs/start-here/index.html",
    "docs/start-here/young-coworker.html",
    "docs/guidelines/index.html",
    "docs/guidelines/the-space.html",  # floor plans
    "docs/guidelines/the-programme.html",  # tables, cards, activity list
    "docs/guidelines/pilot-roadmap.html",  # the timeline
    "docs/tools/index.html",
    "docs/tools/self-assessment.html",
    "docs/tools/pilot-planner.html",
    "case_studies/index.html",  # explorer and map
    "case_studies/sende.html",  # fact box
    "activities/index.html",  # explorer
    "activities/canvas-one-page.html",  # fact box, handout, credits
    "docs/appendices/glossary.html",
    "docs/appendices/worksheets.html",
    "docs/about.html",
    "docs/download.html",
    "docs/translation-status.html",
    "search.html",
]
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def _pages(site, lang):
    return sorted(p.relative_to(site / lang).as_posix() for p in (site / lang).rglob("*.html"))


def test_axe_finds_no_violation_on_any_english_page(browser, server, site):
    problems = audit_all(browser, f"{server}/{SOURCE_LANGUAGE}", _pages(site, SOURCE_LANGUAGE))
    assert not problems, "\n".join(problems[:30])


def kinds_in(lang):
    """The kinds of page that axe reads in the translation ``lang``: every fifth, the translations by turns."""
    return PAGE_KINDS[TRANSLATIONS.index(lang) :: len(TRANSLATIONS)]


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_axe_finds_no_violation_on_each_kind_of_page(browser, server, site, lang):
    assert not [path for path in PAGE_KINDS if not (site / lang / path).exists()]
    problems = audit_all(browser, f"{server}/{lang}", kinds_in(lang))
    assert not problems, "\n".join(problems[:30])


def test_every_kind_of_page_is_read_by_axe_in_a_translation():
    read = [path for lang in TRANSLATIONS for path in kinds_in(lang)]
    assert sorted(read) == sorted(PAGE_KINDS)


class Names(HTMLParser):
    """What words give a page: its languages, the names of its links and buttons, its headings, its ids."""

    NAMED = {"a", "button", "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.langs, self.ids, self.unnamed, self.open = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "lang" in attrs:
            self.langs.append(attrs["lang"] or "")
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        if tag in self.NAMED and (tag != "a" or "href" in attrs) and attrs.get("aria-hidden") != "true":
            self.open.append([tag, attrs.get("aria-label") or attrs.get("title") or ""])
        elif tag == "img" and self.open:
            self.open[-1][1] += attrs.get("alt") or ""
        elif tag in ("svg", "span", "div") and self.open and attrs.get("aria-label"):
            self.open[-1][1] += attrs["aria-label"]

    def handle_endtag(self, tag):
        if self.open and self.open[-1][0] == tag:
            element, name = self.open.pop()
            if not name.strip():
                self.unnamed.append(element)
            elif self.open:
                self.open[-1][1] += name

    def handle_data(self, data):
        if self.open:
            self.open[-1][1] += data


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_what_a_translation_changes_holds_on_every_page(site, lang):
    problems = []
    for path in _pages(site, lang):
        text = (site / lang / path).read_text(encoding="utf-8")
        names = Names()
        names.feed(text)
        if not re.search(rf'<html[^>]*\slang="{lang}"', text):
            problems.append(f"{path}: the page does not say it is in {lang}")
        problems += [
            f"{path}: lang={code!r} is not a language tag" for code in names.langs if not LANGUAGE_TAG.match(code)
        ]
        problems += [f"{path}: a <{tag}> with no name" for tag in names.unnamed]
        problems += [f"{path}: id {i!r} twice" for i in sorted({i for i in names.ids if names.ids.count(i) > 1})]
    assert not problems, "\n".join(problems[:30])


def test_every_content_page_is_within_the_weight_budget(site):
    heavy = []
    for lang in LANGUAGES:
        for page in (site / lang).rglob("*.html"):
            if page.name in ("search.html", "genindex.html"):
                continue
            weight = page_weight(page)
            if weight > BUDGET:
                heavy.append(f"{page.relative_to(site)}: {weight / 1024:.1f} KB")
    assert not heavy, heavy


def test_pages_load_only_what_they_use(site):
    about = (site / "en" / "docs" / "about.html").read_text(encoding="utf-8")
    assert "pygments.css" not in about and "doctools.js" not in about and "searchtools.js" not in about
    search = (site / "en" / "search.html").read_text(encoding="utf-8")
    assert "searchtools.js" in search and "documentation_options.js" in search


def test_no_script_holds_up_the_first_paint(html_pages):
    """Every script file loads with ``defer`` (cowork_book.sphinxext.weight): none stops the page being read."""
    blocking = [
        f"{page}: {tag}"
        for pages in html_pages.values()
        for page in pages
        for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page.read_text(encoding="utf-8"))
        if not re.search(r"\b(?:defer|async)\b", tag)
    ]
    assert not blocking, blocking[:10]


def test_skip_link_landmarks_and_one_h1_per_page(site):
    for lang in LANGUAGES:
        for path in (
            "index.html",
            "docs/guidelines/the-space.html",
            "case_studies/sende.html",
            "activities/index.html",
            "activities/first-coffee.html",
            "docs/start-here/index.html",
        ):
            doc = read(site / lang / path)
            assert doc.find("a", href="#furo-main-content"), path
            assert len(doc.find("h1")) == 1, path
            assert doc.find("article", role="main"), path


def test_social_card_in_the_pages_language(site):
    doc = read(site / "lv" / "docs" / "about.html")
    cards = {a["property"]: a["content"] for a in doc.find("meta") if a.get("property", "").startswith("og:")}
    assert cards["og:locale"] == "lv_LV"
    assert cards["og:title"] and cards["og:description"] and "the" not in cards["og:description"].split()


def test_design_stylesheet_keeps_only_the_rules_the_book_uses():
    css = ".sd-card{color:var(--sd-a)}.sd-unused,.sd-card>p{margin:0}@media (min-width:5px){.sd-gone{x:1}}"
    css += ":root{--sd-a:red;--sd-b:blue}@keyframes sd-spin{0%{opacity:0}}.sd-anim{animation:sd-spin 1s}"
    assert trim_stylesheet(css, {"sd-card"}) == ".sd-card{color:var(--sd-a)}.sd-card>p{margin:0}:root{--sd-a:red}"


def test_trimmed_design_stylesheet_looks_the_same(browser, server, site):
    """Pages with cards, tabs and dropdowns render pixel for pixel as with sphinx-design's whole stylesheet."""
    trimmed = site / "en" / DESIGN_CSS
    assert len(gzip.compress(trimmed.read_bytes())) < 2500, "sphinx-design's styles were not trimmed"
    whole = (Path(sphinx_design.__file__).parent / "static" / "sphinx-design.min.css").read_text(encoding="utf-8")
    assert len(whole) > 5 * trimmed.stat().st_size
    page = browser.new_page(viewport={"width": 412, "height": 900})
    pattern = "**/sphinx-design.min.css*"
    for path in ("index.html", "docs/guidelines/the-people.html", "docs/guidelines/the-programme.html"):
        shots = []
        for use_whole in (False, True):
            page.unroute(pattern)
            if use_whole:
                page.route(pattern, lambda route: route.fulfill(body=whole, content_type="text/css"))
            page.goto(f"{server}/en/{path}")
            page.evaluate("document.querySelectorAll('details').forEach(details => { details.open = true; })")
            page.evaluate("document.querySelectorAll('img').forEach(img => { img.loading = 'eager'; })")
            page.wait_for_function("[...document.images].every(img => img.complete)")
            shots.append(page.screenshot(full_page=True, animations="disabled"))
        assert shots[0] == shots[1], f"en/{path} looks different with the trimmed stylesheet"
    page.close()


def test_images_are_sized_described_and_lazy(html_pages):
    """Every image has its size (no layout shift), a text alternative, and waits until it is scrolled to."""
    for pages in html_pages.values():
        for page in pages:
            for img in read(page).find("img"):
                assert img.get("width") and img.get("height") and img.get("alt"), (page, img)
                assert img.get("loading") == "lazy", (page, img)
