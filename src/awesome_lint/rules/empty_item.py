"""empty-item: a list item with nothing in it, such as ``- `` or ``- [ ] ``.

An empty item renders as a stray bullet (or an empty checkbox). It is usually a placeholder someone
forgot. The fix removes the item's line, and with it the empty items nested in it (in one piece, from the
outermost); an item with anything else nested under it is reported but not removed.
"""

from __future__ import annotations

from ..blocks import BLANK, ITEM
from ..diagnostics import Diagnostic
from . import _empty_items

ID = "empty-item"
SUMMARY = "a list item with nothing after its marker (or its checkbox)"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def _is_empty(doc, index: int) -> bool:
    item = doc.items[index]
    rest = doc.text[item.content_start : item.text_end]
    if item.checkbox:
        rest = rest.replace(item.checkbox, "", 1)
    return not rest.strip() and not _starts_with_other_block(doc, index)


def _starts_with_other_block(doc, index: int) -> bool:
    """Whether the item, having no paragraph, opens with a heading, code or the like (``- # H``, ``- ```py``, a
    setext heading): content, unlike a nested list (``- - x``, or items on the lines below), which leaves the
    item itself empty."""
    item = doc.items[index]
    nested_on_line = index + 1 < len(doc.items) and doc.items[index + 1].line == item.line
    own = doc.text[item.content_start : doc.line_ends[item.line - 1]].replace(item.checkbox or "", "", 1)
    if own.strip():
        return not nested_on_line
    kinds = doc.blocks.line_kinds
    for number in range(item.line + 1, item.end_line + 1):
        if kinds[number - 1] != BLANK:
            return kinds[number - 1] != ITEM
    return False


def check(ctx):
    doc = ctx.doc
    for index, item in enumerate(doc.items):
        if not _is_empty(doc, index):
            continue
        line_end = doc.line_ends[item.line - 1]
        what = (
            f"empty task item '{item.marker} {item.checkbox}'" if item.checkbox else f"empty list item '{item.marker}'"
        )
        fix = _empty_items.removal(ctx, index)
        yield Diagnostic(item.marker_start, line_end, what, fix=fix)
