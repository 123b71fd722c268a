"""Config discovery, presets, exclusion and rule resolution."""

from __future__ import annotations

import json

from conftest import run_inprocess

CORE_RULES = {"blank-lines", "empty-item", "final-newline"}  # the core rules, whatever the presets add
MESSY = "# L\n\n\n\n- \n- [a](https://a.example) - A."


def test_config_found_upward_from_the_file(tmp_path, monkeypatch):
    (tmp_path / ".awesome-lint.yaml").write_text("extends: paper-list\nrules:\n  blank-lines: off\n")
    (tmp_path / "docs" / "deep").mkdir(parents=True)
    (tmp_path / "docs" / "deep" / "list.md").write_text(MESSY)
    result = run_inprocess(["--format", "json", "docs/deep/list.md"], monkeypatch, cwd=tmp_path)
    assert {f["rule"] for f in json.loads(result.out)} & CORE_RULES == {"empty-item", "final-newline"}


def test_pyproject_tool_table(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.awesome-lint]\nrules = { final-newline = "error" }\n')
    (tmp_path / "README.md").write_text(MESSY)
    result = run_inprocess(["--format", "json"], monkeypatch, cwd=tmp_path)
    assert {f["rule"]: f["severity"] for f in json.loads(result.out)}["final-newline"] == "error"
    assert result.code == 1


def test_yaml_config_wins_over_pyproject_in_the_same_folder(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.awesome-lint]\nrules = { final-newline = "error" }\n')
    (tmp_path / ".awesome-lint.yaml").write_text("rules:\n  final-newline: off\n")
    (tmp_path / "README.md").write_text(MESSY)
    found = json.loads(run_inprocess(["--format", "json"], monkeypatch, cwd=tmp_path).out)
    assert "final-newline" not in {f["rule"] for f in found}


def test_explicit_config_flag(tmp_path, monkeypatch):
    (tmp_path / "other.yaml").write_text("extends: paper-list\nrules:\n  empty-item: off\n")
    (tmp_path / "README.md").write_text(MESSY)
    found = json.loads(run_inprocess(["--format", "json", "--config", "other.yaml"], monkeypatch, cwd=tmp_path).out)
    assert "empty-item" not in {f["rule"] for f in found}


def test_exclude_applies_to_paths_passed_explicitly(tmp_path, monkeypatch):
    (tmp_path / ".awesome-lint.yaml").write_text("exclude: ['drafts/**', 'CHANGELOG.md']\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.md").write_text(MESSY)
    (tmp_path / "CHANGELOG.md").write_text(MESSY)
    (tmp_path / "README.md").write_text(MESSY)
    result = run_inprocess(["--format", "json", "drafts/x.md", "CHANGELOG.md", "README.md"], monkeypatch, cwd=tmp_path)
    assert {f["path"] for f in json.loads(result.out)} == {"README.md"}


def test_rule_options_from_config(tmp_path, monkeypatch):
    (tmp_path / ".awesome-lint.yaml").write_text("rules:\n  blank-lines: {max: 2}\n")
    (tmp_path / "README.md").write_text("# L\n\n\n- a\n\n\n\n- b\n")
    found = json.loads(run_inprocess(["--format", "json"], monkeypatch, cwd=tmp_path).out)
    assert [(f["rule"], f["line"]) for f in found if f["rule"] == "blank-lines"] == [("blank-lines", 7)]


def test_preset_choice_flag_and_extends(tmp_path, monkeypatch):
    (tmp_path / ".awesome-lint.yaml").write_text("extends: awesome\n")
    (tmp_path / "README.md").write_text("# L\n\n- a\n")
    result = run_inprocess(["--verbose"], monkeypatch, cwd=tmp_path)
    assert "preset awesome" in result.err
    result = run_inprocess(["--verbose", "--preset", "paper-list"], monkeypatch, cwd=tmp_path)
    assert "preset paper-list" in result.err
