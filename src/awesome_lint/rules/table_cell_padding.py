"""table-cell-padding: table cells should be padded one way, ``| a |`` (padded) or ``|a|`` (compact).

As remark-lint's rule of the same name, with awesome-lint's setting (``consistent``); ``style`` may
also be ``padded`` or ``compact``. Under ``consistent`` the style comes from the file's first table,
from the last of its cells that is as wide as the widest of its column (remark's choice). A cell may
carry more spaces than the minimum where they align its column. The fix rewrites the table aligned and
padded as expected (as table-pipe-alignment's fix does); what each cell holds never changes.
"""

from __future__ import annotations

import math

from ..diagnostics import Diagnostic
from . import _table
from ._remark import plural

ID = "table-cell-padding"
SUMMARY = "a table cell padded unlike the file's tables (| a | or |a|)"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"style": "consistent"}


def _side(cell: _table.Cell, side: str, size: int, style: str):
    """The message for one side of a cell, or None when its padding is fine."""
    actual = cell.left if side == "left" else cell.right
    if actual is None:
        return None
    align_spaces = size - cell.middle
    low = 0 if style == "compact" else 1
    high = low
    if cell.align == "center":
        high += math.ceil(align_spaces / 2)
    elif (side == "left") if cell.align == "right" else (side == "right"):
        high += align_spaces
    if cell.middle == 0:  # an empty cell: its "left" holds all its white space
        if side == "right":
            return None
        high = max(high, size + 2 * low)
    if low <= actual <= high:
        return None
    to_low, to_high = low - actual, high - actual
    where = "cell edge and content" if side == "left" else "cell content and edge"
    if low == high:
        expected = f"`{high}` {plural(high, 'space')}"
    else:
        expected = f"between `{low}` (unaligned) and `{high}` (aligned) {plural(high, 'space')}"
    change = "remove" if to_low < 0 else "add"
    amount = f"`{abs(to_low)}`" if to_low == to_high else f"between `{abs(to_high)}` and `{abs(to_low)}`"
    return (
        f"Unexpected `{actual}` {plural(actual, 'space')} between {where}, expected {expected}, "
        f"{change} {amount} {plural(abs(to_low), 'space')}"
    )


def check(ctx):
    option = ctx.options.get("style", OPTIONS["style"])
    style = _table.file_padding_style(ctx) if option == "consistent" else option
    if style is None:
        return
    for index, cells in enumerate(_table.tables(ctx)):
        sizes: dict[int, int] = {}
        for cell in cells:
            sizes[cell.column] = max(sizes.get(cell.column, 0), cell.middle)
        offered = False
        for cell in cells:
            for side in ("left", "right"):
                message = _side(cell, side, sizes[cell.column], style)
                if message:
                    # One table-wide fix, on the table's first finding only: a copy on each cell's finding
                    # makes the JSON output grow with cells x table size.
                    fix = None if offered else _table.realigned(ctx.doc, index, cells, style)
                    offered = True
                    at = cell.content_start if side == "left" else cell.right_edge
                    yield Diagnostic(at, at, message, fix=fix)
