"""A rule unsure of a finding caps its level: entry-order is info under an inferred order, its level when pinned."""

from __future__ import annotations

import json

from conftest import run_inprocess

LIST = "# Papers\n\n## 2020s\n\n" + "".join(
    f"- Paper {name} [CVPR {year}]  [Paper](https://example.org/{name}.pdf)\n"
    for name, year in [("a", 2024), ("b", 2023), ("c", 2019), ("d", 2022), ("e", 2021), ("f", 2020), ("g", 2018)]
)


def order_findings(tmp_path, monkeypatch, config: str | None):
    (tmp_path / "README.md").write_text(LIST)
    if config:
        (tmp_path / ".awesome-lint.yaml").write_text(config)
    result = run_inprocess(["--format", "json", "--select", "entry-order"], monkeypatch, cwd=tmp_path)
    return [(f["line"], f["severity"], f["fix"]["applicability"]) for f in json.loads(result.out)]


def test_inferred_order_gives_info_with_an_unsafe_fix(tmp_path, monkeypatch):
    assert order_findings(tmp_path, monkeypatch, None) == [(7, "info", "unsafe")]


def test_pinned_order_gives_the_rules_level_and_a_safe_fix(tmp_path, monkeypatch):
    pinned = "conventions:\n  order: year-desc\n"
    assert order_findings(tmp_path, monkeypatch, pinned) == [(7, "warning", "safe")]
    raised = pinned + "rules:\n  entry-order: error\n"
    assert order_findings(tmp_path, monkeypatch, raised) == [(7, "error", "safe")]
