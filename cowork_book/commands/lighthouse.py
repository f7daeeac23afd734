"""Lighthouse scores of the built book: one page of each kind, as a phone on a slow connection gets it.

Runs the pinned Lighthouse (``package.json``, installed by ``make test`` and ``make bench``) in Debian's
Chromium with its default mobile settings (simulated slow 4G and a 4x slower processor) against the site
served with gzip by :mod:`cowork_book.commands.serve`. Used by ``make bench`` and by ``tests/test_lighthouse.py``.

``python -m cowork_book.commands.lighthouse [site folder] [--langs en lv]`` prints the table by hand.
"""

import argparse
import json
import select
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cowork_book import nodetools
from cowork_book.commands.serve import serving
from cowork_book.languages import LANGUAGES
from cowork_book.paths import ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
RUNS = Path(__file__).with_name("lighthouse-runs.mjs")
RUN_TIMEOUT = 180  # seconds for one run
CHROMIUM = Path("/usr/bin/chromium")
DEFAULT_CPU_SLOWDOWN = 4  # Lighthouse's mobile default
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# One page of each kind a reader meets; the longest chapter by words.
PAGE_KINDS = {
    "landing": "index.html",
    "long chapter": "docs/guidelines/getting-ready.html",
    "case study": "case_studies/sende.html",
    "explorer": "case_studies/index.html",
    "self-assessment": "docs/tools/self-assessment.html",
    "pilot planner": "docs/tools/pilot-planner.html",
}
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Report:
    scores: dict  # category -> 0..100
    failing: list  # "audit-id: title" of every failed audit that counts towards a score
    metrics: dict  # FCP, LCP, TBT in ms; CLS
    benchmark_index: float = 0.0  # the host's speed as Lighthouse measured it (about 1533 for its default 4x)
    cpu_slowdown: float = DEFAULT_CPU_SLOWDOWN
    runs: int = 1  # how many Lighthouse runs the scores come from

    def all_100(self):
        return all(self.scores.get(c) == 100 for c in CATEGORIES)


def missing_tools():
    """What must be installed first, as a message that says how; empty when all is there."""
    problems = []
    if not LIGHTHOUSE.exists():
        problems.append("Lighthouse is not installed: run 'make node' (npm ci from package-lock.json)")
    if not CHROMIUM.exists():
        problems.append("Chromium is missing: run 'make test' as root, or: sudo apt-get install chromium")
    return problems


def calibrated_multiplier(benchmark_index):
    """The CPU slowdown that makes this host emulate Lighthouse's reference phone, from the host's benchmark index
    (Lighthouse's own calibration table, "CPU throttling calculator" in its throttling documentation). The
    default 4x assumes a host of index about 1533; a slower or busier host needs less slowdown to emulate the
    same phone. Never above the default: a fast host is not made to emulate a slower phone than the default."""
    if benchmark_index >= 1300:
        multiplier = 3 + (benchmark_index - 1300) / 233
    elif benchmark_index >= 800:
        multiplier = 2 + (benchmark_index - 800) / 500
    elif benchmark_index >= 150:
        multiplier = 1 + (benchmark_index - 150) / 650
    else:
        multiplier = 1
    return round(min(multiplier, DEFAULT_CPU_SLOWDOWN), 2)


