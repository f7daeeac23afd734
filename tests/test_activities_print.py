"""The activities on paper and in the e-book (issue 15, item 7): in the PDF their own part, each activity a
facilitator's sheet from a new page with its fillable handout on a page of its own; printed from the browser, a
clean facilitator's sheet, or the handout alone ("Print the handout"); in the EPUB chapters with lines to write on.
"""

import re
import zipfile

import pikepdf
import pytest
from conftest import SITE, STEM
from pdftext import bookmarks
from pypdf import PdfReader
from test_epub import Book as Ebook
from test_print_edition import XHTML, Book, squash, text_of

from cowork_book.languages import LANGUAGES

ACTIVITY = "activities/host-shift.html"  # a checklist handout
TABLE_ACTIVITY = "activities/first-coffee.html"  # a question-and-answer handout
UNDERSCORES = re.compile(r"_{4,}")


@pytest.fixture(scope="module", params=list(LANGUAGES))
def printed(request, site):
    return Book(site, request.param)


def _activities(book):
    """``[(id of the title, title, [ids and texts of its sections])]`` of the activities, from the print page."""
    found = []
    for section in book.elements("section", "book-doc"):
        title = section.find(XHTML + "h2")
        if title is None or not (title.get("id") or "").startswith("act-"):
            continue
        parts = [
            (h.get("id"), text_of(h))
            for sub in section.iter(XHTML + "section")
            for h in sub
            if h.tag == XHTML + "h3" and h.get("id")
        ]
        found.append((title.get("id"), text_of(title), parts))
    return found


def _link_pages(book, indexes):
    """``{destination: printed page number}`` of the links on pages ``indexes`` (the number inside the link)."""
    found = {}
    with pikepdf.open(book.path) as pdf:
        for index in indexes:
            height = book.pages[index][1]
            for annotation in pdf.pages[index].get("/Annots", []):
                target = str(annotation.get("/Dest", ""))
                if annotation.get("/Subtype") != "/Link" or not target:
                    continue
                x0, y0, x1, y1 = (float(v) for v in annotation.Rect)
                top, bottom = height - max(y0, y1), height - min(y0, y1)
                words = [
                    w
                    for a, b, c, d, w in book.pages[index][2]
                    if x0 <= (a + c) / 2 <= x1 and top <= (b + d) / 2 <= bottom
                ]
                numbers = re.findall(r"\d+", " ".join(words))
                if numbers:
                    found[target] = int(numbers[-1])
    return found


def _part_title(book):
    return text_of(next(h for h in book.page.iter(XHTML + "h1") if h.get("id") == "part-activities"))


# -- The PDF ------------------------------------------------------------------------------------------------------


def test_activities_are_a_part_listed_in_the_contents_with_their_pages(printed):
    activities = _activities(printed)
    assert len(activities) >= 20, "the activity library is in the print edition"
    part = printed.destinations["part-activities"]
    assert squash(_part_title(printed)).startswith(squash(" ".join(printed.body_lines(part)[0][2]))), (
        "the part's title opens its page"
    )
    listed = _link_pages(printed, [i for i, text in enumerate(printed.texts[:10]) if re.search(r"\.{10,}", text)])
    assert listed.get("part-activities") == part + 1, "the part is in the contents with its page"
    wrong = []
    for anchor, title, _sections in activities:
        page = printed.destinations[anchor]
        if listed.get(anchor) != page + 1:
            wrong.append(f"{title!r}: contents say p. {listed.get(anchor)}, printed on p. {page + 1}")
        top = " ".join(printed.body_lines(page)[0][2])
        if not squash(title).startswith(squash(top)):
            wrong.append(f"{title!r} does not open p. {page + 1} (first line {top!r})")
        if page <= part:
            wrong.append(f"{title!r} is not in the part")
    assert not wrong, "\n".join(wrong)


def test_bookmarks_for_the_part_and_each_activity(printed):
    title = squash(_part_title(printed))
    part = next(item for item in bookmarks(printed.path) if squash(item.title) == title)
    assert part.page == printed.destinations["part-activities"]
    assert part.children, "the activities are nested under their part"
    activities = _activities(printed)
    assert [squash(item.title) for item in part.children] == [squash(title) for _a, title, _s in activities]
    for item, (anchor, _title, _sections) in zip(part.children, activities, strict=True):
        assert item.page == printed.destinations[anchor]
    nested = [item for child in part.children for item in child.children]
    handouts = {squash(text) for _a, _t, sections in activities for i, text in sections if i.endswith("-handout")}
    assert nested and {squash(item.title) for item in nested} <= set(handouts), "under an activity only its handout"


