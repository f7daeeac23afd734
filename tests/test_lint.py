"""Python is linted and formatted with ruff; English prose is spell-checked with codespell."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"


def _run(*command):
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_ruff_check():
    proc = _run(str(BIN / "ruff"), "check", ".")
    assert proc.returncode == 0, proc.stdout


def test_ruff_format():
    proc = _run(str(BIN / "ruff"), "format", "--check", ".")
    assert proc.returncode == 0, proc.stdout


def test_codespell_on_english_prose_and_code():
    proc = _run(str(BIN / "codespell"))
    assert proc.returncode == 0, proc.stdout
