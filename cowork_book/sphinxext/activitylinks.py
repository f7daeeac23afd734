"""Links that make the book one toolkit: from the chapters, the pilot roadmap and the tools to the activities.

Each activity says in its front matter which chapter it serves (``chapter``), which steps of the pilot roadmap
it fits (``roadmap``) and which self-assessment themes it strengthens (``readiness``); the activity collection
(:mod:`cowork_book.sphinxext.activities`) keeps those facts. From them, with the titles and addresses of the
activity pages (as translated), this module writes:

- at the end of each such chapter's "Over to you" section (label ``<chapter>-activity``; if it has none, before
  its sources, ``<chapter>-sources``) a section "Activities for this chapter" that lists them;
- under each step of "A pilot roadmap" (``ch-roadmap-step-*``), "Activities for this step";
- for :mod:`cowork_book.sphinxext.planner` and :mod:`cowork_book.sphinxext.readiness`, the activities of a
  planner step and of a self-assessment theme (:func:`activity_links`).

The links are reference nodes, so each builder writes them as it writes any cross-reference: the PDF prints the
page they point to, the EPUB links its own files. Nothing new to translate but the labels ("Activities for
this chapter", "Activities for this step"; the tools add "Activities that help"), in ``sphinx.po``.
When an activity is read again, the chapters and the tools are written again (:func:`rewrite_linking_pages`).

Written here because the book's own front matter is what ties its pages together; no Sphinx extension does this.
"""

from docutils import nodes
from sphinx.locale import _
from sphinx.util import logging

from cowork_book.sphinxext import chapters, collections
from cowork_book.sphinxext.activities import ACTIVITIES

logger = logging.getLogger(__name__)

STEP_PREFIX = "ch-roadmap-step-"


def activity_facts(app):
    """``[(docname, facts)]`` of the activities, in the activity library's order (the pilot's stages)."""
    found = collections.items(app.env, ACTIVITIES.name)
    return [(docname, found[docname]) for docname in ACTIVITIES.order(app, found)]


def _values(facts, field):
    value = facts.get(field)
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _target(env, docname):
    """``(anchor, title)`` of an activity page: its label ``act-<slug>`` (the page's top) and its title."""
    label = f"act-{docname.rsplit('/', 1)[-1]}"
    found = env.domains.standard_domain.labels.get(label)
    if found and found[0] == docname:
        return found[1], found[2]
    title = env.titles.get(docname)
    return "", title.astext() if title is not None else docname


def href(app, fromdoc, docname, anchor):
    uri = app.builder.get_relative_uri(fromdoc, docname)
    return f"{uri}#{anchor}" if anchor else uri


def activity_links(app, fromdoc, field, value):
    """``[(title, href)]`` of the activities whose front matter ``field`` is or lists ``value``."""
    links = []
    for docname, facts in activity_facts(app):
        if value in _values(facts, field):
            anchor, title = _target(app.env, docname)
            links.append((title, href(app, fromdoc, docname, anchor)))
    return links


def link_list(links):
    """A bullet list of links (reference nodes, written by each builder as any cross-reference)."""
    items = nodes.bullet_list(classes=["book-activity-list"])
    for title, uri in links:
        reference = nodes.reference("", title, internal=True, refuri=uri)
        items += nodes.list_item("", nodes.paragraph("", "", reference))
    return items


def add_activity_links(app, doctree, docname):
    """The chapters' and the roadmap steps' lists of activities (every HTML builder: web, EPUB, print)."""
    if app.builder.format != "html":
        return
    activities = activity_facts(app)
    if not activities:
        return
    sections = {ident: s for s in doctree.findall(nodes.section) for ident in s["ids"]}
    chapters = []
    for _doc, facts in activities:
        chapters += [c for c in _values(facts, "chapter") if c not in chapters]
    for chapter in chapters:
        if chapter not in sections:
            continue  # the chapter is on another page
        links = activity_links(app, docname, "chapter", chapter)
        section = nodes.section(ids=[f"{chapter}-activities"], classes=["book-chapter-activities"])
        section += nodes.title("", _("Activities for this chapter"))
        section += link_list(links)
        if f"{chapter}-activity" in sections:
            sections[f"{chapter}-activity"].append(section)
        elif f"{chapter}-sources" in sections:
            sources = sections[f"{chapter}-sources"]
            sources.parent.insert(sources.parent.index(sources), section)
        else:
            logger.warning(
                "activities: chapter %s has no 'Over to you' (%s-activity) or sources (%s-sources) section "
                "for its list of activities",
                chapter,
                chapter,
                chapter,
                location=sections[chapter],
            )
    for ident, section in sections.items():
        if ident.startswith(STEP_PREFIX):
            links = activity_links(app, docname, "roadmap", ident)
            if links:
                label = nodes.strong("", f"{_('Activities for this step')}:")
                section += nodes.paragraph("", "", label, classes=["book-step-activities"])
                section += link_list(links)


def rewrite_linking_pages(app, env):
    """When an activity was read again, the pages that list activities are written again."""
    read = chapters.read_in_this_build(app)
    if not any(doc.startswith(f"{app.config.book_activity_folder}/") for doc in read):
        return []
    std = env.domains.standard_domain
    pages = {doc for label, (doc, _anchor, _title) in std.labels.items() if label.endswith(("-activity", "-sources"))}
    pages |= set(getattr(env, "book_tools", {}))  # the planner and the self-assessment
    return sorted(pages - read)


def setup(app):
    app.setup_extension("cowork_book.sphinxext.activities")
    app.setup_extension("cowork_book.sphinxext.chapters")  # the pages read in this build
    app.connect("doctree-resolved", add_activity_links)
    app.connect("env-updated", rewrite_linking_pages)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
