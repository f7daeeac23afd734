"""Links that make the book one toolkit (issue #15): each chapter, each step of the pilot planner and roadmap and
each weak theme of the self-assessment lead to the activities whose front matter names them, and every activity
leads back to its chapter. In the built HTML (English and Latvian), in real Chromium (with and without
JavaScript), and in the PDF, where each link carries the page it points to."""

import re
import unicodedata
from pathlib import Path

import polib
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import STEM
from pdftext import page_texts
from playwright.sync_api import expect
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
PLANNER = "docs/tools/pilot-planner.html"
SELF_ASSESSMENT = "docs/tools/self-assessment.html"
THEMES = ["space", "people", "partners", "money", "interest", "rules"]
LANGS = ["en", "lv"]


def _front_matter():
    """``{slug: facts}`` of every activity, as its front matter declares them."""
    facts = {}
    for path in sorted((ROOT / "activities").glob("*.md")):
        if path.stem in ("index", "_template"):
            continue
        block = re.match(r"^---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.S).group(1)
        facts[path.stem] = yaml.safe_load(block)["activity"]
    return facts


FACTS = _front_matter()


def _with(field, value):
    """The slugs of the activities whose ``field`` is or lists ``value``."""
    return sorted(s for s, f in FACTS.items() if value == f[field] or value in (f[field] or []))


def _translate(lang, message):
    if lang == "en":
        return message
    entry = polib.pofile(str(ROOT / "locales" / lang / "LC_MESSAGES" / "sphinx.po")).find(message)
    assert entry is not None and entry.msgstr, f"{message!r} is not translated in {lang}"
    return entry.msgstr


def _soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _text(element):
    for link in element.find_all("a", class_="headerlink"):
        link.decompose()
    return " ".join(element.get_text(" ").split())


def _title(site, lang, slug):
    return _text(_soup(site / lang / "activities" / f"{slug}.html").find("h1"))


def _slug(href):
    return href.split("#")[0].rsplit("/", 1)[-1].removesuffix(".html")


def _lands(page, href):
    """The link's page exists and has the anchor it points to."""
    address, _sep, anchor = href.partition("#")
    target = (page.parent / address).resolve()
    return target.is_file() and (not anchor or f'id="{anchor}"' in target.read_text(encoding="utf-8"))


def _chapter_pages(site, lang):
    """``{chapter label: its page}``."""
    pages = {}
    for path in (site / lang / "docs" / "guidelines").glob("*.html"):
        for section in _soup(path).find_all("section", id=re.compile(r"^ch-[a-z]+$")):
            pages[section["id"]] = path
    return pages


def test_the_front_matter_names_chapters_steps_and_themes():
    """What the other tests rely on: the library ties into most chapters, steps and every theme."""
    assert len(FACTS) >= 20
    assert len({f["chapter"] for f in FACTS.values()}) >= 5
    assert len({s for f in FACTS.values() for s in f["roadmap"]}) >= 6
    assert {t for f in FACTS.values() for t in f["readiness"]} == set(THEMES)


@pytest.mark.parametrize("lang", LANGS)
def test_every_chapter_lists_its_activities(site, lang):
    pages = _chapter_pages(site, lang)
    heading = _translate(lang, "Activities for this chapter")
    served = {f["chapter"] for f in FACTS.values()}
    for chapter, page in sorted(pages.items()):
        soup = _soup(page)
        section = soup.find("section", id=f"{chapter}-activities")
        if chapter not in served:
            assert section is None, f"{chapter} lists activities, but no activity serves it"
            continue
        assert section is not None, f"{page.name} has no list of its activities"
        # At the end of "Over to you", or before the sources when the chapter has no "Over to you".
        over_to_you = soup.find("section", id=f"{chapter}-activity")
        if over_to_you is not None:
            assert section.parent is over_to_you and section.find_next_sibling("section") is None
        else:
            assert section.find_next_sibling("section")["id"] == f"{chapter}-sources"
        assert _text(section.find(re.compile(r"^h[2-6]$"))) == heading
        links = section.find_all("a", class_="internal")
        assert sorted(_slug(a["href"]) for a in links) == _with("chapter", chapter), chapter
        for link in links:
            assert _lands(page, link["href"]), link["href"]
            assert _text(link) == _title(site, lang, _slug(link["href"])), "the link is the activity's title"


@pytest.mark.parametrize("lang", LANGS)
def test_every_activity_links_back_to_its_chapter(site, lang):
    pages = _chapter_pages(site, lang)
    for slug, facts in FACTS.items():
        path = site / lang / "activities" / f"{slug}.html"
        box = _soup(path).find(class_="collection-fact-box")
        assert box is not None, f"{slug}: no fact box"
        chapter = facts["chapter"]
        back = [
            a
            for a in box.find_all("a", href=True)
            if (path.parent / a["href"].split("#")[0]).resolve() == pages[chapter] and a["href"].endswith(f"#{chapter}")
        ]
        assert back, f"{slug}: the fact box does not link to {chapter}"
        assert _text(back[0]) == _text(_soup(pages[chapter]).find("h1")), "the link is the chapter's title"


@pytest.mark.parametrize("lang", LANGS)
def test_roadmap_steps_and_planner_list_their_activities(site, lang):
    roadmap = _chapter_pages(site, lang)["ch-roadmap"]
    soup = _soup(roadmap)
    planner = _soup(site / lang / PLANNER)
    steps = soup.find_all("section", id=re.compile(r"^ch-roadmap-step-"))
    assert len(steps) == 12
    with_activities = 0
    for step in steps:
        key, expected = step["id"].removeprefix("ch-roadmap-step-"), _with("roadmap", step["id"])
        # Under the step in the roadmap chapter
        lists = step.find_all("ul", class_="book-activity-list", recursive=False)
        found = sorted(_slug(a["href"]) for ul in lists for a in ul.find_all("a"))
        assert found == expected, key
        # In the planner (the same list serves the script and the page without JavaScript)
        item = planner.find("li", class_="planner-step", attrs={"data-step": key})
        links = item.find_all("a", href=re.compile(r"activities/"))
        assert sorted(_slug(a["href"]) for a in links) == expected, key
        assert all(_lands(site / lang / PLANNER, a["href"]) for a in links)
        with_activities += bool(expected)
    assert with_activities >= 6


@pytest.mark.parametrize("lang", LANGS)
def test_planner_shows_a_steps_activities_and_the_link_opens_the_activity(open_page, site, lang):
    page = open_page(f"{lang}/{PLANNER}")
    step = page.locator('li.planner-step[data-step="rules"]')
    label = f"{_translate(lang, 'Activities for this step')}:"
    activities = step.get_by_role("list", name=label)
    expect(activities).to_be_visible()
    expected = [_title(site, lang, slug) for slug in _with("roadmap", "ch-roadmap-step-rules")]
    links = activities.get_by_role("link")
    assert sorted(links.all_inner_texts()) == sorted(expected) and expected
    name = links.first.inner_text()
    links.first.click()
    page.wait_for_url(re.compile(r"/activities/[a-z-]+\.html"))
    assert page.locator("h1").inner_text().removesuffix("#").strip() == name
    # Without JavaScript the planner is a list, with the same links.
    plain = open_page(f"{lang}/{PLANNER}", java_script_enabled=False)
    shown = plain.locator('li.planner-step[data-step="rules"] .book-activity-list a:visible')
    assert sorted(shown.all_inner_texts()) == sorted(expected)


def _answer(page, theme, value):
    for number in range(1, 5):
        page.locator(f"#readiness-{theme}-{number}-{value}").check()


@pytest.mark.parametrize("lang", LANGS)
def test_a_weak_theme_names_its_activities_with_working_links(open_page, site, lang):
    page = open_page(f"{lang}/{SELF_ASSESSMENT}")
    for theme in THEMES:
        _answer(page, theme, 0 if theme == "rules" else 2)
    label = f"{_translate(lang, 'Activities that help')}:"
    expected = sorted(_title(site, lang, slug) for slug in _with("readiness", "rules"))
    weak = page.locator('.readiness-result[data-theme="rules"]')
    activities = weak.get_by_role("list", name=label)
    expect(activities).to_be_visible()
    assert sorted(activities.get_by_role("link").all_inner_texts()) == expected
    strong = page.locator('.readiness-result[data-theme="space"] .readiness-result-activities')
    expect(strong).to_be_hidden()  # a strong theme needs no advice
    first = page.locator(".readiness-start-list > li:visible").first  # where to start: Rules, with its activities
    assert first.get_attribute("data-theme") == "rules"
    assert sorted(first.get_by_role("list", name=label).get_by_role("link").all_inner_texts()) == expected
    for href in activities.get_by_role("link").evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert _lands(site / lang / SELF_ASSESSMENT, href), href
    # The link opens the activity.
    link = activities.get_by_role("link").first
    name = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/activities/[a-z-]+\.html"))
    assert page.locator("h1").inner_text().removesuffix("#").strip() == name


def test_the_printed_result_names_the_activities_on_one_page(open_page, site, tmp_path):
    """Every theme weak, the longest result: each theme's activities are printed once, on one page."""
    page = open_page(f"en/{SELF_ASSESSMENT}")
    for theme in THEMES:
        _answer(page, theme, 0)
    page.evaluate("document.documentElement.classList.add('tool-printing')")  # what "Print my results" does
    page.emulate_media(media="print")
    pdf = tmp_path / "result.pdf"
    page.pdf(path=str(pdf), format="A4")
    reader = PdfReader(pdf)
    printed = _squash(" ".join(p.extract_text() for p in reader.pages))
    assert len(reader.pages) == 1, f"the result prints on {len(reader.pages)} pages"
    for theme in THEMES:
        titles = [_squash(_title(site, "en", slug)) for slug in _with("readiness", theme)]
        assert titles and all(title in printed for title in titles), theme


def _squash(text):
    return re.sub(r"[\s\-\u00ad]+", "", unicodedata.normalize("NFKC", text)).lower()


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdfs_lists_carry_page_references(site, lang):
    """In the PDF each activity in a chapter's list (and in the planner) is followed by its page, "(p. 123)",
    and the activity starts on that page."""
    texts = [_squash(text) for text in page_texts(site / lang / "downloads" / f"{STEM}-{lang}.pdf")]
    before, _sep, after = (_squash(part) for part in _translate(lang, "p. {page}").partition("{page}"))
    reference = rf"{re.escape(before)}(\d+){re.escape(after)}\)"  # "(p. 123)", "(123. lpp.)"
    heading = _squash(_translate(lang, "Activities for this chapter"))
    served = {f["chapter"] for f in FACTS.values()}
    starts = [number for number, text in enumerate(texts) if heading in text]
    assert len(starts) == len(served), "one list per chapter that activities serve"
    found = set()
    for number in starts:
        text = texts[number].split(heading, 1)[1] + texts[min(number + 1, len(texts) - 1)]
        for slug in FACTS:
            title = _squash(_title(site, lang, slug))
            match = re.search(rf"{re.escape(title)}\({reference}", text)
            if match:
                target = int(match.group(1))
                assert title in texts[target - 1], f"{slug} is not on page {target}"
                found.add(slug)
    assert found == set(FACTS), f"without a page reference: {sorted(set(FACTS) - found)}"
    planner = _squash(_translate(lang, "Activities for this step"))
    steps = {s for f in FACTS.values() for s in f["roadmap"]}  # under each in the roadmap and in the planner
    assert sum(text.count(planner) for text in texts) == 2 * len(steps)
