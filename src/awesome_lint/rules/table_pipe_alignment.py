"""table-pipe-alignment: the pipes of a table should line up, row under row.

As remark-lint's rule of the same name (awesome-lint's setting). Each column is as wide as its widest
cell, padding included; a narrower cell is reported with the number of spaces it lacks, on the side its
column's alignment asks for (right-aligned cells are padded on the left, centred ones on both sides).
Widths count UTF-16 code units, as awesome-lint does, so a row with wide characters (CJK, emoji) may
look misaligned in an editor while being aligned by this measure.

The fix rewrites the table aligned: every row between outer pipes, each column as wide as its widest
content (the alignment row's dashes extended to match), padded with one space, or none in a table that
table-cell-padding finds compact. What each cell holds never changes.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from . import _table
from ._remark import plural

ID = "table-pipe-alignment"
SUMMARY = "a table cell whose pipes do not line up with the rest of its column"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def _padding(cell: _table.Cell, size: int) -> tuple[int, int]:
    """(spaces to add on the left, spaces to add on the right) to make the cell ``size`` wide."""
    difference = size - cell.total
    if cell.align == "center" and cell.middle and difference > 0:
        most = (size - cell.middle) // 2  # the most spaces we would want on the left
        right = most - cell.right if cell.right is not None and most > cell.right else 0
        return difference - right, right
    if cell.align == "right":
        return difference, 0
    return 0, difference


def check(ctx):
    doc = ctx.doc
    for index, cells in enumerate(_table.tables(ctx)):
        sizes: dict[int, int] = {}
        for cell in cells:
            sizes[cell.column] = max(sizes.get(cell.column, 0), cell.total)
        warnings = []  # (offset, spaces, cell)
        for cell in cells:
            left, right = _padding(cell, sizes[cell.column])
            if left:
                warnings.append((cell.content_start, left, cell))
            if right and cell.right is not None:
                warnings.append((cell.right_edge, right, cell))
        if not warnings:
            continue
        fix = _table.realigned(doc, index, cells, _table.file_padding_style(ctx))
        for number, (offset, spaces, cell) in enumerate(warnings):
            hint = " (or add `-` to pad alignment row cells)" if cell.row is None else ""
            yield Diagnostic(
                offset,
                offset,
                f"Unexpected unaligned cell, expected aligned pipes, add `{spaces}` {plural(spaces, 'space')}{hint}",
                fix=fix if number == 0 else None,  # one table-wide fix, not one copy per cell (JSON output size)
            )
