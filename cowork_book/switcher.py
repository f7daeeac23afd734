"""Language switcher and ``hreflang`` alternates.

Every language is built into its own folder of one site (``site/en/``, ``site/lv/``, ...), so the same page in
another language is always ``../<code>/<same page>`` relative to the language root. Links stay relative, so
the site works from any sub-path and from disk. The switcher is plain links (no JavaScript), rendered by
``_templates/sidebar/languages.html``.
"""

from sphinx.util.osutil import relative_uri


def language_links(app, pagename):
    """The same page in each language: ``[(code, name, href, is_current)]``, hrefs relative to the page."""
    builder = app.builder
    here = builder.get_target_uri(pagename)
    to_site_root = relative_uri(here, "") + "../"
    return [
        (code, name, to_site_root + f"{code}/{here}", code == app.config.language)
        for code, name in app.config.book_languages.items()
    ]


def add_language_links(app, pagename, templatename, context, doctree):
    if app.builder.format != "html" or app.builder.name != "html":
        return
    links = language_links(app, pagename)
    context["book_language_links"] = links
    alternates = [
        f'<link rel="alternate" hreflang="{code}" href="{href}" />\n' for code, _name, href, _current in links
    ]
    default = next(href for code, _n, href, _c in links if code == app.config.book_source_language)
    alternates.append(f'<link rel="alternate" hreflang="x-default" href="{default}" />\n')
    context["metatags"] = context.get("metatags", "") + "".join(alternates)


def setup(app):
    app.add_config_value("book_languages", {"en": "English"}, "html", dict)
    app.add_config_value("book_source_language", "en", "html", str)
    app.connect("html-page-context", add_language_links)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
