"""Where extensions keep state: per document on the build environment, or for the running build only.

- Per document, kept across incremental builds: case studies (``book_cases``), tools (``book_tools``) and
  figures (``book_figures``) each keep a ``{docname: value}`` dict on the environment. Sphinx asks every
  extension to drop a document's data before the document is read again (``env-purge-doc``) and to merge what
  parallel readers collected (``env-merge-info``); :func:`track` connects both for one such dict.
- For one build only (:func:`this_build`): what is true of this run and must not be pickled with the
  environment: the pages read in this build, doctrees already loaded, what the print build left out. It lives
  in a dict per Sphinx application here (not on ``app.builder``), so it goes with the application. Fill it in
  the main process (reading events, post-transforms, ``doctree-resolved``); what a parallel writer process puts
  there is lost.
"""

import weakref

_BUILDS = weakref.WeakKeyDictionary()  # Sphinx application -> {name: value}


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


def this_build(app, name, default=dict):
    """This build's own ``name`` (made by ``default()`` on first use), forgotten with the application."""
    state = _BUILDS.setdefault(app, {})
    if name not in state:
        state[name] = default()
    return state[name]
