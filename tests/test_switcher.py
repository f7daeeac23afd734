"""Each language's pages: their own lang attribute, their own text, a switcher and hreflang links that resolve."""

import os
import re
import subprocess
import sys

from conftest import BASE_URL, ROOT
from htmlparse import read
from languages import letters_found

from cowork_book.languages import LANGUAGES

BUILD_ENV = {k: v for k, v in os.environ.items() if k not in ("LANG", "BOOK_BASE_URL")}


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


def test_hreflang_alternates_and_canonical_are_absolute(site, html_pages):
    for pages in html_pages.values():
        for page in pages[:20]:
            doc = read(page)
            alternates = {a["hreflang"]: a["href"] for a in doc.find("link", rel="alternate")}
            assert set(alternates) == set(LANGUAGES) | {"x-default"}, page
            for code, href in alternates.items():
                assert href.startswith(BASE_URL), (page, href)
                assert (site / href.removeprefix(BASE_URL)).is_file(), (page, href)
                assert href.startswith(BASE_URL + ("en" if code == "x-default" else code) + "/")
            [canonical] = doc.find("link", rel="canonical")
            assert canonical["href"] == BASE_URL + page.relative_to(site).as_posix()
            og_url = [m for m in doc.find("meta") if m.get("property") == "og:url"]
            assert [m["content"] for m in og_url] == [canonical["href"]]


def test_no_hreflang_or_canonical_without_a_public_address(tmp_path):
    """Relative alternates are invalid, so a build that does not know its address writes none."""
    out = tmp_path / "out"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(ROOT), str(out)]  # English: the quickest
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, env=BUILD_ENV)
    assert proc.returncode == 0, proc.stderr[-3000:]
    head = (out / "docs" / "about.html").read_text(encoding="utf-8").split("</head>")[0]
    assert "hreflang" not in head and 'rel="canonical"' not in head and "og:url" not in head
    assert 'hreflang="et"' in (out / "docs" / "about.html").read_text(encoding="utf-8")  # the switcher stays
