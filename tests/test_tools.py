"""The interactive tools in real Chromium: self-assessment, pilot planner (.ics), glossary tooltips; in English and
Latvian, without JavaScript, under axe-core; the fillable PDF and the EPUB's printable lists."""

import html
import re
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pikepdf
import polib
import pytest
from axe import audit, describe
from conftest import STEM
from htmlparse import read
from languages import letters_found
from playwright.sync_api import expect

from cowork_book.book import BOOK
from cowork_book.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
SELF_ASSESSMENT = "docs/tools/self-assessment.html"
PLANNER = "docs/tools/pilot-planner.html"
CHAPTER = "docs/guidelines/getting-ready.html"
# Every fixed label of the tools in English: none of them may show in another language's tools.
ENGLISH_LABELS = [
    "Not yet",
    "Partly",
    "Yes",
    "Score",
    "Your results",
    "Chapter that helps",
    "statements answered",
    "Print my results",
    "Clear my answers",
    "Your answers are saved",
    "Rate each statement",
    "Start date",
    "Week",
    "Done",
    "Note",
    "steps done",
    "Download calendar",
    "Print the plan",
    "Clear my plan",
    "Your plan is saved",
    "Yes, clear them",
    "No, keep them",
    "Where to start",
    "Ready to plan",
    "Nearly ready",
    "Not ready yet",
]


def _chapter_counts(site):
    """Statements per theme and steps, as the chapters have them (what the tools must show)."""
    chapter = read(site / "en" / CHAPTER)
    themes = [a["id"] for a in chapter.find("section") if a.get("id", "").startswith("ch-ready-theme-")]
    roadmap = read(site / "en" / "docs" / "guidelines" / "pilot-roadmap.html")
    steps = [a["id"] for a in roadmap.find("section") if a.get("id", "").startswith("ch-roadmap-step-")]
    return themes, steps


def _answer(page, theme, values):
    for number, value in enumerate(values, 1):
        page.locator(f"#readiness-{theme}-{number}-{value}").check()


def _result(page, theme):
    return page.locator(f'.readiness-result[data-theme="{theme}"]')


def test_every_language_has_every_statement_and_step(site):
    themes, steps = _chapter_counts(site)
    assert len(themes) == 6 and len(steps) == 12
    for lang in LANGUAGES:
        tool = read(site / lang / SELF_ASSESSMENT)
        assert len(tool.find("section", **{"class": "readiness-theme"})) == len(themes), lang
        assert len(tool.find("input", type="radio")) == 3 * 4 * len(themes), lang
        planner = read(site / lang / PLANNER)
        assert len(planner.find("li", **{"class": "planner-step"})) == len(steps), lang


def test_self_assessment_scores_reload_and_clear(open_page):
    page = open_page(f"en/{SELF_ASSESSMENT}")
    assert "Your answers are saved only in this browser" in page.locator(".tool-privacy").inner_text()
    _answer(page, "space", [2, 1, 0, 0])
    _answer(page, "rules", [2, 2, 2, 2])
    _answer(page, "money", [2, 2, 1, 1])
    space, rules, money = _result(page, "space"), _result(page, "rules"), _result(page, "money")
    assert space.locator(".readiness-result-score").inner_text() == "3 of 8"
    assert "Not ready in this theme yet" in space.inner_text()
    help_link = space.locator(".readiness-result-help a")
    assert help_link.is_visible() and help_link.get_attribute("href").endswith("the-space.html#ch-space")
    assert rules.locator(".readiness-result-score").inner_text() == "8 of 8"
    assert "Ready. This theme is a strength." in rules.inner_text()
    assert not rules.locator(".readiness-result-help").is_visible()
    assert "Partly ready" in money.inner_text() and money.locator(".readiness-result-score").inner_text() == "6 of 8"
    assert "0 of 4 statements answered" in _result(page, "people").inner_text()
    assert page.locator("section[data-theme=space] .readiness-score").inner_text() == "3 of 8"
    expect(page.locator(".book-readiness [role=status]")).to_have_text(re.compile(r"^Money: 6 of 8\. Partly ready"))

    page.reload()
    assert page.locator("#readiness-space-1-2").is_checked() and page.locator("#readiness-space-4-0").is_checked()
    assert _result(page, "space").locator(".readiness-result-score").inner_text() == "3 of 8"

    page.get_by_role("button", name="Clear my answers").click()  # asks first; "keep" has the focus
    confirm = page.locator(".book-readiness .tool-confirm")
    expect(confirm).to_be_visible()
    assert "Clear all your answers?" in confirm.inner_text()
    assert page.evaluate("document.activeElement.textContent") == "No, keep them"
    page.keyboard.press("Escape")
    expect(confirm).to_be_hidden()
    assert page.locator(".book-readiness input:checked").count() == 12, "Escape keeps the answers"
    assert page.evaluate("document.activeElement.textContent") == "Clear my answers"
    page.get_by_role("button", name="Clear my answers").click()
    page.get_by_role("button", name="No, keep them").click()
    assert page.locator(".book-readiness input:checked").count() == 12
    page.get_by_role("button", name="Clear my answers").click()
    page.get_by_role("button", name="Yes, clear them").click()
    assert page.locator(".book-readiness input:checked").count() == 0
    assert _result(page, "rules").locator(".readiness-result-score").inner_text() == "0 of 8"
    assert page.evaluate("Object.keys(localStorage).length") == 0
    page.reload()
    assert page.locator(".book-readiness input:checked").count() == 0


