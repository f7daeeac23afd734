"""Safe translations and clear errors: a table of bad inputs, each checked and built for real.

Every case starts from a small book (``tests/fixtures/minibook``) with a good Latvian translation, breaks one
thing, then asserts two outcomes: what ``pocheck`` reports (message and ``file:line``) and that the built
HTML is harmless (no tag, no file content, no command run) even when the check is skipped.
"""

import re
import shutil
from pathlib import Path

import polib
import pytest
from sphinxrun import sphinx_build

from cowork_book.pocheck import check_language

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "minibook"
LICENCE = "https://creativecommons.org/licenses/by-sa/4.0/"
STATEMENT = "Co-funded by the Erasmus+ Programme of the European Union"

QUOTES = 'Read "{lang}`Youth work in the spotlight <en>`" and "{lang}`Mis on noortekeskus? <et>`".'
GOOD = {
    "index": {
        "Welcome to the youth centre": "Laipni lūdzam jauniešu centrā",
        "Young people meet here to work on their ideas.": "Jaunieši šeit satiekas, lai strādātu pie savām idejām.",
        f"Read the [licence]({LICENCE}) and the {{ref}}`glossary <glossary>`.": (
            f"Izlasiet [licenci]({LICENCE}) un {{ref}}`vārdnīcu <glossary>`."
        ),
        "A {term}`coworking` space is open on Tuesdays.": "{term}`Kopstrādes <coworking>` telpa ir atvērta otrdienās.",
        QUOTES: "Izlasiet „{lang}`Youth work in the spotlight <en>`” un „{lang}`Mis on noortekeskus? <et>`”.",
    },
    "glossary": {
        "Glossary": "Vārdnīca",
        "coworking": "kopstrāde",
        "Working side by side in a shared space.": "Darbs blakus kopīgā telpā.",
    },
    "sphinx": {STATEMENT: "Līdzfinansē Eiropas Savienības programma „Erasmus+”"},
}

PARAGRAPH = "Young people meet here to work on their ideas."
TITLE = "Welcome to the youth centre"
LINKS = f"Read the [licence]({LICENCE}) and the {{ref}}`glossary <glossary>`."
TERM = "A {term}`coworking` space is open on Tuesdays."


def translate(catalogue, msgid, msgstr):
    return ("set", catalogue, msgid, msgstr)


def raw_po(catalogue, old, new):
    return ("raw", catalogue, old, new)


