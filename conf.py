"""Sphinx configuration for "Coworking in Youth Centres". Configuration only: logic lives in cowork_book/."""

from cowork_book.book import BOOK
from cowork_book.languages import LANGUAGES

# -- The book (declared in cowork_book/book.py) ---------------------------------------------------
project = BOOK.title
author = BOOK.publisher
copyright = BOOK.copyright
book_year = BOOK.year
release = BOOK.version
version = release
book_file_stem = BOOK.file_stem
book_languages = LANGUAGES
book_source_language = "en"
language = "en"  # each build sets its own with -D language=xx

root_doc = "index"
include_patterns = ["index.md", "docs/**", "case_studies/**", "activities/**"]
# Sphinx looks through every folder that no pattern here leaves out, whatever include_patterns says: the folders
# after the templates (the virtual environment and node_modules, 37,000 files) cost 0.6 s a build, twice.
exclude_patterns = ["case_studies/_template.md", "activities/_template.md"]
exclude_patterns += [".*", "_build", "node_modules", "cowork_book", "locales", "tests"]

extensions = [
    "myst_parser",
    "cowork_book.sphinxext.mystsettings",
    "sphinx_design",
    "cowork_book.sphinxext.themes",
    "cowork_book.sphinxext.switcher",
    "cowork_book.sphinxext.pagemeta",
    "cowork_book.sphinxext.downloads",
    "cowork_book.sphinxext.printbook",
    "cowork_book.sphinxext.editions",
    "cowork_book.sphinxext.casestudies",
    "cowork_book.sphinxext.activities",
    "cowork_book.sphinxext.epub",
    "cowork_book.sphinxext.glossary",
    "cowork_book.sphinxext.langparts",
    "cowork_book.sphinxext.safety",
    "cowork_book.sphinxext.search",
    "cowork_book.sphinxext.translatable",
    "cowork_book.sphinxext.readiness",
    "cowork_book.sphinxext.planner",
    "cowork_book.sphinxext.glossarytips",
    "cowork_book.sphinxext.worksheets",
    "cowork_book.sphinxext.handouts",
    "cowork_book.sphinxext.figures",
    "cowork_book.sphinxext.status",
    "cowork_book.sphinxext.fallback",
    "cowork_book.sphinxext.typography",
    "cowork_book.sphinxext.cover",
    "cowork_book.sphinxext.weight",
]

# -- MyST: translation-safe and with no way to bring in raw output --------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 0
myst_all_links_external = False
myst_html_meta = {}

# -- Translations ---------------------------------------------------------------------------------
locale_dirs = ["locales/"]
gettext_compact = False
gettext_uuid = False
gettext_location = True
gettext_last_translator = "Coworking in Youth Centres translators"
gettext_language_team = "Coworking in Youth Centres translators"
translation_progress_classes = "untranslated"

# -- HTML -----------------------------------------------------------------------------------------
html_theme = "cowork-book"  # Furo with the book's page frame (cowork_book/sphinxext/theme/web)
html_title = project
html_static_path = ["_static"]
html_templates_path = ["_templates"]
templates_path = ["_templates"]
html_favicon = "_static/favicon.svg"
html_css_files = [
    "book.css",
    "css/design.css",
    "css/collections.css",
    "css/tools.css",
    "css/glossary-tips.css",
    "css/figures.css",
]  # the css/ files load only on pages that use them (cowork_book.sphinxext.weight)
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_last_updated_fmt = None
html_permalinks_icon = "#"
html_theme_options = {
    "top_of_page_buttons": [],
    "navigation_with_keys": False,
}

# -- EPUB -----------------------------------------------------------------------------------------
epub_theme = "cowork-epub"
epub_title = project  # replaced by the translated title in each language
epub_basename = BOOK.file_stem
epub_author = author
epub_publisher = author
epub_copyright = copyright
epub_show_urls = "no"
epub_tocscope = "includehidden"  # the navigation document lists every chapter (the root toctree is hidden)
epub_cover = ("_static/cover.png", "")
epub_exclude_files = ["search.html", "404.html"]
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/languages.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}