# The chapter's illustrative example (Getting ready): Space 7, People 4, Partners 2, Money 3, interest 6, Rules 3.
EXAMPLE = {
    "space": [2, 2, 2, 1],
    "people": [2, 1, 1, 0],
    "partners": [1, 1, 0, 0],
    "money": [1, 1, 1, 0],
    "interest": [2, 2, 1, 1],
    "rules": [1, 1, 1, 0],
}


def _overall(page):
    results = page.locator(".readiness-results")
    verdict = results.locator(".readiness-verdict")
    start = [item.get_attribute("data-theme") for item in results.locator(".readiness-start-list > li:visible").all()]
    return verdict.get_attribute("data-verdict"), verdict.inner_text(), start


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_self_assessment_concludes_with_an_overall_result_and_where_to_start(open_page, site, lang):
    page = open_page(f"{lang}/{SELF_ASSESSMENT}")
    for theme, values in list(EXAMPLE.items())[:-1]:
        _answer(page, theme, values)
    verdict, text, start = _overall(page)
    assert verdict == "" and text and not start, "no overall result before every statement is answered"
    _answer(page, "rules", EXAMPLE["rules"])
    # 3 of 6 themes score 4 or more (not "most"), and Rules is below 4: nearly ready, Rules first, then Partners.
    verdict, text, start = _overall(page)
    assert verdict == "nearly" and start == ["rules", "partners"]
    reason = page.locator(".readiness-reason").inner_text()
    assert "3" in reason and "6" in reason and "4" in reason
    rules_low = page.locator(".readiness-required-low")
    expect(rules_low).to_be_visible()
    rules_title = page.locator("section[data-theme=rules]").get_attribute("data-name")
    assert rules_title in rules_low.inner_text()
    first = page.locator(".readiness-start-list > li:visible").first
    links = [(a.inner_text(), a.get_attribute("href")) for a in first.locator("a").all()]
    anchors = [href.split("#")[1] for _text, href in links]  # the chapter, then its activities
    assert anchors[0] == "ch-rules" and len(anchors) > 1 and all(a.startswith("act-") for a in anchors[1:])
    for link_text, href in links:  # each link names, in the page's language, the section it leads to
        target = read(site / lang / "docs" / "tools" / href.split("#")[0])
        assert href.split("#")[1] in target.ids and link_text.split(" (")[0] in target.text
    assert ("3 of 8" if lang == "en" else "3") in first.inner_text()
    verdict_text = page.locator(".readiness-verdict").inner_text()
    expect(page.locator(".book-readiness [role=status]")).to_contain_text(verdict_text)  # announced too
    if lang == "en":
        assert text == "Nearly ready" and "Rules scores below 4" in rules_low.inner_text()
    else:
        assert text == "Gandrīz gatavi" and letters_found("lv", page.locator(".readiness-results").inner_text()) >= 3
    # Rules to 8 and Partners to 4: 5 of 6 themes score 4 or more, and Rules does: ready; Money is where to start.
    _answer(page, "rules", [2, 2, 2, 2])
    _answer(page, "partners", [1, 1, 1, 1])
    verdict, _text, start = _overall(page)
    assert verdict == "ready" and start == ["money", "people"] and not rules_low.is_visible()
    # Two themes strong only: not ready yet.
    for theme in ("space", "interest", "rules", "partners"):
        _answer(page, theme, [0, 0, 0, 0])
    _answer(page, "people", [2, 2, 2, 2])
    verdict, _text, start = _overall(page)
    assert verdict == "notyet" and start[0] == "rules"


