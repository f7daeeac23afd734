"""The book's commands, each run as ``python -m cowork_book.commands.<name>`` (the Makefile's targets call them).

They may import the base modules of :mod:`cowork_book` and helpers of :mod:`cowork_book.sphinxext` (the build
they drive); no extension imports a command. ``sysdeps`` and ``freshmachine`` use the standard library only:
they run before the virtual environment exists.
"""
