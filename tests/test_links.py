"""Every internal link and anchor in the built site resolves, and no page asks another host for anything."""

from urllib.parse import unquote, urlsplit

from htmlparse import read

EXTERNAL = ("http:", "https:", "mailto:")


def _pages(site):
    return sorted(site.rglob("*.html"))


def test_every_internal_link_and_anchor_resolves(site):
    parsed = {page: read(page) for page in _pages(site)}
    broken = []
    for page, doc in parsed.items():
        for tag, attrs in doc.elements:
            href = attrs.get("href") if tag in ("a", "link") else attrs.get("src") if tag in ("img", "script") else None
            if not href or href.startswith(EXTERNAL) or href.startswith("data:"):
                continue
            parts = urlsplit(href)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else read(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert not broken, "\n".join(broken[:50])


def test_no_page_loads_anything_from_another_host(site):
    offenders = []
    for page in _pages(site):
        for tag, attrs in read(page).elements:
            url = {"script": "src", "img": "src", "iframe": "src", "link": "href", "source": "src"}.get(tag)
            loads = {"stylesheet", "icon", "preload", "prefetch", "modulepreload"}
            if url is None or tag == "link" and not loads & set(attrs.get("rel", "").split()):
                continue
            value = attrs.get(url, "")
            if value.startswith(("http:", "https:", "//")):
                offenders.append(f"{page.relative_to(site)}: <{tag} {url}={value}>")
    assert not offenders, "\n".join(offenders[:20])
