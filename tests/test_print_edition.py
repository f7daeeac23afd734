"""The print edition, read from each built PDF as a reader and a printer would see it (issues 16 and 21).

Page text and word positions come from poppler's ``pdftotext -bbox``; destinations, links, form fields and the
structure tree from pikepdf; what each page should hold from the print build's own HTML page.
"""

import html
import json
import re
import shutil
import subprocess
import unicodedata
from functools import cached_property

import pikepdf
import pytest
import tinyhtml5
from conftest import ROOT, STEM

from cowork_book.book import BOOK
from cowork_book.languages import LANGUAGES
from cowork_book.sphinxext.casestudies import front_matter
from cowork_book.sphinxext.glossary import collation_key
from cowork_book.sphinxext.printbook import CHARACTERS_PER_PAGE, guessed_pages

XHTML = "{http://www.w3.org/1999/xhtml}"
HYPHEN = "\u2010"  # WeasyPrint's hyphenate-character
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
ADDRESS = re.compile(r"(?:[\w-]+\.)+(?:lv|ee|es|it|eu|org|com|net|gal|cat|ie|fi|fr|pt|lt|info|gov)\b")
MM = 72 / 25.4
GAP = 0.35  # of a line's height: wider than a space between words, narrower than between two table columns
RADIO = 1 << 15
MULTILINE = 1 << 12


def squash(text):
    return re.sub(r"[\s\-\u00ad\u2010]+", "", unicodedata.normalize("NFKC", text)).lower()


