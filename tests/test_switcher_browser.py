"""The language switcher and the root page in real Chromium: a reader moves to the same page and section in another
language, offline; the root page lets them choose (their browser's language marked) and remembers the pick."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

CHAPTER = "docs/guidelines/getting-ready.html"
SECTION = "ch-ready-scoring"  # "Reading your scores", deep in the chapter


def test_switching_language_keeps_the_page_and_asks_no_other_host(browser, server):
    page = browser.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(f"{server}/en/docs/about.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Latviešu").click()
    page.wait_for_load_state()
    assert page.url == f"{server}/lv/docs/about.html", "at the top of a page, no section is added"
    assert page.locator("html").get_attribute("lang") == "lv"
    assert hosts == {urlsplit(server).netloc}
    page.close()


@pytest.mark.parametrize(("start", "target", "keyboard"), [("en", "lv", False), ("lv", "es", True)])
def test_switching_language_keeps_the_section_being_read(browser, server, start, target, keyboard):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{server}/{start}/{CHAPTER}")
    reading = "section => section.scrollIntoView({behavior: 'instant'})"  # the reader reads that section
    page.locator(f"section#{SECTION}").evaluate(reading)
    page.wait_for_timeout(300)
    link = page.locator(f"nav.book-languages a[hreflang={target}]")
    if keyboard:
        link.focus()
        page.keyboard.press("Enter")
    else:
        link.click()
    page.wait_for_url(f"{server}/{target}/{CHAPTER}#{SECTION}")
    assert page.locator("html").get_attribute("lang") == target
    heading = page.locator(f"section#{SECTION} > h2")
    expect(heading).to_be_in_viewport()
    assert heading.inner_text() != page.locator("h1").inner_text()
    page.close()


def test_root_page_shows_the_chooser_marks_the_browsers_language_and_remembers_the_pick(browser, server):
    context = browser.new_context(locale="lv-LV")
    page = context.new_page()
    page.goto(f"{server}/index.html")
    page.wait_for_timeout(500)
    assert page.url == f"{server}/index.html", "a guess is not a choice: the chooser stays"
    assert page.locator("a[data-lang]").count() == 6
    marked = page.locator("li.browser-language a")
    assert marked.count() == 1 and marked.get_attribute("data-lang") == "lv"
    expect(marked).to_be_focused()
    assert marked.evaluate("a => getComputedStyle(a).fontWeight") == "700"
    marked.click()
    page.wait_for_url(f"{server}/lv/index.html")
    page.goto(f"{server}/index.html")
    page.wait_for_url(f"{server}/lv/index.html")  # the last pick is remembered
    # a pick in the book's own switcher is remembered too
    page.goto(f"{server}/lv/docs/about.html")
    page.locator("nav.book-languages a[hreflang=et]").click()
    page.wait_for_url(f"{server}/et/docs/about.html")
    page.goto(f"{server}/index.html")
    page.wait_for_url(f"{server}/et/index.html")
    assert page.locator("html").get_attribute("lang") == "et"
    context.close()


def test_root_page_for_a_browser_in_a_language_the_book_does_not_have(browser, server):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.goto(f"{server}/index.html")
    page.wait_for_timeout(500)
    assert page.url == f"{server}/index.html" and page.locator("li.browser-language").count() == 0
    page.get_by_role("link", name="Eesti").click()
    page.wait_for_url(f"{server}/et/index.html")
    context.close()
