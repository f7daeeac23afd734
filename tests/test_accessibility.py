"""Accessible and light: axe-core finds no violation on any page of any language; pages stay within budget."""

import gzip
from pathlib import Path

import pytest
import sphinx_design
from htmlparse import read

from cowork_book.commands.bench import page_weight
from cowork_book.languages import LANGUAGES
from cowork_book.sphinxext.weight import DESIGN_CSS, trim_stylesheet

AXE = next(Path(__import__("axe_playwright_python").__file__).parent.glob("axe.min.js"))
RULES = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
BUDGET = 40 * 1024  # bytes gzip per content page: the page and every style and script it loads, without images


def _pages(site, lang):
    return sorted(p.relative_to(site / lang).as_posix() for p in (site / lang).rglob("*.html"))


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_axe_finds_no_violation_on_any_page(browser, server, site, lang):
    page = browser.new_page()
    problems = []
    for path in _pages(site, lang):
        page.goto(f"{server}/{lang}/{path}")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("rules => axe.run(document, {runOnly: rules})", RULES)
        for violation in result["violations"]:
            target = violation["nodes"][0]["target"]
            problems.append(f"{lang}/{path}: {violation['id']} ({violation['impact']}) at {target}")
    page.close()
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
