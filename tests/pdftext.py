"""What the tests read from the book's PDFs: the text of its pages, as poppler's ``pdftotext`` reads it (once per
file per test process), and its bookmarks, as pikepdf reads them.

pypdf's ``extract_text`` took about 15 seconds for the 270 pages of one language, and 2.5 s only to reach its first
page; several test modules read the same PDFs, and pdftotext reads one in under a second. pypdf also took 3.7 s
to count the pages of one language's PDF, pikepdf 0.4 s to count them and read the bookmarks.
"""

import functools
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf


def page_texts(path):
    """``[text of page 1, text of page 2, ...]``."""
    path = Path(path)
    return _page_texts(str(path), path.stat().st_mtime_ns)


@functools.cache
def _page_texts(path, _modified):
    assert shutil.which("pdftotext"), "poppler-utils is missing: sudo apt-get install poppler-utils"
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]  # each page ends with a form feed


@dataclass
class Bookmark:
    title: str
    page: int  # index, from 0
    children: list


def bookmarks(path):
    """The PDF's outline: ``[Bookmark, ...]``, each with the index of the page it opens and its own bookmarks."""
    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        numbers = {page.objgen: i for i, page in enumerate(pdf.pages)}

        def read(items):
            return [Bookmark(str(i.title), numbers[i.destination[0].objgen], read(i.children)) for i in items]

        return read(outline.root)
