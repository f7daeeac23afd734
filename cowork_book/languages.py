"""The book's languages, declared once.

Adding a language is one line in ``REGISTRY`` plus ``make update-po``. The Makefile, ``conf.py``, the build,
the page metadata, the spelling check, the system packages, the tests and the CI matrix all read this table;
``python -m cowork_book.languages`` prints the codes for the Makefile, ``--matrix`` the CI matrix as JSON.
Standard library only: :mod:`cowork_book.sysdeps` reads it before the virtual environment exists.
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


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--matrix"]:
        print(json.dumps({"lang": list(LANGUAGES)}))
    else:
        print(" ".join(LANGUAGES))


if __name__ == "__main__":
    main()
