"""``make bench``: time each build step per language and report what it produced.

Builds the given languages from scratch (a clean output folder, so the times are comparable between runs),
then prints per language the time of each step and the sizes: HTML in total, the gzip weight of the landing
page with its CSS and scripts, the PDF (and its pages) and the EPUB.
"""

import argparse
import gzip
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from cowork_book import build
from cowork_book.languages import LANGUAGES

ASSET = re.compile(r'<(?:script|link)\b[^>]*\b(?:href|src)="([^"#?]+\.(?:css|js))(?:\?[^"]*)?"')


def folder_size(path):
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def page_weight(page):
    """Gzip bytes of an HTML page plus the local CSS and JavaScript it loads."""
    files = {page}
    for asset in ASSET.findall(page.read_text(encoding="utf-8")):
        target = (page.parent / asset).resolve()
        if target.is_file():
            files.add(target)
    return sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)


def report(site, results):
    print(f"\n{'lang':<5}{'steps (s)':<52}{'HTML':>9}{'page gz':>9}{'PDF':>9}{'pages':>7}{'EPUB':>9}")
    for r in results:
        folder = site / r.lang
        steps = " ".join(f"{step}={secs:.1f}" for step, secs, _ok in r.steps)
        if not r.ok:
            print(f"{r.lang:<5}{steps:<52} FAILED")
            continue
        pdf = next((folder / "downloads").glob("*.pdf"), None)
        epub = next((folder / "downloads").glob("*.epub"), None)
        pages = len(PdfReader(pdf).pages) if pdf else 0
        html_kb = (folder_size(folder) - folder_size(folder / "downloads")) / 1024
        pdf_kb = (pdf.stat().st_size if pdf else 0) / 1024
        epub_kb = (epub.stat().st_size if epub else 0) / 1024
        weight_kb = page_weight(folder / "index.html") / 1024
        print(f"{r.lang:<5}{steps:<52}{html_kb:>8.0f}K{weight_kb:>8.1f}K{pdf_kb:>8.0f}K{pages:>7}{epub_kb:>8.0f}K")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", nargs="+", default=list(LANGUAGES), choices=list(LANGUAGES))
    args = parser.parse_args(argv)
    out = Path(tempfile.mkdtemp(prefix="book-bench-"))
    started = time.monotonic()
    results = [build.build_language(lang, build.FORMATS, out, "") for lang in args.langs]
    print(f"\nbench: {len(args.langs)} language(s) built one after another in {time.monotonic() - started:.1f} s")
    report(out / "site", results)
    shutil.rmtree(out, ignore_errors=True)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
