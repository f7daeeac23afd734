"""Case studies: the validator rejects bad front matter clearly; the explorer lists and filters every case."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_book
from htmlparse import read

from cowork_book.languages import LANGUAGES
from cowork_book.sphinxext.casestudies import validate

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(
    p for p in (ROOT / "case_studies").glob("*.md") if p.name not in ("index.md",) and not p.name.startswith("_")
)
GOOD = (ROOT / "case_studies" / "forwardspace.md").read_text(encoding="utf-8")


def _break(old, new):
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


BAD = [
    ("missing field", _break("  kind: ", "  not_kind: "), "kind: missing"),
    ("unknown country", _break("  country: EE", "  country: XX"), "country: got 'XX'"),
    ("unknown setting", _break("  setting: ", "  setting: village #"), "setting: got 'village'"),
    ("coordinates out of range", _break("  coordinates: [", "  coordinates: [958.0, "), "coordinates:"),
    (
        "sourced case without sources",
        GOOD[: GOOD.index("  sources:")] + "  sources: []\n---\n" + GOOD.split("\n---\n", 1)[1],
        "a sourced case needs at least one source",
    ),
    ("source with a bad url", _break('url: "https://', 'url: "http://'), "url must start with https://"),
    ("population without its year", _break("  population: null", "  population: 1200"), "population_year: required"),
    ("year as text", _break("  year_opened: ", "  year_opened: 'around 2017' #"), "year_opened: got 'around 2017'"),
    ("unknown tag", _break("  tags: [", "  tags: [famous, "), "tags: got"),
    ("unknown field", _break("  place: ", "  colour: blue\n  place: "), "colour: unknown field"),
    ("invalid YAML", _break("  place: ", "  place: [unclosed\n  x: "), "not valid YAML"),
    ("no case block", GOOD.replace("case:", "kase:", 1), "no 'case:' block"),
    ("coordinates as text", _break("  coordinates: [", "  coordinates: 'unknown' #"), "coordinates: got 'unknown'"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[b[0] for b in BAD])
def test_validator_rejects_bad_front_matter(name, text, message):
    problems = validate("case_studies/broken.md", text)
    assert any(message in p for p in problems), problems
    assert all(p.startswith("case_studies/broken.md:") for p in problems)


def test_what_no_source_documents_can_be_said():
    """``setting: unknown`` and ``coordinates: null``: the fact box says "Not documented", the map has no point."""
    text = _break("  setting: ", "  setting: unknown #")
    text = text.replace(re.search(r"  coordinates: .*", text).group(0), "  coordinates: null")
    assert validate("case_studies/unknown.md", text) == []


def test_every_case_in_the_book_is_valid():
    for case in CASES:
        assert validate(case.name, case.read_text(encoding="utf-8")) == []


def test_a_bad_case_stops_the_build_with_file_line_and_field(tmp_path):
    book = tmp_path / "book"
    copy_book(book)
    (book / "case_studies" / "forwardspace.md").write_text(BAD[1][1], encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", str(book), str(tmp_path / "out")],
        cwd=book,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert proc.returncode != 0
    assert "case_studies/forwardspace.md:" in proc.stderr and "country: got 'XX'" in proc.stderr


def test_every_case_has_sources_or_is_illustrative(site):
    for case in CASES:
        page = read(site / "en" / "case_studies" / case.with_suffix(".html").name)
        text = page.text
        assert "Sources" in text, case.name
        assert "Sourced" in text or "Illustrative composite" in text, case.name
        section = [a for a in page.find("section") if a.get("id", "").endswith("-sources")]
        assert section, f"{case.name}: no labelled Sources section"


def test_each_case_page_has_a_fact_box(site):
    for case in CASES:
        html = (site / "en" / "case_studies" / case.with_suffix(".html").name).read_text(encoding="utf-8")
        assert re.search(r'class="[^"]*\bcase-facts\b', html), case.name


def test_explorer_lists_every_case_in_every_language(site):
    for lang in LANGUAGES:
        cards = [
            a for a in read(site / lang / "case_studies" / "index.html").find("li") if "case-card" in a.get("class", "")
        ]
        assert len(cards) == len(CASES), lang


def test_explorer_filters_narrow_the_list_in_chromium(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/en/case_studies/index.html")
    cards = page.locator("li.case-card")
    total = cards.count()
    assert total == len(CASES)
    page.get_by_label("Country").select_option("ee")
    visible = page.locator("li.case-card:visible")
    assert 0 < visible.count() < total
    assert all("Estonia" in t for t in visible.all_inner_texts())
    assert f"of {total} case studies shown" in page.locator(".case-count").inner_text()
    page.get_by_label("Country").select_option("")
    page.get_by_label("Setting").select_option("rural")
    assert 0 < page.locator("li.case-card:visible").count() < total
    page.close()


def test_explorer_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/en/case_studies/index.html")
    assert page.locator("li.case-card:visible").count() == len(CASES)
    assert not page.locator("form.case-filters").is_visible()
    context.close()


def test_explorer_filters_are_translated(browser, server):
    page = browser.new_page()
    page.goto(f"{server}/lv/case_studies/index.html")
    options = page.locator("#case-filter-country option").all_inner_texts()
    assert "Estonia" not in options and len(options) > 2
    page.close()


UNPLACED = "viaindustriae"  # coordinates: null
UNKNOWN_SETTING = {"viaindustriae", "connected-hubs"}  # setting: unknown


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_undocumented_setting_and_place_in_fact_box_cards_and_map(browser, server, site, lang):
    not_documented = {"en": "Not documented", "lv": "Nav dokumentēts"}[lang]
    for case in UNKNOWN_SETTING:
        box = read(site / lang / "case_studies" / f"{case}.html")
        assert not_documented in box.text, case
    page = browser.new_page()
    page.goto(f"{server}/{lang}/case_studies/index.html")
    for case in UNKNOWN_SETTING:  # the card leaves the setting out rather than saying "Not documented" alone
        card = page.locator(f"li.case-card:has(a[href='{case}.html'])")
        assert "case-setting-unknown" in card.get_attribute("class")
        assert not_documented not in card.inner_text()
    options = page.locator("#case-filter-setting option").all_inner_texts()
    assert options[-1] == not_documented, options
    page.get_by_label(page.locator("label[for=case-filter-setting]").inner_text()).select_option("unknown")
    shown = page.locator("ul.case-cards:not(.case-cards-close) > li.case-card:visible .case-card-title a")
    assert sorted(a.get_attribute("href") for a in shown.all()) == sorted(f"{c}.html" for c in UNKNOWN_SETTING)
    pins = page.locator("svg.case-map a")
    assert pins.count() == len(CASES) - 1
    assert not page.locator(f"svg.case-map a[href='{UNPLACED}.html']").count()
    unplaced = page.locator(".case-map-unplaced")
    assert unplaced.locator("a").get_attribute("href") == f"{UNPLACED}.html"
    assert unplaced.is_visible() and {"en": "place", "lv": "vietu"}[lang] in unplaced.inner_text()
    page.close()


def _select(page, key, value):
    page.locator(f"#case-filter-{key}").select_option(value)


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_explorer_shows_results_under_the_filters_close_matches_and_the_map_follows(browser, server, lang):
    context = browser.new_context(viewport={"width": 412, "height": 823}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{server}/{lang}/case_studies/index.html")
    _select(page, "country", "lv")
    _select(page, "setting", "rural")
    page.locator("form.case-filters").evaluate("form => form.scrollIntoView({behavior: 'instant'})")
    exact = page.locator("ul.case-cards:not(.case-cards-close) > li.case-card:visible")
    assert exact.count() >= 1
    count = page.locator(".case-count")
    assert count.inner_text().startswith({"en": f"{exact.count()} of {len(CASES)}", "lv": "Parādīti"}[lang])
    last_filter, first_card = page.evaluate(
        "() => [document.querySelector('#case-filter-tag'), document.querySelector("
        "'ul.case-cards > li.case-card:not([hidden])')].map(e => e.getBoundingClientRect().toJSON())"
    )
    assert 0 < first_card["y"] - last_filter["bottom"] < 160, "the first result is right under the filters"
    assert first_card["y"] + 40 < 823, "the first result is in view with the filters"
    # close matches: same country or same setting, under the exact ones
    close = page.locator("section.case-close")
    assert close.is_visible() and close.locator("h2").inner_text()
    near = close.locator("li.case-card")
    assert near.count() >= 2
    for card in near.all():
        classes = card.get_attribute("class").split()
        assert ("case-country-lv" in classes) != ("case-setting-rural" in classes), classes
    assert close.bounding_box()["y"] > exact.last.bounding_box()["y"]
    # the map follows: the other cases' points are dimmed
    shown = {a.get_attribute("href") for a in exact.locator(".case-card-title a").all()}
    for pin in page.locator("svg.case-map a").all():
        opacity = float(pin.evaluate("a => getComputedStyle(a).opacity"))
        assert (opacity == 1) == (pin.get_attribute("href") in shown), (pin.get_attribute("href"), opacity)
    # nothing matches: say which filter to remove, and how many that shows
    _select(page, "country", "")
    _select(page, "tag", "youth-centre")
    assert count.inner_text().startswith({"en": f"0 of {len(CASES)}", "lv": "Parādīti 0"}[lang])
    relax = page.locator(".case-relax")
    assert relax.is_visible() and relax.locator("button").count() == 2
    first = relax.locator("button").first
    label = first.inner_text()
    assert re.search(rf"\b\d+\D+{len(CASES)}\b", label), label
    first.click()
    assert exact.count() > 0 and not relax.is_visible()
    assert int(re.search(r"\d+", label[label.index("”") :]).group()) == exact.count(), "the count it promised"
    # reset: every case again, no point dimmed
    page.locator("button.case-reset").click()
    assert exact.count() == len(CASES) and not close.is_visible()
    assert page.locator("svg.case-map a.case-pin-dim").count() == 0
    assert all(s == "" for s in page.locator("form.case-filters select").evaluate_all("s => s.map(x => x.value)"))
    context.close()


def test_map_points_are_touch_targets_of_24_px_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 700}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{server}/en/case_studies/index.html")
    targets = page.locator("svg.case-map a").evaluate_all(
        "pins => pins.map(a => { const b = a.querySelector('circle').getBoundingClientRect();"
        " return [b.x + b.width / 2, b.y + b.height / 2, b.width, b.height]; })"
    )
    assert len(targets) == len(CASES) - 1
    assert all(w >= 24 and h >= 24 for _x, _y, w, h in targets), targets
    for i, (x1, y1, _w, _h) in enumerate(targets):
        for x2, y2, _w2, _h2 in targets[i + 1 :]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= 24, "two points closer than 24 px"
    context.close()
