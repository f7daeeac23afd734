"""Translated builds without rebuilding docutils' default settings, or a Markdown parser, for every message.

Sphinx parses each translated message on its own (``sphinx.transforms.i18n``), through myst-parser. In
myst-parser 5.2, ``DocutilsRenderer.setup_render`` writes ``options.get("document", make_document())``: Python
evaluates the default even though Sphinx passes the document, and ``make_document()`` builds docutils' default
settings from nothing (an optparse parser holding every component's options) only to throw them away. A
Latvian web build parsed 7,434 messages and spent 14.9 of its 61.6 profiled seconds there.

This extension makes ``make_document()`` build those defaults once per parser class and give each document
its own copy of them, so a document made by it is the same as before; nothing else changes. The Latvian web
build went from 22.3 to 14.6 s. myst-parser 5.2.0 is the newest release; ``tests/test_mystsettings.py`` fails when
a release stops evaluating the default eagerly, and then this module can go.

For the same reason myst-parser's ``MystParser.parse`` makes a new markdown-it parser (every plugin set up
again, a renderer that lists its own methods with ``inspect``) for each message: 6.5 of 48 profiled seconds
of a Latvian web build. A parser holds nothing of a text it rendered (``setup_render`` starts each render
afresh), so this extension keeps the last one made and hands it out again for the same configuration object:
Sphinx's, for every message of every page. A parse inside a parse gets a new parser, as before. The Latvian
web build wrote the same files, byte for byte, with and without it (``diff -r``), and took 13.1 instead of
16.2 processor seconds (one run each, the same machine).
"""

import copy
import functools
from contextlib import contextmanager

from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RSTParser
from docutils.utils import new_document
from myst_parser.mdit_to_docutils import base
from myst_parser.parsers import mdit, sphinx_


@functools.cache
def default_settings(parser_cls):
    """docutils' default settings for ``parser_cls``, built once."""
    return get_default_settings(parser_cls)


def make_document(source_path="notset", parser_cls=RSTParser):
    """A new docutils document with the parser class's default settings (a copy of them)."""
    return new_document(source_path, settings=copy.deepcopy(default_settings(parser_cls)))


class ParserCache:
    """The markdown-it parser last made for a configuration object, handed out again outside a nested parse."""

    def __init__(self):
        self.depth = 0
        self.key = self.parser = None

    def create_md_parser(self, config, renderer):
        if self.depth > 1:  # a parse inside a parse: the outer one is still using the kept parser
            return mdit.create_md_parser(config, renderer)
        if self.key is None or self.key[0] is not config or self.key[1] is not renderer:
            self.key, self.parser = (config, renderer), mdit.create_md_parser(config, renderer)
        return self.parser

    @contextmanager
    def parsing(self):
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1


PARSERS = ParserCache()
_parse = sphinx_.MystParser.parse


def parse(self, inputstring, document):
    """myst-parser's ``MystParser.parse``, counting how deep parses are nested."""
    with PARSERS.parsing():
        _parse(self, inputstring, document)


def setup(app):
    base.make_document = make_document
    sphinx_.create_md_parser = PARSERS.create_md_parser
    sphinx_.MystParser.parse = parse
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
