"""``make bench``: time each build step per language and report what it produced and how fast it loads.

Builds the given languages from scratch (a clean output folder, so the times are comparable between runs),
then prints per language:

- the time of each step and the sizes: HTML in total, the PDF (and its pages) and the EPUB;
- the gzip weight of one page of each kind with the CSS and scripts it loads (the budget is 40 KB), and the
  search index (raw and gzip);
- the incremental rebuild a translator waits for: one .po entry edited, that language's web book rebuilt on
  top of the earlier build until the page shows the edit;
- Lighthouse's mobile scores for the same pages, served with gzip (``--no-lighthouse`` leaves them out).
"""

import argparse
import gzip
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

from cowork_book.commands import build, lighthouse
from cowork_book.languages import LANGUAGES
from cowork_book.sphinxext.downloads import page_count

ASSET = re.compile(r'<(?:script|link)\b[^>]*\b(?:href|src)="([^"#?]+\.(?:css|js))(?:\?[^"]*)?"')


def folder_size(path):
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def gz(path):
    return len(gzip.compress(path.read_bytes(), 9))


def page_weight(page):
    """Gzip bytes of an HTML page plus the local CSS and JavaScript it loads."""
    files = {page}
    for asset in ASSET.findall(page.read_text(encoding="utf-8")):
        target = (page.parent / asset).resolve()
        if target.is_file():
            files.add(target)
    return sum(gz(f) for f in files)


def report(site, results):
    print(f"\n{'lang':<5}{'steps (s)':<52}{'HTML':>9}{'PDF':>9}{'pages':>7}{'EPUB':>9}")
    for r in results:
        folder = site / r.lang
        steps = " ".join(f"{step}={secs:.1f}" for step, secs, _ok in r.steps)
        if not r.ok:
            print(f"{r.lang:<5}{steps:<52} FAILED")
            continue
        pdf = next((folder / "downloads").glob("*.pdf"), None)
        epub = next((folder / "downloads").glob("*.epub"), None)
        pages = page_count(pdf) if pdf else 0
        html_kb = (folder_size(folder) - folder_size(folder / "downloads")) / 1024
        pdf_kb = (pdf.stat().st_size if pdf else 0) / 1024
        epub_kb = (epub.stat().st_size if epub else 0) / 1024
        print(f"{r.lang:<5}{steps:<52}{html_kb:>8.0f}K{pdf_kb:>8.0f}K{pages:>7}{epub_kb:>8.0f}K")


def weights(site, langs):
    """KB gzip per page kind (page + its CSS and scripts), and the search index raw / gzip."""
    kinds = list(lighthouse.PAGE_KINDS)
    lines = ["Page weight, KB gzip with CSS and scripts (budget 40); search index KB raw / gzip:"]
    lines.append(f"{'lang':<5}" + "".join(f"{kind:>17}" for kind in kinds) + f"{'search index':>17}")
    for lang in langs:
        folder = site / lang
        cells = "".join(f"{page_weight(folder / path) / 1024:>17.1f}" for path in lighthouse.PAGE_KINDS.values())
        index = folder / "searchindex.js"
        lines.append(f"{lang:<5}{cells}{f'{index.stat().st_size / 1024:.0f} / {gz(index) / 1024:.0f}':>17}")
    return "\n".join(lines)


def checkout_files():
    """The checkout's files: tracked and new, not ignored (the tests copy and read the same set)."""
    listing = ["git", "ls-files", "--cached", "--others", "--exclude-standard"]
    return subprocess.run(listing, cwd=build.ROOT, capture_output=True, text=True, check=True).stdout.split()


def copy_checkout(target):
    """The checkout's files (:func:`checkout_files`) copied to ``target``, as they are in the working tree."""
    for name in checkout_files():
        if (build.ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(build.ROOT / name, target / name)
    return target


def incremental(lang, work):
    """Seconds from saving one edited entry of a .po file to that language's web book showing it, on top of an
    earlier build (what a translator waits for after ``make html LANG=xx``)."""
    source = copy_checkout(work / "source")
    out = work / "out"
    build.build_language(lang, ["html"], out, {}, source)
    po_path = source / "locales" / lang / "LC_MESSAGES" / "docs" / "about.po"
    catalogue = polib.pofile(str(po_path))
    entry = next(e for e in catalogue if e.msgstr and not e.fuzzy)
    entry.msgstr += " (bench)"
    catalogue.save()
    started = time.monotonic()
    result = build.build_language(lang, ["html"], out, {}, source)
    seconds = time.monotonic() - started
    shown = "(bench)" in (out / "site" / lang / "docs" / "about.html").read_text(encoding="utf-8")
    return seconds if result.ok and shown else None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", nargs="+", default=list(LANGUAGES), choices=list(LANGUAGES))
    parser.add_argument("--no-lighthouse", action="store_true", help="leave out the Lighthouse scores")
    args = parser.parse_args(argv)
    out = Path(tempfile.mkdtemp(prefix="book-bench-"))
    started = time.monotonic()
    results = [build.build_language(lang, build.FORMATS, out, {}) for lang in args.langs]
    print(f"\nbench: {len(args.langs)} language(s) built one after another in {time.monotonic() - started:.1f} s")
    site = out / "site"
    report(site, results)
    built = [r.lang for r in results if r.ok]
    print("\n" + weights(site, built))
    translation = next((lang for lang in built if lang != "en"), None)
    if translation:
        seconds = incremental(translation, out / "incremental")
        shown = f"{seconds:.1f} s" if seconds is not None else "FAILED (the edit did not show)"
        print(f"\nIncremental: one .po entry of {translation} edited, its web book rebuilt and showing it: {shown}")
    all_100 = True
    if not args.no_lighthouse:
        started = time.monotonic()
        reports = lighthouse.measure(site, built, progress=lambda line: print(line, flush=True))
        print(f"\n{lighthouse.table(reports)}\n({time.monotonic() - started:.0f} s)")
        all_100 = all(r.all_100() for r in reports.values())
    shutil.rmtree(out, ignore_errors=True)
    return 0 if all(r.ok for r in results) and all_100 else 1


if __name__ == "__main__":
    sys.exit(main())
