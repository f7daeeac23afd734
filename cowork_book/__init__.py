"""The book's own Sphinx extensions and tools, one module per concern.

Sphinx extensions (listed in ``conf.py``):

- :mod:`cowork_book.languages`: the one list of the book's languages;
- :mod:`cowork_book.switcher`: ``<html lang>``, the language switcher and ``hreflang`` links;
- :mod:`cowork_book.pagemeta`: meta description, favicon, downloads;
- :mod:`cowork_book.printbook`: the print build and its PDF (WeasyPrint).

Tools (``python -m cowork_book.<tool>``):

- :mod:`cowork_book.build`: builds every language and format, with isolation and a summary;
- :mod:`cowork_book.sysdeps`: checks (and, as root, installs) the Debian packages needed.
"""
