"""The book's languages, declared once.

Adding a language is one line here plus ``make update-po``. The Makefile, ``conf.py``,
the build and the tests all read this table; ``python -m cowork_book.languages``
prints the codes for the Makefile.
"""

#: Language code -> the language's own name, as the switcher shows it. English is the source.
LANGUAGES = {
    "en": "English",
    "lv": "Latviešu",
    "et": "Eesti",
    "es": "Español",
    "it": "Italiano",
    "ru": "Русский",
}

SOURCE_LANGUAGE = "en"
TRANSLATIONS = [code for code in LANGUAGES if code != SOURCE_LANGUAGE]

if __name__ == "__main__":
    print(" ".join(LANGUAGES))
