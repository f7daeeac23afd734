"""Letters that only a real text in each language has (used on HTML, PDF and EPUB text)."""

OWN_LETTERS = {
    "en": set(),
    "lv": set("āēīūķļņšžč"),
    "et": set("õäöü"),
    "es": set("ñáéíóú¿"),
    "it": set("àèéìòù"),
    "ru": set("жыэюяйщ"),
}


def letters_found(lang, text):
    """How many of the language's own letters occur in ``text`` (lower-cased)."""
    return len(OWN_LETTERS[lang] & set(text.lower()))
