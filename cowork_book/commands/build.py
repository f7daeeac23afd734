"""Build the whole book: every language, every format, into one site folder.

Usage: ``python -m cowork_book.commands.build [--langs en lv ...] [--formats html pdf epub] [--out _build]``

Each language is built on its own (``sphinx-build`` in a child process, warnings as errors) into a staging
folder, and published to ``<out>/site/<lang>/`` only when every format of it succeeded. A broken language is
reported and left out of the site; the others still build. The run ends with a summary of what was built,
where, and how long each step took, and exits non-zero if any language failed.

Written here rather than in the Makefile because the isolation, the parallel scheduling and the summary need
a little state; each step is still a plain ``sphinx-build`` command that the summary prints.
"""

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cowork_book import zips
from cowork_book.book import BOOK
from cowork_book.commands import site
from cowork_book.languages import LANGUAGES
from cowork_book.paths import ROOT
from cowork_book.pocheck import check_language
from cowork_book.sphinxext.downloads import describe as describe_downloads

FORMATS = ("html", "pdf", "epub")
BUILDERS = {"html": "html", "pdf": "printpdf", "epub": "epub"}
FILE_STEM = BOOK.file_stem
_print_lock = threading.Lock()


@dataclass
class LanguageResult:
    lang: str
    steps: list = field(default_factory=list)  # (step, seconds, ok)
    error: str = ""

    @property
    def ok(self):
        return not self.error


def say(message):
    with _print_lock:
        print(message, flush=True)


def sphinx_command(lang, builder, out, settings, source=ROOT):
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        builder,
        "-W",
        "--keep-going",
        "-q",
        "-j",
        "1",
    ]
    command += ["-D", f"language={lang}", "-d", str(out / "doctrees" / lang)]
    for name, value in settings.items():
        if value:
            command += ["-D", f"{name}={value}"]
    return command + [str(source), str(out / "stage" / lang / builder)]


def source_date_epoch(source):
    """The last commit's time, so that two builds of one commit are identical (SOURCE_DATE_EPOCH wins)."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    proc = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=source, capture_output=True, text=True, check=False)
    return proc.stdout.strip() or "315532800"


def run_step(result, step, command, source=ROOT):
    started = time.monotonic()
    env = dict(os.environ, PYTHONUTF8="1", SOURCE_DATE_EPOCH=source_date_epoch(source))
    env.pop("LANG", None)
    proc = subprocess.run(command, cwd=source, env=env, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - started
    result.steps.append((step, seconds, proc.returncode == 0))
    output = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0:
        result.error = f"{step} failed:\n{output}"
        say(f"[{result.lang}] {step}: FAILED after {seconds:.1f} s\n{_indent(output)}")
        return False
    say(f"[{result.lang}] {step}: done in {seconds:.1f} s")
    return True


def build_language(lang, formats, out, settings, source=ROOT, fresh=False):
    """Check, build and publish one language; ``settings`` are config values for sphinx-build (``-D``)."""
    result = LanguageResult(lang)
    if fresh:  # read and write every page again; otherwise Sphinx rewrites only what changed (a translator's save)
        shutil.rmtree(out / "doctrees" / lang, ignore_errors=True)
        shutil.rmtree(out / "stage" / lang, ignore_errors=True)
    started = time.monotonic()
    problems = check_language(lang, Path(source) / "locales")
    result.steps.append(("check-po", time.monotonic() - started, not problems))
    if problems:
        result.error = "translation check failed:\n" + "\n".join(problems)
        say(f"[{lang}] check-po: FAILED\n{_indent(chr(10).join(problems))}")
        return result
    say(f"[{lang}] check-po: ok")
    for fmt in formats:
        if not run_step(result, fmt, sphinx_command(lang, BUILDERS[fmt], out, settings, source), source):
            return result
    try:
        publish(lang, formats, out)
    except OSError as error:
        result.error = f"publishing failed: {error}"
        say(f"[{lang}] publish: FAILED: {error}")
    return result


def publish(lang, formats, out):
    """Move a fully built language from staging into the site folder."""
    stage = out / "stage" / lang
    target = out / "site" / lang
    downloads = []
    if "pdf" in formats:
        downloads.append(stage / "printpdf" / f"{FILE_STEM}-{lang}.pdf")
    if "epub" in formats:
        downloads += list((stage / "epub").glob("*.epub"))
    if "html" in formats:
        keep = target / "downloads"
        kept = out / "stage" / f"{lang}-downloads"
        shutil.rmtree(kept, ignore_errors=True)
        if keep.exists():
            shutil.move(keep, kept)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(
            stage / "html",
            target,
            ignore=shutil.ignore_patterns(".buildinfo", ".doctrees"),
        )
        if kept.exists():
            shutil.move(kept, keep)
    (target / "downloads").mkdir(parents=True, exist_ok=True)
    for path in downloads:
        name = f"{FILE_STEM}-{lang}{path.suffix}"
        shutil.copy2(path, target / "downloads" / name)
    bundle = target / "downloads" / f"{FILE_STEM}-{lang}-html.zip"
    if "html" in formats:
        offline_bundle(target, bundle)
    # The download page states every file's size, the offline bundle's own included: zip again until it holds.
    for _round in range(3):
        if not describe_downloads(target, lang) or not bundle.exists():
            break
        offline_bundle(target, bundle)


def offline_bundle(folder, zip_path):
    """A zip of one language's web book (without the other downloads) that works opened from disk."""
    files = [p for p in folder.rglob("*") if p.is_file() and "downloads" not in p.relative_to(folder).parts]
    write_zip(zip_path, folder, files, top=zip_path.stem.removesuffix("-html"))


