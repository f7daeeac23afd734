"""Language switcher and ``hreflang`` alternates.

Every language is built into its own folder of one site (``site/en/``, ``site/lv/``, ...), so the same page in
another language is always ``../<code>/<same page>`` relative to the language root. Links stay relative, so
the site works from any sub-path and from disk. The switcher is plain links, rendered by the web theme's
``sidebar/languages.html``. A few lines of script (:data:`KEEP_PLACE`, inline, so no extra request) add the
section being read to the link as it is followed (``#id``: the sections' ids are their labels, the same in every
language), so the reader lands where they were, and remember the pick for the site's root page.

The ``hreflang`` alternates in a page's head must be absolute addresses (search engines ignore relative ones,
and Lighthouse fails them), so they are written only when the public address is known: ``book_base_url``,
which the build takes from ``--base-url`` or ``BOOK_BASE_URL``. The same address gives each page its
canonical link. Without it, the sitemap of the release is where the alternates are listed.
"""

import html

from sphinx.util.osutil import relative_uri

REMEMBER = "cowork-book:language"  # localStorage key of the reader's last pick (read by cowork_book.commands.site)

# The section being read: the last one (below the page's own) whose top has passed a third of the window, or the
# address's own #id; at the top of the page, none.
KEEP_PLACE = """(function () {
  var nav = document.currentScript.previousElementSibling;
  function place() {
    if (window.scrollY < 8) return "";
    var here = "", sections = document.querySelectorAll("article section section[id]");
    for (var i = 0; i < sections.length; i++) {
      if (sections[i].getBoundingClientRect().top > window.innerHeight / 3) break;
      here = "#" + sections[i].id;
    }
    return here || location.hash;
  }
  function keep(event) {
    var link = event.target.closest && event.target.closest("a[hreflang]");
    if (!link) return;
    link.hash = place();
    if (event.type === "click") try { localStorage.setItem("REMEMBER", link.hreflang); } catch (e) { /* not kept */ }
  }
  ["pointerdown", "focusin", "click"].forEach(function (type) { nav.addEventListener(type, keep); });
})();""".replace("REMEMBER", REMEMBER)


def language_links(app, pagename):
    """The same page in each language: ``[(code, name, href, is_current)]``, hrefs relative to the page."""
    builder = app.builder
    here = builder.get_target_uri(pagename)
    to_site_root = relative_uri(here, "") + "../"
    return [
        (code, name, to_site_root + f"{code}/{here}", code == app.config.language)
        for code, name in app.config.book_languages.items()
    ]


def site_base(config):
    """The public address of the site's root, ending in ``/``, or ``""`` when it is not known."""
    return config.book_base_url.rstrip("/") + "/" if config.book_base_url else ""


def set_canonical_base(app):
    """Canonical links for the web pages (not the PDF or EPUB, whose pages are not on the web)."""
    if app.builder.name == "html" and site_base(app.config):
        app.config.html_baseurl = f"{site_base(app.config)}{app.config.language}/"


def add_language_links(app, pagename, templatename, context, doctree):
    if app.builder.format != "html" or app.builder.name != "html":
        return
    context["book_language_links"] = language_links(app, pagename)
    context["book_switcher_script"] = KEEP_PLACE
    base = site_base(app.config)
    if not base:
        return
    here = app.builder.get_target_uri(pagename)
    targets = {code: code for code in app.config.book_languages} | {"x-default": app.config.book_source_language}
    alternates = [
        f'<link rel="alternate" hreflang="{code}" href="{html.escape(f"{base}{target}/{here}")}" />\n'
        for code, target in targets.items()
    ]
    context["metatags"] = context.get("metatags", "") + "".join(alternates)


def setup(app):
    app.add_config_value("book_languages", {"en": "English"}, "html", dict)
    app.add_config_value("book_source_language", "en", "html", str)
    app.add_config_value("book_base_url", "", "html", str)
    app.connect("builder-inited", set_canonical_base)
    app.connect("html-page-context", add_language_links)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