def text_of(element):
    """An element's visible text (without the "#" of a heading's or term's permalink)."""
    parts = [element.text or ""]
    for child in element:
        if "headerlink" not in (child.get("class") or ""):
            parts.append(text_of(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


class Book:
    """One language's PDF and the print page it was made from."""

    def __init__(self, site, lang):
        self.lang = lang
        self.path = site / lang / "downloads" / f"{STEM}-{lang}.pdf"
        self.stage = site.parent / "stage" / lang / "printpdf"
        assert shutil.which("pdftotext"), "poppler-utils is missing: sudo apt-get install poppler-utils"

    @cached_property
    def pages(self):
        """``[(width, height, [(x0, y0, x1, y1, word), ...])]``, y from the top, in points."""
        out = subprocess.run(["pdftotext", "-bbox", str(self.path), "-"], capture_output=True, text=True, check=True)
        pages = []
        for width, height, body in PAGE.findall(out.stdout):
            words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in WORD.findall(body)]
            pages.append((float(width), float(height), [(*box, html.unescape(w)) for *box, w in words]))
        return pages

    @cached_property
    def texts(self):
        out = subprocess.run(["pdftotext", str(self.path), "-"], capture_output=True, text=True, check=True)
        return out.stdout.split("\f")[: len(self.pages)]

    @cached_property
    def page(self):
        return tinyhtml5.parse((self.stage / "index.html").read_text(encoding="utf-8"))

    @cached_property
    def destinations(self):
        """``{anchor: page index}`` of every named destination."""
        with pikepdf.open(self.path) as pdf:
            numbers = {page.objgen: i for i, page in enumerate(pdf.pages)}
            return {str(k): numbers[v[0].objgen] for k, v in pikepdf.NameTree(pdf.Root.Names.Dests).items()}

    def boxed_lines(self, index):
        """The words of page ``index`` in lines: ``[(top, bottom, [(x0, x1, word) left to right])]``."""
        found = []
        for x0, y0, x1, y1, word in sorted(self.pages[index][2], key=lambda w: (round(w[3]), w[0])):
            if found and abs(found[-1][1] - y1) < 2:
                found[-1][2].append((x0, x1, word))
            else:
                found.append((y0, y1, [(x0, x1, word)]))
        return [(top, bottom, sorted(words)) for top, bottom, words in found]

    def lines(self, index):
        """The words of page ``index`` grouped into lines: ``[(top, bottom, [words left to right])]``."""
        return [(top, bottom, [w for _a, _b, w in words]) for top, bottom, words in self.boxed_lines(index)]

    def body_lines(self, index, boxed=False):
        """Lines inside the text block: no running head, no page number."""
        height = self.pages[index][1]
        lines = self.boxed_lines(index) if boxed else self.lines(index)
        return [line for line in lines if line[0] > 14 * MM and line[1] < height - 16 * MM]

    def elements(self, tag, cls=None):
        return [e for e in self.page.iter(XHTML + tag) if cls is None or cls in (e.get("class") or "").split()]

    @cached_property
    def main_pages(self):
        """Indexes of the pages of the book's text (after the contents, before the back cover)."""
        first = self.destinations[
            next(e.get("id") for e in self.page.iter(XHTML + "h1") if e.get("id") != "contents-title")
        ]
        return range(first, len(self.pages) - 1)


@pytest.fixture(scope="module", params=list(LANGUAGES))
def printed(request, site):
    return Book(site, request.param)


# -- Cover, imprint, contents -------------------------------------------------------------------------------------


def test_cover_shows_the_year_and_version_once_and_the_partners(printed):
    year, release = BOOK.year, BOOK.version
    cover = printed.texts[0]
    assert re.search(rf"{year} · \S+ {re.escape(release)}", cover), "year · Version release"
    assert cover.count(release) == 1, "the version is printed once on the cover"
    assert not re.search(r"^\s*·", cover, re.M), "nothing is missing before the dot"
    for name in ("Ķekavas novada Jaunatnes iniciatīvu centrs", "Forwardspace", "Asociación Cultural Sende"):
        assert name in " ".join(cover.split())
    assert "Erasmus+" in cover


def test_imprint_says_who_made_the_book_under_which_grant(printed):
    imprint = " ".join(printed.texts[1].split())
    for fact in ("2017-2-LV02-KA205-001661", "CC BY-SA 4.0", "Erasmus+", "Jaunatnes kompetenču apguves"):
        assert fact in imprint
    assert "2018" in imprint and "2019" in imprint, "the project period"
    assert "ISBN" not in imprint, "no number the sources do not give"


def test_no_hyphenation_on_the_cover_and_imprint(printed):
    for page in printed.texts[:2]:
        assert HYPHEN not in page


def test_contents_lists_parts_chapters_and_sections_on_at_most_three_pages(printed):
    contents = [i for i, text in enumerate(printed.texts[:10]) if re.search(r"\.{10,}", text)]
    assert 1 <= len(contents) <= 3, contents
    entries = printed.elements("li")
    titles = [text_of(li.find(XHTML + "a")) for li in entries if (li.get("class") or "").startswith("toc-level")]
    assert len(titles) > 40
    assert len(set(titles)) == len(titles), "no heading listed twice ('Sources', 'Over to you')"


# -- The print edition of the content ---------------------------------------------------------------------------


def test_web_only_content_is_left_out(printed):
    left_out = json.loads((printed.stage / "left-out.json").read_text(encoding="utf-8"))
    assert len(left_out) >= 8, "the pages, sections and sentences marked web-only"
    text = squash(" ".join(printed.texts))
    found = [entry[:80] for entry in left_out if squash(entry[:80]) in text]
    assert not found, found


def _internal_links(book):
    """``{(page index, destination): [words of each of its link rectangles]}`` in the book's text, glossary
    words left out (they are plain text on paper)."""
    found = {}
    with pikepdf.open(book.path) as pdf:
        for index in book.main_pages:
            height = book.pages[index][1]
            for annotation in pdf.pages[index].get("/Annots", []):
                target = str(annotation.get("/Dest", ""))
                if annotation.get("/Subtype") != "/Link" or not target or target.startswith("term-"):
                    continue
                x0, y0, x1, y1 = (float(v) for v in annotation.Rect)
                top, bottom = height - max(y0, y1), height - min(y0, y1)
                words = [
                    w
                    for a, b, c, d, w in book.pages[index][2]
                    if x0 <= (a + c) / 2 <= x1 and top <= (b + d) / 2 <= bottom  # the word's centre is in the link
                ]
                found.setdefault((index, target), []).append(words)
    return found


def test_cross_references_print_the_page_they_point_to(printed):
    links = _internal_links(printed)
    assert len(links) > 60
    wrong, missing = [], []
    for (index, target), rectangles in links.items():
        expected = printed.destinations[target] + 1
        numbers = [re.findall(r"\d+", " ".join(words)) for words in rectangles]
        numbers = [found[-1] for found in numbers if found]
        if not numbers:
            if not links.get((index + 1, target)):  # a link that runs on to the next page has its number there
                missing.append(f"p. {index + 1}: {' '.join(rectangles[0])!r} -> {target}")
        elif int(numbers[-1]) != expected and all(int(n) != expected for n in numbers):
            wrong.append(f"p. {index + 1}: {' '.join(rectangles[0])!r} -> {target} on p. {expected}")
    assert not missing, "no page number:\n" + "\n".join(missing[:20])
    assert not wrong, "wrong page number:\n" + "\n".join(wrong[:20])


def test_the_first_layout_numbers_each_reference_with_a_guess_of_its_page():
    """The first of the two layouts prints a number of about the right width: the page guessed from where the
    target's ``id`` stands in the HTML, so that the second layout, with the real numbers, seldom moves a line."""
    chapter = "x" * (CHARACTERS_PER_PAGE - len('<p id="p000">'))
    pages = guessed_pages("".join(f'<p id="p{page:03}">{chapter}' for page in range(300)))
    assert [pages[f"p{page:03}"] for page in (0, 1, 9, 10, 99, 100, 299)] == [1, 1, 9, 10, 99, 100, 299]


def test_fact_box_labels_are_on_the_line_of_their_values(printed):
    """Each fact's label and the start of its value are one line of the case's first page (no drift, no label
    broken over two lines); the web-only rows are checked with the rest of what is left out."""
    cases, problems = 0, []
    for section in printed.elements("section", "book-doc"):
        table = next((t for t in section.iter(XHTML + "table") if "case-facts" in (t.get("class") or "")), None)
        title = section.find(XHTML + "h2")
        if table is None or title is None:
            continue
        cases += 1
        lines = [" ".join(words) for _t, _b, words in printed.body_lines(printed.destinations[title.get("id")])]
        for row in table.iter(XHTML + "tr"):
            label, value = text_of(row.find(XHTML + "th")), text_of(row.find(XHTML + "td"))
            if not any(line.startswith(f"{label} {value.split()[0]}") for line in lines):
                problems.append(f"{title.get('id')}: {label!r} is not on one line with {value!r}")
    assert cases >= 10
    assert not problems, "\n".join(problems)


def test_glossary_is_in_the_languages_order(printed):
    terms = [text_of(dt) for dl in printed.elements("dl", "glossary") for dt in dl.iter(XHTML + "dt")]
    assert len(terms) > 20
    assert terms == sorted(terms, key=lambda t: collation_key(t, printed.lang))
    glossary = printed.destinations["app-glossary"]
    text = squash(" ".join(printed.texts[glossary : glossary + 12]))
    position = 0
    for term in terms:  # each term after the one before it
        position = text.find(squash(term), position)
        assert position >= 0, f"{term!r} is not printed in the glossary's order"


# -- Line and page breaking ----------------------------------------------------------------------------------------


def _hyphenations(book):
    """``(page, fragment, continuation, across a page)`` for every word WeasyPrint broke at a line's end.

    The continuation is the first word of the next line of the same column (a table's cells are columns), or
    of the next page when the break is on a page's last line.
    """
    found = []
    for index in book.main_pages:
        lines = book.body_lines(index, boxed=True)
        for number, (top, bottom, words) in enumerate(lines):
            for position, (_x0, x1, word) in enumerate(words):
                gap = GAP * (bottom - top)
                if not word.endswith(HYPHEN) or (position + 1 < len(words) and words[position + 1][0] - x1 < gap):
                    continue
                start = position
                while start > 0 and words[start][0] - words[start - 1][1] < gap:
                    start -= 1
                left, continuation = words[start][0], None
                if number + 1 < len(lines) and lines[number + 1][0] - bottom < (bottom - top) * 1.5:
                    column = [w for a, _b, w in lines[number + 1][2] if left - 2 <= a <= x1]
                    continuation = column[0] if column else None
                across = number == len(lines) - 1 and index + 1 < len(book.pages)
                if across:
                    following = book.body_lines(index + 1)
                    continuation = following[0][2][0] if following else None
                found.append((index, word[:-1], continuation or "", across))
    return found


def _names():
    names = set()
    for path in (ROOT / "case_studies").glob("*.md"):
        case = front_matter(path.read_text(encoding="utf-8")).get("case") or {}
        texts = [case.get(k) or "" for k in ("place", "region", "run_by")]
        texts += [s.get("publisher") or "" for s in case.get("sources", [])]
        names |= {w for text in texts for w in re.findall(r"\w[\w-]*\w", text) if w[0].isupper() and len(w) >= 5}
    return names


def test_no_hyphen_inside_an_address_a_name_or_an_acronym(printed):
    names, wrong = _names(), []
    for index, fragment, continuation, _across in _hyphenations(printed):
        word = re.sub(r"^\W+|[^\w.]+$", "", fragment + continuation)
        inner_capital = any(c.isupper() for c in word[1:])
        if ADDRESS.search(fragment + continuation) or word in names or inner_capital:
            wrong.append(f"p. {index + 1}: {fragment}{HYPHEN}{continuation}")
    assert not wrong, wrong


def test_hyphenation_leaves_three_letters_and_few_hyphens_in_a_row(printed):
    found = _hyphenations(printed)
    short = [
        f"{f}{HYPHEN}{c}"
        for _i, f, c, _across in found
        if len(re.sub(r"\W", "", f)) < 3 or (c and len(re.sub(r"\W.*", "", c)) < 3)
    ]
    assert not short, short[:10]
    # Bringhurst (2.4.2): no more than three hyphenated lines in a row; here three in a row stay rare too.
    runs = []
    for text in printed.texts:
        run = 0
        for line in (line.strip() for line in text.splitlines() if line.strip()):
            run = run + 1 if line.endswith(HYPHEN) else 0
            runs.append(run)
    assert max(runs) <= 3, f"{max(runs)} hyphenated lines in a row"
    assert runs.count(3) <= 2, f"{runs.count(3)} runs of three hyphenated lines"
    per_page = len(found) / len(printed.main_pages)
    assert per_page < 1.5, f"{per_page:.1f} hyphens a page"


def _figures(book):
    """``{page index: [(x0, y0, x1, y1)]}`` of the pictures, in points from the top left (structure tree)."""
    found = {}
    with pikepdf.open(book.path) as pdf:
        pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
        for element in _structure(pdf):
            if element.S == "/Figure" and "/A" in element and "/BBox" in element.A and "/Pg" in element:
                box = [float(v) * 0.75 for v in element.A.BBox]  # CSS pixels
                found.setdefault(pages[element.Pg.objgen], []).append(box)
    return found


def test_russian_one_letter_words_do_not_end_a_line(site):
    """A rule of Russian typesetting (cowork_book.sphinxext.linebreaks); the other languages have none. Text drawn in a
    picture (its own SVG lines) is not set by the text's rules."""
    russian = Book(site, "ru")
    figures, ends = _figures(russian), []
    for index in russian.main_pages:
        for top, bottom, words in russian.body_lines(index, boxed=True):
            for position, (x0, x1, word) in enumerate(words):
                last = position + 1 == len(words) or words[position + 1][0] - x1 >= GAP * (bottom - top)
                inside = any(a <= x0 and x1 <= c and b <= top and bottom <= d for a, b, c, d in figures.get(index, []))
                if last and not inside and re.fullmatch(r"[авиксоуяАВИКСОУЯ]", word):
                    ends.append(f"p. {index + 1}: … {word}")
    assert not ends, ends[:10]


def test_no_page_ends_with_a_heading_or_a_glossary_term(printed):
    headings = [e for tag in ("h1", "h2", "h3", "h4", "h5", "h6") for e in printed.elements(tag) if e.get("id")]
    terms = [dt for dl in printed.elements("dl", "glossary") for dt in dl.iter(XHTML + "dt") if dt.get("id")]
    assert terms
    stranded = []
    for element in headings + terms:
        index = printed.destinations.get(element.get("id"))
        if index is None or index not in printed.main_pages:
            continue
        page = squash(" ".join(" ".join(words) for _top, _bottom, words in printed.body_lines(index)))
        if page.endswith(squash(text_of(element))):
            stranded.append(f"p. {index + 1}: {text_of(element)!r}")
    assert not stranded, stranded


def _printed_word(word):
    """A regular expression for ``word`` as pdftotext gives it: maybe hyphenated, maybe broken after its own
    hyphen (which pdftotext then drops: "samm-" and "sammult" come out as "sammsammult")."""
    letters = ["-?\\s*" if c == "-" else re.escape(c) for c in word]
    return f"(?:{HYPHEN}\\s*)?".join(letters)


def test_headings_are_not_hyphenated(printed):
    broken = []
    for tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        for heading in printed.elements(tag):
            index, words = printed.destinations.get(heading.get("id")), text_of(heading).split()
            if index is None or not words:
                continue
            pattern = r"\s+".join(_printed_word(word) for word in words)
            page = printed.texts[index] + printed.texts[index + 1]
            found = [match.group() for match in re.finditer(pattern, page)]
            assert found, f"{text_of(heading)!r} is printed on p. {index + 1}"
            if all(HYPHEN in match for match in found):  # the same words in the text may be hyphenated
                broken.append(found[0])
    assert not broken, broken


def test_a_tables_last_row_is_not_alone_on_a_page(printed):
    """A table's last row (a cost table's total) never starts a page without the row before it."""
    texts = [squash(text) for text in printed.texts]

    def page_of(row):  # the one page that prints the row, if its text is printed once only
        pages = [index for index in printed.main_pages if row in texts[index]]
        return pages[0] if len(pages) == 1 else None

    alone, checked = [], 0
    for table in printed.elements("table"):
        body = table.find(XHTML + "tbody")
        rows = [] if body is None else [squash(text_of(row))[:40] for row in body.findall(XHTML + "tr")]
        if len(rows) < 3 or len(rows[-1]) < 20 or len(rows[-2]) < 20:
            continue
        last, before = page_of(rows[-1]), page_of(rows[-2])
        if last is not None and before is not None:
            checked += 1
            if last != before:
                alone.append(f"p. {last + 1}: {rows[-1]!r}")
    assert checked > 10
    assert not alone, alone


def _openings(book):
    """Pages where something starts on a new page: parts, chapters, handouts (worksheets, tool forms)."""
    anchors = []
    for section in book.elements("section"):
        classes = (section.get("class") or "").split()
        if {"book-doc", "book-handout"} & set(classes):
            heading = next((e for e in section if e.tag.startswith(XHTML + "h") and e.get("id")), None)
            if heading is not None:
                anchors.append(heading.get("id"))
    return {book.destinations[a] for a in anchors if a in book.destinations}


def test_no_blank_or_near_empty_page_inside_a_chapter(printed):
    openings, problems = _openings(printed), []
    for index in printed.main_pages:
        height = printed.pages[index][1]
        lines = printed.body_lines(index)
        if not lines:
            problems.append(f"p. {index + 1} is blank")
            continue
        fill = (lines[-1][1] - 20 * MM) / (height - 44 * MM)
        if fill < 0.3 and index + 1 not in openings and index + 1 < len(printed.pages) - 1:
            problems.append(f"p. {index + 1} is {fill:.0%} full and the next page does not start anything")
    assert not problems, problems


def test_worksheets_are_handouts_on_pages_of_their_own(printed):
    sheets = [
        s
        for s in printed.elements("section", "book-handout")
        if s.find(XHTML + "h3") is not None and s.find(XHTML + "h3").get("id", "").startswith("app-worksheets-")
    ]
    assert len(sheets) == 4, "four worksheets (the tools' pages and the activities' handouts are handouts too)"
    howto = printed.destinations["app-worksheets-how"]
    for sheet in sheets:
        heading = next(e for e in sheet if e.tag.startswith(XHTML + "h"))
        index = printed.destinations[heading.get("id")]
        assert index > howto, "the 'how to use' text comes before the worksheets"
        first = squash(" ".join(printed.lines(index)[0][2]))
        assert squash(text_of(heading)).startswith(first), f"{heading.get('id')} starts its page, no running head"


def test_answers_have_room_and_one_choice_is_one_radio_group(printed):
    with pikepdf.open(printed.path) as pdf:
        fields = list(pdf.Root.AcroForm.Fields)
        radios = [f for f in fields if int(f.get("/Ff", 0)) & RADIO]
        assert len(radios) >= 30, "the self-assessment statements and the feedback form's choices"
        for group in radios:
            assert len(group.Kids) >= 2 and all("/T" not in kid for kid in group.Kids), str(group.T)
            assert str(group.get("/TU", "")), "each group has an accessible name"
        assert not any("/Parent" in f for f in fields), "a radio button is not a field of its own"
        worksheets = [f for f in fields if str(f.get("/T", "")).startswith("ws-") and f.get("/FT") == "/Tx"]
        assert any(int(f.get("/Ff", 0)) & MULTILINE for f in worksheets), "longer answers have several lines"
        low = [str(f.T) for f in worksheets if abs(float(f.Rect[3]) - float(f.Rect[1])) < 8 * MM - 0.5]
        assert not low, f"lines to write on lower than 8 mm: {low[:5]}"


# -- What a PDF/UA reader relies on (issue 16) -----------------------------------------------------------------------


def _structure(top):
    """Every structure element under ``top`` (a PDF: its whole tree)."""
    stack = [top.Root.StructTreeRoot if isinstance(top, pikepdf.Pdf) else top]
    while stack:
        node = stack.pop()
        kids = node.get("/K")
        if kids is None:
            continue
        kids = kids if isinstance(kids, pikepdf.Array) else [kids]
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") != "/OBJR" and "/S" in kid:
                yield kid
                stack.append(kid)


def test_structure_has_alternative_text_headers_and_languages(printed):
    foreign = [e for e in printed.page.iter() if e.get("lang") and e.tag != XHTML + "html"]
    with pikepdf.open(printed.path) as pdf:
        elements = list(_structure(pdf))
        kinds = {}
        for element in elements:
            kinds.setdefault(str(element.S), []).append(element)
        figures = kinds.get("/Figure", [])
        assert figures and all(str(f.get("/Alt", "")).strip() for f in figures), "every figure has alternative text"
        assert len(kinds.get("/TH", [])) > 50, "table headers are tagged"
        assert all("/Scope" in th.get("/A", {}) for th in kinds["/TH"]), "each says whether it heads a row or a column"
        bare = [table for table in kinds.get("/Table", []) if not any(d.S == "/TH" for d in _structure(table))]
        assert not bare, f"{len(bare)} tables without a header cell"
        langs = [str(e.Lang) for e in elements if "/Lang" in e]
        assert len(langs) >= len(foreign) > 0, "each quoted title in another language has its /Lang"
        assert set(langs) <= {e.get("lang") for e in foreign}, "and only those"


def test_links_are_described_and_the_title_is_shown(printed):
    with pikepdf.open(printed.path) as pdf:
        assert pdf.Root.ViewerPreferences.DisplayDocTitle
        undescribed = []
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                if annotation.get("/Subtype") != "/Link":
                    continue
                contents = str(annotation.get("/Contents", "")).strip()
                if not contents or contents == str(annotation.get("/Dest", "")):
                    undescribed.append(contents)
        assert not undescribed, undescribed[:10]


def test_metadata_is_in_the_books_language(printed, site):
    with pikepdf.open(printed.path) as pdf, pikepdf.open(Book(site, "en").path) as english:
        info, source = pdf.docinfo, english.docinfo
        assert str(info.Title) and str(info.Author) and str(info.Keywords)
        if printed.lang != "en":
            assert str(info.Author) != str(source.Author)
            assert str(info.Keywords) != str(source.Keywords)
            assert str(info.Title) != str(source.Title)


def test_measure_is_about_65_to_75_characters(printed):
    lengths = []
    for index in printed.main_pages:
        width = printed.pages[index][0]
        for _top, _bottom, words in printed.body_lines(index):
            line = " ".join(words)
            if len(words) > 6 and not line.endswith((".", ":", HYPHEN)):
                lengths.append(len(line))
    lengths.sort()
    median = lengths[len(lengths) // 2]
    assert 60 <= median <= 78, f"median full line: {median} characters (width {width:.0f} pt)"


def test_mirrored_margins_leave_room_for_the_binding(printed):
    """Left pages have their wide margin on the left, right pages on the right."""
    for index in list(printed.main_pages)[10:14]:
        width, _height, words = printed.pages[index]
        left = min(w[0] for w in words if w[3] < printed.pages[index][1] - 16 * MM and w[1] > 14 * MM)
        right_page = index % 2 == 0  # page 1 is a right page
        assert (left < 35 * MM) == right_page, f"p. {index + 1}: text starts {left / MM:.0f} mm from the left"