def test_self_assessment_result_prints_on_one_page(open_page, tmp_path):
    from pypdf import PdfReader

    page = open_page(f"en/{SELF_ASSESSMENT}")
    for theme, values in EXAMPLE.items():
        _answer(page, theme, values)
    page.evaluate("document.documentElement.classList.add('tool-printing')")  # what "Print my results" does
    page.emulate_media(media="print")
    assert page.locator(".readiness-statements").first.is_hidden() and page.locator(".readiness-verdict").is_visible()
    pdf = tmp_path / "result.pdf"
    page.pdf(path=str(pdf), format="A4")
    reader = PdfReader(pdf)
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1, f"the result prints on {len(reader.pages)} pages"
    assert "Nearly ready" in text and "Where to start" in text and "Keeping it going" in text


def test_self_assessment_by_keyboard(open_page):
    page = open_page(f"en/{SELF_ASSESSMENT}")
    page.locator("#readiness-space-1-0").focus()
    page.keyboard.press("ArrowRight")  # radio group: the arrow keys choose
    page.keyboard.press("ArrowRight")
    assert page.locator("#readiness-space-1-2").is_checked()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    assert page.locator("label[for='readiness-space-1-2']").inner_text() == "Yes"


def _unfold(text):
    assert "\n" not in text.replace("\r\n", ""), "every line of an .ics file ends with CRLF"
    lines = text.replace("\r\n ", "").split("\r\n")
    assert lines[-1] == "" and all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    return lines[:-1]


def _events(text):
    events, current = [], None
    for line in _unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _sep, value = line.partition(":")
            current[name] = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)
    return events


def _download(page, name="pilot-plan.ics"):
    with page.expect_download() as info:
        page.locator("[data-action=ics]").click()
    download = info.value
    assert download.suggested_filename == name
    return Path(download.path()).read_bytes().decode("utf-8")


def test_pilot_planner_dates_ics_reload_and_clear(open_page, site):
    _themes, step_ids = _chapter_counts(site)
    page = open_page(f"en/{PLANNER}", viewport={"width": 412, "height": 823})
    page.get_by_role("button", name="Download calendar (.ics)").click()
    # The message is next to the date field, read with it, and in view once the field has the focus.
    field = page.get_by_label("Start date (week 0)")
    expect(field).to_be_focused()
    message = page.locator(f"#{field.get_attribute('aria-describedby')}")
    expect(message).to_have_text("Choose a start date first.")
    assert field.get_attribute("aria-invalid") == "true"
    page.wait_for_timeout(800)  # the focus may scroll smoothly
    box, field_box = message.evaluate(
        "m => [m, document.getElementById('planner-start')].map(e => e.getBoundingClientRect().toJSON())"
    )
    assert 0 <= box["y"] <= 823 - box["height"] and 0 <= box["y"] - field_box["y"] < 80, (box, field_box)
    page.get_by_label("Start date (week 0)").fill("2027-01-04")
    page.get_by_label("Start date (week 0)").dispatch_event("change")
    expect(message).to_be_empty()
    assert field.get_attribute("aria-invalid") is None
    page.get_by_label("Done: Form the pilot team").check()
    page.get_by_label("Done: Visit a working coworking space").check()
    page.get_by_label("Note: Form the pilot team").fill("Anna leads; ask Jānis, the mayor's office\nand the school")
    assert page.locator(".planner-progress").inner_text() == f"2 of {len(step_ids)} steps done"
    # Progress is announced once: one live region has it, and the tool's other messages are not it.
    live = page.locator(".book-planner [role=status], .book-planner [aria-live]")
    assert [t for t in live.all_inner_texts() if "steps done" in t] == [f"2 of {len(step_ids)} steps done"]
    visit = page.locator('li.planner-step[data-step="visit"]')
    assert visit.get_attribute("data-week") == "3" and "Jan 25, 2027" in visit.inner_text()

    text = _download(page)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") and text.endswith("END:VCALENDAR\r\n")
    events = _events(text)
    assert len(events) == len(step_ids)
    start = date(2027, 1, 4)
    for event, step in zip(events, page.locator("li.planner-step").all(), strict=True):
        week = int(step.get_attribute("data-week"))
        done = step.locator("input[type=checkbox]").is_checked()
        title = step.locator(".planner-step-title").inner_text()
        assert event["DTSTART;VALUE=DATE"] == (start + timedelta(weeks=week)).strftime("%Y%m%d")
        assert event["SUMMARY"] == ("✓ " if done else "") + title
        assert event["UID"] == f"pilot-step-{step.get_attribute('data-step')}@{BOOK.file_stem}"
        assert re.fullmatch(r"\d{8}T\d{6}Z", event["DTSTAMP"])
        # A link back to the step in the roadmap, as the page's own link resolves it; and the done state.
        href = step.locator(".planner-step-title a").evaluate("a => a.href")
        assert event["URL"] == href and event["DESCRIPTION"].endswith(href) and "#ch-roadmap-step-" in href
        assert event["DESCRIPTION"].startswith("✓ Done") == done
    assert sum(e["SUMMARY"].startswith("✓ ") for e in events) == 2
    assert "Anna leads\\; ask Jānis\\, the mayor's office\\nand the school" in text.replace("\r\n ", "")
    assert events[0]["DESCRIPTION"].startswith("✓ Done\nAnna leads; ask Jānis, the mayor's office\nand the school\n")
    assert len({e["UID"] for e in events}) == len(events)
    assert [e["UID"] for e in _events(_download(page))] == [e["UID"] for e in events], "UIDs are stable"

    page.reload()
    assert page.get_by_label("Start date (week 0)").input_value() == "2027-01-04"
    assert page.get_by_label("Done: Visit a working coworking space").is_checked()
    assert page.get_by_label("Note: Form the pilot team").input_value().startswith("Anna leads")
    page.get_by_role("button", name="Clear my plan").click()
    assert page.get_by_label("Start date (week 0)").input_value() == "2027-01-04", "clearing asks first"
    expect(page.locator(".book-planner .tool-confirm")).to_contain_text("Clear your whole plan?")
    page.get_by_role("button", name="Yes, clear them").click()
    assert page.get_by_label("Start date (week 0)").input_value() == ""
    assert page.locator(".book-planner input:checked").count() == 0
    page.reload()
    assert page.locator(".planner-progress").inner_text() == f"0 of {len(step_ids)} steps done"


