"""Generated markup: the Jinja environment of the book's own templates, and a small tag helper.

- :func:`render` renders ``templates/<name>`` (Jinja, autoescaped, text through the interface catalogue's
  ``_()``): the collections' filters (:mod:`cowork_book.sphinxext.collections`), the self-assessment
  (:mod:`cowork_book.sphinxext.readiness`) and the pilot planner (:mod:`cowork_book.sphinxext.planner`).
- :func:`tag` writes one small element (a form field, an answer line, a button) with its attributes escaped:
  the worksheets' fields, the handouts' lines and the glossary tooltips.
"""

import html
import re
from pathlib import Path

import jinja2
from sphinx.locale import _

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
TEMPLATES.globals["_"] = _


BETWEEN_LINES = re.compile(r">\s*\n\s*<")


def render(template, compact=False, **context):
    """The markup of ``templates/<template>``; ``compact``: without the line breaks and indentation between tags
    (so a template can be laid out for reading, and the page gets no white space it does not need)."""
    markup = TEMPLATES.get_template(template).render(**context)
    return BETWEEN_LINES.sub("><", markup).strip() if compact else markup


def esc(text):
    return html.escape(str(text), quote=True)


def start_tag(element, /, **attrs):
    """``<name attrs>``: values are escaped; ``class_`` is ``class``, other underscores become hyphens; ``True``
    writes a bare attribute (``hidden``), ``None`` and ``False`` leave the attribute out."""
    parts = [element]
    for key, value in attrs.items():
        key = key.rstrip("_").replace("_", "-")
        if value is True:
            parts.append(key)
        elif value is not None and value is not False:
            parts.append(f'{key}="{esc(value)}"')
    return f"<{' '.join(parts)}>"


def tag(element, /, *content, **attrs):
    """An element: ``content`` is markup (escape text with esc()); ``input`` is a void element."""
    opening = start_tag(element, **attrs)
    return opening if element == "input" else f"{opening}{''.join(content)}</{element}>"
