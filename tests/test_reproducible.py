"""Two clean builds of the same commit give byte-identical HTML and EPUB, and PDFs equal but for ID and dates."""

import re
import subprocess
import sys
from pathlib import Path

import pikepdf
from conftest import BASE_URL, STEM

ROOT = Path(__file__).resolve().parent.parent


def _files(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_second_build_is_identical(site, tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "cowork_book.commands.build",
            "--out",
            str(tmp_path),
            "--langs",
            "en",
            "--base-url",
            BASE_URL,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout
    first, second = _files(site / "en"), _files(tmp_path / "site" / "en")
    assert first.keys() == second.keys()
    pdf = Path("downloads") / f"{STEM}-en.pdf"
    different = [str(name) for name in first if name != pdf and first[name] != second[name]]
    assert not different, different[:10]
    assert _pdf_content(site / "en" / pdf) == _pdf_content(tmp_path / "site" / "en" / pdf), "the two PDFs differ"


VARYING = re.compile(rb"/(ID|CreationDate|ModDate)\s*(\[[^\]]*\]|\([^)]*\))|(?<=/i)[0-9a-f]{16,}\b")


def _pdf_content(path):
    """Every stream of a PDF, decoded, in order. The file ID and dates differ by design, and so do the offsets;
    WeasyPrint names each image after its address, which holds the output folder: the names are labels inside
    the file (normalised here), the images themselves are compared."""
    with pikepdf.open(path) as pdf:
        return [
            VARYING.sub(b"", obj.read_bytes())
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Stream) and obj.get("/Type") != "/XRef"
        ]