def _definition(site, lang, anchor):
    """The definition of a term as the glossary page of that language shows it."""
    glossary = (site / lang / "docs" / "appendices" / "glossary.html").read_text(encoding="utf-8")
    found = re.search(rf'<dt id="{re.escape(anchor)}">.*?</dt>\s*<dd>(.*?)</dd>', glossary, re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).split())


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_glossary_tooltips_on_hover_focus_and_escape(open_page, site, lang):
    page = open_page(f"{lang}/{CHAPTER}")
    link = page.locator("a[data-glossary-term]").first
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    assert tip.get_attribute("role") == "tooltip" and not tip.is_visible()
    definition = _definition(site, lang, link.get_attribute("data-glossary-term"))
    link.hover()
    assert tip.is_visible()
    assert " ".join(tip.inner_text().split()).endswith(definition)
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")

    for _press in range(150):  # keyboard: Tab until a term link has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-glossary-term')"):
            break
    focused = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert focused, "no glossary term reached with Tab"
    assert page.locator(f"#{focused}").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(f"#{focused}").is_visible()


LABEL_SHAPED = re.compile(r"(?<![\w/.#-])(?:ch|case|app|part|tool|home|about|download)-[a-z0-9]+(?:-[a-z0-9]+)*")


def _labels_in(text, labels):
    return sorted(set(LABEL_SHAPED.findall(text)) & labels)


def _book_labels(html_pages):
    """Every label of the book (the ids of its sections and targets), in any language."""
    return {ident for pages in html_pages.values() for page in pages for ident in read(page).ids}


