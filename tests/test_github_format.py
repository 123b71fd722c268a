"""--format github: workflow-command annotations, escaped so GitHub reads back exactly what we meant."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest

from awesome_lint.diagnostics import Edit, Finding, Fix
from awesome_lint.report import github, resolve_format
from awesome_lint.report.options import ReportOptions
from conftest import ROOT, run

TRICKY = [
    "plain",
    "100% done",
    "two\nlines",
    "carriage\rreturn and CRLF\r\n",
    "a: colon, and a comma",
    "already escaped? %0A %25 %3A %2C",
    "::error title=fake::injected",
    "label = value, key=val",
]


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Read a workflow command back the way the Actions runner does.

    ``::name k=v,k=v::message``: properties split on ``,`` then on the first ``=``; values and message
    are unescaped with ``%25`` last, so an escaped ``%`` is never decoded twice.
    """
    assert line.startswith("::")
    head, sep, message = line[2:].partition("::")
    assert sep, line
    name, _, props = head.partition(" ")
    properties = {}
    for pair in filter(None, props.split(",")):
        key, eq, value = pair.partition("=")
        assert eq, pair
        properties[key] = value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
        properties[key] = properties[key].replace("%25", "%")
    message = message.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
    return name, properties, message


def finding(path="README.md", message="m", severity="error", rule="label-typo", fix=None) -> Finding:
    return Finding(path, 3, 5, 3, 9, rule, severity, message, fix)


@pytest.mark.parametrize("text", TRICKY)
def test_message_round_trips(text):
    line = github.format_finding(finding(message=text))
    assert "\n" not in line and "\r" not in line  # one command, one line
    name, properties, message = parse_command(line)
    assert (name, message) == ("error", text)
    assert properties["title"] == "label-typo"


@pytest.mark.parametrize("text", TRICKY)
def test_path_round_trips(text):
    path = f"docs/{text}.md"
    line = github.format_finding(finding(path=path))
    _, properties, _ = parse_command(line)
    assert properties["file"] == path
    assert set(properties) == {"file", "line", "col", "endLine", "endColumn", "title"}


def test_escaping_rules_per_character():
    assert github.escape_data("%\r\n:,") == "%25%0D%0A:,"  # messages keep : and ,
    assert github.escape_property("%\r\n:,") == "%25%0D%0A%3A%2C"
    assert github.escape_property("100%3A") == "100%253A"  # a literal escape sequence stays literal


def test_positions_and_levels():
    cases = {"error": "error", "warning": "warning", "info": "notice"}
    for severity, command in cases.items():
        name, properties, _ = parse_command(github.format_finding(finding(severity=severity)))
        assert name == command
        assert (properties["line"], properties["col"], properties["endLine"], properties["endColumn"]) == (
            "3",
            "5",
            "3",
            "9",
        )


def test_fixable_findings_say_so():
    fix = Fix.safe(Edit(0, 1, "x"))
    _, _, message = parse_command(github.format_finding(finding(message="typo", fix=fix)))
    assert message.startswith("typo") and "--fix" in message
    _, _, message = parse_command(github.format_finding(finding(message="typo", fix=Fix.unsafe(Edit(0, 1, "x")))))
    assert message == "typo"


def test_render_writes_one_annotation_per_finding_then_a_summary():
    out = io.StringIO()
    findings = [finding(message="a\nb"), finding(severity="warning", rule="x,y")]
    github.render(findings, out, ReportOptions())
    lines = out.getvalue().splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 2
    assert parse_command(commands[1])[1]["title"] == "x,y"
    assert any(line.startswith("Found 2 findings") for line in lines)


def test_auto_is_github_only_under_github_actions(monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert resolve_format("auto") == "github"
    assert resolve_format("text") == "text"
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert resolve_format("auto") == "text"
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert resolve_format("auto") == "text"


# An empty item (line 6), three blank lines in a row (lines 8-10), no final newline.
DEFECTIVE = (
    "# Awesome Things\n\n## Tools\n\n- [alpha](https://alpha.example) - First.\n-\n"
    "- [beta](https://beta.example) - Second.\n\n\n\n## More\n\n- [gamma](https://gamma.example) - Third."
)


def test_cli_github_format_matches_json_findings(tmp_path):
    """Every JSON finding appears as one annotation with the same position, rule and message."""
    (tmp_path / "README.md").write_text(DEFECTIVE, encoding="utf-8")
    as_json = json.loads(run(["--format", "json", "--preset", "paper-list", "README.md"], cwd=tmp_path).out)
    assert {f["rule"] for f in as_json} >= {"empty-item", "blank-lines", "final-newline"}
    result = run(["--format", "github", "--preset", "paper-list", "README.md"], cwd=tmp_path)
    annotations = [parse_command(line) for line in result.out.splitlines() if line.startswith("::")]
    assert len(annotations) == len(as_json)
    for (name, props, message), expected in zip(annotations, as_json, strict=True):
        assert props["file"] == expected["path"]
        assert (int(props["line"]), int(props["col"])) == (expected["line"], expected["column"])
        assert (int(props["endLine"]), int(props["endColumn"])) == (expected["end_line"], expected["end_column"])
        assert props["title"] == expected["rule"]
        assert message.startswith(expected["message"])
        assert name == {"error": "error", "warning": "warning", "info": "notice"}[expected["severity"]]


def test_cli_auto_format_under_github_actions(tmp_path):
    (tmp_path / "README.md").write_text(DEFECTIVE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "GITHUB_ACTIONS": "true"}
    proc = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--select", "empty-item", "README.md"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    commands = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    assert len(commands) == 1, proc.stdout + proc.stderr
    assert parse_command(commands[0])[1]["title"] == "empty-item"
    plain = run(["--select", "empty-item", "README.md"], cwd=tmp_path)  # run() clears GITHUB_ACTIONS
    assert "::" not in plain.out and "README.md:6:" in plain.out
