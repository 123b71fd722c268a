"""What the table rules share: each cell's padding and width, measured as remark-lint measures them.

remark-lint's table rules (``table-pipe-alignment``, ``table-cell-padding``) look at every cell of a
table, the alignment row included, and split it into the spaces after its opening pipe (``left``), its
content (``middle``) and the spaces before its closing pipe (``right``). A side without a pipe (the
first cell of a row without a leading pipe, the last of a row without a trailing one) has no padding
(``None``). Widths count UTF-16 code units, as awesome-lint does (it passes remark no ``stringLength``).
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from ..diagnostics import Edit, Fix
from ..record import Record
from . import _remark


class Cell(Record):
    column: int
    row: int | None  # 0 for the header row, 1, 2 … for body rows; None for the alignment row
    line: int
    align: str  # "left", "right", "center" or ""
    left: int | None  # spaces after the opening pipe; None without an opening pipe
    middle: int  # width of the content (UTF-16 code units)
    right: int | None  # spaces before the closing pipe; None without a closing pipe
    content_start: int  # offset after the left padding (where spaces are added to pad on the left)
    right_edge: int  # offset of the closing pipe, or of the content's end (where spaces are added on the right)
    content_end: int  # offset after the content, before the right padding

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        column: int,
        row: int | None,
        line: int,
        align: str,
        left: int | None,
        middle: int,
        right: int | None,
        content_start: int,
        right_edge: int,
        content_end: int,
    ) -> None:
        self.column = column
        self.row = row
        self.line = line
        self.align = align
        self.left = left
        self.middle = middle
        self.right = right
        self.content_start = content_start
        self.right_edge = right_edge
        self.content_end = content_end

    @property
    def total(self) -> int:
        return (self.left or 0) + self.middle + (self.right or 0)


def width(text: str) -> int:
    """The length of ``text`` in UTF-16 code units (JavaScript's ``String.length``)."""
    return len(text.encode("utf-16-le")) // 2


def tables(ctx) -> list[list[Cell]]:
    """The cells of every table of the document, in remark's order: header row, alignment row, body rows."""
    doc = ctx.doc
    return _remark._shared(ctx, "table_cells", lambda: [_table_cells(doc, i) for i in range(len(doc.blocks.tables))])


def rows(doc, index: int) -> list[tuple[int, int, int]]:
    """(line, start, end) of each row of a table, the alignment row included: from the row's first character to
    the end of its line, trailing spaces and tabs left out."""
    starts = _row_starts(doc).get(index, {})
    found = []
    for line in table_lines(doc, index):
        start, end = row_span(doc, line)
        start = starts.get(line, start)
        found.append((line, start, max(start, end)))
    return found


def _row_starts(doc) -> dict[int, dict[int, int]]:
    """For each table (by index), where each of its scanned rows starts, by line: found once per document
    (rows() is asked for each table, and the document's rows are those of every table)."""
    found = _starts_by_table.get(doc)
    if found is None:
        found = _starts_by_table[doc] = {}
        for row in doc.rows:
            found.setdefault(row.table, {})[row.line] = row.start
    return found


_starts_by_table: WeakKeyDictionary = WeakKeyDictionary()  # Document -> _row_starts(doc)


def table_lines(doc, index: int) -> list[int]:
    """The line numbers of a table's rows, the alignment row included."""
    table = doc.blocks.tables[index]
    return list(range(table.line, table.end_line + 1))


# A link reference definition, ``[ref]: https://...``; and a setext heading's underline, ``---`` or ``===``.
_DEFINITION = re.compile(r"\[(?:[^\\\[\]]|\\.){1,999}\]:")
_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*\Z")
_MISTUNE_ROW = re.compile(r" {0,3}\|.*\|[ \t]*\Z")  # a body row to mistune's table plugin


def read_otherwise(doc, index: int, line: int, start: int, end: int) -> str | None:
    """What a body row of a table (``text[start:end]`` on ``line``) is to the fixer's check (mistune), which ends
    a table at a row without pipes where GFM goes on, when that is not a row: "a link reference definition"
    (``[ref]: https://...`` written under the table, which its author surely meant as one), "a heading" and
    "a heading's underline" (a row without pipes over a ``-`` or ``=`` line, a setext heading to mistune), or
    text running on into a line under the table (:func:`_ends_mistunes_table`); else None.
    A fix that touches such a row is refused, with every other fix of the file: the table rules report it
    but fix neither it nor its table."""
    if line <= doc.blocks.tables[index].delimiter_line:
        return None
    text = doc.text
    if _DEFINITION.match(text, start, end):
        return "a link reference definition"
    if text.find("|", start, end) >= 0:
        return _ends_mistunes_table(doc, index, line)
    if line < len(doc.line_starts) and _UNDERLINE.match(text, doc.line_starts[line], doc.line_ends[line]):
        return "a heading"
    above = line - 1  # the row above, for an underline row (``===``, a row to GFM too)
    if above > doc.blocks.tables[index].delimiter_line and _UNDERLINE.match(text, start, end):
        a_start, a_end = doc.line_starts[above - 1], doc.line_ends[above - 1]
        if text.find("|", a_start, a_end) < 0 and text[a_start:a_end].strip():
            return "a heading's underline"
    return _ends_mistunes_table(doc, index, line)


def _ends_mistunes_table(doc, index: int, line: int) -> str | None:
    """mistune's table goes on only over rows between two pipes: at a row without them ("| ", "| a | b") it
    ends, and that row and the ones after are a paragraph, which runs on into a non-blank line under the table
    (indented code, to GFM a block of its own). A pipe added there moves where mistune's table ends."""
    end_line = doc.blocks.tables[index].end_line
    if end_line >= len(doc.lines) or not doc.lines[end_line].strip():
        return None
    if _MISTUNE_ROW.match(doc.lines[line - 1]):
        return None
    return "text that runs on into the line under the table"


def row_span(doc, line: int) -> tuple[int, int]:
    """(start, end) of a table row: from its first character after indentation and block quote markers to the
    end of its line, trailing spaces and tabs left out."""
    start = _remark.line_content_start(doc, line)
    end = doc.line_ends[line - 1]
    while end > start and doc.text[end - 1] in " \t":
        end -= 1
    return start, end


def _table_cells(doc, index: int) -> list[Cell]:
    table = doc.blocks.tables[index]
    cells: list[Cell] = []
    body = 0
    for line, start, end in rows(doc, index):
        if line == table.delimiter_line:
            row = None
        else:
            row = body
            body += 1
        if row is None and doc.text[end - 1 : end] != "|":
            # remark keeps the trailing white space of an alignment row without a final pipe
            end = doc.line_ends[line - 1]
        cells.extend(_row_cells(doc.text, start, end, line, row, table.alignments, escapes=row is not None))
    return cells


def _pipes(text: str, start: int, end: int, escapes: bool) -> list[int]:
    found = []
    index = text.find("|", start, end)
    while index >= 0:
        if not (escapes and index > start and text[index - 1] == "\\"):
            found.append(index)
        index = text.find("|", index + 1, end)
    return found


def _row_cells(text, start, end, line, row, alignments, escapes) -> list[Cell]:
    if start >= end:
        return []
    pipes = _pipes(text, start, end, escapes)
    starts = ([] if text[start] == "|" else [start]) + pipes
    if len(starts) > 1 and pipes and pipes[-1] == end - 1:
        starts.pop()  # a closing pipe belongs to the last cell
    cells = []
    for column, cell_start in enumerate(starts):
        tail = column == len(starts) - 1
        cell_end = end if tail else starts[column + 1]
        align = alignments[column] if column < len(alignments) else ""
        cells.append(_measure(text, cell_start, cell_end, tail, column, row, line, align))
    return cells


def _measure(text, start, end, tail, column, row, line, align) -> Cell:
    """remark-lint's ``inferSize``: the padding on each side of a cell and the width of what is between."""
    left = None
    left_index = start
    if text[left_index] == "|":
        left = 0
        left_index += 1
        while left_index < len(text) and text[left_index] == " ":
            left += 1
            left_index += 1
    right_index = end
    if tail:
        while right_index > 0 and text[right_index - 1] == " ":
            right_index -= 1
        if right_index > left_index and text[right_index - 1] == "|":
            right_index -= 1
        else:
            right_index = end
    edge = right_index
    right = None
    if right_index < len(text) and text[right_index] == "|":
        right = 0
        while right_index - 1 > left_index and text[right_index - 1] == " ":
            right += 1
            right_index -= 1
    middle = width(text[left_index:right_index]) if right_index > left_index else 0
    content_start = min(left_index, edge)
    return Cell(column, row, line, align, left, middle, right, content_start, edge, max(content_start, right_index))


def padding_style(cells: list[Cell]) -> str | None:
    """remark-lint's ``consistent`` cell padding, inferred from a table: ``padded`` or ``compact`` after the last
    of its cells that is as wide as the widest of its column (None for a table of empty cells)."""
    sizes: dict[int, int] = {}
    for cell in cells:
        sizes[cell.column] = max(sizes.get(cell.column, 0), cell.middle)
    style = None
    for cell in cells:
        if cell.middle and cell.middle == sizes[cell.column]:
            style = "padded" if cell.left else "compact"
    return style


def file_padding_style(ctx) -> str | None:
    """The padding remark-lint's ``consistent`` expects of every table: that of the file's first table that has any
    content (see :func:`padding_style`)."""
    for cells in tables(ctx):
        style = padding_style(cells)
        if style:
            return style
    return None


def realigned(doc, index: int, cells: list[Cell], padding: str | None) -> Fix | None:
    """The table rewritten with every row between outer pipes, each column as wide as its widest content, and
    the padding table-cell-padding expects (one space, or none in a compact table); None when a row of the
    table is read otherwise by the fixer's check (:func:`read_otherwise`)."""
    pad = "" if padding == "compact" else " "
    widths: dict[int, int] = {}
    for cell in cells:
        need = cell.middle if cell.row is not None else max(cell.middle, _MIN_DELIMITER[cell.align])
        widths[cell.column] = max(widths.get(cell.column, 0), need)
    by_line: dict[int, list[Cell]] = {}
    for cell in cells:
        by_line.setdefault(cell.line, []).append(cell)
    edits = []
    for line, start, end in rows(doc, index):
        if read_otherwise(doc, index, line, start, end):
            return None
        row_cells = by_line.get(line)
        if not row_cells:
            continue
        pieces = [pad + _cell_text(doc.text, cell, widths[cell.column]) + pad for cell in row_cells]
        edits.append(Edit(start, end, "|" + "|".join(pieces) + "|"))
    return Fix.safe(*edits)


_MIN_DELIMITER = {"": 1, "left": 2, "right": 2, "center": 3}


def _cell_text(text: str, cell: Cell, size: int) -> str:
    if cell.row is None:  # the alignment row: dashes to the column's width, its colons kept
        opening = ":" if cell.align in ("left", "center") else ""
        closing = ":" if cell.align in ("right", "center") else ""
        return opening + "-" * (size - len(opening) - len(closing)) + closing
    content = text[cell.content_start : cell.content_end]
    spaces = size - cell.middle
    if cell.align == "right":
        return " " * spaces + content
    if cell.align == "center":
        return " " * (spaces // 2) + content + " " * (spaces - spaces // 2)
    return content + " " * spaces