def test_no_label_shows_as_text_in_any_language(html_pages):
    """A reference shows the title of what it points to, never its label ("See ch-ready."): not in any page's
    text, and not in the definitions that the tooltips show (a hidden list in the page), in any language."""
    labels = {label for label in _book_labels(html_pages) if LABEL_SHAPED.fullmatch(label)}
    assert {"ch-ready", "ch-rules", "case-sende"} <= labels
    problems = []
    for lang, pages in html_pages.items():
        assert pages, f"{lang} was not built"
        for page in pages:
            found = _labels_in(read(page).text, labels)
            if found:
                problems.append(f"{lang}/{page.name}: {found}")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_tooltips_name_the_chapter_they_refer_to(open_page, site, html_pages, lang):
    """In Chromium, on the first page with tooltips in each folder (chapters, case studies, activities, …): the
    tooltips the script makes and the page's visible text are free of labels (the text they come from is checked
    on every page of every language above); the "see …" of a definition names the chapter's title in the page's
    language."""
    labels = {label for label in _book_labels(html_pages) if LABEL_SHAPED.fullmatch(label)}
    page = open_page(f"{lang}/{CHAPTER}")
    with_tips = [p for p in html_pages[lang] if 'class="glossary-tips"' in p.read_text(encoding="utf-8")]
    first_in_folder = {path.parent: path for path in reversed(with_tips)}.values()
    assert len(with_tips) > 10 and len(first_in_folder) >= 5
    problems = []
    for path in first_in_folder:
        page.goto(page.url.split(f"/{lang}/")[0] + f"/{lang}/" + path.relative_to(site / lang).as_posix())
        tips = page.locator(".glossary-tooltip").evaluate_all("tips => tips.map(tip => tip.textContent)")
        found = _labels_in(" ".join(tips) + " " + page.locator("body").inner_text(), labels)
        if not tips or found:
            problems.append(f"{path.name}: {found or 'no tooltip'}")
    assert not problems, problems
    # "readiness self-assessment: … See Getting ready." names the chapter as its heading does in this language
    page.goto(page.url.split(f"/{lang}/")[0] + f"/{lang}/{SELF_ASSESSMENT}")
    heading = re.search(r"<h1>(.*?)<a", (site / lang / CHAPTER).read_text(encoding="utf-8"), re.S).group(1)
    tips = page.locator(".glossary-tooltip").evaluate_all("tips => tips.map(tip => tip.textContent)")
    assert any(" ".join(html.unescape(heading).split()) in tip for tip in tips), tips


def test_glossary_tooltip_on_tap(open_page):
    page = open_page(f"en/{CHAPTER}", has_touch=True, viewport={"width": 320, "height": 700})
    link = page.locator("a[data-glossary-term]").first
    link.scroll_into_view_if_needed()
    url = page.url
    link.tap()
    assert page.locator(f"#{link.get_attribute('aria-describedby')}").is_visible() and page.url == url
    box = page.locator(".glossary-tooltip:visible").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    link.tap()
    page.wait_for_url("**/glossary.html#*")


def test_tools_in_latvian_have_no_english_labels(open_page, site):
    page = open_page(f"lv/{SELF_ASSESSMENT}")
    _answer(page, "space", [2, 1, 0, 0])
    tool = page.locator(".book-readiness").inner_text()
    page.locator("[data-action=clear]").click()
    tool += page.locator(".book-readiness .tool-confirm").inner_text()  # the question before clearing
    page = open_page(f"lv/{PLANNER}")
    page.locator("[data-action=ics]").click()  # no start date: the message under the field, in Latvian
    expect(page.locator("#planner-start")).to_be_focused()
    catalogue = polib.pofile(str(ROOT / "locales" / "lv" / "LC_MESSAGES" / "sphinx.po"))
    expect(page.locator("#planner-start-message")).to_have_text(catalogue.find("Choose a start date first.").msgstr)
    page.locator("#planner-start").fill("2027-01-04")
    page.locator("#planner-done-team").check()
    tool += page.locator(".book-planner").inner_text()
    english = [label for label in ENGLISH_LABELS if re.search(rf"\b{label}\b", tool)]
    assert not english, f"English labels in the Latvian tools: {english}"
    assert letters_found("lv", tool) >= 3
    assert re.fullmatch(r"\D+ 1 no 12 \D+", page.locator(".planner-progress").inner_text())  # "… 1 no 12 soļiem"
    events = _events(_download(page, "pilotprojekta-plāns.ics"))  # the file is named in the page's language
    summaries = [e["SUMMARY"].removeprefix("✓ ") for e in events]
    chapter = read(site / "lv" / "docs" / "guidelines" / "pilot-roadmap.html").text
    assert summaries and all(summary in chapter for summary in summaries)
    assert events[0]["DESCRIPTION"].startswith("✓ Paveikts\n") and "/lv/docs/guidelines/" in events[0]["URL"]


def test_without_javascript_the_tools_are_printable_lists(open_page):
    page = open_page(f"en/{SELF_ASSESSMENT}", java_script_enabled=False)
    assert page.locator(".readiness-plain:visible").count() == 24
    assert page.locator(".book-readiness input:visible, .book-readiness button:visible").count() == 0
    assert page.locator(".readiness-key").is_visible()
    page = open_page(f"en/{PLANNER}", java_script_enabled=False)
    assert page.locator(".planner-week:visible").first.inner_text() == "Week 0"
    assert page.locator(".book-planner input:visible, .book-planner button:visible").count() == 0


