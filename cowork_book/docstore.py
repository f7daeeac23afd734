"""Data an extension keeps per document on the build environment, forgotten and merged as Sphinx requires.

Case studies (``book_cases``), tools (``book_tools``) and figures (``book_figures``) each keep a
``{docname: value}`` dict on the environment. Sphinx asks every extension to drop a document's data before the
document is read again (``env-purge-doc``) and to merge what parallel readers collected (``env-merge-info``);
:func:`track` connects both for one such dict.
"""


def store(env, name):
    """The environment's ``{docname: value}`` dict called ``name`` (created empty on first use)."""
    return env.__dict__.setdefault(name, {})


def track(app, name):
    """Keep ``env.<name>`` right when documents are read again or in parallel."""

    def purge(app, env, docname):
        store(env, name).pop(docname, None)

    def merge(app, env, docnames, other):
        store(env, name).update({d: v for d, v in getattr(other, name, {}).items() if d in docnames})

    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
