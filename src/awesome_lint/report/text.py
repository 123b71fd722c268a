"""``--format text``: ``path:line:col: rule-id [*] message``, then a summary."""

from __future__ import annotations

from collections import Counter

from ..diagnostics import Finding
from .options import ReportOptions

_COLORS = {"error": "31", "warning": "33", "info": "36", "bold": "1", "dim": "2", "fix": "32"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if color else text


def format_finding(finding: Finding, color: bool = False) -> str:
    where = _paint(f"{finding.path}:{finding.line}:{finding.column}:", "bold", color)
    rule = _paint(finding.rule, finding.severity if finding.severity in _COLORS else "bold", color)
    mark = _paint("[*] ", "fix", color) if finding.fixable else ""
    return f"{where} {rule} {mark}{finding.message}"


def summary(findings: list[Finding], options: ReportOptions) -> list[str]:
    lines = []
    if options.fixed:
        lines.append(f"Fixed {options.fixed} finding{'s' if options.fixed != 1 else ''}.")
    if not findings:
        lines.append("All checks passed." if not options.fixed else "No findings left.")
        return lines
    by_severity = Counter(f.severity for f in findings)
    parts = [
        f"{by_severity[s]} {s}{'s' if by_severity[s] != 1 and s != 'info' else ''}"
        for s in ("error", "warning", "info")
        if by_severity[s]
    ]
    total = len(findings)
    lines.append(f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}).")
    safe = sum(f.fixable for f in findings)
    unsafe = sum(f.unsafe_fixable for f in findings)
    if safe:
        hint = f"[*] {safe} fixable with --fix"
        if unsafe:
            hint += f" ({unsafe} more with --unsafe-fixes)"
        lines.append(hint + ".")
    elif unsafe:
        lines.append(f"No fixes available with --fix ({unsafe} with --unsafe-fixes).")
    return lines


def statistics(findings: list[Finding]) -> list[str]:
    counts = Counter(f.rule for f in findings)
    fixable = {f.rule for f in findings if f.fixable}
    width = max((len(str(n)) for n in counts.values()), default=1)
    return [
        f"{count:>{width}}\t{rule}\t{'[*]' if rule in fixable else '   '}"
        for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def render(findings: list[Finding], out, options: ReportOptions) -> None:
    body = statistics(findings) if options.statistics else [format_finding(f, options.color) for f in findings]
    for line in body:
        out.write(line + "\n")
    for line in summary(findings, options):
        out.write(line + "\n")