LAYOUT_SHIFTS = """new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => list.getEntries().forEach(e => { total += e.value; }))
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(total), 1000);
})"""


@pytest.mark.parametrize("path", [SELF_ASSESSMENT, PLANNER, "case_studies/index.html", "activities/index.html"])
def test_the_page_does_not_jump_when_the_script_takes_over(open_page, path):
    """The script-only parts are laid out from the first paint (CSS scripting query), so nothing shifts."""
    page = open_page(f"en/{path}", viewport={"width": 412, "height": 823})
    assert page.evaluate(LAYOUT_SHIFTS) < 0.01


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_tool_pages(open_page, scheme):
    violations = []
    for path in ("en/docs/tools/index.html", f"en/{SELF_ASSESSMENT}", f"en/{PLANNER}", f"lv/{SELF_ASSESSMENT}"):
        page = open_page(path, color_scheme=scheme, viewport={"width": 320, "height": 800})
        if "self-assessment" in path:
            _answer(page, "space", [2, 1, 0, 0])
        if "planner" in path:
            page.locator("#planner-start").fill("2027-01-04")
        if page.locator("a[data-glossary-term]").count():
            page.locator("a[data-glossary-term]").first.hover()
        violations += [describe(f"{path} ({scheme})", violation) for violation in audit(page)]
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{path} is wider than 320 px"
    assert not violations, "\n".join(violations)


def _fields(path):
    """``{name: (type, accessible name)}`` of the PDF's form fields."""
    with pikepdf.open(path) as pdf:
        assert "/AcroForm" in pdf.Root, "the PDF has no form"
        return {str(f.T): (str(f.get("/FT", "")), str(f.get("/TU", ""))) for f in pdf.Root.AcroForm.Fields}


def test_pdf_has_fillable_worksheets_and_tools(site):
    worksheets = (ROOT / "docs" / "appendices" / "worksheets.md").read_text(encoding="utf-8")
    blanks = len(re.findall(r"_{4,}", worksheets))
    more_room = len(re.findall(r"^\|\s*\|\s*_{4,}\s*\|$", worksheets, re.M))  # a second line for the answer above
    fields = _fields(site / "en" / "downloads" / f"{STEM}-en.pdf")
    text_fields = [name for name, (kind, _tu) in fields.items() if name.startswith("ws-") and kind == "/Tx"]
    assert len(text_fields) == blanks - more_room, "every line to write on is (part of) a text field"
    assert fields["ws-house-rules-space-1"] == ("/Tx", "Name of the space")
    assert fields["ws-event-plan-programme-1"] == ("/Tx", "Time 1")
    ticks = [tu for name, (kind, tu) in fields.items() if name.startswith("ws-onboarding") and kind == "/Btn"]
    assert "Explain whom to tell if something goes wrong." in ticks, "the onboarding checklist has boxes to tick"
    assert fields["readiness-space-1"][0] == "/Btn" and fields["readiness-rules-score"][0] == "/Tx"  # one answer
    assert {"planner-start", "planner-done-team", "planner-note-review"} <= set(fields)
    assert all(tu for _kind, tu in fields.values()), "every field has an accessible name (TU)"
    lv = _fields(site / "lv" / "downloads" / f"{STEM}-lv.pdf")
    assert set(lv) == set(fields)
    assert lv["ws-house-rules-space-1"] != fields["ws-house-rules-space-1"]
    assert lv["planner-done-team"] != fields["planner-done-team"]


def test_web_and_epub_show_no_form_fields_for_the_worksheets(site):
    inputs = read(site / "en" / "docs" / "appendices" / "worksheets.html").find("input")
    assert not [i for i in inputs if "book-" in i.get("class", "")]
    with zipfile.ZipFile(site / "en" / "downloads" / f"{STEM}-en.epub") as epub:
        names = {n.rsplit("/", 1)[-1]: n for n in epub.namelist()}
        tool = epub.read(names["self-assessment.xhtml"]).decode()
        planner = epub.read(names["pilot-planner.xhtml"]).decode()
    assert "<input" not in tool + planner and "<button" not in tool + planner
    assert tool.count('class="readiness-plain"') == 24 and "Week 28" in planner
