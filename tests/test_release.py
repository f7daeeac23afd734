"""The release: one folder and zip, with sitemap, checksums and version, working from a sub-path and from disk."""

import hashlib
import re
import runpy
import urllib.request
import xml.etree.ElementTree as ET
import zipfile
from urllib.parse import urljoin

import pytest
from conftest import BASE_URL, ROOT, STEM
from pdftext import page_texts

from cowork_book.commands import release
from cowork_book.commands.serve import serving
from cowork_book.languages import LANGUAGES

BASE = BASE_URL


@pytest.fixture(scope="module")
def release_folder(site, tmp_path_factory):
    out = tmp_path_factory.mktemp("release")
    folder, archive = release.assemble(site, out, BASE)
    return folder, archive


def test_release_has_every_language_download_and_file(release_folder):
    folder, archive = release_folder
    for lang in LANGUAGES:
        for suffix in (".pdf", ".epub", "-html.zip"):
            assert (folder / lang / "downloads" / f"{STEM}-{lang}{suffix}").is_file()
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt", "SHA256SUMS", "VERSION"):
        assert (folder / name).is_file(), name
    with zipfile.ZipFile(archive) as z:
        assert f"{folder.name}/en/index.html" in z.namelist()


def test_checksums_match_the_files(release_folder):
    folder, _archive = release_folder
    lines = (folder / "SHA256SUMS").read_text().splitlines()
    assert len(lines) == 3 * len(LANGUAGES)
    for line in lines:
        digest, name = line.split("  ")
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest


def test_sitemap_lists_pages_with_hreflang_alternates(release_folder):
    folder, _archive = release_folder
    root = ET.parse(folder / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = root.findall("s:url", ns)
    assert len(urls) >= len(LANGUAGES) * 20
    first = urls[0]
    assert first.find("s:loc", ns).text.startswith(BASE)
    langs = {link.get("hreflang") for link in first.findall("x:link", ns)}
    assert langs == set(LANGUAGES) | {"x-default"}
    assert f"Sitemap: {BASE}sitemap.xml" in (folder / "robots.txt").read_text()


def test_version_file_matches_conf_py_and_what_every_page_pdf_and_epub_says(release_folder):
    folder, _archive = release_folder
    version = (folder / "VERSION").read_text().strip()
    assert version == runpy.run_path(str(ROOT / "conf.py"))["release"], "VERSION is not conf.py's release"
    for lang in LANGUAGES:
        footer = re.findall(
            r'<span class="book-version">[^<]*?(\S+)</span>', (folder / lang / "index.html").read_text()
        )
        assert footer == [version], f"{lang}: the footer says {footer}"
        cover = page_texts(folder / lang / "downloads" / f"{STEM}-{lang}.pdf")[0]
        assert version in cover, f"{lang}: the PDF's cover does not show {version}"
        with zipfile.ZipFile(folder / lang / "downloads" / f"{STEM}-{lang}.epub") as epub:
            opf = epub.read("content.opf").decode()
        assert re.findall(r'<meta property="ibooks:version">([^<]*)</meta>', opf) == [version]


def test_release_served_from_a_sub_path(release_folder):
    folder, _archive = release_folder
    with serving(folder.parent) as server:
        base = f"{server}/{folder.name}/"
        checked = 0
        for lang in LANGUAGES:
            for page in ("index.html", "docs/download.html"):
                url = urljoin(base, f"{lang}/{page}")
                with urllib.request.urlopen(url) as response:
                    doc = read_text(response.read().decode())
                for tag, attrs in doc.elements:
                    href = attrs.get("href") if tag in ("a", "link") else attrs.get("src") if tag == "script" else None
                    if not href or href.startswith(("http:", "https:", "mailto:", "#")):
                        continue
                    with urllib.request.urlopen(urljoin(url, href.split("#")[0])) as linked:
                        assert linked.status == 200
                        checked += 1
        assert checked > 100


def read_text(text):
    from htmlparse import Page

    return Page(text)


def test_offline_bundle_opens_from_disk(release_folder, browser, tmp_path):
    folder, _archive = release_folder
    with zipfile.ZipFile(folder / "lv" / "downloads" / f"{STEM}-lv-html.zip") as bundle:
        bundle.extractall(tmp_path)
    index = next(tmp_path.glob("*/index.html"))
    page = browser.new_page()
    page.goto(index.as_uri())
    assert page.locator("html").get_attribute("lang") == "lv"
    page.locator("a[href^='docs/about.html']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/docs/about.html")
    assert page.locator("h1").count() == 1
    page.close()
