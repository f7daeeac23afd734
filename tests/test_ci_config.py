"""The GitHub Actions workflow and the Read the Docs configuration: valid, and built on the Makefile targets."""

import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "book.yml"
READTHEDOCS = ROOT / ".readthedocs.yaml"
CHECK = ROOT / ".venv" / "bin" / "check-jsonschema"


def test_workflow_matches_the_github_actions_schema():
    proc = subprocess.run(
        [str(CHECK), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_readthedocs_config_matches_its_schema():
    proc = subprocess.run(
        [str(CHECK), "--builtin-schema", "vendor.readthedocs", str(READTHEDOCS)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_workflow_builds_every_language_in_parallel_with_make_targets():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    jobs = workflow["jobs"]
    # The matrix comes from the language registry (all languages; a pull request's only the ones it touches).
    assert jobs["build"]["strategy"]["matrix"] == "${{ fromJSON(needs.check-po.outputs.matrix) }}"
    matrix_step = next(step for step in jobs["check-po"]["steps"] if step.get("id") == "languages")
    assert "python3 -m cowork_book.languages --matrix" in matrix_step["run"]
    assert "--changed-since" in matrix_step["run"]
    runs = " ".join(step.get("run", "") for job in jobs.values() for step in job["steps"])
    for target in ("make check-po", "make all LANG=", "make test", "make release-files"):
        assert target in runs
    assert "pip install" not in runs and "sphinx-build" not in runs
    assert any("deploy-pages" in step.get("uses", "") for step in jobs["publish"]["steps"])
    assert workflow["env"]["BOOK_BASE_URL"].startswith("https://"), "the builds need the site's public address"


def test_readthedocs_uses_the_makefile():
    config = yaml.safe_load(READTHEDOCS.read_text())
    assert config["build"]["tools"]["python"] == "3.11"
    assert any(command.startswith("make all") for command in config["build"]["commands"])


def test_publish_job_uploads_the_folder_release_files_names_after_the_tests_pass():
    """The publish job is one command (tests/test_publish.py runs the same steps): no folder guessed by name."""
    publish = yaml.safe_load(WORKFLOW.read_text())["jobs"]["publish"]
    assert set(publish["needs"]) == {"build", "test"}
    [release] = [step for step in publish["steps"] if "make release-files" in step.get("run", "")]
    assert release["env"]["BOOK_ARTIFACTS"] == "_build/artifacts"
    [upload] = [step for step in publish["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert upload["with"]["path"] == "${{ steps." + release["id"] + ".outputs.folder }}"
