"""House style per language (``locales/<lang>/style.toml``): each rule finds what it should, leaves markup
alone, honours a translator's ``# style-ok`` comment, and every translation passes its own style sheet."""

import textwrap

import polib
import pytest

from cowork_book.commands import style
from cowork_book.languages import TRANSLATIONS

RULES = textwrap.dedent(
    """\
    [quotes]
    open = "«"
    close = "»"
    [typography]
    ellipsis = "…"
    number_range = "–"
    [[typography.patterns]]
    pattern = '\\b(три|пять)–(пять|семь)\\b'
    message = "ranges of number words take a hyphen"
    [address]
    form = "вы"
    other_form = ['\\bты\\b']
    [[forbidden]]
    pattern = 'удачн\\w* практик\\w*'
    use = "передовой опыт"
    """
)


@pytest.fixture
def locales(tmp_path):
    (tmp_path / "ru" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "ru" / "style.toml").write_text(RULES, encoding="utf-8")
    return tmp_path


def findings(locales, msgstr, comment=""):
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}
    po.append(polib.POEntry(msgid="English", msgstr=msgstr, tcomment=comment))
    po.save(str(locales / "ru" / "LC_MESSAGES" / "page.po"))
    return style.check_language("ru", locales)


@pytest.mark.parametrize(
    ("msgstr", "expected"),
    [
        ('Это "цитата".', 'quotation mark "; use «»'),
        ("Подождите...", "three dots '...'"),
        ("Возраст 3-5 лет.", "range '3-5' with a hyphen"),
        ("От трёх до пяти: три–пять человек.", "ranges of number words take a hyphen"),
        ("Если ты готов, начните.", "'ты' addresses the reader in the other form"),
        ("Это удачная практика.", "'удачная практика' is retired in this book; use передовой опыт"),
    ],
)
def test_each_rule_reports_file_line_and_what_to_do(locales, msgstr, expected):
    found = findings(locales, msgstr)
    assert len(found) == 1 and expected in found[0], found
    assert found[0].split(":")[0].endswith("page.po") and found[0].split(":")[1].isdigit()


@pytest.mark.parametrize(
    "msgstr",
    [
        "Проект 2017-2-LV02-KA205-001661 и «цитата», 3–5 лет, три-пять человек…",
        'Ссылка [текст](https://example.org/a-"b"...) и {lang}`"Quoted" title <en>` и `code "x"`.',
        "{ref}`текст <ch-ready>` и {term}`коворкинг <coworking>`.",
        "См. {ref}`ты`.",  # a bare label is not prose (readers see the title of its target)
    ],
)
def test_markup_and_correct_text_pass(locales, msgstr):
    assert findings(locales, msgstr) == []


def test_a_translator_can_mark_a_deliberate_exception(locales):
    assert findings(locales, "Если ты готов.", comment="style-ok: address") == []
    assert findings(locales, "Если ты готов...", comment="style-ok: address")  # other rules still apply


def test_a_language_without_style_sheet_is_reported(tmp_path):
    (tmp_path / "xx" / "LC_MESSAGES").mkdir(parents=True)
    assert "style.toml:1: missing" in style.check_language("xx", tmp_path)[0]


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_translation_has_a_style_sheet_for_people_and_rules(lang):
    sheet = style.LOCALES / lang / "style.md"
    assert sheet.exists() and len(sheet.read_text(encoding="utf-8").split()) > 150, f"{sheet} missing or thin"
    rules = style.load(lang)
    assert rules and rules.quotes and rules.other_form and rules.forbidden, f"locales/{lang}/style.toml is incomplete"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_translation_follows_its_style_sheet(lang):
    found = style.check_language(lang)
    assert not found, f"{len(found)} style finding(s):\n" + "\n".join(found[:40])
