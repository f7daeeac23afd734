"""Case studies: the validator rejects bad front matter clearly; the explorer lists and filters every case."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_book
from htmlparse import read

from cowork_book.casestudies import validate
from cowork_book.languages import LANGUAGES

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
]


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[b[0] for b in BAD])
def test_validator_rejects_bad_front_matter(name, text, message):
    problems = validate("case_studies/broken.md", text)
    assert any(message in p for p in problems), problems
    assert all(p.startswith("case_studies/broken.md:") for p in problems)


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
