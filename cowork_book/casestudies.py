"""Case studies: front-matter schema, validator, fact box and explorer."""

from sphinx.util.docutils import SphinxDirective


class CaseFacts(SphinxDirective):
    has_content = False

    def run(self):
        return []


def setup(app):
    app.add_directive("case-facts", CaseFacts)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
