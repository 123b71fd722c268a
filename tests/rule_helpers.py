"""Running one rule over a small Markdown text, and fixing with it, as the linter and the fixer do."""

from __future__ import annotations

from awesome_lint.config import Config, from_mapping
from awesome_lint.document import Document
from awesome_lint.fix import fix_to_fixed_point, verify
from awesome_lint.linter import Context, drop_heading_fixes, to_finding
from awesome_lint.rules import all_rules
from awesome_lint.source import Source


def document(text: str) -> Document:
    return Document(Source("t.md", text))


def diagnostics(text: str, rule_id: str, options: dict | None = None, config: dict | None = None):
    doc = document(text)
    return doc, _run(doc, rule_id, options, config)


def _run(doc: Document, rule_id: str, options: dict | None, config: dict | None):
    rule = all_rules()[rule_id]
    cfg = from_mapping(config, None) if config else Config()
    ctx = Context(doc, cfg, "paper-list", {**rule.options, **(options or {})})
    found = list(rule.check(ctx))
    for diagnostic in found:
        diagnostic.rule = rule_id
    drop_heading_fixes(doc, found)  # as the linter does for every rule
    return sorted(found, key=lambda d: (d.start, d.end))


def findings(text: str, rule_id: str, options: dict | None = None, config: dict | None = None):
    """The rule's findings, positioned (line, column, message, fix)."""
    doc, found = diagnostics(text, rule_id, options, config)
    return [to_finding(doc, diagnostic) for diagnostic in found]


def fixed(text: str, rule_id: str, unsafe: bool = False, options=None, config=None) -> str:
    """The text after the fixer ran this rule to a fixed point; asserts the fixer's verification passes."""
    source = Source("t.md", text)
    result = fix_to_fixed_point(source, lambda doc: _run(doc, rule_id, options, config), unsafe=unsafe)
    problems = verify(document(text), document(result.text), result.applied, result.removed_items)
    assert problems == [], problems
    return result.text
