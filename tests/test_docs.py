"""docs/rules.md is generated from the rules' metadata and must be kept up to date."""

from __future__ import annotations

from awesome_lint.explain import rules_markdown
from awesome_lint.rules import all_rules
from conftest import ROOT


def test_rules_doc_is_up_to_date():
    expected = rules_markdown()
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is stale: run  python -m awesome_lint.explain > docs/rules.md"


def test_every_rule_declares_its_metadata():
    for rule in all_rules().values():
        assert rule.severity in ("info", "warning", "error"), rule.id
        assert rule.fix in (None, "safe", "unsafe"), rule.id
        assert rule.summary and not rule.summary.endswith("."), rule.id
        assert rule.description, rule.id
        assert rule.module.__name__.rsplit(".", 1)[1] == rule.id.replace("-", "_"), rule.id
