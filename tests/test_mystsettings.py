"""The speed-up of translated builds (cowork_book.sphinxext.mystsettings) is still needed and changes nothing."""

import inspect

from docutils.frontend import get_default_settings
from myst_parser.config.main import MdParserConfig
from myst_parser.mdit_to_docutils import base
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers import sphinx_

from cowork_book.sphinxext import mystsettings


def test_myst_parser_still_makes_a_document_for_every_message():
    """When this fails, myst-parser no longer builds settings it throws away: remove the extension."""
    assert 'options.get("document", make_document())' in inspect.getsource(base.DocutilsRenderer.setup_render)


def test_myst_parser_still_makes_a_markdown_parser_for_every_message():
    """When this fails, myst-parser no longer makes a parser per text: remove ParserCache."""
    assert "create_md_parser(config, SphinxRenderer)" in inspect.getsource(sphinx_.MystParser.parse)


def test_a_parser_is_made_again_only_for_another_configuration_or_a_nested_parse():
    cache, config = mystsettings.ParserCache(), MdParserConfig()
    with cache.parsing():
        first = cache.create_md_parser(config, SphinxRenderer)
        assert cache.create_md_parser(config, SphinxRenderer) is first
        with cache.parsing():
            assert cache.create_md_parser(config, SphinxRenderer) is not first
        assert cache.create_md_parser(MdParserConfig(), SphinxRenderer) is not first
    assert cache.depth == 0


def test_documents_get_the_same_settings_each_their_own_copy():
    first, second = mystsettings.make_document("a.md"), mystsettings.make_document("b.md")
    defaults = vars(get_default_settings(base.RSTParser))
    assert vars(first.settings).keys() == defaults.keys() and first["source"] == "a.md"
    for name, value in defaults.items():
        if name == "record_dependencies":  # a list of files that a document's directives add to
            assert first.settings.record_dependencies.list == value.list == []
            assert first.settings.record_dependencies is not second.settings.record_dependencies
        else:
            assert getattr(first.settings, name) == value, name
    first.settings.report_level = 5
    assert second.settings.report_level != 5


def test_the_extension_replaces_myst_parsers_functions(tmp_path):
    originals = base.make_document, sphinx_.create_md_parser, sphinx_.MystParser.parse
    try:
        mystsettings.setup(app=None)
        assert base.make_document is mystsettings.make_document
        assert sphinx_.create_md_parser == mystsettings.PARSERS.create_md_parser
        assert sphinx_.MystParser.parse is mystsettings.parse
    finally:
        base.make_document, sphinx_.create_md_parser, sphinx_.MystParser.parse = originals
