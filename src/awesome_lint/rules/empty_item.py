"""empty-item: a list item with nothing in it, such as ``- `` or ``- [ ] ``.

An empty item renders as a stray bullet (or an empty checkbox). It is usually a placeholder someone
forgot. The fix removes the item's line, and with it the empty items nested in it (in one piece, from the
outermost); an item with anything else nested under it is reported but not removed.

A double marker (``* * [Name](url)``: an item holding nothing but another item on its line) renders as a
bullet inside a bullet. Written once or twice it is a slip, reported without a fix; a list that writes it
on purpose (``* - [ ] task``, at least ``double-marker-style`` times) is left alone.
"""

from __future__ import annotations

from ..blocks import BLANK, ITEM
from ..diagnostics import Diagnostic
from . import _empty_items

ID = "empty-item"
SUMMARY = "a list item with nothing after its marker (or its checkbox)"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {"double-marker-style": 3}  # this many double markers make them the list's style


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
    own = doc.text[item.content_start : doc.line_ends[item.line - 1]].replace(item.checkbox or "", "", 1)
    if own.strip():
        return not _nested_on_line(doc, index)
    kinds = doc.blocks.line_kinds
    for number in range(item.line + 1, item.end_line + 1):
        if kinds[number - 1] != BLANK:
            return kinds[number - 1] != ITEM
    return False


def _nested_on_line(doc, index: int) -> bool:
    return index + 1 < len(doc.items) and doc.items[index + 1].line == doc.items[index].line


def check(ctx):
    doc = ctx.doc
    empty = [index for index in range(len(doc.items)) if _is_empty(doc, index)]
    # Double markers (``* * [Name](url)``): empty items whose line holds a nested item with something in it.
    empty_set = set(empty)
    doubles = {index for index in empty if _nested_on_line(doc, index) and index + 1 not in empty_set}
    list_style = len(doubles) >= ctx.options.get("double-marker-style", 3)  # the list writes them on purpose
    for index in empty:
        if index in doubles and list_style:
            continue
        item = doc.items[index]
        line_end = doc.line_ends[item.line - 1]
        if index in doubles:
            nested = doc.items[index + 1]
            pair = f"{item.marker} {nested.marker}"
            what = f"list item '{item.marker}' holds only another item on its line ('{pair}'): a bullet inside a bullet"
            yield Diagnostic(item.marker_start, line_end, what)
            continue
        what = (
            f"empty task item '{item.marker} {item.checkbox}'" if item.checkbox else f"empty list item '{item.marker}'"
        )
        fix = _empty_items.removal(ctx, index)
        yield Diagnostic(item.marker_start, line_end, what, fix=fix)
