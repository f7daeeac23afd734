"""The five translations are complete, consistent with their termbase, and spelled right."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from cowork_book.commands import spelling, terms
from cowork_book.commands.catalogues import language_stats
from cowork_book.languages import TRANSLATIONS

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_every_entry_translated_and_none_fuzzy(lang):
    stats = language_stats(lang)
    assert stats["untranslated"] == 0 and stats["fuzzy"] == 0, stats


def test_make_stats_reports_100_percent():
    out = subprocess.run(
        [sys.executable, "-m", "cowork_book.commands.catalogues", "stats", *TRANSLATIONS],
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    for lang in TRANSLATIONS:
        assert re.search(rf"^{lang}\s+\d+\s+0\s+0\s+100\.0%", out, re.M), out


def test_no_untranslated_paragraph_in_the_translated_books(site):
    for lang in TRANSLATIONS:
        for page in (site / lang).rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert not re.search(r'class="[^"]*\buntranslated\b', html), f"{page.relative_to(site)}"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_termbase_is_used_consistently(lang):
    assert terms.misses(lang) == []


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_spelling_flags_at_most_one_percent_of_words(lang):
    total, _before, after, flagged = spelling.report(lang)
    assert after / total <= spelling.THRESHOLD, flagged.most_common(20)


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_word_list_holds_only_words_the_dictionary_lacks_and_the_text_uses(lang):
    words = spelling.words_of(lang)
    listed = spelling.word_list(lang)
    used = {w.lower() for w in words}
    unknown = {w.lower() for w in spelling.unknown_words(lang, words)}
    assert listed <= used, sorted(listed - used)[:20]
    assert listed <= unknown, f"the dictionary knows these already: {sorted(listed - unknown)[:20]}"


def test_status_page_shows_every_language(site):
    text = (site / "en" / "docs" / "translation-status.html").read_text(encoding="utf-8")
    for lang in TRANSLATIONS:
        assert re.search(rf"\({lang}\): 100\.0 %", text), lang


def test_termbase_lists_the_key_terms_for_each_language():
    for lang in TRANSLATIONS:
        rows = terms.termbase(lang)
        assert len(rows) >= 40, lang
        assert all(accepted for _term, accepted in rows)
