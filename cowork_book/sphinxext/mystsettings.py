"""Translated builds without rebuilding docutils' default settings for every message.

Sphinx parses each translated message on its own (``sphinx.transforms.i18n``), through myst-parser. In
myst-parser 5.2, ``DocutilsRenderer.setup_render`` writes ``options.get("document", make_document())``: Python
evaluates the default even though Sphinx passes the document, and ``make_document()`` builds docutils' default
settings from nothing (an optparse parser holding every component's options) only to throw them away. A
Latvian web build parsed 7,434 messages and spent 14.9 of its 61.6 profiled seconds there.

This extension makes ``make_document()`` build those defaults once per parser class and give each document
its own copy of them, so a document made by it is the same as before; nothing else changes. The Latvian web
build went from 22.3 to 14.6 s. myst-parser 5.2.0 is the newest release; ``tests/test_mystsettings.py`` fails when
a release stops evaluating the default eagerly, and then this module can go.
"""

import copy
import functools

from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RSTParser
from docutils.utils import new_document
from myst_parser.mdit_to_docutils import base


@functools.cache
def default_settings(parser_cls):
    """docutils' default settings for ``parser_cls``, built once."""
    return get_default_settings(parser_cls)


def make_document(source_path="notset", parser_cls=RSTParser):
    """A new docutils document with the parser class's default settings (a copy of them)."""
    return new_document(source_path, settings=copy.deepcopy(default_settings(parser_cls)))


def setup(app):
    base.make_document = make_document
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
