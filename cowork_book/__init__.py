"""The book's own Sphinx extensions and tools, one module per concern.

Sphinx extensions (listed in ``conf.py``):

- :mod:`cowork_book.themes`: the web (Furo-based) and EPUB themes;
- :mod:`cowork_book.switcher`: the language switcher and ``hreflang`` links;
- :mod:`cowork_book.pagemeta`: meta description, OpenGraph card, translated title;
- :mod:`cowork_book.downloads`: the download list (PDF, EPUB, offline web book), with sizes and page count;
- :mod:`cowork_book.printbook`: the print build and its PDF (WeasyPrint): cover, imprint, page references;
- :mod:`cowork_book.editions`: web-only and print-only content (``{web-only}``), left out where it makes no sense;
- :mod:`cowork_book.linebreaks` (used by printbook): no hyphen in names and addresses, per-language spaces;
- :mod:`cowork_book.epub`: valid XHTML, EPUB Accessibility 1.1 metadata and a reproducible zip for the EPUB;
- :mod:`cowork_book.casestudies`: case-study schema, validator, fact box and explorer;
- :mod:`cowork_book.figures`: floor plans, the pilot timeline and the case-study map, as translated inline SVG;
- :mod:`cowork_book.glossary`: glossary references that survive translation;
- :mod:`cowork_book.safety`: translations read from checked catalogues; no file insertion, no raw HTML;
- :mod:`cowork_book.search`: search in every language: Latvian and Estonian stemmers, translated messages, ranking;
- :mod:`cowork_book.translatable`: every paragraph reaches the translators;
- :mod:`cowork_book.status`: the translation status page;
- :mod:`cowork_book.weight`: each page loads only the styles and scripts it uses.
- :mod:`cowork_book.tools`: self-assessment and pilot planner (from the chapters), glossary tooltips, fillable PDF.
- :mod:`cowork_book.cover`: the book's cover on the web's first page and Download page.

Tools (``python -m cowork_book.<tool>``):

- :mod:`cowork_book.build`: builds every language and format, with isolation and a summary;
- :mod:`cowork_book.pocheck`: checks the translation catalogues (also used by :mod:`~cowork_book.safety`);
- :mod:`cowork_book.catalogues`: ``update`` and ``stats`` of the catalogues;
- :mod:`cowork_book.terms` and :mod:`cowork_book.spelling`: termbase and spelling checks of translations;
- :mod:`cowork_book.release`: the release folder, sitemap and checksums;
- :mod:`cowork_book.bench`: build times and output sizes;
- :mod:`cowork_book.sysdeps`: checks (and, as root, installs) the Debian packages needed.
- :mod:`cowork_book.languages`: the one list of the book's languages.
"""
