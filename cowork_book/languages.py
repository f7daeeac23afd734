"""The book's languages, declared once.

Adding a language is one line in ``REGISTRY`` plus ``make update-po``. The Makefile, ``conf.py``, the build,
the page metadata, the spelling check, the system packages, the tests and the CI matrix all read this table;
``python -m cowork_book.languages`` prints the codes for the Makefile, ``--matrix`` the CI matrix as JSON
(``--matrix --changed-since origin/main``: only the languages a pull request touches, plus English).
Standard library only: :mod:`cowork_book.commands.sysdeps` reads it before the virtual environment exists.
"""

import json
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, as Sphinx's ``language``
    name: str  # the language's own name, as the switcher shows it
    territory: str  # OpenGraph locale (og:locale)
    dictionary: str = ""  # hunspell dictionary name, for the spelling check of translations
    dictionary_package: str = ""  # the Debian package that provides it
    letters: str = ""  # letters only a real text in the language has (tests look for them in HTML, PDF, EPUB)


REGISTRY = [
    Language("en", "English", "en_GB", "en_GB", "hunspell-en-gb"),
    Language("lv", "Latviešu", "lv_LV", "lv_LV", "hunspell-lv", "āēīūķļņšžč"),
    Language("et", "Eesti", "et_EE", "et_EE", "myspell-et", "õäöü"),
    Language("es", "Español", "es_ES", "es_ES", "hunspell-es", "ñáéíóú¿"),
    Language("it", "Italiano", "it_IT", "it_IT", "hunspell-it", "àèéìòù"),
    Language("ru", "Русский", "ru_RU", "ru_RU", "hunspell-ru", "жыэюяйщ"),
]

BY_CODE = {language.code: language for language in REGISTRY}
#: Language code -> the language's own name. English is the source.
LANGUAGES = {language.code: language.name for language in REGISTRY}
SOURCE_LANGUAGE = "en"
TRANSLATIONS = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]


def affected(changed_files):
    """The languages a change touches: a change only under ``locales/<lang>/`` rebuilds that language and the
    source language; any other change (text, code, configuration) rebuilds them all."""
    langs = set()
    for name in changed_files:
        parts = name.split("/")
        if len(parts) > 2 and parts[0] == "locales" and parts[1] in LANGUAGES:
            langs.add(parts[1])
        else:
            return list(LANGUAGES)
    return [code for code in LANGUAGES if code in langs or code == SOURCE_LANGUAGE]


def changed_since(ref):
    import subprocess

    diff = ["git", "diff", "--name-only", f"{ref}...HEAD"]
    return subprocess.run(diff, capture_output=True, text=True, check=True).stdout.split()


def main(argv=None):
    """``python -m cowork_book.languages`` prints the codes; ``--matrix`` the CI matrix as JSON;
    ``--matrix --changed-since REF`` only the languages a change since REF touches (see :func:`affected`)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--matrix"]:
        langs = affected(changed_since(argv[2])) if argv[1:2] == ["--changed-since"] else list(LANGUAGES)
        print(json.dumps({"lang": langs}))
    else:
        print(" ".join(LANGUAGES))


if __name__ == "__main__":
    main()
