"""Checks of the translation catalogues (``locales/<lang>/LC_MESSAGES/*.po``), before any language is built.

Translators' input is untrusted: it may be broken by accident or hostile. Each problem is reported as
``file:line: what is wrong; what to do``. ``python -m cowork_book.pocheck [lang ...]`` checks the given
languages (all translations by default) and exits non-zero on any problem.

Two layers: GNU gettext's own check (``msgfmt -c``: syntax, headers, plural forms), then the MyST-aware rules
below, one small function per rule in the ``RULES`` table, each comparing a translation with its English.
:mod:`cowork_book.sphinxext.safety` applies the same rules inside the build, so a check that was skipped still cannot
hurt. Written here because no gettext tool knows MyST; polib reads the files.
"""

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib

from cowork_book.languages import TRANSLATIONS
from cowork_book.paths import LOCALES, ROOT
from cowork_book.syntax import LANGUAGE_CODE, ROLE_TEXT

ROLE = re.compile(r"\{([\w:.-]+)\}`([^`]*)`")
LANG_ROLE = re.compile(r"\{lang\}`([^`<]*?)\s*<[^`<>]*>`")
XREF_ROLES = {"ref", "doc", "term", "numref", "download", "any"}
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
BARE_URL = re.compile(r"(?<![(<])\b((?:https?|ftp)://[^\s)>\]]+)")
HTML_TAG = re.compile(r"</?[a-zA-Z][\w-]*(?:\s[^<>]*)?/?>|<!--|<!\[CDATA\[|<\?")
DIRECTIVE_FENCE = re.compile(r"^\s*(?:`{3,}|~{3,}|:{3,})", re.M)
DIRECTIVE_ROLE_LIKE = re.compile(r"\{(?:include|literalinclude|raw|eval-rst|csv-table|image|figure)\}", re.I)
SUBSTITUTION = re.compile(r"\{\{|\}\}")
NUMBERED_START = re.compile(r"^\s*\d+[.)](?=\s|$)")
BLOCK_START = re.compile(r"^\s*(?:[-*+](?=\s)|#{1,6}(?=\s)|>|\|)")


def _without_lang(text):
    """Text with its {lang} roles unwrapped: a translator may drop one (a title translated) or add one."""
    return LANG_ROLE.sub(r"\1", text)


def _roles(text):
    found = Counter()
    for name, content in ROLE.findall(_without_lang(text)):
        if name in XREF_ROLES:
            target = re.search(r"<([^<>]+)>\s*$", content)
            target = (target.group(1) if target else content).strip()
            found[(name, target.lower() if name == "term" else target)] += 1  # glossary terms ignore case
        else:
            found[(name, None)] += 1
    return found


def _urls(text):
    return Counter(LINK.findall(text) + AUTOLINK.findall(text) + BARE_URL.findall(text))


def rule_roles(msgid, msgstr):
    if _roles(msgid) != _roles(msgstr):
        missing = _roles(msgid) - _roles(msgstr)
        extra = _roles(msgstr) - _roles(msgid)
        what = ", ".join(f"{{{n}}}`{t or '…'}`" for n, t in (extra or missing))
        return (
            f"roles differ from the English ({'added' if extra else 'missing'}: {what}); "
            "keep every {role}`...` and the target in <...> exactly as in the English, translate only the text"
        )
    return None


def rule_links(msgid, msgstr):
    if _urls(msgid) != _urls(msgstr):
        changed = ", ".join(sorted((_urls(msgstr) - _urls(msgid)) or (_urls(msgid) - _urls(msgstr))))
        return f"link address differs from the English ({changed}); translate the link text, keep the address"
    return None


def _without_markup(text):
    """Text with roles and autolinks removed: their ``<...>`` is MyST, not HTML."""
    return ROLE.sub("", AUTOLINK.sub("", text))


def rule_html(msgid, msgstr):
    tags = HTML_TAG.findall(_without_markup(msgstr))
    if len(tags) > len(HTML_TAG.findall(_without_markup(msgid))):
        return f"HTML is not allowed in a translation ({tags[0]}); remove it"
    return None


def rule_directives(msgid, msgstr):
    for pattern, what in ((DIRECTIVE_FENCE, "a directive or code fence"), (DIRECTIVE_ROLE_LIKE, "a directive")):
        if len(pattern.findall(msgstr)) > len(pattern.findall(msgid)):
            return f"{what} is not allowed in a translation; remove the ``` / ::: / {{...}} markup"
    return None


def rule_substitutions(msgid, msgstr):
    if len(SUBSTITUTION.findall(msgstr)) > len(SUBSTITUTION.findall(msgid)):
        return "'{{' or '}}' is not allowed in a translation; remove it"
    return None


def rule_lang(msgid, msgstr):
    for content in re.findall(r"\{lang\}`([^`]*)`", msgstr):
        found = ROLE_TEXT.match(content)
        if not found or not LANGUAGE_CODE.match(found["code"].strip()):
            return (
                f"{{lang}}`{content}` needs the language code of the text at its end, as in "
                "{lang}`Nearly 9 out of 10 Latvian households now have Internet <en>`; copy it from the English"
            )
    return None


