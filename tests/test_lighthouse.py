"""Lighthouse (pinned in package.json, in Debian's Chromium, mobile): 100 in performance, accessibility, best
practices and SEO for each kind of page, served with gzip, in English, Latvian and Russian (the heaviest)."""

import pytest

from cowork_book import lighthouse

LANGS = ["en", "lv", "ru"]


def test_lighthouse_and_chromium_are_installed():
    assert not lighthouse.missing_tools(), lighthouse.missing_tools()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", list(lighthouse.PAGE_KINDS))
def test_lighthouse_scores_100(server, lang, kind):
    report = lighthouse.run(f"{server}/{lang}/{lighthouse.PAGE_KINDS[kind]}")
    metrics = ", ".join(f"{k} {v:.3g}" for k, v in report.metrics.items())
    assert report.all_100(), f"{lang} {kind}: {report.scores}; {metrics}; failing: {report.failing}"
