"""``--format json``: an array of findings, as documented in the README (a stable contract).

With ``--check-links --link-details``, the findings are followed by one ``{"path": ..., "links": [...]}``
object per file: every link checked, with its final URL, status and the time it took (no ``rule`` key).
"""

from __future__ import annotations

import json

from ..diagnostics import Finding
from .options import ReportOptions


def finding_to_dict(finding: Finding) -> dict:
    fix = None
    if finding.fix is not None:
        fix = {
            "applicability": finding.fix.applicability,
            "edits": [
                {
                    "line": line,
                    "column": column,
                    "end_line": end_line,
                    "end_column": end_column,
                    "content": content,
                }
                for line, column, end_line, end_column, content in finding.fix_positions
            ],
        }
    found = {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "fix": fix,
    }
    if "link" in finding.data:  # link rules (--check-links): final URL, status, time taken
        found["link"] = finding.data["link"]
    return found


def render(findings: list[Finding], out, options: ReportOptions) -> None:
    items = [finding_to_dict(f) for f in findings]
    if options.links is not None:  # --link-details: after the findings, one {"path", "links"} object per file
        items.extend(options.links)
    json.dump(items, out, indent=2, ensure_ascii=False)
    out.write("\n")
