"""``make release``: one folder (and a zip of it) that any static host or a USB stick can serve.

Takes the built site (``_build/site``: every language, its PDF, EPUB and offline bundle) and adds what a host
needs: the root pages (the language chooser ``index.html`` and ``404.html``, written here for every language, so
a site put together from separate per-language builds has them too), ``sitemap.xml`` with ``hreflang``
alternates, ``robots.txt``, ``SHA256SUMS`` for every download and a ``VERSION`` file. Links in the site are
relative, so it works from any sub-path and from disk; the sitemap needs the public address (``--base-url`` or
``BOOK_BASE_URL``) and lists relative addresses without one.

GitHub Actions builds each language in its own job and publishes with this same command (``make release-files``
with ``BOOK_ARTIFACTS`` set): ``--artifacts`` takes the downloaded artifacts, one folder ``site-<lang>`` per
language, and puts them together as ``<site>/<lang>`` first. Where ``GITHUB_OUTPUT`` is set, the release folder
is written to it (``folder=...``) for the step that uploads it to Pages. ``tests/test_publish.py`` runs the
workflow's publish steps as written, so the two cannot drift apart.

Why not sphinx-sitemap: it writes one sitemap per Sphinx build, from inside that build. This book is six builds
(in CI, six jobs) put together afterwards, and its sitemap must list each page once with the ``hreflang``
alternates of the languages that really have it, the root chooser, and none of the pages a search engine should
skip (search, index, 404). That is only known once the languages are side by side, which is here.
"""

import argparse
import hashlib
import os
import shutil
import sys
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from cowork_book.book import BOOK
from cowork_book.commands.build import FILE_STEM, ROOT, write_zip
from cowork_book.commands.site import write_root
from cowork_book.languages import LANGUAGES, SOURCE_LANGUAGE

SITEMAP_SKIP = {"search.html", "genindex.html", "404.html"}


def book_version():
    """``BOOK_VERSION``, or the book's version (:mod:`cowork_book.book`, which ``conf.py`` reads too)."""
    return os.environ.get("BOOK_VERSION") or BOOK.version


def sitemap(folder, base_url):
    """A sitemap of every page, each with its other languages as ``hreflang`` alternates."""
    pages = {}
    for lang in LANGUAGES:
        for page in sorted((folder / lang).rglob("*.html")):
            relative = page.relative_to(folder / lang).as_posix()
            if page.name not in SITEMAP_SKIP:
                pages.setdefault(relative, []).append(lang)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for relative, langs in pages.items():
        for lang in langs:
            lines.append(f"  <url><loc>{escape(base_url + lang + '/' + relative)}</loc>")
            for other in langs:
                href = quoteattr(base_url + other + "/" + relative)
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{other}" href={href}/>')
            if SOURCE_LANGUAGE in langs:
                href = quoteattr(base_url + SOURCE_LANGUAGE + "/" + relative)
                lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href={href}/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def checksums(folder):
    """``SHA256SUMS`` lines (``sha256sum -c`` format) for every download of every language."""
    lines = []
    for path in sorted(folder.glob("*/downloads/*")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(folder).as_posix()}")
    return "\n".join(lines) + "\n"


def assemble(site, out, base_url):
    version = book_version()
    name = f"{FILE_STEM}-{version}"
    folder = out / name
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(site, folder)
    write_root(folder, [lang for lang in LANGUAGES if (folder / lang / "index.html").is_file()])
    base = base_url.rstrip("/") + "/" if base_url else ""
    (folder / "sitemap.xml").write_text(sitemap(folder, base), encoding="utf-8")
    robots = "User-agent: *\nAllow: /\n" + (f"Sitemap: {base}sitemap.xml\n" if base else "")
    (folder / "robots.txt").write_text(robots, encoding="utf-8")
    (folder / "SHA256SUMS").write_text(checksums(folder), encoding="utf-8")
    (folder / "VERSION").write_text(version + "\n", encoding="utf-8")
    archive = out / f"{name}.zip"
    write_zip(archive, folder, [p for p in folder.rglob("*") if p.is_file()], top=name)
    return folder, archive


def gather(artifacts, site):
    """Put the per-language artifacts (``<artifacts>/site-<lang>/``, as CI downloads them) together in ``site``."""
    for lang in LANGUAGES:
        source = artifacts / f"site-{lang}"
        if source.is_dir():
            shutil.rmtree(site / lang, ignore_errors=True)
            site.mkdir(parents=True, exist_ok=True)
            shutil.move(source, site / lang)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "release")
    parser.add_argument("--base-url", default=os.environ.get("BOOK_BASE_URL", ""))
    parser.add_argument(
        "--artifacts",
        type=Path,
        default=os.environ.get("BOOK_ARTIFACTS") or None,
        help="per-language build artifacts (site-<lang>/) to put together in --site first (CI)",
    )
    args = parser.parse_args(argv)
    if args.artifacts:
        gather(args.artifacts, args.site)
    missing = [lang for lang in LANGUAGES if not (args.site / lang / "index.html").is_file()]
    if missing:
        print(f"release: {args.site} lacks {', '.join(missing)}; run 'make all' first", file=sys.stderr)
        return 1
    folder, archive = assemble(args.site, args.out, args.base_url)
    print(f"Release: {folder}\nArchive: {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
    if os.environ.get("GITHUB_OUTPUT"):
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as outputs:
            outputs.write(f"folder={folder.resolve()}\narchive={archive.resolve()}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
