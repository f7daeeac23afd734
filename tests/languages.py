"""Letters that only a real text in each language has (used on HTML, PDF and EPUB text)."""

from cowork_book.languages import BY_CODE

OWN_LETTERS = {code: set(language.letters) for code, language in BY_CODE.items()}


def letters_found(lang, text):
    """How many of the language's own letters occur in ``text`` (lower-cased)."""
    return len(OWN_LETTERS[lang] & set(text.lower()))
