"""The print build: one HTML file for the whole book, typeset to PDF by WeasyPrint."""


def setup(app):
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
