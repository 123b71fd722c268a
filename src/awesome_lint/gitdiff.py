"""``--diff-base REF``: which lines of a file the working tree changed since a git revision.

A pull request is judged on the lines it touches, so a huge legacy list can adopt the check without
first fixing its history. The base is the merge base of REF and HEAD, as on a pull request's diff:
lines that changed on REF's branch since the branches forked are not the pull request's.
"""

from __future__ import annotations

import re
from pathlib import Path

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)
_TIMEOUT = 60  # seconds; git answers these in milliseconds, this only guards a hung repository


class DiffBaseError(Exception):
    """--diff-base cannot be honoured. The message is one line; the exit code is 2."""


def changed_lines(path: str | Path, ref: str) -> set[int]:
    """The 1-based line numbers of ``path`` in the working tree that were added or changed since ``ref``.

    Raises DiffBaseError when git is missing, the file is not in a git work tree or not tracked, or
    ``ref`` is not a commit.
    """
    file = Path(path).absolute()
    folder = file.parent
    if ref.startswith("-"):  # would be read as an option
        raise DiffBaseError(f"--diff-base: {ref!r} is not a git revision")
    if not folder.is_dir():
        raise DiffBaseError(f"{path}: no such file")
    if _git(folder, "rev-parse", "--is-inside-work-tree").returncode != 0:
        raise DiffBaseError(f"{path}: not in a git repository (--diff-base compares against git history)")
    if _git(folder, "ls-files", "--error-unmatch", "--", file.name).returncode != 0:
        raise DiffBaseError(f"{path}: not tracked by git (git add it, or run without --diff-base)")
    base = _base_commit(folder, ref)
    diff = _git(
        folder, "diff", "--no-color", "--no-ext-diff", "--no-textconv", "--no-renames", "-U0", base, "--", file.name
    )
    if diff.returncode != 0:
        raise DiffBaseError(f"{path}: git diff failed: {_first_line(diff.stderr)}")
    return parse_added_lines(diff.stdout)


def parse_added_lines(diff: str) -> set[int]:
    """New-side line numbers of a ``git diff -U0``: each hunk ``@@ -a,b +c,d @@`` adds lines c … c+d-1.

    A hunk with d = 0 only deletes lines; nothing on the new side changed.
    """
    lines: set[int] = set()
    for match in _HUNK.finditer(diff):
        start = int(match.group(1))
        count = int(match.group(2)) if match.group(2) is not None else 1
        lines.update(range(start, start + count))
    return lines


def _base_commit(folder: Path, ref: str) -> str:
    resolved = _git(folder, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if resolved.returncode != 0:
        raise DiffBaseError(
            f"--diff-base: unknown git revision {ref!r} "
            "(in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)"
        )
    commit = resolved.stdout.strip()
    merge_base = _git(folder, "merge-base", commit, "HEAD")
    # No HEAD yet, or unrelated histories: compare with REF itself.
    return merge_base.stdout.strip() if merge_base.returncode == 0 and merge_base.stdout.strip() else commit


def _git(folder: Path, *args: str):
    import subprocess  # here: the CLI imports this module on every run, and only --diff-base runs git

    command = ["git", "--literal-pathspecs", "-c", "core.quotePath=false", *args]
    try:
        return subprocess.run(
            command,
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise DiffBaseError("--diff-base needs git, and git was not found on PATH") from None
    except subprocess.TimeoutExpired:
        raise DiffBaseError(f"--diff-base: git {args[0]} did not answer within {_TIMEOUT} s") from None


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "no message")
