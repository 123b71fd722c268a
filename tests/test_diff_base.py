"""--diff-base REF: only findings on the lines changed since REF, in real temporary git repositories."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from awesome_lint.gitdiff import DiffBaseError, changed_lines, parse_added_lines
from conftest import run

GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}

TEN = "".join(f"line {n}\n" for n in range(1, 11))


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, capture_output=True, text=True, check=True)
    return proc.stdout.strip()


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    for key in ("GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_GLOBAL"):  # the code under test runs git too
        monkeypatch.setenv(key, GIT_ENV[key])
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    return root


def commit(repo: Path, files: dict[str, str], message: str = "change") -> str:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        git(repo, "add", "--", name)
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def edit_lines(text: str, replace: dict[int, str] = None, delete=(), insert_after: dict[int, str] = None) -> str:
    lines = text.splitlines(keepends=True)
    out = []
    for number, line in enumerate(lines, start=1):
        if number not in delete:
            out.append((replace or {}).get(number, line))
        if number in (insert_after or {}):
            out.append(insert_after[number])
    return "".join(out)


def test_parse_added_lines():
    diff = (
        "diff --git a/x b/x\n--- a/x\n+++ b/x\n"
        "@@ -3 +3 @@\n-a\n+b\n"  # one line, counts left out
        "@@ -5,2 +4,0 @@\n-c\n-d\n"  # a deletion: nothing on the new side
        "@@ -9,0 +9,3 @@\n+e\n+f\n+g\n"
    )
    assert parse_added_lines(diff) == {3, 9, 10, 11}
    assert parse_added_lines("") == set()


def test_changed_added_and_deleted_lines(repo):
    commit(repo, {"README.md": TEN})
    (repo / "README.md").write_text(
        edit_lines(TEN, replace={3: "line three\n"}, delete={5}, insert_after={7: "new\n"}) + "line 11\n",
        encoding="utf-8",
    )
    # New file: 1 2 3' 4 6 7 new 8 9 10 11
    assert changed_lines(repo / "README.md", "HEAD") == {3, 7, 11}


def test_unchanged_file_has_no_changed_lines(repo):
    commit(repo, {"README.md": TEN})
    assert changed_lines(repo / "README.md", "HEAD") == set()


def test_compares_with_the_merge_base_not_the_moved_base_branch(repo):
    commit(repo, {"README.md": TEN})
    git(repo, "checkout", "-q", "-b", "feature")
    commit(repo, {"README.md": edit_lines(TEN, replace={8: "feature 8\n"})})
    git(repo, "checkout", "-q", "main")
    commit(repo, {"README.md": edit_lines(TEN, replace={2: "main 2\n"})})  # the base moves on
    git(repo, "checkout", "-q", "feature")
    assert changed_lines(repo / "README.md", "main") == {8}


def test_a_file_new_since_ref_is_changed_everywhere(repo):
    base = commit(repo, {"other.md": "x\n"})
    commit(repo, {"docs/list.md": "a\nb\nc\n"})
    assert changed_lines(repo / "docs" / "list.md", base) == {1, 2, 3}


def test_file_names_with_glob_characters_and_spaces(repo):
    name = "a [draft] *list*.md"
    commit(repo, {name: TEN, "a d.md": TEN})  # "a d.md" would match the glob "a [draft]…" if it were one
    (repo / name).write_text(edit_lines(TEN, replace={4: "four\n"}), encoding="utf-8")
    assert changed_lines(repo / name, "HEAD") == {4}


def test_untracked_file_is_an_error(repo):
    commit(repo, {"README.md": TEN})
    (repo / "NEW.md").write_text("new\n", encoding="utf-8")
    with pytest.raises(DiffBaseError, match="not tracked by git"):
        changed_lines(repo / "NEW.md", "HEAD")


def test_unknown_ref_is_an_error(repo):
    commit(repo, {"README.md": TEN})
    with pytest.raises(DiffBaseError, match="unknown git revision 'no-such-branch'"):
        changed_lines(repo / "README.md", "no-such-branch")
    with pytest.raises(DiffBaseError, match="not a git revision"):
        changed_lines(repo / "README.md", "--output=/tmp/x")


def test_file_outside_git_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # never find a repository above tmp_path
    (tmp_path / "README.md").write_text(TEN, encoding="utf-8")
    with pytest.raises(DiffBaseError, match="not in a git repository"):
        changed_lines(tmp_path / "README.md", "HEAD")


# ---------------------------------------------------------------------------------------------- the CLI

CLEAN = (
    "# Awesome Things\n\n## Tools\n\n- [alpha](https://alpha.example) - First.\n"
    "- [beta](https://beta.example) - Second.\n\n## More\n\n- [gamma](https://gamma.example) - Third.\n"
)


def findings(result) -> list[dict]:
    assert result.code in (0, 1), result.err
    return json.loads(result.out)


def test_cli_reports_only_changed_lines(repo):
    # Committed with an old defect (an empty item on line 6); the change adds a new one on line 11.
    old = CLEAN.replace("- [beta]", "-\n- [beta]")
    commit(repo, {"README.md": old})
    (repo / "README.md").write_text(old.replace("## More\n\n", "## More\n\n-\n"), encoding="utf-8")
    everything = findings(run(["--format", "json", "--select", "empty-item", "README.md"], cwd=repo))
    assert sorted(f["line"] for f in everything) == [6, 11]
    changed = findings(
        run(["--format", "json", "--select", "empty-item", "--diff-base", "HEAD", "README.md"], cwd=repo)
    )
    assert [f["line"] for f in changed] == [11]


def test_cli_diff_base_works_from_another_folder(repo, tmp_path):
    base = commit(repo, {"lists/README.md": CLEAN})
    commit(repo, {"lists/README.md": CLEAN.replace("- [gamma]", "-\n- [gamma]")})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    path = str(repo / "lists" / "README.md")
    result = findings(run(["--format", "json", "--select", "empty-item", "--diff-base", base, path], cwd=elsewhere))
    assert [(f["rule"], f["line"]) for f in result] == [("empty-item", 10)]


def test_cli_errors_exit_2_with_one_line(repo, tmp_path):
    commit(repo, {"README.md": CLEAN})
    result = run(["--diff-base", "nope", "README.md"], cwd=repo)
    assert result.code == 2 and result.out == ""
    assert result.err.count("\n") == 1 and "unknown git revision 'nope'" in result.err
    (repo / "NEW.md").write_text(CLEAN, encoding="utf-8")
    result = run(["--diff-base", "HEAD", "NEW.md"], cwd=repo)
    assert result.code == 2 and "not tracked by git" in result.err
    result = run(["--diff-base", "HEAD", "--fix", "README.md"], cwd=repo)
    assert result.code == 2 and "cannot be combined" in result.err
    result = run(["--diff-base", "HEAD", "-"], cwd=repo, stdin=CLEAN)
    assert result.code == 2 and "stdin" in result.err


def test_a_finding_counts_when_any_of_its_lines_changed():
    from awesome_lint.cli import _only_lines
    from awesome_lint.diagnostics import Finding

    def span(line, column, end_line, end_column):
        return Finding("README.md", line, column, end_line, end_column, "blank-lines", "warning", "m", None)

    blank_run = span(8, 1, 11, 1)  # lines 8-10, ending where line 11 starts
    one_line = span(5, 3, 5, 9)
    assert _only_lines([blank_run, one_line], {9}) == [blank_run]
    assert _only_lines([blank_run, one_line], {11}) == []
    assert _only_lines([blank_run, one_line], {5, 8}) == [blank_run, one_line]
    assert _only_lines([span(4, 1, 4, 1)], {4}) == [span(4, 1, 4, 1)]  # an empty span at a line's start
