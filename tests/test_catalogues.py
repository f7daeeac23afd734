"""The translation catalogues: valid gettext, one per source file, no .mo committed, stats reported."""

import subprocess
import sys
from pathlib import Path

from cowork_book.commands.catalogues import language_stats
from cowork_book.languages import TRANSLATIONS

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"


def _sources():
    sources = [ROOT / "index.md", *sorted((ROOT / "docs").rglob("*.md")), *sorted((ROOT / "case_studies").glob("*.md"))]
    return [s.relative_to(ROOT).with_suffix("") for s in sources if not s.name.startswith("_")]


def test_every_po_passes_msgfmt_check():
    for lang in TRANSLATIONS:
        for po in sorted((LOCALES / lang).rglob("*.po")):
            proc = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True, text=True)
            assert proc.returncode == 0, proc.stderr


def test_one_catalogue_per_source_file_and_interface_catalogue():
    for lang in TRANSLATIONS:
        for source in _sources():
            assert (LOCALES / lang / "LC_MESSAGES" / source.with_suffix(".po")).is_file(), (lang, source)
        assert (LOCALES / lang / "LC_MESSAGES" / "sphinx.po").is_file()


def test_no_compiled_catalogues_are_committed():
    tracked = subprocess.run(["git", "ls-files", "locales"], cwd=ROOT, capture_output=True, text=True).stdout
    assert ".mo\n" not in tracked


def test_stats_counts_every_entry():
    for lang in TRANSLATIONS:
        s = language_stats(lang)
        assert s["translated"] + s["fuzzy"] + s["untranslated"] > 500
    proc = subprocess.run(
        [sys.executable, "-m", "cowork_book.commands.catalogues", "stats", *TRANSLATIONS],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0
    for lang in TRANSLATIONS:
        assert f"\n{lang} " in proc.stdout


def test_update_po_twice_changes_nothing(tmp_path):
    """The committed catalogues are up to date, and refreshing them again rewrites nothing (no churn)."""
    from conftest import copy_book

    from cowork_book.commands.catalogues import update

    book = copy_book(tmp_path / "book")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=book, check=True)
    subprocess.run([*git, "add", "-A"], cwd=book, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "copy"], cwd=book, check=True)
    for _round in range(2):
        subprocess.run(
            [sys.executable, "-m", "sphinx", "-q", "-b", "gettext", str(book), str(book / "_build" / "gettext")],
            cwd=book,
            check=True,
            env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "0"},
        )
        update(TRANSLATIONS, root=book)
        status = subprocess.run(["git", "status", "--porcelain", "locales"], cwd=book, capture_output=True, text=True)
        assert status.stdout == "", f"make update-po changed committed catalogues:\n{status.stdout[:2000]}"


def test_changed_english_becomes_fuzzy_with_the_previous_english_and_is_listed_first(tmp_path, capsys):
    """After an English sentence changes, update-po keeps the old English (``#| msgid``) for translation tools,
    and ``todo`` lists that file first."""
    import polib
    from conftest import copy_book

    from cowork_book.commands import catalogues

    book = copy_book(tmp_path / "book")
    page = book / "docs" / "about.md"
    old = next(p for p in page.read_text(encoding="utf-8").split("\n\n") if p.startswith("This book"))
    old = " ".join(old.split())
    page.write_text(page.read_text(encoding="utf-8").replace("This book", "This handbook", 1), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "gettext", str(book), str(book / "_build" / "gettext")],
        cwd=book,
        check=True,
        env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "0"},
    )
    catalogues.update(["lv"], root=book)
    po = book / "locales" / "lv" / "LC_MESSAGES" / "docs" / "about.po"
    changed = [e for e in polib.pofile(str(po)) if e.msgid.startswith("This handbook")]
    assert len(changed) == 1 and changed[0].fuzzy
    assert " ".join(changed[0].previous_msgid.split()) == old
    assert "#| msgid" in po.read_text(encoding="utf-8")
    subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(po)], check=True)
    capsys.readouterr()
    catalogues.todo(["lv"], locales=book / "locales")
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:]]
    assert [r[-1] for r in rows if r[-1].endswith("docs/about.po")] == ["locales/lv/LC_MESSAGES/docs/about.po"]
    fuzzy = [int(r[0]) for r in rows]
    assert fuzzy == sorted(fuzzy, reverse=True), rows  # files with changed English first
