"""The whole book builds: every language, HTML + PDF + EPUB, warnings as errors, with a summary."""

import re

from conftest import STEM

from cowork_book.languages import LANGUAGES


def test_every_language_builds_with_warnings_as_errors(book):
    assert book.returncode == 0, book.stdout[-4000:] + book.stderr[-4000:]
    assert f"{len(LANGUAGES)} of {len(LANGUAGES)} languages built" in book.stdout


def test_summary_says_what_was_built_where_and_how_long(book):
    summary = book.stdout.split("Summary", 1)[1]
    for lang in LANGUAGES:
        steps = r"check-po \d+\.\d s, html \d+\.\d s, pdf \d+\.\d s, epub \d+\.\d s"
        assert re.search(rf"^\s*{lang}  ok\s+{steps}$", summary, re.M), f"no timed steps for {lang}:\n{summary}"
        assert re.search(rf"^  {lang}: \S+/site/{lang}  downloads: .*{STEM}-{lang}\.pdf", summary, re.M)
    assert re.search(r"^Total: \d+\.\d s, (\d+) of \1 languages built\.$", summary, re.M)


def test_each_language_has_its_folder_and_downloads(site):
    for lang in LANGUAGES:
        assert (site / lang / "index.html").is_file()
        assert (site / lang / "downloads" / f"{STEM}-{lang}.pdf").stat().st_size > 50_000
        assert (site / lang / "downloads" / f"{STEM}-{lang}.epub").stat().st_size > 20_000


def test_root_page_lists_every_language_without_javascript(site):
    root = (site / "index.html").read_text(encoding="utf-8")
    for lang, name in LANGUAGES.items():
        assert f'href="{lang}/index.html"' in root
        assert name in root
    assert "navigator.languages" in root


def test_404_page(site):
    page = (site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in page
    for lang in LANGUAGES:
        assert f'data-lang="{lang}"' in page