class Runs:
    """Lighthouse runs from one Node.js process (``lighthouse-runs.mjs``), each in its own fresh Chromium as the
    ``lighthouse`` command makes them, without starting Node.js and loading Lighthouse for every run.
    ``with Runs() as runs: runs.run(url)``."""

    def __enter__(self):
        problems = missing_tools()
        if problems:
            raise RuntimeError("; ".join(problems))
        self.tmp = tempfile.TemporaryDirectory(prefix="lighthouse-")
        self.errors = (Path(self.tmp.name) / "stderr.txt").open("w+", encoding="utf-8")
        env = nodetools.environment(CHROME_PATH=str(CHROMIUM), HOME=self.tmp.name)
        self.proc = subprocess.Popen(
            ["node", str(RUNS), json.dumps(CHROME_FLAGS)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            text=True,
            env=env,
            cwd=ROOT,
        )
        return self

    def __exit__(self, *exc):
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.errors.close()
        self.tmp.cleanup()

    def run(self, url, cpu_slowdown=None):
        """Lighthouse's mobile report of one URL (``cpu_slowdown``: a calibrated multiplier, not the default)."""
        output = Path(self.tmp.name) / "report.json"
        output.unlink(missing_ok=True)
        flags = {
            "onlyCategories": list(CATEGORIES),
            "disableFullPageScreenshot": True,  # a picture for the HTML report, which is not written
        }
        if cpu_slowdown is not None:
            flags["throttling"] = {"cpuSlowdownMultiplier": cpu_slowdown}
        self.proc.stdin.write(json.dumps({"url": url, "output": str(output), "flags": flags}) + "\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], RUN_TIMEOUT)
        if not ready:  # a late answer would be taken for the next run's
            self.proc.kill()
        answer = self.proc.stdout.readline().strip() if ready else f"error: no report after {RUN_TIMEOUT} s"
        if answer != "ok" or not output.exists():
            self.errors.seek(0)
            raise RuntimeError(f"Lighthouse failed on {url}: {answer or 'Node.js ended'}\n{self.errors.read()[-2000:]}")
        return parse(json.loads(output.read_text(encoding="utf-8")))


def run_steady(run, url, runs=3):
    """The page's scores on Lighthouse's reference phone, as a busy machine can still measure them (``run``:
    :meth:`Runs.run`).

    Lighthouse simulates a slow phone by scaling the processor time it observes on this host, so a busy host
    looks like a slower phone. One run with the default settings; if any category is below 100, up to ``runs``
    more with the CPU slowdown calibrated to the host's measured speed (:func:`calibrated_multiplier`, from that
    run's benchmark index), scored by the median of each category. The runs stop as soon as the median is known
    (two of three at 100 in every category, or two below 100 in one), so the third runs only when the first two
    disagree. A load spike lowers one run, not the median; a page that really is slower still fails. The
    report's metrics and failures are those of the median run."""
    first = run(url)
    if first.all_100():
        return first
    slowdown = calibrated_multiplier(first.benchmark_index)
    needed = runs // 2 + 1  # of ``runs`` runs, how many decide the median
    reports = []
    while len(reports) < runs:
        reports.append(run(url, slowdown))
        full = [sum(r.scores.get(c) == 100 for r in reports) for c in CATEGORIES]
        if min(full) >= needed or any(len(reports) - n >= needed for n in full):
            break
    median_run = sorted(reports, key=lambda r: r.scores.get("performance", 0))[(len(reports) - 1) // 2]
    scores = {c: statistics.median_low([r.scores.get(c, 0) for r in reports]) for c in CATEGORIES}
    return Report(scores, median_run.failing, median_run.metrics, first.benchmark_index, slowdown, 1 + len(reports))


def parse(report):
    audits = report["audits"]
    weighted = {ref["id"] for cat in report["categories"].values() for ref in cat["auditRefs"] if ref["weight"]}
    failing = [
        f"{key}: {audit['title']}"
        for key, audit in audits.items()
        if key in weighted and audit.get("score") is not None and audit["score"] < 1
    ]
    metrics = {
        "FCP": audits["first-contentful-paint"]["numericValue"],
        "LCP": audits["largest-contentful-paint"]["numericValue"],
        "TBT": audits["total-blocking-time"]["numericValue"],
        "CLS": audits["cumulative-layout-shift"]["numericValue"],
    }
    scores = {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}
    return Report(scores, failing, metrics, report.get("environment", {}).get("benchmarkIndex", 0.0))


def measure(site, langs, progress=print):
    """``{(lang, kind): Report}`` for every page kind of every language in ``langs``."""
    reports = {}
    with serving(site) as base, Runs() as runs:
        for lang in langs:
            for kind, path in PAGE_KINDS.items():
                reports[lang, kind] = report = runs.run(f"{base}/{lang}/{path}")
                progress(f"lighthouse {lang} {kind}: {format_scores(report)}")
    return reports


def format_scores(report):
    return "/".join(str(report.scores.get(c, "-")) for c in CATEGORIES)


def table(reports):
    """Scores per page kind and language (performance/accessibility/best practices/SEO), then what failed."""
    langs = list(dict.fromkeys(lang for lang, _kind in reports))
    lines = [f"Lighthouse, mobile ({'/'.join(CATEGORIES)}):", f"{'':<17}" + "".join(f"{lang:>17}" for lang in langs)]
    for kind in PAGE_KINDS:
        cells = "".join(f"{format_scores(reports[lang, kind]):>17}" for lang in langs if (lang, kind) in reports)
        lines.append(f"{kind:<17}{cells}")
    lines += [f"{lang} {kind}: {failure}" for (lang, kind), r in reports.items() for failure in r.failing]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "_build" / "site")
    parser.add_argument("--langs", nargs="+", default=list(LANGUAGES), choices=list(LANGUAGES))
    args = parser.parse_args(argv)
    reports = measure(args.site, args.langs)
    print(table(reports))
    return 0 if all(r.all_100() for r in reports.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
