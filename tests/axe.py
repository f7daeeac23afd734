"""axe-core in Chromium: the rules the book holds itself to (WCAG 2.1 A and AA, and axe's best practices),
run on many pages side by side.

Each worker is a page in its own browser context, so Chromium gives it its own renderer process: while one page
is audited, the next one loads (axe's colour-contrast rule is most of the time, and runs in the page). axe comes
into each page as the context's init script, not as a script tag added after it loaded: Chromium then compiles
its 570 kB once per renderer instead of once per page (40 English pages: 36-43 -> 33-35 CPU-s)."""

from pathlib import Path

AXE = next(Path(__import__("axe_playwright_python").__file__).parent.glob("axe.min.js"))
RULES = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
# Every rule still runs; axe details only the violations (the page's other results stay in the page): 27 % less
# processor time over the 72 English pages (117 -> 85 CPU-s, measured twice each).
RUN = "rules => axe.run(document, {runOnly: rules, resultTypes: ['violations']}).then(result => result.violations)"


def describe(name, violation):
    targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
    return f"{name}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}"


def audit(page):
    """The violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN, RULES)


def audit_all(browser, base, paths, workers=2):
    """``['path: rule (impact): help at [targets]', …]`` for the pages ``base/path``, ``workers`` at a time."""
    contexts = [browser.new_context() for _ in range(workers)]
    for context in contexts:
        context.add_init_script(path=str(AXE))
    pages = [context.new_page() for context in contexts]
    problems = []
    for start in range(0, len(paths), workers):
        batch = list(zip(pages, paths[start : start + workers], strict=False))
        for page, path in batch:
            page.goto(f"{base}/{path}")
            page.evaluate(f"rules => {{ window.bookAxe = ({RUN})(rules); }}", RULES)
        for page, path in batch:
            problems += [describe(path, v) for v in page.evaluate("() => window.bookAxe")]
    for context in contexts:
        context.close()
    return problems
