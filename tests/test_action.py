"""action.yml: its run step, executed by bash in a shallow clone, as actions/checkout leaves a pull request.

The install step (setup-python, pip install of the action) is GitHub's; here the installed command is a
small wrapper that runs this checkout's code. Everything else is real: the origin repository, the shallow
clone, the fetch of the base commit, --diff-base and the annotations.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
CLEAN = (
    "# Awesome Things\n\n## Tools\n\n- [alpha](https://alpha.example) - First.\n"
    "- [beta](https://beta.example) - Second.\n\n## More\n\n- [gamma](https://gamma.example) - Third.\n"
)
CONFIG = "rules:\n  empty-item: error\n"
GIT_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout.strip()


def run_step() -> dict:
    return next(step for step in ACTION["runs"]["steps"] if step.get("name") == "Run awesome-lint")


@pytest.fixture
def pull_request(tmp_path) -> tuple[Path, str]:
    """A shallow clone of a pull request branch that adds an empty item; returns it and the base commit."""
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    work = tmp_path / "work"
    work.mkdir()
    git(work, "init", "-q", "-b", "main")
    (work / "README.md").write_text(CLEAN.replace("- [beta]", "-\n- [beta]"), encoding="utf-8")  # an old defect
    (work / ".awesome-lint.yaml").write_text(CONFIG, encoding="utf-8")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "base")
    base = git(work, "rev-parse", "HEAD")
    git(work, "checkout", "-q", "-b", "feature")
    text = (work / "README.md").read_text(encoding="utf-8")
    (work / "README.md").write_text(text.replace("- [gamma]", "-\n- [gamma]"), encoding="utf-8")  # a new one
    git(work, "commit", "-q", "-am", "feature")
    git(work, "push", "-q", str(origin), "main", "feature")
    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", origin.as_uri(), str(checkout))
    return checkout, base


def fake_install(tmp_path: Path) -> Path:
    """$RUNNER_TEMP/awesome-lint/bin/awesome-lint, running this checkout's code."""
    runner_temp = tmp_path / "runner-temp"
    bin_dir = runner_temp / "awesome-lint" / "bin"
    bin_dir.mkdir(parents=True)
    wrapper = bin_dir / "awesome-lint"
    wrapper.write_text(
        f'#!/bin/sh\nPYTHONPATH="{ROOT / "src"}" exec "{sys.executable}" -m awesome_lint "$@"\n', encoding="utf-8"
    )
    wrapper.chmod(0o755)
    return runner_temp


def run_action(checkout: Path, runner_temp: Path, **inputs: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **GIT_ENV, "RUNNER_TEMP": str(runner_temp), "GITHUB_ACTIONS": "true"}
    env.pop("AWESOME_LINT_DEBUG", None)
    defaults = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    for name, value in {**defaults, **inputs}.items():
        env[f"INPUT_{name.upper().replace('-', '_')}"] = value
    env["PR_BASE_SHA"] = inputs.get("pr-base-sha", "")
    return subprocess.run(
        ["bash", "-c", run_step()["run"]], cwd=checkout, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_pull_request_annotates_only_its_own_lines(pull_request, tmp_path):
    checkout, base = pull_request
    with pytest.raises(subprocess.CalledProcessError):  # the base commit is not in the shallow clone yet
        git(checkout, "cat-file", "-e", f"{base}^{{commit}}")
    result = run_action(checkout, fake_install(tmp_path), args="--select empty-item", **{"pr-base-sha": base})
    assert result.returncode == 1, result.stdout + result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1, result.stdout
    assert annotations[0].startswith("::error file=README.md,line=11,") and "title=empty-item" in annotations[0]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_push_checks_the_whole_file(pull_request, tmp_path):
    checkout, _ = pull_request
    result = run_action(checkout, fake_install(tmp_path), paths="*.md", args="--select empty-item")  # not a PR
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert result.returncode == 1 and len(annotations) == 2, result.stdout + result.stderr


def test_inputs_are_passed_through_the_environment_only():
    """No ${{ inputs.* }} inside a script: an input holding shell syntax must not run as code."""
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step.get("name")
