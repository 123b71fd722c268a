"""empty-item: a list item with nothing in it, such as ``- `` or ``- [ ] ``.

An empty item renders as a stray bullet (or an empty checkbox). It is usually a placeholder someone
forgot. The fix removes the item's line; an item with nested items under it is reported but not removed.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from . import _remark

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
        line_end = doc.line_ends[item.line - 1]
        what = (
            f"empty task item '{item.marker} {item.checkbox}'" if item.checkbox else f"empty list item '{item.marker}'"
        )
        fix = _remark.empty_item_removal(doc, item)
        yield Diagnostic(item.marker_start, line_end, what, fix=fix)
