"""empty-item: a list item with nothing in it, such as ``- `` or ``- [ ] ``.

An empty item renders as a stray bullet (or an empty checkbox). It is usually a placeholder someone
forgot. The fix removes the item's line; an item with nested items under it is reported but not removed.
"""

from __future__ import annotations

from ..diagnostics import CHANGES_REMOVES_EMPTY, Diagnostic, Edit, Fix

ID = "empty-item"
SUMMARY = "a list item with nothing after its marker (or its checkbox)"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def _is_empty(doc, item) -> bool:
    rest = doc.text[item.content_start : item.text_end]
    if item.checkbox:
        rest = rest.replace(item.checkbox, "", 1)
    return not rest.strip()


def check(ctx):
    doc = ctx.doc
    for item in doc.items:
        if not _is_empty(doc, item):
            continue
        line_start = doc.line_starts[item.line - 1]
        line_end = doc.line_ends[item.line - 1]
        what = (
            f"empty task item '{item.marker} {item.checkbox}'" if item.checkbox else f"empty list item '{item.marker}'"
        )
        fix = None
        alone_on_line = not doc.text[line_start : item.marker_start].strip()
        if item.end_line == item.line and alone_on_line and not item.in_quote:
            next_line = doc.line_starts[item.line] if item.line < len(doc.lines) else len(doc.text)
            fix = Fix.safe(Edit(line_start, next_line, ""), changes=frozenset({CHANGES_REMOVES_EMPTY}))
        yield Diagnostic(item.marker_start, line_end, what, fix=fix)