# (name, change, what the check says (None: nothing), text that must not be in the page, text that must be)
TRANSLATOR_CASES = [
    (
        "script in a paragraph",
        translate("index", PARAGRAPH, "Jaunieši <script>alert(1)</script> šeit."),
        "HTML is not allowed",
        ["<script>alert"],
        [],
    ),
    (
        "img onerror",
        translate("index", PARAGRAPH, 'Jaunieši <img src=x onerror="alert(1)"> šeit.'),
        "HTML is not allowed",
        ["onerror="],
        [],
    ),
    (
        "script in a heading",
        translate("index", TITLE, "Laipni <script>steal()</script>"),
        "HTML is not allowed",
        ["<script>steal"],
        [],
    ),
    (
        "html comment",
        translate("index", PARAGRAPH, "Jaunieši <!-- hidden --> šeit."),
        "HTML is not allowed",
        ["<!-- hidden"],
        [],
    ),
    (
        "literalinclude of a build file",
        translate("index", PARAGRAPH, "```{literalinclude} ../canary.txt\n```"),
        "not allowed in a translation",
        ["CANARY-SECRET-CONTENT"],
        [],
    ),
    (
        "include of a build file",
        translate("index", PARAGRAPH, ":::{include} canary.txt\n:::"),
        "not allowed in a translation",
        ["CANARY-SECRET-CONTENT"],
        [],
    ),
    (
        "eval-rst directive",
        translate("index", PARAGRAPH, "```{eval-rst}\n.. raw:: html\n\n   <b>x</b>\n```"),
        "not allowed in a translation",
        ["<b>x</b>"],
        [],
    ),
    ("raw role", translate("index", PARAGRAPH, "Jaunieši {raw}`<b>x</b>` šeit."), "roles differ", ["<b>x</b>"], []),
    (
        "substitution expression",
        translate("index", PARAGRAPH, "{{ __import__('os').system('touch COMMAND-RAN') }}"),
        "'{{' or '}}' is not allowed",
        [],
        [],
    ),
    (
        "phishing link",
        translate("index", LINKS, "Izlasiet [licenci](https://evil.example/login) un {ref}`vārdnīcu <glossary>`."),
        "link address differs",
        ["evil.example"],
        [LICENCE],
    ),
    (
        "added autolink",
        translate("index", PARAGRAPH, "Jaunieši šeit <https://evil.example>."),
        "link address differs",
        ["evil.example"],
        [],
    ),
    (
        "changed ref target",
        translate("index", LINKS, f"Izlasiet [licenci]({LICENCE}) un {{ref}}`vārdnīcu <home>`."),
        "roles differ",
        [],
        [],
    ),
    (
        "changed term target",
        translate("index", TERM, "{term}`Kopstrādes <hacking>` telpa ir atvērta otrdienās."),
        "roles differ",
        [],
        [],
    ),
    ("dropped role", translate("index", LINKS, f"Izlasiet [licenci]({LICENCE})."), "roles differ", [], []),
    (
        "second paragraph",
        translate("index", PARAGRAPH, "Jaunieši šeit satiekas.\n\nUn vēl viena rindkopa."),
        "2 paragraphs in the translation",
        ["vēl viena rindkopa"],
        [],
    ),
    ("unbalanced backtick", translate("index", PARAGRAPH, "Jaunieši `šeit satiekas."), "backticks", [], []),
    ("unbalanced bold", translate("index", PARAGRAPH, "Jaunieši **šeit satiekas."), "bold markers", [], []),
    ("unbalanced bracket", translate("index", PARAGRAPH, "Jaunieši [šeit satiekas."), "unbalanced '[]'", [], []),
    (
        "starts like a list",
        translate("index", PARAGRAPH, "- Jaunieši šeit satiekas."),
        "would make it a list",
        ["<li><p>Jaunieši", "<li>Jaunieši"],
        [],
    ),
    (
        "starts like a heading",
        translate("index", PARAGRAPH, "# Jaunieši šeit satiekas."),
        "would make it a list",
        [],
        [],
    ),
    (
        "starts like a quote",
        translate("index", PARAGRAPH, "> Jaunieši šeit satiekas."),
        "would make it a list",
        ["<blockquote"],
        [],
    ),
    (
        "interface string with a script",
        translate("sphinx", STATEMENT, "Līdzfinansē <script>alert(1)</script>"),
        "HTML is not allowed",
        ["<script>alert"],
        [STATEMENT],
    ),
    (
        "unterminated quote",
        raw_po(
            "index",
            'msgstr "Jaunieši šeit satiekas, lai strādātu pie savām idejām."',
            'msgstr "Jaunieši šeit satiekas, lai strādātu pie savām idejām.',
        ),
        "end-of-line within string",
        [],
        [],
    ),
    (
        "invalid plural forms",
        raw_po("index", "plural=(n != 1);", "plural=(n != 1;"),
        "invalid plural expression",
        [],
        [],
    ),
    ("unknown charset", raw_po("index", "charset=UTF-8", "charset=NO-SUCH-CHARSET"), "charset", [], []),
    (
        "duplicate message",
        raw_po("glossary", 'msgid "Glossary"', 'msgid "coworking"'),
        "duplicate message definition",
        [],
        [],
    ),
    (
        "lang code with an attribute in it",
        translate("index", QUOTES, 'Izlasiet „{lang}`Youth work <en" onmouseover="alert(1)>`”.'),
        "needs the language code",
        ["onmouseover"],
        [],
    ),
    # Not errors: a title left in its language keeps its mark; a translated title drops it.
    (
        "quoted titles keep their language",
        translate("index", QUOTES, GOOD["index"][QUOTES]),
        None,
        [],
        ['<span lang="en">Youth work in the spotlight</span>', '<span lang="et">Mis on noortekeskus?</span>'],
    ),
    (
        "translated title drops its mark",
        translate(
            "index", QUOTES, "Izlasiet „Jaunatnes darbs uzmanības centrā” un „{lang}`Mis on noortekeskus? <et>`”."
        ),
        None,
        ['lang="en"'],
        ["„Jaunatnes darbs uzmanības centrā”", '<span lang="et">'],
    ),
    # Not an error: an ordinary Latvian sentence that starts with a year stays a sentence.
    (
        "sentence starting with a year",
        translate("index", PARAGRAPH, "2024. gadā jaunieši šeit sāka satikties."),
        None,
        ["<ol"],
        ["2024. gadā jaunieši"],
    ),
    (
        "sentence starting with a date",
        translate("index", PARAGRAPH, "1. septembrī jaunieši šeit satiekas."),
        None,
        ["<ol"],
        ["1. septembrī jaunieši"],
    ),
]


