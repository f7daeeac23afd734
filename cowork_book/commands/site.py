"""The site's root pages: a language chooser (``index.html``) and a ``404.html``.

Both are single self-contained files (inline style, a few lines of inline script, no request to any other
host) because they sit above the language folders, outside any one Sphinx build.

The chooser never sends a reader away on its own guess: a Latvian reading on an English phone must see
"Latviešu". It marks the first of the browser's languages that the book has (and gives it the focus), and goes
on only when the reader picks a language, or at once to the language they picked last (here or in the book's
switcher, :data:`cowork_book.sphinxext.switcher.REMEMBER`, kept in the browser only).

Why not sphinx-notfound-page: it makes a 404 page inside one Sphinx build, in that build's language and with
absolute links under one configured prefix. This book's 404 sits above the six language folders, must offer every
language, and must work from any sub-path and from a USB stick, so it is one small static file written here.
"""

import html
from pathlib import Path

from cowork_book.book import BOOK
from cowork_book.languages import LANGUAGES, SOURCE_LANGUAGE
from cowork_book.sphinxext.switcher import REMEMBER

TITLE = BOOK.title

STYLE = """
body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;
color:#1a1a1a;background:#fff}h1{font-size:1.6rem}ul{list-style:none;padding:0}li{margin:.4rem 0}
a{color:#0b5394;font-size:1.15rem;display:inline-block;padding:.3rem .6rem}
a:focus{outline:3px solid #0b5394;outline-offset:2px}
li.browser-language a{font-weight:bold;border:2px solid currentColor;border-radius:.25rem}
@media (prefers-color-scheme:dark){body{color:#eee;background:#121212}a{color:#8ab4f8}
a:focus{outline-color:#8ab4f8}}
"""

# Goes on to the language the reader picked last; otherwise marks (and focuses) the first of the browser's
# languages that the book has, and remembers the language the reader picks.
CHOOSER = """
(function(){var have=%s,key="%s",kept=null,links=document.querySelectorAll("a[data-lang]");
try{kept=localStorage.getItem(key);}catch(e){}
if(kept&&have.indexOf(kept)>=0){location.replace(kept+"/index.html");return;}
var prefs=navigator.languages||[navigator.language||""];
for(var i=0;i<prefs.length;i++){var c=String(prefs[i]).slice(0,2).toLowerCase();
var a=document.querySelector('a[data-lang="'+c+'"]');if(a){a.parentNode.className="browser-language";a.focus();break;}}
for(var j=0;j<links.length;j++){links[j].addEventListener("click",function(){
try{localStorage.setItem(key,this.getAttribute("data-lang"));}catch(e){}});}})();
"""

# A 404 page is served at the missing page's address: find the site root from the language folder in it.
FIX_404_LINKS = """
(function(){var have=%s,parts=location.pathname.split("/");
for(var i=parts.length-1;i>=0;i--){if(have.indexOf(parts[i])>=0){var root=parts.slice(0,i).join("/")+"/";
var links=document.querySelectorAll("a[data-lang]");for(var j=0;j<links.length;j++){
links[j].href=root+links[j].getAttribute("data-lang")+"/index.html";}return;}}})();
"""


def _language_list(langs):
    items = [
        f'<li><a href="{code}/index.html" data-lang="{code}" hreflang="{code}" lang="{code}">'
        f"{html.escape(LANGUAGES[code])}</a></li>"
        for code in langs
    ]
    return "<ul>\n" + "\n".join(items) + "\n</ul>"


def _page(title, body, script):
    return f"""<!doctype html>
<html lang="{SOURCE_LANGUAGE}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content="{TITLE}: guidelines for youth centres, in {len(LANGUAGES)} languages.">
<title>{html.escape(title)}</title>
<link rel="icon" href="{SOURCE_LANGUAGE}/_static/favicon.svg" type="image/svg+xml">
<style>{STYLE}</style>
</head>
<body>
<main>
{body}
</main>
<script>{script}</script>
</body>
</html>
"""


def write_root(site, langs):
    """Write ``index.html`` and ``404.html`` at the top of ``site`` for the languages that were built."""
    site = Path(site)
    site.mkdir(parents=True, exist_ok=True)
    langs = [code for code in LANGUAGES if code in langs]
    codes = "[" + ",".join(f'"{c}"' for c in langs) + "]"
    chooser = f"<h1>{TITLE}</h1>\n<p>Choose your language:</p>\n{_language_list(langs)}"
    (site / "index.html").write_text(_page(TITLE, chooser, CHOOSER % (codes, REMEMBER)), encoding="utf-8")
    missing = (
        "<h1>Page not found</h1>\n<p>This page does not exist. Start again from the book's first page "
        f"in your language:</p>\n{_language_list(langs)}"
    )
    (site / "404.html").write_text(_page(f"Page not found – {TITLE}", missing, FIX_404_LINKS % codes), "utf-8")
