"""Activities: the validator rejects bad front matter clearly; each activity has its fact box with a link to the
chapter it serves; the explorer lists every activity in the order of the pilot's stages and filters them in
Chromium (with and without JavaScript, in English and Latvian); the new pages are accessible and light."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import copy_book
from htmlparse import read

from cowork_book.commands.bench import page_weight
from cowork_book.sphinxext.activities import STAGES, validate

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p for p in (ROOT / "activities").glob("*.md") if p.name != "index.md" and not p.name.startswith("_"))
GOOD_PATH = ROOT / "activities" / "first-coffee.md"
GOOD = GOOD_PATH.read_text(encoding="utf-8")
BUDGET = 40 * 1024  # as tests/test_accessibility.py
NEW_PAGES = ["activities/index.html", "activities/first-coffee.html", "docs/start-here/index.html"]


def facts(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(re.match(r"^---\n(.*?)\n---\n", text, re.S).group(1))["activity"]


ACTIVITIES = {p.stem: facts(p) for p in PAGES}


def _break(old, new):
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


def _line(text, start):
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


BAD = [
    ("missing field", _break("  stage: opening\n", ""), "stage: missing; expected one of opening, rules"),
    ("unknown stage", _break("  stage: opening", "  stage: launch"), "stage: got 'launch'; expected one of"),
    ("age the wrong way round", _break("  age: [13, 30]", "  age: [30, 13]"), "age: got [30, 13]; the first number"),
    ("duration as text", _break("  duration: 90", "  duration: 90 minutes"), "duration: got '90 minutes'; expected"),
    ("unknown setting", _break("  setting: [space]", "  setting: [garden]"), "setting: got ['garden']; expected"),
    ("offline as text", _break("  offline: true", "  offline: 'yes'"), "offline: got 'yes'; expected true or false"),
    ("level out of range", _break("  level: 1", "  level: 4"), "level: got 4; expected 1, 2 or 3"),
    ("unknown area", _break("lifecomp: [social]", "lifecomp: [courage]"), "lifecomp: expected a list of: personal"),
    ("unknown framework", _break("    digcomp: []", "    greencomp: []"), "unknown framework 'greencomp'"),
    (
        "no competence",
        re.sub(r"\[(resources|social|personal-social-learning)\]", "[]", GOOD),
        "competences: got {'entrecomp': [], 'lifecomp': [], 'digcomp': [], 'key': []}; name at least one area",
    ),
    ("chapter not a chapter", _break("  chapter: ch-people", "  chapter: people"), "chapter: got 'people'; expected"),
    ("follow-up not an activity", _break("[act-rules-together,", "[rules-together,"), "follow_up: got ['rules-tog"),
    ("unknown theme", _break("  readiness: [people,", "  readiness: [staff,"), "readiness: got ['staff', 'inter"),
    ("unknown field", _break("  level: 1", "  level: 1\n  colour: blue"), "colour: unknown field"),
    ("invalid YAML", _break("  age: [13, 30]", "  age: [13, 30"), "not valid YAML"),
    ("no activity block", GOOD.replace("activity:", "facts:", 1), "no 'activity:' block"),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[b[0] for b in BAD])
def test_validator_rejects_bad_front_matter_with_file_line_and_field(name, text, message):
    problems = validate("activities/broken.md", text)
    assert len(problems) == 1, problems  # one clear message per bad field
    assert message in problems[0], problems
    field = re.match(r"activities/broken\.md:(\d+): (\w+):", problems[0])
    if field and field.group(1) != "1":  # the line is the field's own line
        assert text.splitlines()[int(field.group(1)) - 1].strip().startswith(field.group(2)), problems


def test_one_message_per_bad_field():
    text = _break("  duration: 90", "  duration: long").replace("  level: 1", "  level: easy")
    problems = validate("activities/broken.md", text)
    assert [p.split(": ")[1] for p in problems] == ["duration", "level"], problems
    assert problems[0].startswith(f"activities/broken.md:{_line(text, '  duration:')}: duration:")


def test_every_activity_in_the_book_is_valid():
    assert len(PAGES) >= 24
    for page in PAGES:
        assert validate(page.name, page.read_text(encoding="utf-8")) == [], page.name


def test_a_label_that_does_not_exist_stops_the_build(tmp_path):
    book = tmp_path / "book"
    copy_book(book)
    page = book / "activities" / "first-coffee.md"
    page.write_text(GOOD.replace("  chapter: ch-people", "  chapter: ch-nowhere"), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", str(book), str(tmp_path / "out")],
        cwd=book,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert proc.returncode != 0
    line = _line(GOOD, "  chapter:")
    assert f"activities/first-coffee.md:{line}: chapter: no label ch-nowhere in the book" in proc.stderr, proc.stderr


# -- The built pages ---------------------------------------------------------------------------------------------


def _chapter_page(site, lang, label):
    """The page (relative to the language root) that holds the label ``label``."""
    for page in (site / lang / "docs").rglob("*.html"):
        if f'id="{label}"' in page.read_text(encoding="utf-8"):
            return page.relative_to(site / lang).as_posix()
    raise AssertionError(f"no page has the label {label}")


@pytest.mark.parametrize(("lang", "serves"), [("en", "Serves"), ("lv", "Saistītā nodaļa")])
def test_each_activity_links_to_the_chapter_it_serves(site, lang, serves):
    for slug, activity in ACTIVITIES.items():
        doc = read(site / lang / "activities" / f"{slug}.html")
        box = next(d for d in doc.find("div") if "activity-fact-box" in d.get("class", ""))
        html = (site / lang / "activities" / f"{slug}.html").read_text(encoding="utf-8")
        row = re.search(rf"<dt>{serves}</dt><dd><p><a [^>]*href=\"([^\"]+)\"[^>]*><span[^>]*>([^<]+)</span>", html)
        assert box and row, f"{lang}/{slug}: no '{serves}' row with a link"
        href, title = row.groups()
        target = _chapter_page(site, lang, activity["chapter"])
        assert href == f"../{target}#{activity['chapter']}", (slug, href)
        heading = re.search(r"<h1>(.*?)<a class=\"headerlink", (site / lang / target).read_text(encoding="utf-8"))
        assert title.strip() == heading.group(1).strip(), (slug, title)


def test_the_fact_box_says_what_the_front_matter_says(site):
    html = (site / "en" / "activities" / "project-sprint.html").read_text(encoding="utf-8")
    box = re.search(r'<dl class="[^"]*activity-facts[^"]*">(.*?)</dl>', html, re.S).group(1)
    rows = dict(re.findall(r"<dt>(.*?)</dt><dd><p>(.*?)</p>", box))
    sprint = ACTIVITIES["project-sprint"]
    assert rows["Duration"] == f"{sprint['duration']} min"
    assert rows["Group size"] == "{}–{}".format(*sprint["group"]) and rows["Age"] == "{}–{}".format(*sprint["age"])
    assert rows["EntreComp"] == "Into action, Ideas and opportunities" and rows["Stage"] == "Ideas and projects"
    assert rows["Works without internet"] == "Yes" and rows["Where"] == "In the space"
    lv = (site / "lv" / "activities" / "project-sprint.html").read_text(encoding="utf-8")
    assert "<dt>Ilgums</dt>" in lv and "<dt>Pamatkompetences</dt>" in lv and "Idejas un projekti" in lv


def _cards(site, lang):
    doc = read(site / lang / "activities" / "index.html")
    return [li for li in doc.find("li") if "activity-card" in li.get("class", "").split()]


def test_explorer_lists_every_activity_in_the_order_of_the_pilot(site):
    toctree = re.search(r"```\{toctree\}\n:hidden:\n\n(.*?)```", (ROOT / "activities" / "index.md").read_text(), re.S)
    listed = toctree.group(1).split()
    assert sorted(listed) == sorted(ACTIVITIES), "the contents list every activity"
    stages = list(STAGES)
    assert listed == sorted(listed, key=lambda s: stages.index(ACTIVITIES[s]["stage"])), "by stage"
    for lang in ("en", "lv"):
        html = (site / lang / "activities" / "index.html").read_text(encoding="utf-8")
        shown = re.findall(r'<p class="activity-card-title"><strong><a [^>]*href="([\w-]+)\.html"', html)
        assert shown == listed, lang
        assert len(_cards(site, lang)) == len(ACTIVITIES)
    en = read(site / "en" / "activities" / "index.html").text
    assert "Everyone leaves with one new name" in en, "the card shows the summary"


def _expected(test):
    return sorted(slug for slug, activity in ACTIVITIES.items() if test(activity))


FILTERS = [  # (filter, value, which activities it must show), from the front matter
    ("duration", "short", _expected(lambda a: a["duration"] < 60)),
    ("duration", "long", _expected(lambda a: a["duration"] > 90)),
    ("group", "3", _expected(lambda a: a["group"][0] <= 3)),
    ("group", "16", _expected(lambda a: a["group"][1] >= 16)),
    ("age", "13-15", _expected(lambda a: a["age"][0] <= 15)),  # every activity so far suits 13-15
    ("age", "19-30", _expected(lambda a: a["age"][1] >= 19)),
    ("competence", "digcomp-safety", _expected(lambda a: "safety" in (a["competences"].get("digcomp") or []))),
    ("level", "1", _expected(lambda a: a["level"] == 1)),
    ("setting", "outdoors", _expected(lambda a: "outdoors" in a["setting"])),
    ("offline", "yes", _expected(lambda a: a["offline"])),
    ("stage", "reflection", _expected(lambda a: a["stage"] == "reflection")),
]


def _visible(page):
    cards = page.locator(
        "ul.activity-cards:not(.activity-cards-close) > li.activity-card:visible .activity-card-title a"
    )
    return sorted(a.get_attribute("href").removesuffix(".html") for a in cards.all())


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_explorer_filters_in_chromium(browser, server, lang):
    page = browser.new_page()
    page.goto(f"{server}/{lang}/activities/index.html")
    total = len(ACTIVITIES)
    assert page.locator("form.activity-filters").is_visible()
    assert sum(len(expected) < total for _key, _value, expected in FILTERS) >= 8, "the filters narrow the list"
    for key, value, expected in FILTERS:
        assert 0 < len(expected) <= total, (key, value)
        page.locator(f"#activity-filter-{key}").select_option(value)
        assert _visible(page) == expected, (key, value)
        count = page.locator(".activity-count").inner_text()
        assert str(len(expected)) in count and str(total) in count, count
        page.locator(f"#activity-filter-{key}").select_option("")
    if lang == "en":
        page.get_by_label("Duration").select_option("short")
        assert page.locator(".activity-count").inner_text() == f"{len(FILTERS[0][2])} of {total} activities shown"
        page.get_by_label("Duration").select_option("")
    else:
        assert page.locator("label[for=activity-filter-duration]").inner_text() == "Ilgums"
        assert "Mazāk par stundu" in page.locator("#activity-filter-duration option").all_inner_texts()
    # nothing matches: which filter to remove, and how many that shows; close matches below
    page.locator("#activity-filter-duration").select_option("short")
    page.locator("#activity-filter-stage").select_option("evaluation")
    assert _visible(page) == []
    relax = page.locator(".activity-relax")
    assert relax.is_visible() and relax.locator("button").count() == 2
    first = relax.locator("button").first
    promised = int(re.findall(r"\d+", first.inner_text())[-2])
    first.click()
    assert len(_visible(page)) == promised > 0 and not relax.is_visible()
    page.locator("button.activity-reset").click()
    assert len(_visible(page)) == total
    page.locator("#activity-filter-duration").select_option("long")
    page.locator("#activity-filter-group").select_option("3")
    close = page.locator("section.activity-close")
    assert close.is_visible() and close.locator("li.activity-card").count() > 0
    page.close()


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_explorer_without_javascript_lists_every_activity(browser, server, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/{lang}/activities/index.html")
    assert len(_visible(page)) == len(ACTIVITIES)
    assert not page.locator("form.activity-filters").is_visible()
    assert not page.locator("section.activity-close").is_visible()
    context.close()


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_new_pages_stay_within_budget(site, lang):
    """axe audits them with every page (test_accessibility); here: the page-weight budget."""
    heavy = [path for path in NEW_PAGES if page_weight(site / lang / path) > BUDGET]
    assert not heavy, f"over the page-weight budget in {lang}: {heavy}"


def test_explorer_script_only_on_explorer_pages(site):
    for path, expected in [("activities/index.html", True), ("case_studies/index.html", True)]:
        assert ("collection-explorer.js" in (site / "en" / path).read_text(encoding="utf-8")) is expected, path
    for path in ("activities/first-coffee.html", "docs/start-here/index.html"):
        assert "collection-explorer.js" not in (site / "en" / path).read_text(encoding="utf-8"), path


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_start_here_pages_are_reachable_from_the_home_page(site, lang):
    home = (site / lang / "index.html").read_text(encoding="utf-8")
    assert 'href="docs/start-here/index.html' in home
    start = (site / lang / "docs" / "start-here" / "index.html").read_text(encoding="utf-8")
    for role in ("youth-worker", "centre-manager", "municipality", "young-coworker"):
        assert (site / lang / "docs" / "start-here" / f"{role}.html").exists(), role
        assert f'href="{role}.html' in start, role