def write_catalogues(book, changes=()):
    folder = book / "locales" / "lv" / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    for name, messages in GOOD.items():
        po = polib.POFile(wrapwidth=0)
        po.metadata = {
            "Project-Id-Version": "Mini book",
            "PO-Revision-Date": "2026-01-01 00:00+0000",
            "Last-Translator": "Test <test@example.org>",
            "Language-Team": "Latvian",
            "Language": "lv",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
        }
        for msgid, msgstr in messages.items():
            po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
        po.save(str(folder / f"{name}.po"))
    for kind, name, old, new in changes:
        path = folder / f"{name}.po"
        if kind == "set":
            po = polib.pofile(str(path), wrapwidth=0)
            po.find(old).msgstr = new
            po.save(str(path))
        else:
            text = path.read_text(encoding="utf-8")
            assert old in text, f"fixture has no {old!r}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(book, language="lv", warnings_as_errors=False):
    args = ["-b", "html", "-q", "-D", f"language={language}"]
    args += ["-W", "--keep-going"] if warnings_as_errors else []
    proc = sphinx_build([*args, str(book), str(book / "_out")], cwd=book)
    html = "\n".join(p.read_text(encoding="utf-8") for p in sorted((book / "_out").glob("*.html")))
    return proc, html


@pytest.fixture
def minibook(tmp_path):
    target = tmp_path / "book"
    shutil.copytree(FIXTURE, target)
    return target


def test_the_good_translation_passes_and_builds(minibook):
    write_catalogues(minibook)
    assert check_language("lv", minibook / "locales") == []
    proc, html = build(minibook, warnings_as_errors=True)
    assert proc.returncode == 0, proc.stderr
    assert "Jaunieši šeit satiekas" in html and "Līdzfinansē" in html


@pytest.mark.parametrize(
    ("name", "change", "message", "absent", "present"), TRANSLATOR_CASES, ids=[c[0] for c in TRANSLATOR_CASES]
)
def test_translator_input(minibook, name, change, message, absent, present):
    write_catalogues(minibook, [change])
    problems = check_language("lv", minibook / "locales")
    if message is None:
        assert problems == []
    else:
        assert problems, f"{name}: the check saw nothing"
        assert any(message in p for p in problems), problems
        assert all(re.match(r"^\S+\.po:\d+: .+; .+", p) for p in problems), problems
    proc, html = build(minibook)
    assert (minibook / "_out" / "index.html").exists(), proc.stderr
    for text in absent:
        assert text not in html, f"{name}: {text!r} reached the page"
    for text in present:
        assert text in html, f"{name}: {text!r} missing from the page"
    assert not (minibook / "COMMAND-RAN").exists()
    if message is not None and change[0] == "set":
        strict, _html = build(minibook, warnings_as_errors=True)
        assert strict.returncode != 0, f"{name}: the build with -W did not fail"
        assert ".po:" in strict.stderr


AUTHOR_CASES = [
    (
        "broken cross-reference",
        ("index.md", "{ref}`glossary <glossary>`", "{ref}`glossary <no-such-label>`"),
        "undefined label",
    ),
    (
        "missing image",
        ("index.md", "Young people meet", "![a room](missing.png)\n\nYoung people meet"),
        "image file not readable",
    ),
    (
        "unknown directive",
        ("index.md", "Young people meet", "```{no-such-directive}\n```\n\nYoung people meet"),
        "Unknown directive",
    ),
    (
        "unknown role",
        ("index.md", "Young people meet", "{no-such-role}`x` Young people meet"),
        "Unknown interpreted text role",
    ),
    (
        "raw HTML in the English",
        ("index.md", "Young people meet", "<script>alert(1)</script>\n\nYoung people meet"),
        "raw HTML is not allowed",
    ),
    (
        "include of a build file",
        ("index.md", "Young people meet", "```{literalinclude} canary.txt\n```\n\nYoung people meet"),
        "File insertion disabled",
    ),
    (
        "page missing from the toctree",
        ("orphan.md", None, "# Lost page\n\nNobody links here.\n"),
        "isn't included in any toctree",
    ),
]


@pytest.mark.parametrize(("name", "change", "message"), AUTHOR_CASES, ids=[c[0] for c in AUTHOR_CASES])
def test_author_mistakes_stop_the_build_with_file_and_line(minibook, name, change, message):
    filename, old, new = change
    path = minibook / filename
    path.write_text(new if old is None else path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    proc, html = build(minibook, language="en", warnings_as_errors=True)
    assert proc.returncode != 0, f"{name}: the build passed"
    assert message in proc.stderr, proc.stderr
    assert re.search(rf"{re.escape(filename)}(:\d+)?: (WARNING|ERROR)", proc.stderr), proc.stderr
    assert "CANARY-SECRET-CONTENT" not in html and "<script>alert" not in html
