"""The work a run does, counted (never timed: the machine is shared): each text is scanned into a Document
once, linted once, its conventions inferred once, and the fixer's mistune verification runs only on a fix."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from awesome_lint import counters
from awesome_lint.rules import all_rules
from conftest import EXAMPLE, ROOT, run_inprocess

ALL_RULES = ",".join(all_rules())


def counted(args: list[str], monkeypatch, cwd) -> tuple[int, dict]:
    before = counters.snapshot()
    result = run_inprocess(args, monkeypatch, cwd=cwd)
    assert result.code in (0, 1), result.err
    return result.code, counters.since(before)


@pytest.fixture
def seed(tmp_path):
    shutil.copyfile(EXAMPLE, tmp_path / "README.md")
    return tmp_path


@pytest.mark.parametrize("preset", ["paper-list", "awesome"])
def test_a_lint_with_every_rule_parses_the_file_once(seed, monkeypatch, preset):
    _code, counts = counted(["--preset", preset, "--select", ALL_RULES, "README.md"], monkeypatch, seed)
    assert counts[counters.LINT] == 1
    assert counts[counters.BLOCK_SCAN] == 1  # no rule builds a Document of its own
    assert counts[counters.CONVENTIONS] == 1  # shared by every rule that reads the conventions
    assert counts[counters.VERIFY_PARSE] == 0  # no mistune parse on the lint path


def test_auto_preset_parses_once_too(seed, monkeypatch):
    _code, counts = counted(["README.md"], monkeypatch, seed)
    assert (counts[counters.LINT], counts[counters.BLOCK_SCAN]) == (1, 1)
    assert counts[counters.CONVENTIONS] <= 1


def test_fix_parses_each_text_once(seed, monkeypatch):
    original = (seed / "README.md").read_text(encoding="utf-8")
    _code, counts = counted(["--fix", "README.md"], monkeypatch, seed)
    assert (seed / "README.md").read_text(encoding="utf-8") != original  # the seed has safe fixes
    passes = counts[counters.LINT]
    assert passes >= 2  # at least one pass that fixed something, and one that found nothing more
    # One Document per pass: the first pass reuses the file's, and the last pass's is the one reported.
    assert counts[counters.BLOCK_SCAN] == passes
    assert counts[counters.CONVENTIONS] == passes
    assert counts[counters.VERIFY_PARSE] == 2  # the text before and the text after, once each


def test_fix_with_nothing_to_fix_lints_once_and_never_verifies(seed, monkeypatch):
    counted(["--fix", "README.md"], monkeypatch, seed)
    _code, counts = counted(["--fix", "README.md"], monkeypatch, seed)  # already fixed
    assert (counts[counters.LINT], counts[counters.BLOCK_SCAN]) == (1, 1)
    assert counts[counters.VERIFY_PARSE] == 0


def test_a_lint_imports_no_markdown_parser(seed):
    """The lint path finds blocks with its own scanner: mistune (and markdown-it) stay unimported."""
    code = (
        "import sys; from awesome_lint import cli; cli.main(['--preset', sys.argv[2], sys.argv[1]]); "
        "print(sorted(m for m in ('mistune', 'markdown_it') if m in sys.modules))"
    )
    for preset in ("paper-list", "awesome"):
        out = subprocess.run(
            [sys.executable, "-c", code, str(seed / "README.md"), preset],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
            check=False,
        ).stdout
        assert out.splitlines()[-1] == "[]", out
