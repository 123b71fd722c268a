"""Inline suppression comments, in both syntaxes."""

from __future__ import annotations

import json

import pytest

from conftest import run_inprocess


def lines_found(tmp_path, monkeypatch, text: str) -> list[int]:
    (tmp_path / "README.md").write_text(text)
    result = run_inprocess(["--format", "json", "--select", "empty-item"], monkeypatch, cwd=tmp_path)
    return [f["line"] for f in json.loads(result.out)]


@pytest.mark.parametrize("syntax", ["awesome-lint disable {}", "lint disable {}"])
def test_disable_until_enable(tmp_path, monkeypatch, syntax):
    enable = syntax.replace("disable", "enable")
    text = f"- \n<!-- {syntax.format('empty-item')} -->\n- \n- \n<!-- {enable.format('empty-item')} -->\n- \n"
    assert lines_found(tmp_path, monkeypatch, text) == [1, 6]


def test_disable_without_ids_means_every_rule(tmp_path, monkeypatch):
    assert lines_found(tmp_path, monkeypatch, "<!-- awesome-lint disable -->\n- \n- \n") == []


def test_disable_of_another_rule_does_not_hide(tmp_path, monkeypatch):
    assert lines_found(tmp_path, monkeypatch, "<!-- awesome-lint disable blank-lines -->\n- \n") == [2]


def test_disable_next_line(tmp_path, monkeypatch):
    text = "- \n<!-- awesome-lint disable-next-line empty-item -->\n\n- \n- \n"
    assert lines_found(tmp_path, monkeypatch, text) == [1, 5]


def test_remark_ignore_covers_the_next_block(tmp_path, monkeypatch):
    text = "<!--lint ignore empty-item-->\n- \n- \n\nText\n\n- \n"
    assert lines_found(tmp_path, monkeypatch, text) == [7]


def test_several_ids_with_commas(tmp_path, monkeypatch):
    text = "<!-- awesome-lint disable-next-line blank-lines, empty-item -->\n- \n"
    assert lines_found(tmp_path, monkeypatch, text) == []
