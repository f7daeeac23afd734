"""Finding one's way in real Chromium, in English and Latvian: the landing page's cards look like links and land
without a highlight; the translation status page is for translators (linked from the footer, not in the reader's
menu); the sidebar's search box shows its focus; the cover is on the first page and on the Download page."""

import re

import pytest
from htmlparse import read
from playwright.sync_api import expect

from cowork_book.languages import LANGUAGES

LANGS = ["en", "lv"]


@pytest.mark.parametrize("lang", LANGS)
def test_landing_cards_look_like_links_and_land_without_a_highlight(browser, server, lang):
    page = browser.new_page(viewport={"width": 412, "height": 823})
    page.goto(f"{server}/{lang}/index.html")
    card = page.locator(".sd-card:has(.sd-stretched-link)").first
    title = card.locator(".sd-card-title")
    text_colour = page.locator("article p").first.evaluate("p => getComputedStyle(p).color")
    link_colour = page.locator("article p a").first.evaluate("a => getComputedStyle(a).color")
    assert title.evaluate("t => getComputedStyle(t).color") == link_colour != text_colour
    assert "underline" in title.evaluate("t => getComputedStyle(t).textDecorationLine")
    assert "→" in title.evaluate("t => getComputedStyle(t, '::after').content")
    card.locator(".sd-stretched-link").focus()
    assert card.evaluate("c => getComputedStyle(c).outlineStyle") != "none", "the card shows the link's focus"
    card.click()
    page.wait_for_url(re.compile(r".*#start-here$"))
    heading = page.locator("h1")
    background = heading.evaluate("h => getComputedStyle(h).backgroundColor")
    assert background in ("rgba(0, 0, 0, 0)", "transparent"), f"the page's title is highlighted: {background}"
    page.close()


def test_translation_status_is_linked_from_the_footer_not_the_menu(site):
    for lang in LANGUAGES:
        text = (site / lang / "docs" / "about.html").read_text(encoding="utf-8")
        menu = text.split('<aside class="sidebar-drawer"')[1].split("</aside>")[0]
        assert "translation-status" not in menu, f"{lang}: still in the menu"
        footer = text.split("<footer>")[1].split("</footer>")[0]
        assert 'href="../docs/translation-status.html"' in footer or 'href="translation-status.html"' in footer, lang
        assert (site / lang / "docs" / "translation-status.html").is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_translation_status_reached_from_the_footer(browser, server, lang):
    page = browser.new_page()
    page.goto(f"{server}/{lang}/docs/guidelines/the-space.html")
    assert page.locator(".sidebar-tree a[href*='translation-status']").count() == 0
    link = page.locator("footer a[href*='translation-status']")
    expect(link).to_be_visible()
    name = link.inner_text()
    link.click()
    page.wait_for_url("**/docs/translation-status.html")
    assert page.locator("h1").inner_text().startswith(name) or lang == "en" and name == "Translation status"
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_sidebar_search_box_shows_its_focus(browser, server, lang):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{server}/{lang}/docs/about.html")
    page.keyboard.press("Tab")  # the skip link
    box = page.locator("input.sidebar-search")
    for _press in range(30):
        if box.evaluate("b => b === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(box).to_be_focused()
    style = box.evaluate("b => { const s = getComputedStyle(b); return [s.outlineStyle, s.outlineWidth]; }")
    assert style[0] != "none" and float(style[1].removesuffix("px")) >= 2, style
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_cover_on_the_first_page_and_the_download_page(browser, server, site, lang):
    for path in ("index.html", "docs/download.html"):
        covers = [img for img in read(site / lang / path).find("img") if "book-cover" in img.get("class", "")]
        assert len(covers) == 1, (lang, path)
        page = browser.new_page(viewport={"width": 412, "height": 823})
        page.goto(f"{server}/{lang}/{path}")
        cover = page.locator("img.book-cover")
        expect(cover).to_be_visible()
        cover.scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('img.book-cover').complete")
        size = cover.evaluate("img => [img.naturalWidth, img.naturalHeight, img.clientWidth]")
        assert size[0] == 300 and size[1] == 400 and size[2] >= 90, size
        alt = cover.get_attribute("alt")
        assert alt and (lang == "en" or "vāks" in alt), alt
        page.close()
    assert (site / lang / "_static" / "cover-web.png").stat().st_size < 6000
    about = read(site / lang / "docs" / "about.html").find("img")
    assert not [img for img in about if "book-cover" in img.get("class", "")]
