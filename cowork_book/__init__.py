"""The book's own code, in three layers that import one way (commands → extensions → base):

- the base, here: facts and rules that both other layers need, importing neither of them:
  :mod:`cowork_book.book` (the book's identity), :mod:`cowork_book.languages` (its languages),
  :mod:`cowork_book.paths`, :mod:`cowork_book.syntax` (the book's own roles), :mod:`cowork_book.pocheck`
  (the translation rules; also a command), :mod:`cowork_book.pofiles` (catalogue counts),
  :mod:`cowork_book.docstore` (where extensions keep state: per document across incremental builds, or for
  one build), :mod:`cowork_book.zips` (the one reproducible zip writer: EPUB, offline web book, release) and
  :mod:`cowork_book.nodetools` (the project's pinned Node.js);
- :mod:`cowork_book.sphinxext`: the Sphinx extensions;
- :mod:`cowork_book.commands`: the command-line tools the Makefile calls.

Sphinx extensions (listed in ``conf.py``):

- ``sphinxext.themes``: the web (Furo-based) and EPUB themes;
- ``sphinxext.switcher``: the language switcher and ``hreflang`` links;
- ``sphinxext.pagemeta``: meta description, OpenGraph card, translated title;
- ``sphinxext.downloads``: the download list (PDF, EPUB, offline web book), with sizes and page count;
- ``sphinxext.printbook``: the print build and its PDF (WeasyPrint): cover, imprint, page references;
- ``sphinxext.editions``: web-only and print-only content (``{web-only}``), left out where it makes no sense;
- ``sphinxext.linebreaks`` (used by printbook): no hyphen in names and addresses, per-language spaces;
- ``sphinxext.epub``: all EPUB packaging: valid XHTML, EPUB Accessibility 1.1 metadata, SVG pages declared,
  a reproducible zip;
- ``sphinxext.collections``: one way to declare a collection of pages with front-matter facts: schema,
  validator, fact box, cards, filters and explorer (used by the two below);
- ``sphinxext.casestudies``: the case-study collection;
- ``sphinxext.activities``: the activity collection;
- ``sphinxext.figures``: floor plans, the pilot timeline and the case-study map, as translated inline SVG;
- ``sphinxext.chapters`` (used by the tools and figures): the one reader of the chapters as translated: labels,
  sections, tables, and the pilot roadmap's steps with their weeks;
- ``sphinxext.markup``: generated markup: the Jinja environment of ``templates/`` (autoescaped), a tag helper;
- ``sphinxext.glossary``: glossary references that survive translation;
- ``sphinxext.safety``: translations read from checked catalogues; no file insertion, no raw HTML;
- ``sphinxext.search``: search in every language: Latvian and Estonian stemmers, translated messages, ranking;
- ``sphinxext.translatable``: every paragraph reaches the translators;
- ``sphinxext.status``: the translation status page;
- ``sphinxext.weight``: each page loads only the styles and scripts it uses.
- ``sphinxext.readiness``: the readiness self-assessment, from "Getting ready";
- ``sphinxext.planner``: the pilot planner (with its calendar file), from "A pilot roadmap";
- ``sphinxext.toolkit`` (used by the two above): the tools' placeholder, editions (web, EPUB, PDF form), scripts;
- ``sphinxext.glossarytips``: the glossary's definitions as tooltips where a page links to a term (web);
- ``sphinxext.worksheets``: the worksheets and activity handouts as fillable forms in the PDF;
- ``sphinxext.handouts``: activity handouts: lines to write on (web, EPUB), "Print the handout", print styles.
- ``sphinxext.activitylinks`` (used by the tools): chapters, roadmap steps, planner and self-assessment list the
  activities whose front matter names them.
- ``sphinxext.cover``: the book's cover on the web's first page and Download page.

Commands (``python -m cowork_book.commands.<name>``):

- ``commands.build``: builds every language and format, with isolation and a summary;
- ``pocheck``: checks the translation catalogues (also used by ``sphinxext.safety``);
- ``commands.catalogues``: ``update`` and ``stats`` of the catalogues;
- ``commands.terms`` and ``commands.spelling``: termbase and spelling checks of translations;
- ``commands.release``: the release folder, sitemap and checksums;
- ``commands.bench``: build times and output sizes;
- ``commands.sysdeps``: checks (and, as root, installs) the Debian packages needed.
- ``languages``: the one list of the book's languages.
"""
