"""Page weight: each page loads only the styles and scripts it uses.

Sphinx and its extensions add their files to every page. A reader on a slow rural connection should not
download the code highlighter's colours on pages without code, sphinx-design's styles on pages without cards
or tabs, its tab-syncing script at all (tabs are CSS radio buttons and work without it), or the search
scripts and their translations outside the search page. Measured on a long chapter: 42.7 KB
gzip before, about 33 KB after (``make bench``); the budget is 40 KB.

sphinx-design's stylesheet (54 KB, 7.9 KB gzip) styles hundreds of classes; the book uses a few dozen. After
the build, its copy in ``_static`` keeps only the rules whose classes some built page uses, and the custom
properties those rules and our own styles refer to (tinycss2, which WeasyPrint already brings, parses it):
6.9 KB, 1.8 KB gzip. The heaviest page of the book (Russian) went from 39.3 to 34.2 KB gzip.

No script holds up the first paint: every script file loads with ``defer`` (in order, after the page is read;
the search page's own scripts in ``theme/web/search.html`` too). At the end of the body without it, each one
stopped the parser until it had arrived, and Lighthouse's simulated slow 4G counted those round trips before
the first paint. Measured on the self-assessment page (Lighthouse, mobile, 4 runs each, with three busy loops on
2 cores): first contentful paint 1.08-1.36 s before, 0.92-0.93 s after; on a quiet machine 1.06-1.09 s and
0.91 s. Lighthouse gives that metric full marks below about 1.08 s, so the pages were at the edge of 100.
"""

import re
from pathlib import Path

import tinycss2
from sphinx.builders.html._assets import _JavaScript  # what Sphinx's js_tag() renders; no public constructor

DESIGN_CSS = "_static/sphinx-design.min.css"
CLASS_ATTR = re.compile(r'class="([^"]*)"')
CLASS_SELECTOR = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
PROPERTY_USE = re.compile(r"var\((--[\w-]+)")
KEYFRAMES = re.compile(r"@keyframes ([\w-]+)\{(?:[^{}]*\{[^{}]*\})*\}")

# searchtools.js needs these; other pages do not (highlighting search words after a click is left out).
SEARCH_ONLY = {
    "_static/doctools.js",
    "_static/documentation_options.js",
    "_static/sphinx_highlight.js",
    "_static/translations.js",
}
# Only syncs tab choices between tab sets; the tabs themselves are CSS radio buttons and work without it.
NEVER = {"_static/design-tabs.js", "_static/styles/furo-extensions.css"}  # css/design.css keeps what we use of it


# A feature's styles, and a class that only its pages have.
FEATURE_CSS = {
    "_static/css/collections.css": "collection-",
    "_static/css/tools.css": "book-tool",
    "_static/css/glossary-tips.css": "glossary-tips",
    "_static/css/figures.css": "book-figure",
    "_static/css/handouts.css": "book-handout",
}


def _needed(filename, pagename, body):
    if filename in FEATURE_CSS:
        return FEATURE_CSS[filename] in body
    if filename in SEARCH_ONLY:
        return pagename == "search"
    if filename == "_static/pygments.css":
        return 'class="highlight' in body
    if filename in ("_static/sphinx-design.min.css", "_static/css/design.css"):
        return "sd-" in body
    return filename not in NEVER


def deferred(script):
    """The script file with ``defer`` (an inline script, or one that is ``async``, as it is)."""
    if isinstance(script, str):
        return _JavaScript(script, defer="defer")
    if not script.filename or "async" in script.attributes:
        return script
    return _JavaScript(script.filename, priority=script.priority, **(script.attributes | {"defer": "defer"}))


def trim_assets(app, pagename, templatename, context, doctree):
    if app.builder.name != "html":
        return
    body = context.get("body", "")
    for key in ("css_files", "script_files"):
        files = context.get(key, [])
        context[key] = [f for f in files if _needed(getattr(f, "filename", f), pagename, body)]
    context["script_files"] = [deferred(script) for script in context.get("script_files", [])]


def used_classes(outdir):
    """Every class name in the built pages."""
    classes = set()
    for page in [*outdir.rglob("*.html"), *outdir.rglob("*.xhtml")]:
        for value in CLASS_ATTR.findall(page.read_text(encoding="utf-8")):
            classes.update(value.split())
    return classes


def _split_selectors(prelude):
    """``a, b:is(c, d)`` -> ``["a", "b:is(c, d)"]``: commas at the top level only."""
    parts, depth, current = [], 0, ""
    for char in prelude:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return [*parts, current.strip()]


def _trim_rules(rules, classes):
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(tinycss2.serialize(rule.prelude)) if _uses(s, classes)]
            if selectors:
                kept.append(f"{','.join(selectors)}{{{tinycss2.serialize(rule.content).strip()}}}")
        elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
            inner = _trim_rules(tinycss2.parse_rule_list(rule.content, True, True), classes)
            if inner:
                kept.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}{{{''.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(tinycss2.serialize([rule]).strip())
    return kept


def _uses(selector, classes):
    return all(name in classes for name in CLASS_SELECTOR.findall(selector))


def trim_stylesheet(css, classes, other_css=""):
    """The rules of ``css`` that can match pages using ``classes``, without unused custom properties."""
    text = "".join(_trim_rules(tinycss2.parse_stylesheet(css, True, True), classes))
    referenced = set(PROPERTY_USE.findall(text + other_css))
    unused = re.compile(r"(?<=[{;])(--[\w-]+):[^;}]*(;|(?=}))")
    text = unused.sub(lambda m: m.group(0) if m.group(1) in referenced else "", text)
    text = re.sub(r"[^{}]+\{;*\}", "", text.replace(";}", "}"))
    animations = KEYFRAMES.sub("", text)
    return KEYFRAMES.sub(lambda m: m.group(0) if re.search(rf"\b{m.group(1)}\b", animations) else "", text)


def trim_design_css(app, exception):
    if exception or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    stylesheet = outdir / DESIGN_CSS
    if not stylesheet.is_file():
        return
    ours = "".join(p.read_text(encoding="utf-8") for p in (outdir / "_static").rglob("*.css") if p != stylesheet)
    trimmed = trim_stylesheet(stylesheet.read_text(encoding="utf-8"), used_classes(outdir), ours)
    stylesheet.write_text(trimmed, encoding="utf-8")


def setup(app):
    app.connect("html-page-context", trim_assets, priority=900)
    app.connect("build-finished", trim_design_css)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
