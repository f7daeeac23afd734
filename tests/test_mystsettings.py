"""The speed-up of translated builds (cowork_book.sphinxext.mystsettings) is still needed and changes nothing."""

import inspect

from docutils.frontend import get_default_settings
from myst_parser.mdit_to_docutils import base

from cowork_book.sphinxext import mystsettings


def test_myst_parser_still_makes_a_document_for_every_message():
    """When this fails, myst-parser no longer builds settings it throws away: remove the extension."""
    assert 'options.get("document", make_document())' in inspect.getsource(base.DocutilsRenderer.setup_render)


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


def test_the_extension_replaces_myst_parsers_function(tmp_path):
    original = base.make_document
    try:
        mystsettings.setup(app=None)
        assert base.make_document is mystsettings.make_document
    finally:
        base.make_document = original
