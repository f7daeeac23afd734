"""The text of a PDF's pages, as poppler's ``pdftotext`` reads it, once per file per test process.

pypdf's ``extract_text`` took about 15 seconds for the 270 pages of one language, and 2.5 s only to reach its first
page; several test modules read the same PDFs, and pdftotext reads one in under a second.
"""

import functools
import shutil
import subprocess
from pathlib import Path


def page_texts(path):
    """``[text of page 1, text of page 2, ...]``."""
    path = Path(path)
    return _page_texts(str(path), path.stat().st_mtime_ns)


@functools.cache
def _page_texts(path, _modified):
    assert shutil.which("pdftotext"), "poppler-utils is missing: sudo apt-get install poppler-utils"
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]  # each page ends with a form feed
