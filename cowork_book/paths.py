"""Where the book's sources are: the checkout the package is installed from (editable)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
