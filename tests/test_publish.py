"""Publishing on GitHub Pages: the workflow's publish job, run step by step as written in
``.github/workflows/book.yml`` on per-language artifacts of the test build, uploads a whole site (language chooser,
404 page, every language with its downloads, sitemap), and every link from its root pages resolves."""

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

import pytest
import yaml
from conftest import BASE_URL, ROOT, STEM
from htmlparse import Page

from cowork_book.languages import LANGUAGES

WORKFLOW = ROOT / ".github" / "workflows" / "book.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(steps\.([\w-]+)\.outputs|env)\.(\w+)\s*\}\}")
NOTHING_TO_DO_HERE = ("actions/checkout@", "actions/setup-python@", "actions/configure-pages@", "actions/deploy-pages@")


def expand(text, matrix):
    return re.sub(r"\$\{\{\s*matrix\.(\w+)\s*\}\}", lambda m: matrix[m[1]], text)


def lay_out_artifacts(workflow, site, folder):
    """What the build jobs upload, as ``actions/download-artifact`` puts it down: one folder per artifact."""
    build = workflow["jobs"]["build"]
    [upload] = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    names = []
    # The matrix is the language registry's (`python3 -m cowork_book.languages --matrix` on a push to main).
    matrix = json.loads(
        subprocess.run(
            [sys.executable, "-m", "cowork_book.languages", "--matrix"], capture_output=True, text=True, check=True
        ).stdout
    )
    for lang in matrix["lang"]:
        name = expand(upload["with"]["name"], {"lang": lang})
        source = expand(upload["with"]["path"], {"lang": lang})
        assert source == f"_build/site/{lang}", "the test lays out what the build job uploads: update it too"
        shutil.copytree(site / lang, folder / name)
        names.append(name)
    return names


def run_publish_job(workflow, site, work):
    """The publish job's steps in ``work`` (a checkout of the parts they use); the folder uploaded to Pages."""
    env = dict(os.environ, BOOK_BASE_URL=BASE_URL)
    env.update({k: str(v) for k, v in workflow.get("env", {}).items() if "${{" not in str(v)})
    outputs, uploaded = {}, None
    for number, step in enumerate(workflow["jobs"]["publish"]["steps"]):
        uses = step.get("uses", "")
        if uses.startswith("actions/download-artifact@"):
            names = lay_out_artifacts(workflow, site, work / step["with"]["path"])
            assert all(fnmatch.fnmatch(name, step["with"]["pattern"]) for name in names)
        elif uses.startswith("actions/upload-pages-artifact@"):
            uploaded = work / resolve(step["with"]["path"], outputs, env)
        elif "run" in step:
            output = work / f"github-output-{number}"
            output.touch()
            step_env = dict(env, GITHUB_OUTPUT=str(output), **{k: str(v) for k, v in step.get("env", {}).items()})
            proc = subprocess.run(
                ["bash", "-e", "-c", step["run"]], cwd=work, env=step_env, capture_output=True, text=True
            )
            assert proc.returncode == 0, f"{step['run']}\n{proc.stdout}\n{proc.stderr}"
            if "id" in step:
                outputs[step["id"]] = dict(line.split("=", 1) for line in output.read_text().splitlines() if line)
        else:
            assert uses.startswith(NOTHING_TO_DO_HERE), f"the test does not know the step {uses}: teach it"
    assert uploaded, "the publish job uploads nothing to Pages"
    return uploaded


def resolve(value, outputs, env):
    def one(match):
        return outputs[match[2]][match[3]] if match[2] else env[match[3]]

    return EXPRESSION.sub(one, value)


@pytest.fixture(scope="module")
def pages(site, tmp_path_factory):
    """The checkout the publish job works in: the repository's top-level files and its package (the book's text
    it does not need), with the virtual environment 'make test' made (older sources: make keeps it as it is)."""
    work = tmp_path_factory.mktemp("checkout")
    for path in ROOT.iterdir():
        if path.is_file():
            shutil.copy2(path, work / path.name)
            os.utime(work / path.name, (0, 0))
    shutil.copytree(ROOT / "cowork_book", work / "cowork_book", ignore=shutil.ignore_patterns("__pycache__"))
    (work / ".venv").symlink_to(ROOT / ".venv")
    kept = subprocess.run(["make", "-q", ".venv/.installed"], cwd=work, capture_output=True, check=False)
    assert kept.returncode == 0, "make would build the virtual environment again (through the link): fix the test"
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return run_publish_job(workflow, site, work)


def test_pages_artifact_holds_the_whole_site(pages):
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt", "SHA256SUMS", "VERSION"):
        assert (pages / name).is_file(), name
    for lang in LANGUAGES:
        assert (pages / lang / "index.html").is_file()
        assert (pages / lang / "docs" / "download.html").is_file()
        downloads = sorted(p.name for p in (pages / lang / "downloads").iterdir())
        assert downloads == sorted(f"{STEM}-{lang}{suffix}" for suffix in (".pdf", ".epub", "-html.zip"))
    chooser = Page((pages / "index.html").read_text(encoding="utf-8"))
    assert {a.get("hreflang") for a in chooser.find("a") if a.get("hreflang")} == set(LANGUAGES)


def _links(doc):
    for tag, attrs in doc.elements:
        href = attrs.get("href") if tag in ("a", "link") else attrs.get("src") if tag in ("script", "img") else None
        if href and not href.startswith(("http:", "https:", "mailto:", "#", "data:")):
            yield href


def test_every_link_from_the_root_pages_resolves_on_a_sub_path(pages):
    """Served as Pages serves it (under /<repository>/): the root pages, and the pages they link to."""
    from cowork_book.commands.serve import serving

    with serving(pages.parent) as server:
        base = f"{server}/{pages.name}/"
        checked = set()
        for root_page in ("index.html", "404.html"):
            url = urljoin(base, root_page)
            with urllib.request.urlopen(url) as response:
                doc = Page(response.read().decode("utf-8"))
            for href in _links(doc):
                target = urljoin(url, href.split("#")[0])
                with urllib.request.urlopen(target) as linked:
                    assert linked.status == 200, target
                    body = linked.read()
                checked.add(target)
                if target.endswith(".html"):  # one step further: each language's first page
                    for inner in _links(Page(body.decode("utf-8"))):
                        inner_url = urljoin(target, inner.split("#")[0])
                        if inner_url not in checked:
                            with urllib.request.urlopen(inner_url) as linked:
                                assert linked.status == 200, inner_url
                            checked.add(inner_url)
        assert len(checked) > 10 * len(LANGUAGES)


def test_sitemap_points_at_pages_that_exist(pages):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in ET.parse(pages / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert locs and all(loc.startswith(BASE_URL) for loc in locs)
    missing = [loc for loc in locs if not (pages / loc.removeprefix(BASE_URL)).is_file()]
    assert not missing, missing[:10]
