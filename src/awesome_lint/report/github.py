"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

    ::error file=README.md,line=15,col=60,endLine=15,endColumn=66,title=label-typo::label "Cdoe" …

GitHub shows these on the pull request's diff. A workflow command ends at the line break, and its
properties are separated by ``,`` and ``:``, so those characters are percent-encoded as the Actions
toolkit does: ``%``, CR and LF in the message; also ``:`` and ``,`` in property values.
"""

from __future__ import annotations

import os

from ..diagnostics import Finding
from . import text
from .options import ReportOptions

# GitHub has error, warning and notice annotations.
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message (the text after ``::``)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (file=…, title=…)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def display_path(path: str) -> str:
    """Annotations need paths relative to the repository root; the workflow runs there, so relative to cwd."""
    if os.path.isabs(path):
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            return path
        if not relative.startswith(".."):
            return relative.replace(os.sep, "/")
    return path.replace(os.sep, "/")


def format_finding(finding: Finding) -> str:
    properties = {
        "file": display_path(finding.path),
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": finding.rule,
    }
    joined = ",".join(f"{name}={escape_property(str(value))}" for name, value in properties.items())
    message = finding.message + (" [*] fixable with awesome-lint --fix" if finding.fixable else "")
    return f"::{COMMANDS.get(finding.severity, 'error')} {joined}::{escape_data(message)}"


def render(findings: list[Finding], out, options: ReportOptions) -> None:
    if options.statistics:  # a count per rule is for reading in the log, not for annotating lines
        text.render(findings, out, options)
        return
    for finding in findings:
        out.write(format_finding(finding) + "\n")
    for line in text.summary(findings, options):  # plain lines: shown in the job's log only
        out.write(line + "\n")
