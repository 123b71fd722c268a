"""The pre-commit hooks, run for real: ``pre-commit try-repo`` builds the hook's environment from this
repository (pip install from PyPI) and runs it in a temporary git repository holding a defective list.

``try-repo`` on a local path uses the repository's HEAD plus its staged and modified *tracked* files
(a shadow commit); brand-new untracked files would be left out. So the test commits a snapshot of the
working tree (pyproject.toml, src/, rules/, .pre-commit-hooks.yaml, README) into a temporary repository
and tries that: it always tests the code as it is on disk.

Needs the package index (marked ``network``); it skips, saying why, only when the index is unreachable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, run

pytestmark = pytest.mark.network

# An empty item (line 6), three blank lines in a row (lines 8-10), no final newline.
DEFECTIVE = (
    "# Awesome Things\n\n## Tools\n\n- [alpha](https://alpha.example) - First.\n-\n"
    "- [beta](https://beta.example) - Second.\n\n\n\n## More\n\n- [gamma](https://gamma.example) - Third."
)
# Findings at error level, so that the check fails; drafts/ is excluded, also for names passed explicitly.
CONFIG = "rules:\n  empty-item: error\n  blank-lines: error\n  final-newline: error\nexclude: ['drafts/**']\n"
FILES = ("README.md", "drafts/notes.md")  # what pre-commit passes the hook
SNAPSHOT = ("pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml", "src", "rules")


def _index_url() -> str:
    url = os.environ.get("PIP_INDEX_URL")
    if not url:
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "config", "get", "global.index-url"], capture_output=True, text=True
        )
        url = proc.stdout.strip() if proc.returncode == 0 else ""
    return (url or "https://pypi.org/simple").rstrip("/") + "/"


def _skip_unless_index_reachable() -> None:
    url = _index_url()
    try:
        with urllib.request.urlopen(url + "pip/", timeout=15) as response:
            response.read(1)
    except OSError as err:
        pytest.skip(f"the package index is unreachable ({url}: {err}); pre-commit cannot build the hook")


GIT_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def _env(tmp_path: Path) -> dict:
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    env["GIT_CONFIG_GLOBAL"] = os.devnull
    for name in ("GITHUB_ACTIONS", "AWESOME_LINT_DEBUG", "PRE_COMMIT_COLOR"):
        env.pop(name, None)
    env["NO_COLOR"] = "1"
    return env


def git(cwd: Path, env: dict, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A committed snapshot of this repository, and a user's repository with a defective list."""
    _skip_unless_index_reachable()
    tmp = tmp_path_factory.mktemp("precommit")
    env = _env(tmp)
    hooks_repo = tmp / "awesome-lint"
    hooks_repo.mkdir()
    for name in SNAPSHOT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, hooks_repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        elif source.is_file():
            shutil.copy2(source, hooks_repo / name)
    if not (hooks_repo / "README.md").exists():  # pyproject.toml names it as the long description
        (hooks_repo / "README.md").write_text("# awesome-lint\n", encoding="utf-8")
    git(hooks_repo, env, "init", "-q", "-b", "main")
    git(hooks_repo, env, "add", "-A")
    git(hooks_repo, env, "commit", "-q", "-m", "snapshot")

    user_repo = tmp / "my-list"
    (user_repo / "drafts").mkdir(parents=True)
    (user_repo / "README.md").write_bytes(DEFECTIVE.encode())
    (user_repo / "drafts" / "notes.md").write_bytes(DEFECTIVE.encode())
    (user_repo / ".awesome-lint.yaml").write_text(CONFIG, encoding="utf-8")
    git(user_repo, env, "init", "-q", "-b", "main")
    git(user_repo, env, "add", "-A")
    return hooks_repo, user_repo, env


def try_repo(workspace, hook: str) -> subprocess.CompletedProcess:
    hooks_repo, user_repo, env = workspace
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(hooks_repo),
            hook,
            "--files",
            "README.md",
            "drafts/notes.md",
        ],
        cwd=user_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_check_hook_fails_on_a_defective_list(workspace):
    _, user_repo, _ = workspace
    (user_repo / "README.md").write_bytes(DEFECTIVE.encode())
    result = try_repo(workspace, "awesome-lint")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "awesome-lint" in output and "Failed" in output
    assert "README.md:6:1: empty-item" in output
    assert "final-newline" in output and "blank-lines" in output
    assert "drafts/notes.md" not in output  # excluded by the list's config, though pre-commit named it
    assert (user_repo / "README.md").read_bytes() == DEFECTIVE.encode()  # checking never writes


def test_fix_hook_repairs_the_list_and_fails_because_it_changed_files(workspace, tmp_path):
    _, user_repo, _ = workspace
    (user_repo / "README.md").write_bytes(DEFECTIVE.encode())
    expected = tmp_path / "README.md"  # what awesome-lint --fix makes of the same list, with the same config
    expected.write_bytes(DEFECTIVE.encode())
    shutil.copy(user_repo / ".awesome-lint.yaml", tmp_path / ".awesome-lint.yaml")
    assert run(["--fix", "README.md"], cwd=tmp_path).code in (0, 1)  # other rules may leave findings

    result = try_repo(workspace, "awesome-lint-fix")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "files were modified by this hook" in output
    fixed = (user_repo / "README.md").read_bytes()
    assert fixed != DEFECTIVE.encode() and fixed == expected.read_bytes()
    assert fixed.endswith(b"\n") and b"\n-\n" not in fixed and b"\n\n\n" not in fixed
    assert (user_repo / "drafts" / "notes.md").read_bytes() == DEFECTIVE.encode()  # excluded: untouched
    assert "Fixed " in output  # the hook says what it fixed, and those findings are gone
    assert not any(f" {rule} " in output for rule in ("empty-item", "blank-lines", "final-newline"))
