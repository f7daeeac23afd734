"""One source of truth: the book's identity lives in ``cowork_book/book.py``, its languages in
``cowork_book/languages.py``; no other file writes them out, and the package imports without PYTHONPATH."""

import os
import re
import subprocess
import sys
from pathlib import Path

from cowork_book.book import BOOK
from cowork_book.commands.bench import checkout_files
from cowork_book.languages import LANGUAGES, REGISTRY

ROOT = Path(__file__).resolve().parent.parent
REGISTRIES = {"cowork_book/book.py", "cowork_book/languages.py"}
# Code and configuration; the book's text, its translations and the lock files are not code.
CODE = re.compile(r"\.(py|js|html|yml|yaml|cfg)$|(^|/)Makefile$")
TOKEN = re.compile(r"\b[a-z]{2}\b")


def code_files():
    return [f for f in checkout_files() if CODE.search(f) and f not in REGISTRIES and (ROOT / f).is_file()]


def test_the_file_stem_and_version_are_written_only_in_the_registry():
    offenders = [
        f
        for f in code_files()
        if BOOK.file_stem in (text := (ROOT / f).read_text(encoding="utf-8")) or f'"{BOOK.version}"' in text
    ]
    assert not offenders, f"write BOOK.file_stem / BOOK.version from cowork_book/book.py instead: {offenders}"


def test_no_list_of_language_codes_outside_the_registry():
    offenders = {}
    for f in code_files():
        for lineno, line in enumerate((ROOT / f).read_text(encoding="utf-8").splitlines(), 1):
            if set(LANGUAGES) <= set(TOKEN.findall(line)):  # every language named: a copy of the list
                offenders[f"{f}:{lineno}"] = line.strip()
    assert not offenders, f"read the languages from cowork_book/languages.py instead: {offenders}"


def test_every_language_is_complete_in_the_registry():
    for language in REGISTRY:
        assert language.name and re.fullmatch(r"[a-z]{2}_[A-Z]{2}", language.territory), language
        assert language.dictionary and language.dictionary_package, language
        assert language.letters or language.code == "en", language
    assert list(LANGUAGES)[0] == "en"


def test_the_package_imports_from_anywhere_without_pythonpath(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [sys.executable, "-m", "cowork_book.book", "--version"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0 and proc.stdout.strip() == BOOK.version, proc.stderr


def test_ci_builds_only_the_languages_a_translation_change_touches():
    from cowork_book.languages import affected

    assert affected(["locales/lv/LC_MESSAGES/docs/about.po"]) == ["en", "lv"]
    assert affected(["locales/ru/style.toml", "locales/et/termbase.tsv"]) == ["en", "et", "ru"]
    assert affected(["locales/lv/LC_MESSAGES/x.po", "docs/about.md"]) == list(LANGUAGES)
    assert affected(["cowork_book/commands/build.py"]) == list(LANGUAGES)


def test_matrix_is_json_for_the_ci(tmp_path):
    import json

    proc = subprocess.run([sys.executable, "-m", "cowork_book.languages", "--matrix"], capture_output=True, text=True)
    assert json.loads(proc.stdout) == {"lang": list(LANGUAGES)}


NEW_LANGUAGE = '    Language("lt", "Lietuvių", "lt_LT", "lt_LT", "hunspell-lt", "ąčęėįšųūž"),\n'


def test_a_language_added_by_one_line_is_built_with_english_shown_and_marked(tmp_path):
    """What TRANSLATING.md promises a partner: one line in the registry and ``make update-po`` (its two steps, run
    here with this checkout's environment), then the new language builds as a web book and an EPUB, is offered
    everywhere a language is, and shows the English, marked, until it is translated. (Lithuanian has three plural
    forms, English two: its interface catalogue must say three, or the translation check stops the build.)"""
    from conftest import BASE_URL, copy_book

    book = copy_book(tmp_path / "book")
    registry = book / "cowork_book" / "languages.py"
    text = registry.read_text(encoding="utf-8")
    last = text.index("\n", text.index('    Language("ru"')) + 1
    registry.write_text(text[:last] + NEW_LANGUAGE + text[last:], encoding="utf-8")

    def run(*command):  # from the copy, so that its package (and registry) is the one imported
        proc = subprocess.run([sys.executable, *command], cwd=book, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, f"{' '.join(command)}:\n{proc.stdout[-3000:]}{proc.stderr[-3000:]}"
        return proc.stdout

    assert run("-m", "cowork_book.languages").split()[-1] == "lt"
    assert "hunspell-lt" in run("-c", "from cowork_book.commands.sysdeps import wanted; print(*wanted('test'))")
    run("-m", "sphinx", "-q", "-b", "gettext", ".", "_build/gettext")  # make update-po: make gettext, then …
    run("-m", "cowork_book.commands.catalogues", "update", "lt")
    assert "nplurals=3;" in (book / "locales" / "lt" / "LC_MESSAGES" / "sphinx.po").read_text(encoding="utf-8")
    build = ["-m", "cowork_book.commands.build", "--source", ".", "--out", str(tmp_path / "out"), "--langs", "lt"]
    run(*build, "--formats", "html", "epub", "--base-url", BASE_URL)

    site = tmp_path / "out" / "site" / "lt"
    about = (site / "docs" / "about.html").read_text(encoding="utf-8")
    assert '<html class="no-js" lang="lt"' in about
    assert 'hreflang="lt" lang="lt" aria-current="page">Lietuvių</a>' in about  # the language switcher
    for lang in ("lt", "lv"):
        assert f'<link rel="alternate" hreflang="{lang}" href="{BASE_URL}{lang}/docs/about.html" />' in about
    assert '<meta property="og:locale" content="lt_LT" />' in about
    assert 'class="translation-fallback' in about and '<p class="untranslated" lang="en">This book is' in about
    status = (site / "docs" / "translation-status.html").read_text(encoding="utf-8")
    assert "Lietuvių (lt): 0.0 %" in status
    downloads = (site / "docs" / "download.html").read_text(encoding="utf-8")
    stem = BOOK.file_stem
    for name in (f"{stem}-lt.epub", f"{stem}-lt-html.zip"):
        assert f'href="../downloads/{name}"' in downloads and (site / "downloads" / name).is_file(), name