def test_each_handout_is_on_pages_of_its_own_after_the_facilitators_notes(printed):
    activities = _activities(printed)
    starts = sorted(  # the pages where a part or a chapter starts
        printed.destinations[heading.get("id")]
        for section in printed.elements("section", "book-doc")
        for heading in section
        if heading.tag in (XHTML + "h1", XHTML + "h2") and heading.get("id") in printed.destinations
    )
    problems = []
    for anchor, title, sections in activities:
        ids = [i for i, _text in sections]
        handout = next(i for i in ids if i.endswith("-handout"))
        if ids[-1] != handout:
            problems.append(f"{title}: the handout is not last ({ids[-1]})")
        first = printed.destinations[handout]
        start = printed.destinations[anchor]
        end = next((s for s in starts if s > start), printed.main_pages[-1] + 1)
        if first <= start:
            problems.append(f"{title}: the handout does not start a page")
        lines = {squash(" ".join(words)) for index in range(first, end) for _t, _b, words in printed.lines(index)}
        notes = [name for i, name in sections if i != handout and squash(name) in lines]  # a heading is a line
        if notes:
            problems.append(f"{title}: the handout's pages also print {notes}")
        heading = dict(sections)[handout]
        if not squash(" ".join(printed.lines(first)[0][2])).startswith(squash(heading)):
            problems.append(f"{title}: p. {first + 1} does not start with the handout")
    assert not problems, "\n".join(problems)


def test_handouts_have_named_fields_and_tick_boxes(printed):
    """Each answer line of a handout is a text field, each checklist item a box to tick, each with a name."""
    expected = {}
    for section in printed.elements("section", "book-handout"):
        heading = next((e for e in section if e.tag == XHTML + "h3"), None)
        if heading is None or not heading.get("id", "").startswith("act-"):
            continue
        for field in [*section.iter(XHTML + "input"), *section.iter(XHTML + "textarea")]:
            expected[field.get("name")] = (field.get("type") or "text", field.get("title"))
    assert len(expected) >= 100, "the handouts' fields"
    assert any(kind == "checkbox" for kind, _t in expected.values()), "the checklists have boxes to tick"
    with pikepdf.open(printed.path) as pdf:
        fields = {str(f.T): f for f in pdf.Root.AcroForm.Fields if "/T" in f}
    missing = sorted(set(expected) - set(fields))
    assert not missing, f"not in the PDF's form: {missing[:10]}"
    unnamed = [name for name in expected if not str(fields[name].get("/TU", "")).strip()]
    assert not unnamed, f"fields without an accessible name: {unnamed[:10]}"
    for name, (kind, title) in expected.items():
        assert str(fields[name].FT) == ("/Btn" if kind == "checkbox" else "/Tx"), name
        assert str(fields[name].TU) == title, name


CHROME_SHOWN = """() => [".sidebar-drawer", ".toc-drawer", ".mobile-header", ".related-pages", ".back-to-top",
    ".skip-to-content", ".book-footer-links", ".book-handout-print", ".content-icon-container"]
    .filter((selector) => [...document.querySelectorAll(selector)].some((e) => e.getClientRects().length))"""


# -- Printed from the browser -------------------------------------------------------------------------------------


def _printed_text(page, path):
    page.emulate_media(media="print")
    page.pdf(path=str(path), format="A4")
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def _parts(page):
    """The activity's texts as the page has them: title, step list, tips, handout (title and rows)."""
    return page.evaluate(
        """() => {
        const text = (el) => el ? el.innerText.replace(/\\s+/g, " ").trim() : "";
        const sections = [...document.querySelectorAll("article section[id]")];
        const by = (suffix) => sections.find((s) => s.id.endsWith(suffix));
        const handout = by("-handout");
        return {
          title: text(document.querySelector("article h1")),
          steps: [...by("-steps").querySelectorAll("li")].map(text),
          tips: text(by("-tips").querySelector("h2")),
          headings: sections.filter((s) => s !== handout).map((s) => text(s.querySelector("h2"))),
          handout: [...handout.querySelectorAll("p:not(.book-handout-print), li, td, th")].map(text).filter(Boolean),
          handoutHeading: text(handout.querySelector("h2")),
          nav: [...document.querySelectorAll(".sidebar-drawer a, .toc-drawer a, .related-pages a")].map(text)
            .filter((t) => t.length > 3 && !text(document.querySelector("article")).includes(t)),
          skip: text(document.querySelector(".skip-to-content")),
          top: text(document.querySelector(".back-to-top")),
        };
    }"""
    )


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_printing_an_activity_gives_the_facilitators_sheet(open_page, tmp_path, lang):
    page = open_page(f"{lang}/{ACTIVITY}")
    parts = _parts(page)
    label = page.locator(".book-handout-button").inner_text()
    text = _printed_text(page, tmp_path / "sheet.pdf")
    flat = squash(text)
    for wanted in [parts["title"], parts["tips"], *parts["steps"], *parts["handout"]]:
        assert squash(wanted) in flat, f"{wanted!r} is not on the printed sheet"
    shown = page.evaluate(CHROME_SHOWN)
    assert not shown, f"printed with the sheet: {shown}"
    words = " ".join(text.split())
    chrome = [t for t in parts["nav"] if " " in t]  # links around the article, with text the article does not have
    assert len(chrome) > 10, "the page has navigation to leave out"
    found = [t for t in chrome if t in words]
    assert not found, f"site navigation printed: {found[:10]}"
    for chrome_label in (parts["skip"], parts["top"], label):
        assert squash(chrome_label) not in flat, f"{chrome_label!r} printed"
    assert len(PdfReader(tmp_path / "sheet.pdf").pages) <= 5, "a sheet of a few pages"


