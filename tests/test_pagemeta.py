"""Every page: a meta description, a favicon, the Erasmus+ statement with the EU emblem, the disclaimer, the licence."""

from htmlparse import read

SKIP = ("search.html", "genindex.html")


def _content_pages(html_pages):
    for lang, pages in html_pages.items():
        for page in pages:
            if page.name not in SKIP:
                yield lang, page


def test_meta_description_on_every_page(html_pages):
    for _lang, page in _content_pages(html_pages):
        descriptions = read(page).find("meta", name="description")
        assert len(descriptions) == 1, page
        assert len(descriptions[0]["content"]) > 20, page


def test_favicon_on_every_page(html_pages):
    for _lang, page in _content_pages(html_pages):
        icons = [a for a in read(page).find("link") if "icon" in a.get("rel", "")]
        assert icons and (page.parent / icons[0]["href"]).resolve().is_file(), page


def test_eu_notice_and_licence_on_every_page(html_pages):
    for _lang, page in _content_pages(html_pages):
        html = page.read_text(encoding="utf-8")
        assert 'class="book-eu-notice"' in html, page
        assert "eu-emblem.svg" in html, page
        assert 'class="book-disclaimer"' in html, page
        assert 'rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/"' in html, page


def test_english_footer_uses_the_2014_2020_wording(site):
    text = read(site / "en" / "index.html").text
    assert "Co-funded by the Erasmus+ Programme of the European Union" in text
    assert "cannot be held responsible for any use which may be made of the information" in text
    assert "CC BY-SA 4.0" in text