def rule_balanced_markup(msgid, msgstr):
    msgid, msgstr = _without_lang(msgid), _without_lang(msgstr)
    for mark, name in (("`", "backticks (`)"), ("**", "bold markers (**)")):
        if msgstr.count(mark) != msgid.count(mark):
            return (
                f"{name}: {msgstr.count(mark)} in the translation, {msgid.count(mark)} in the English; keep them paired"
            )
    if msgstr.count("[") - msgstr.count("]") != msgid.count("[") - msgid.count("]"):
        return "unbalanced '[]'; close every '[' you open"
    return None


def rule_paragraphs(msgid, msgstr):
    source, translated = msgid.count("\n\n") + 1, msgstr.strip().count("\n\n") + 1
    if source != translated:
        return f"{translated} paragraphs in the translation, {source} in the English; remove the empty line(s)"
    return None


def rule_block_start(msgid, msgstr):
    marker = BLOCK_START.match(msgstr)
    if marker and not BLOCK_START.match(msgid):
        return (
            f"the translation starts with '{marker.group(0).strip()}', which would make it a list, heading, quote "
            "or table; reword the start"
        )
    return None


RULES = [
    rule_roles,
    rule_lang,
    rule_links,
    rule_html,
    rule_directives,
    rule_substitutions,
    rule_balanced_markup,
    rule_paragraphs,
    rule_block_start,
]


def entry_problems(msgid, msgstr):
    """Every rule's complaint about one translation (empty when it is fine)."""
    return [problem for rule in RULES if (problem := rule(msgid, msgstr))]


def escape_numbered_start(msgstr, msgid):
    """'2024. gadā …' would become a list item: escape the full stop, unless the English is a list item too."""
    if NUMBERED_START.match(msgstr) and not NUMBERED_START.match(msgid):
        return re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", msgstr, count=1)
    return msgstr


def msgfmt_problems(po):
    """gettext's own syntax and header check (``msgfmt -c``), as file:line messages; warnings alone pass."""
    proc = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(po)], capture_output=True, text=True, env={"LC_ALL": "C"}, check=False
    )
    if proc.returncode == 0:
        return []
    messages = []
    for line in proc.stderr.splitlines():
        if line.startswith(str(po)):
            messages.append(line.replace(str(po), _rel(po), 1))
        elif messages and not line.startswith("msgfmt:"):
            messages[-1] += " " + line.strip()
    problems = [f"{m}; fix it in a PO editor such as Poedit" for m in messages if ": warning: " not in m]
    return problems or [f"{_rel(po)}:1: msgfmt -c failed; open the file in a PO editor to find the error"]


def header_problems(po, catalogue, lang):
    """The header must say UTF-8 and, if it names a language, the folder's language."""
    problems = []
    content_type = catalogue.metadata.get("Content-Type", "")
    if "charset=utf-8" not in content_type.lower().replace(" ", ""):
        problems.append(
            f"{_rel(po)}:1: the header says {content_type!r}; the file must be UTF-8 "
            "(set 'Content-Type: text/plain; charset=UTF-8' and save as UTF-8)"
        )
    declared = catalogue.metadata.get("Language", "")
    if declared and lang and declared.split("_")[0].lower() != lang:
        problems.append(f"{_rel(po)}:1: the header says Language: {declared}, but the file is in the '{lang}' folder")
    return problems


def catalogue_problems(po, lang=None):
    problems = msgfmt_problems(po)
    if problems:
        return problems
    try:
        catalogue = polib.pofile(str(po), encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return [f"{_rel(po)}:1: cannot be read as UTF-8 gettext ({error}); save it as UTF-8 in a PO editor"]
    problems += header_problems(po, catalogue, lang)
    for entry in catalogue:
        if entry.obsolete or entry.fuzzy or not entry.msgstr:
            continue
        for problem in entry_problems(entry.msgid, entry.msgstr):
            problems.append(f"{_rel(po)}:{entry.linenum}: {problem}")
    return problems


def catalogues(lang, locales=LOCALES):
    return sorted((Path(locales) / lang / "LC_MESSAGES").rglob("*.po"))


def check_language(lang, locales=LOCALES):
    if lang not in TRANSLATIONS:
        return []
    return [problem for po in catalogues(lang, locales) for problem in catalogue_problems(po, lang)]


def _rel(path):
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def report(check, argv=None, what="problem(s)"):
    """Print ``check(lang)``'s findings for the languages in ``argv`` (all translations by default) and a count;
    the exit code for a command line (also used by :mod:`cowork_book.commands.style`)."""
    langs = (argv if argv is not None else sys.argv[1:]) or TRANSLATIONS
    problems = [p for lang in langs for p in check(lang)]
    for problem in problems:
        print(problem)
    print(f"{len(problems)} {what} in {', '.join(langs)}")
    return 1 if problems else 0


def main(argv=None):
    return report(check_language, argv)


if __name__ == "__main__":
    sys.exit(main())
