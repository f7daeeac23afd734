"""One broken language is reported and left unpublished; the others still build; the run fails."""

import subprocess
import sys
from pathlib import Path

from conftest import copy_book

ROOT = Path(__file__).resolve().parent.parent


def test_a_broken_language_does_not_stop_the_others(tmp_path):
    book = tmp_path / "book"
    copy_book(book)
    po = book / "locales" / "lv" / "LC_MESSAGES" / "index.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "', 'msgstr "<script>alert(1)</script> ', 3), encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "cowork_book.commands.build", "--source", str(book), "--out", str(out)]
        + ["--langs", "lv", "en", "--formats", "html"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1, proc.stdout
    assert "1 of 2 languages built" in proc.stdout
    assert "lv was NOT published" in proc.stdout
    assert "locales/lv/LC_MESSAGES/index.po:" in proc.stdout and "HTML is not allowed" in proc.stdout
    assert (out / "site" / "en" / "index.html").is_file()
    assert not (out / "site" / "lv").exists()
    root_page = (out / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="en/index.html"' in root_page and 'href="lv/index.html"' not in root_page
