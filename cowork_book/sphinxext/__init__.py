"""The book's Sphinx extensions, one module per concern, each with a ``setup()`` that declares its config values.

``conf.py`` lists them. They import the base modules of :mod:`cowork_book` and each other, never
:mod:`cowork_book.commands`.
"""
