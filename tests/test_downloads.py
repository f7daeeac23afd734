"""The Download page of each language links every file the build publishes for it (PDF, EPUB, offline web book),
each with its format and size (and the PDF's page count) in the page's language, and every link resolves."""

import html
import re
import urllib.request
import zipfile
from urllib.parse import urljoin

import pytest
from conftest import STEM
from pdftext import page_texts

from cowork_book.languages import LANGUAGES

FORMATS = {".pdf": "PDF", ".epub": "EPUB", ".zip": "ZIP"}
UNITS = {"kB": 1e3, "MB": 1e6, "кБ": 1e3, "МБ": 1e6}
SIZE = re.compile(r"(\d+(?:[.,]\d)?)\s(kB|MB|кБ|МБ)")


def download_list(page_html):
    """``[(href, link text, details text)]`` of the page's download list."""
    block = re.search(r'<ul class="book-downloads[^"]*">(.*?)</ul>', page_html, re.S)
    assert block, "the page has no download list"
    items = []
    for item in re.findall(r"<li>(.*?)</li>", block[1], re.S):
        link = re.search(r'<a class="book-download[^"]*" href="([^"]+)">([^<]+)</a>', item)
        details = re.search(r'<span class="book-download-details"[^>]*>([^<]*)</span>', item)
        assert link and details, item
        items.append((html.unescape(link[1]), html.unescape(link[2]), html.unescape(details[1]).strip()))
    return items


@pytest.fixture(scope="module", params=list(LANGUAGES))
def download_page(request, site):
    lang = request.param
    page = site / lang / "docs" / "download.html"
    return lang, page, download_list(page.read_text(encoding="utf-8"))


def test_every_published_file_is_linked_and_every_link_resolves(download_page):
    lang, page, items = download_page
    published = sorted(p.name for p in (page.parent.parent / "downloads").iterdir())
    assert published == sorted([f"{STEM}-{lang}.pdf", f"{STEM}-{lang}.epub", f"{STEM}-{lang}-html.zip"])
    linked = [href for href, _text, _details in items]
    assert sorted(href.rsplit("/", 1)[-1] for href in linked) == published
    for href in linked:
        assert href.startswith("../downloads/") and (page.parent / href).resolve().is_file(), href


def test_each_link_states_format_and_true_size_in_the_pages_language(download_page):
    lang, page, items = download_page
    for href, text, details in items:
        path = (page.parent / href).resolve()
        assert FORMATS[path.suffix] in text, f"{text}: no format"
        found = SIZE.search(details)
        assert found, f"{href}: no size in {details!r}"
        number, unit = found.groups()
        if lang != "en":
            assert "." not in number, f"{lang} writes a decimal comma: {details}"
        if lang == "ru":
            assert unit in ("кБ", "МБ")
        stated = float(number.replace(",", ".")) * UNITS[unit]
        step = 0.1e6 if UNITS[unit] == 1e6 else 1e3
        assert abs(stated - path.stat().st_size) <= step / 2, f"{href}: {details} but {path.stat().st_size} bytes"
        if path.suffix == ".pdf":
            pages = len(page_texts(path))
            assert re.search(rf"\b{pages}\b", details.replace(number, "")), f"{details}: not {pages} pages"
            assert lang == "en" or "pages" not in details, f"page count not translated: {details}"


def test_the_offline_book_states_the_same_sizes(download_page):
    """The offline web book holds this page too, and it states the same sizes (its own size included)."""
    lang, page, items = download_page
    bundle = page.parent.parent / "downloads" / f"{STEM}-{lang}-html.zip"
    with zipfile.ZipFile(bundle) as z:
        inside = z.read(f"{STEM}-{lang}/docs/download.html").decode("utf-8")
    assert download_list(inside) == items


def test_links_resolve_over_http_with_their_size(server):
    for lang in LANGUAGES:
        url = f"{server}/{lang}/docs/download.html"
        with urllib.request.urlopen(url) as response:
            items = download_list(response.read().decode("utf-8"))
        for href, _text, _details in items:
            request = urllib.request.Request(urljoin(url, href), method="HEAD")
            with urllib.request.urlopen(request) as response:
                assert response.status == 200 and int(response.headers["Content-Length"]) > 100_000, href
