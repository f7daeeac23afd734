"""Each language's pages: their own lang attribute, their own text, a switcher and hreflang links that resolve."""

import re

from htmlparse import read
from languages import letters_found

from cowork_book.languages import LANGUAGES


def test_html_lang_attribute(html_pages):
    for lang, pages in html_pages.items():
        for page in pages:
            head = page.read_text(encoding="utf-8")[:400]
            assert re.search(rf'<html[^>]* lang="{lang}"', head), f"{page}: not lang={lang}"


def test_pages_carry_their_language_text(site):
    for lang in LANGUAGES:
        for name in ("index.html", "docs/about.html"):
            text = read(site / lang / name).text
            if lang == "en":
                assert "youth" in text.lower()
            else:
                assert letters_found(lang, text) >= 2, f"{lang}/{name} does not read as {lang}"


def test_switcher_links_go_to_the_same_page_in_each_language(site, html_pages):
    for lang, pages in html_pages.items():
        for page in pages:
            if page.name in ("search.html", "genindex.html"):
                continue
            doc = read(page)
            nav_links = [a for a in doc.find("a") if "hreflang" in a and a.get("lang")]
            assert {a["hreflang"] for a in nav_links} == set(LANGUAGES), page
            for link in nav_links:
                target = (page.parent / link["href"]).resolve()
                assert target.is_file(), f"{page}: switcher link {link['href']} does not resolve"
                assert target.relative_to(site / link["hreflang"]) == page.relative_to(site / lang)
            current = [a for a in nav_links if a.get("aria-current") == "page"]
            assert [a["hreflang"] for a in current] == [lang]


def test_hreflang_alternates(site, html_pages):
    for _lang, pages in html_pages.items():
        for page in pages[:20]:
            alternates = {a["hreflang"]: a["href"] for a in read(page).find("link", rel="alternate")}
            assert set(alternates) == set(LANGUAGES) | {"x-default"}, page
            for href in alternates.values():
                assert (page.parent / href).resolve().is_file()
