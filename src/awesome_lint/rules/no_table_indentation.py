"""no-table-indentation: table rows should not be indented.

As remark-lint's rule of the same name: a table at the top level starts at the beginning of its
lines, and one inside a list item lines up with the item's content; the extra spaces render the same
and only blur the structure. Tables in block quotes are not checked. The fix removes the extra spaces.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark, _table
from ._remark import plural

ID = "no-table-indentation"
SUMMARY = "spaces before a table row"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    doc = ctx.doc
    text = doc.text
    for index, table in enumerate(doc.blocks.tables):
        if _remark.in_quote(doc, table.line):
            continue
        item_index = _remark.innermost_item(doc, table.line)
        column = 0 if item_index is None else doc.items[item_index].content_indent
        first = table.line
        if item_index is not None and doc.items[item_index].line == table.line:
            first += 1  # the table starts on the item's line, after its marker
        for line in _table.table_lines(doc, index):
            if line < first:
                continue
            line_start = doc.line_starts[line - 1]
            expected = line_start + column
            if text[line_start:expected].strip(" \t") or expected > doc.line_ends[line - 1]:
                continue  # a lazy line, or one indented less than the item's content
            actual = expected
            while text[actual] in " \t":
                actual += 1
            extra = actual - expected
            if extra:
                yield Diagnostic(
                    expected,
                    actual,
                    f"Unexpected `{extra}` extra {plural(extra, 'space')} before table row, "
                    f"remove `{extra}` {plural(extra, 'space')}",
                    fix=Fix.safe(Edit(expected, actual, "")),
                )