@pytest.mark.parametrize("lang", ["en", "lv"])
def test_print_the_handout_prints_only_the_handout(open_page, tmp_path, lang):
    page = open_page(f"{lang}/{TABLE_ACTIVITY}")
    parts = _parts(page)
    page.evaluate("() => { window.print = () => { window.bookPrinted = (window.bookPrinted || 0) + 1; }; }")
    button = page.locator(".book-handout-button")
    assert button.is_visible()
    if lang != "en":
        assert button.inner_text() != "Print the handout", "the label is translated"
    button.click()
    assert page.evaluate("window.bookPrinted") == 1, "the button prints"
    assert page.evaluate("document.documentElement.classList.contains('book-printing-handout')")
    text = _printed_text(page, tmp_path / "handout.pdf")
    flat = squash(text)
    for wanted in parts["handout"]:
        assert squash(wanted) in flat, f"{wanted!r} is missing from the printed handout"
    printed_notes = [t for t in [*parts["headings"], *parts["steps"], parts["title"]] if t and squash(t) in flat]
    assert not printed_notes, f"the facilitator's notes are printed with the handout: {printed_notes[:5]}"
    assert squash(parts["handoutHeading"]) not in flat.replace(squash(parts["handout"][0]), "")
    assert len(PdfReader(tmp_path / "handout.pdf").pages) == 1, "the handout prints on one page"


def test_the_button_is_a_focusable_button_hidden_without_javascript(open_page):
    page = open_page(f"en/{ACTIVITY}")
    button = page.get_by_role("button", name="Print the handout")
    button.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focus is visible"
    page.keyboard.press("Tab")
    scripts = page.evaluate("[...document.scripts].map((s) => s.src).filter(Boolean)")
    assert any(s.split("?")[0].endswith("handout-print.js") for s in scripts)
    plain = open_page(f"en/{ACTIVITY}", java_script_enabled=False)
    assert plain.locator(".book-handout-button").count() == 1
    assert not plain.locator(".book-handout-button").is_visible(), "without JavaScript the button stays hidden"
    assert plain.locator(".book-handout .book-answer-line, .book-handout .book-checklist").count() > 0


def test_the_handout_script_and_styles_load_only_with_a_handout(site):
    chapter = (site / "en" / "docs" / "guidelines" / "the-people.html").read_text(encoding="utf-8")
    assert "handout-print.js" not in chapter and "handouts.css" not in chapter
    for name in (ACTIVITY, TABLE_ACTIVITY):
        activity = (site / "en" / name).read_text(encoding="utf-8")
        assert "handout-print.js" in activity and "css/handouts.css" in activity
        assert not UNDERSCORES.search(activity), "answer lines are drawn, not typed"


# -- The EPUB -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=list(LANGUAGES))
def ebook(request, site):
    return request.param, Ebook(SITE / request.param / "downloads" / f"{STEM}-{request.param}.epub")


def test_epub_lists_the_part_and_every_activity_and_draws_answer_lines(ebook):
    lang, epub = ebook
    activities = [d for d in epub.spine if d.startswith("activities/") and d != "activities/index.xhtml"]
    assert len(activities) >= 20
    listed = epub.nav_documents()
    assert "activities/index.xhtml" in listed and set(activities) <= set(listed)
    part = next(
        li for li in epub.nav.iter(f"{XHTML}li") if li.find(f"{XHTML}a").get("href") == "activities/index.xhtml"
    )
    nested = {a.get("href").split("#")[0] for a in part.iter(f"{XHTML}a")}
    assert set(activities) <= nested, "the activities are under their part in the navigation"
    for name in activities:
        text = epub.files[name].decode("utf-8")
        assert "<input" not in text and "<textarea" not in text, f"{name}: no form controls in the e-book"
        assert not UNDERSCORES.search(text), f"{name}: answer lines, not underscores"
        page = epub.page(name)
        handout = [s for s in page.iter(f"{XHTML}section") if "book-handout" in (s.get("class") or "").split()]
        assert len(handout) == 1, name
        lines = [e for e in handout[0].iter(f"{XHTML}span") if "book-answer-line" in (e.get("class") or "")]
        checklists = [e for e in handout[0].iter(f"{XHTML}ul") if "book-checklist" in (e.get("class") or "")]
        assert lines or checklists, f"{name}: nothing to write on"
    with zipfile.ZipFile(SITE / lang / "downloads" / f"{STEM}-{lang}.epub") as z:
        assert any(n.endswith("css/handouts.css") for n in z.namelist()), "the lines' style is in the EPUB"