def write_zip(zip_path, folder, files, top):
    """A reproducible zip (:mod:`cowork_book.zips`): files under ``top/`` in sorted order."""
    entries = ((f"{top}/{path.relative_to(folder).as_posix()}", path.read_bytes()) for path in sorted(files))
    zips.write_zip(zip_path, entries, zips.stamp(source_date_epoch(ROOT)))


def summary(results, out, seconds):
    lines = ["", "Summary", "======="]
    for r in results:
        status = "ok" if r.ok else "FAILED"
        steps = ", ".join(f"{step} {secs:.1f} s" for step, secs, _ok in r.steps)
        lines.append(f"{r.lang:>3}  {status:<6}  {steps}")
    lines.append(f"Site: {out / 'site'}  (open {out / 'site' / 'index.html'})")
    for r in results:
        folder = out / "site" / r.lang
        if r.ok and folder.exists():
            files = sorted(p.name for p in (folder / "downloads").glob("*"))
            lines.append(f"  {r.lang}: {folder}  downloads: {', '.join(files) or '-'}")
    failed = [r for r in results if not r.ok]
    for r in failed:
        lines.append(f"\n{r.lang} was NOT published. {r.error.splitlines()[0]}")
        lines.append(_indent("\n".join(r.error.splitlines()[1:20])))
    lines.append(f"Total: {seconds:.1f} s, {len(results) - len(failed)} of {len(results)} languages built.")
    return "\n".join(lines)


def _indent(text):
    return "\n".join("    " + line for line in text.splitlines())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", nargs="+", default=list(LANGUAGES), choices=list(LANGUAGES))
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--out", type=Path, default=ROOT / "_build")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--version", default=os.environ.get("BOOK_VERSION", ""))
    parser.add_argument("--base-url", default=os.environ.get("BOOK_BASE_URL", ""), help="the site's public address")
    parser.add_argument("--source", type=Path, default=ROOT, help="the book's folder (default: this checkout)")
    parser.add_argument("--fresh", action="store_true", help="read every page again (no cached doctrees)")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    settings = {"book_version": args.version, "book_base_url": args.base_url}
    started = time.monotonic()
    say(f"Building {', '.join(args.langs)} as {', '.join(args.formats)} with {args.jobs} parallel jobs")
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        source = args.source.resolve()
        results = list(
            pool.map(lambda lang: build_language(lang, args.formats, out, settings, source, args.fresh), args.langs)
        )
    site.write_root(out / "site", [r.lang for r in results if r.ok])
    print(summary(results, out, time.monotonic() - started))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
