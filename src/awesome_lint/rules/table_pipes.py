"""table-pipes: every table row should start and end with a pipe, ``| a | b |``.

As remark-lint's rule of the same name (awesome-lint's setting). Outer pipes make a row's cells
plain to see and keep a row with an empty first or last cell from losing it. The fix adds the
missing outer pipes, which leaves every cell as it was.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _table

ID = "table-pipes"
SUMMARY = "a table row without a leading or trailing pipe"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    doc = ctx.doc
    text = doc.text
    for index in range(len(doc.blocks.tables)):
        for line, start, end in _table.rows(doc, index):
            if start >= end:
                continue
            other = _table.read_otherwise(doc, index, line, start, end)
            note = f" (not fixed: without the table above it, the row would be {other})" if other else ""
            if text[start] != "|":
                yield Diagnostic(
                    start,
                    start,
                    "Unexpected missing opening pipe in row, expected `|`" + note,
                    fix=None if other else Fix.safe(Edit(start, start, "| ")),
                )
            if text[end - 1] != "|" or (end - start == 1):
                yield Diagnostic(
                    end,
                    end,
                    "Unexpected missing closing pipe in row, expected `|`" + note,
                    fix=None if other else Fix.safe(Edit(end, end, " |")),
                )
