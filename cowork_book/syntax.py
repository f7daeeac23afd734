"""The syntax of the book's own MyST roles, shared by the extension that renders them
(:mod:`cowork_book.sphinxext.langparts`) and the translation rules that check them (:mod:`cowork_book.pocheck`)."""

import re

# {lang}`Jaunatnes centrs <lv>`: the text, then the BCP 47 language code in angle brackets.
ROLE_TEXT = re.compile(r"^(?P<text>.*\S)\s*<(?P<code>[^<>]*)>$", re.S)
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
