"""Checks of the translation catalogues (``locales/<lang>/LC_MESSAGES/*.po``) before a language is built.

Each problem is reported as ``file:line: what is wrong; what to do``. ``python -m cowork_book.pocheck [lang ...]``
checks the given languages (all translations by default) and exits non-zero on any problem.
"""

import subprocess
import sys
from pathlib import Path

from cowork_book.languages import TRANSLATIONS

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"


def catalogues(lang):
    return sorted((LOCALES / lang / "LC_MESSAGES").rglob("*.po"))


def msgfmt_problems(po):
    """gettext's own syntax and header check (``msgfmt -c``), reworded as file:line messages."""
    proc = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(po)],
        capture_output=True,
        text=True,
        env={"LC_ALL": "C"},
    )
    if proc.returncode == 0:
        return []
    problems = []
    for line in proc.stderr.splitlines():
        if "found" in line and "fatal error" in line:
            continue
        line = line.replace(str(po), _rel(po))
        problems.append(f"{line}; fix the entry in a PO editor (Poedit shows the same message)")
    return problems or [f"{_rel(po)}:1: msgfmt -c failed; open the file in a PO editor to find the error"]


def check_language(lang):
    if lang not in TRANSLATIONS:
        return []
    problems = []
    for po in catalogues(lang):
        problems += msgfmt_problems(po)
    return problems


def _rel(path):
    try:
        return str(Path(path).relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv=None):
    langs = (argv if argv is not None else sys.argv[1:]) or TRANSLATIONS
    problems = [p for lang in langs for p in check_language(lang)]
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s) in {', '.join(langs)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
