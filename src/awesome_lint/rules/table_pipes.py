"""table-pipes: every table row should start and end with a pipe, ``| a | b |``.

As remark-lint's rule of the same name (awesome-lint's setting). Outer pipes make a row's cells
plain to see and keep a row with an empty first or last cell from losing it. The fix adds the
missing outer pipes, which leaves every cell as it was; not in a table with a row that the fixer's check
(mistune) reads as something else, where a pipe on any row moves where that reader ends the table.
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
        rows = [row for row in _table.rows(doc, index) if row[1] < row[2]]
        others = [_table.read_otherwise(doc, index, line, start, end) for line, start, end in rows]
        # A pipe on another row decides where mistune ends the table, so one row read otherwise keeps the
        # whole table unfixed: "|  | x" (no closing pipe) over "[ref]: ..." ends it there, "|  | x |" does not.
        fixable = not any(others)
        for (_line, start, end), other in zip(rows, others, strict=True):
            note = f" (not fixed: without the table above it, the row would be {other})" if other else ""
            if text[start] != "|":
                yield Diagnostic(
                    start,
                    start,
                    "Unexpected missing opening pipe in row, expected `|`" + note,
                    fix=Fix.safe(Edit(start, start, "| ")) if fixable else None,
                )
            if text[end - 1] != "|" or (end - start == 1):
                yield Diagnostic(
                    end,
                    end,
                    "Unexpected missing closing pipe in row, expected `|`" + note,
                    fix=Fix.safe(Edit(end, end, " |")) if fixable else None,
                )
