"""``--list-rules`` and ``--explain ID``, and the generated docs/rules.md: all from the rules' own metadata."""

from __future__ import annotations

from . import data
from .config import ConfigError
from .rules import Rule, all_rules
from .suggest import did_you_mean


def _presets_of(rule_id: str) -> list[str]:
    return [name for name in data.PRESETS if str(data.preset(name).get(rule_id, "off")) != "off"]


def _fix_label(rule: Rule) -> str:
    return {"safe": "safe fix", "unsafe": "unsafe fix"}.get(rule.fix or "", "no fix")


def list_rules() -> str:
    rules = all_rules().values()
    width = max(len(rule.id) for rule in rules)
    lines = [f"{rule.id:<{width}}  {rule.severity:<7}  {_fix_label(rule):<10}  {rule.summary}" for rule in rules]
    return "\n".join(lines)


def explain(rule_id: str) -> str:
    rules = all_rules()
    if rule_id not in rules:
        raise ConfigError(f"--explain: unknown rule {rule_id!r}{did_you_mean(rule_id, rules)}")
    rule = rules[rule_id]
    lines = [
        f"{rule.id}: {rule.summary}",
        "",
        f"Default level: {rule.severity}",
        f"Fix: {_fix_label(rule)}",
        f"Presets: {', '.join(_presets_of(rule.id)) or 'none (enable it with --select or in the config)'}",
    ]
    if rule.options:
        lines.append("Options:")
        lines.extend(f"  {name}: {value!r}" for name, value in rule.options.items())
    lines += ["", rule.description]
    return "\n".join(lines)


def rules_markdown() -> str:
    """The text of docs/rules.md; a test keeps the file equal to it."""
    out = [
        "# Rules",
        "",
        "Generated from the rules' own metadata by `python -m awesome_lint.explain > docs/rules.md`; "
        "a test keeps it up to date.",
        "",
        "| id | level | fix | presets | summary |",
        "|---|---|---|---|---|",
    ]
    for rule in all_rules().values():
        presets = ", ".join(_presets_of(rule.id)) or "-"
        out.append(f"| [`{rule.id}`](#{rule.id}) | {rule.severity} | {rule.fix or '-'} | {presets} | {rule.summary} |")
    for rule in all_rules().values():
        out += ["", f"## {rule.id}", "", rule.summary, "", f"- Default level: {rule.severity}"]
        out.append(f"- Fix: {_fix_label(rule)}")
        if rule.options:
            out.append(
                "- Options: " + ", ".join(f"`{name}` (default `{value!r}`)" for name, value in rule.options.items())
            )
        out += ["", rule.description]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    print(rules_markdown(), end="")
