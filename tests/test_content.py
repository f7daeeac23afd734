"""The guidelines' shape and translation-safe MyST: labels, sources, an activity at the end, glossary use."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDELINES = ROOT / "docs" / "guidelines"
CHAPTERS = sorted(p for p in GUIDELINES.glob("*.md") if p.name != "index.md")
SOURCES = [ROOT / "index.md", *sorted((ROOT / "docs").rglob("*.md")), *sorted((ROOT / "case_studies").glob("[!_]*.md"))]
HEADING = re.compile(r"^(#{1,6})\s+(.+)$")
LABEL = re.compile(r"^\((?P<label>[\w-]+)\)=\s*$")
TERM_ROLE = re.compile(r"\{term\}`([^`]*)`")


def _lines(path):
    """Lines outside code fences and front matter."""
    lines, fence, text = [], None, path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text[text.index("\n---\n", 4) + 5 :]
    for line in text.splitlines():
        marker = re.match(r"^\s*(`{3,}|~{3,})", line)
        if marker:
            fence = None if fence and marker.group(1).startswith(fence) else fence or marker.group(1)
            if fence is None or "{" not in line:
                continue
        lines.append(line)
    return lines


def _sections(path):
    """``[(level, title, label, body lines)]`` in order."""
    sections, lines = [], _lines(path)
    for i, line in enumerate(lines):
        heading = HEADING.match(line)
        if heading:
            previous = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
            label = LABEL.match(previous)
            sections.append([len(heading.group(1)), heading.group(2).strip(), label and label["label"], []])
        elif sections:
            sections[-1][3].append(line)
    return sections


def test_every_heading_has_an_explicit_label_and_no_number_at_the_start():
    for path in SOURCES:
        for _level, title, label, _body in _sections(path):
            assert label, f"{path.relative_to(ROOT)}: heading {title!r} has no (label)= line before it"
            assert not re.match(r"^\d", title), f"{path.relative_to(ROOT)}: heading {title!r} starts with a number"


def test_no_empty_sections_and_no_placeholders():
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        for word in ("TODO", "TBD", "lorem", "Lorem", "FIXME", "This chapter is being written"):
            assert word not in text, f"{path.relative_to(ROOT)}: contains {word!r}"
        sections = _sections(path)
        for (level, title, _label, body), following in zip(sections, [*sections[1:], None], strict=True):
            nested = following is not None and following[0] > level
            assert nested or any(line.strip() and not LABEL.match(line) for line in body), (
                f"{path.relative_to(ROOT)}: section {title!r} is empty"
            )


def test_translation_safe_markup():
    for path in SOURCES:
        text = "\n".join(_lines(path))
        name = path.relative_to(ROOT)
        assert not re.search(r"^\[[^\]]+\]:\s", text, re.M), f"{name}: reference-style link definition"
        assert not re.search(r"\]\[[^\]]*\]", text), f"{name}: reference-style link"
        assert "{{" not in text, f"{name}: substitution"
        assert not re.search(r"</?(?:div|span|script|img|a|br|p|iframe)\b", text), f"{name}: raw HTML"


def test_each_chapter_has_a_label_sources_and_ends_with_an_activity():
    assert len(CHAPTERS) >= 11
    for path in CHAPTERS:
        sections = _sections(path)
        name = path.relative_to(ROOT)
        assert sections[0][0] == 1 and sections[0][2].startswith("ch-"), f"{name}: first heading needs a ch- label"
        top = [s for s in sections if s[0] == 2]
        assert top[-1][1] in ("Sources", "Further reading"), f"{name}: the last section should be Sources"
        assert top[-2][2].endswith("-activity"), f"{name}: the section before Sources should be the activity"
        activity = "\n".join(top[-2][3])
        assert re.search(r"^\s*([-*]|\d+\.)\s", activity, re.M), f"{name}: the activity has no checklist or questions"


def _glossary_terms():
    text = (ROOT / "docs" / "appendices" / "glossary.md").read_text(encoding="utf-8")
    block = text[text.index("```{glossary}") : text.index("```", text.index("```{glossary}") + 5)]
    return [line.strip() for line in block.splitlines()[1:] if line.strip() and not line.startswith(" ")]


def test_glossary_has_at_least_40_terms_each_used_in_the_text():
    terms = _glossary_terms()
    assert len(terms) >= 40
    used = set()
    for path in SOURCES:
        if path.name == "glossary.md":
            continue
        for content in TERM_ROLE.findall(path.read_text(encoding="utf-8")):
            target = re.search(r"<([^<>]+)>\s*$", content)
            used.add((target.group(1) if target else content).strip().lower())
    unused = [t for t in terms if t.lower() not in used]
    assert not unused, f"glossary terms never used with {{term}}: {unused}"


def test_the_guidelines_are_at_least_18000_words():
    words = sum(len(" ".join(_lines(p)).split()) for p in CHAPTERS)
    assert words >= 18000, words
