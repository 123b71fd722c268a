"""blank-lines: two or more blank lines in a row, or blank lines at the end of the file.

One blank line separates blocks; more change nothing in the rendered list and only make the source
harder to scan. Lines inside code blocks are never counted. The fix keeps one blank line of each run
and removes the blank lines at the end of the file (keeping the final line ending).
"""

from __future__ import annotations

from ..blocks import CODE
from ..diagnostics import Diagnostic, Edit, Fix

ID = "blank-lines"
SUMMARY = "two or more blank lines in a row, or blank lines at the end of the file"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"max": 1}


def _blank_runs(doc):
    """(first, last) 1-based line numbers of each run of blank lines outside code blocks."""
    kinds = doc.blocks.line_kinds
    first = None
    for number, line in enumerate(doc.lines, start=1):
        blank = not line.strip() and (number > len(kinds) or kinds[number - 1] != CODE)
        if blank and first is None:
            first = number
        elif not blank and first is not None:
            yield first, number - 1
            first = None
    if first is not None:
        yield first, len(doc.lines)


def check(ctx):
    doc = ctx.doc
    keep = max(0, int(ctx.options["max"]))
    total = len(doc.lines)
    for first, last in _blank_runs(doc):
        count = last - first + 1
        if last == total and first > 1:
            start = doc.line_starts[first - 1]
            yield Diagnostic(
                start,
                len(doc.text),
                f"{count} blank line{'s' if count > 1 else ''} at the end of the file",
                fix=Fix.safe(Edit(start, len(doc.text), "")),
            )
        elif count > keep and last < total:
            start = doc.line_starts[first - 1 + keep]
            end = doc.line_starts[last]
            yield Diagnostic(
                start,
                end,
                f"{count} blank lines in a row (at most {keep} allowed)",
                fix=Fix.safe(Edit(start, end, "")),
            )
