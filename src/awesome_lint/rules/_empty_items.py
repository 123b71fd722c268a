"""The safe removal of empty list items, shared by empty-item and awesome-list-item.

Removing a line can change how the lines around it parse, so a removal is offered only where the
neighbours stay as they are. Nested empty items are removed as one block from their outermost empty
item (removing them level by level took a pass per level, and removing siblings one by one could leave
an empty item whose first line is blank, which ends it: the items below it would move out of it).

Every removal is decided once per lint pass for the whole document (``ctx.shared``), in linear time:
a list of 10,000 nested empty items must not cost 10,000 scans of its subtree.
"""

from __future__ import annotations

from itertools import accumulate

from ..blocks import BLANK, HEADING, ITEM, TABLE, TEXT
from ..diagnostics import CHANGES_REMOVES_EMPTY, Edit, Fix


def removal(ctx, index: int) -> Fix | None:
    """The safe fix that removes the empty item ``doc.items[index]`` (with the empty items nested in it), or
    None: when removing it could change the lines around it, or when an enclosing empty item's fix removes it."""
    fixes = ctx.shared.get("empty-item-removals")
    if fixes is None:
        fixes = ctx.shared["empty-item-removals"] = _all_removals(ctx.doc)
    return fixes.get(index)


def _all_removals(doc) -> dict[int, Fix]:
    lines = _Lines(doc)
    fixes: dict[int, Fix] = {}
    covered = [False] * len(doc.items)  # inside an enclosing empty item that is removed
    for index, item in enumerate(doc.items):
        if item.parent is not None and (covered[item.parent] or item.parent in fixes):
            covered[index] = True
            continue
        if lines.empty[index] and not lines.solid_between(item.line, item.end_line):
            fix = _block_removal(lines, item)
            if fix:
                fixes[index] = fix
    return fixes


class _Lines:
    """What the removals ask of the document's lines, computed once."""

    def __init__(self, doc):
        self.doc, self.kinds = doc, doc.blocks.line_kinds
        self.empty = [_empty_on_its_line(doc, item) for item in doc.items]
        self.item_on_line: dict[int, int] = {}  # line -> index of the first item that starts on it
        for index, item in enumerate(doc.items):
            self.item_on_line.setdefault(item.line, index)
        # A line that is neither blank nor an empty item's marker line makes every item around it non-empty.
        self.solid = [
            0 if kind == BLANK or (kind == ITEM and self.empty[self.item_on_line.get(number, -1)]) else 1
            for number, kind in enumerate(self.kinds, start=1)
        ]
        self.solid_before = [0, *accumulate(self.solid)]  # solid_before[n]: solid lines among lines 1..n

    def kind(self, number: int) -> str:
        """The kind of 1-based line ``number``; blank outside the document."""
        return self.kinds[number - 1] if 1 <= number <= len(self.kinds) else BLANK

    def solid_between(self, first: int, last: int) -> int:
        return self.solid_before[last] - self.solid_before[first - 1]

    def ends_a_paragraph(self, number: int) -> bool:
        """Whether line ``number`` may hold an open paragraph (or a table row) that the next line could join."""
        kind = self.kind(number)
        if kind == ITEM:
            return not self.bare(self.item_on_line[number]) if number in self.item_on_line else True
        return kind in (TEXT, TABLE)

    def bare(self, index: int) -> bool:
        """A marker with nothing after it: no paragraph. (To CommonMark, ``- [ ]`` holds a paragraph "[ ]".)"""
        return self.empty[index] and not self.doc.items[index].checkbox

    def interrupts_a_paragraph(self, number: int) -> bool:
        """Whether the item starting on line ``number`` may interrupt a paragraph (CommonMark): it has content
        on its line, and an ordered one starts at 1. An empty "-" there would be a setext underline instead."""
        index = self.item_on_line.get(number)
        if index is None or self.bare(index):
            return False
        item = self.doc.items[index]
        return not item.ordered or item.marker.rstrip(".)").lstrip("0") == "1"


def _empty_on_its_line(doc, item) -> bool:
    """The marker is alone on its line and nothing follows it but a checkbox (``- - x`` holds ``x``)."""
    line_start, line_end = doc.line_starts[item.line - 1], doc.line_ends[item.line - 1]
    alone_on_line = not doc.text[line_start : item.marker_start].strip()
    rest = doc.text[item.content_start : line_end].replace(item.checkbox or "", "", 1)
    return alone_on_line and not rest.strip() and not item.in_quote


def _block_removal(lines: _Lines, item) -> Fix | None:
    """Remove lines ``item.line`` to ``item.end_line``, if the lines around them keep their meaning."""
    doc = lines.doc
    first, last = item.line, item.end_line  # 1-based
    above, below = lines.kind(first - 1), lines.kind(last + 1)
    if lines.ends_a_paragraph(first - 1):
        if below not in (BLANK, ITEM, HEADING):
            return None  # the line below would become a lazy continuation of the paragraph (or table) above
        if below == ITEM and not lines.interrupts_a_paragraph(last + 1):
            return None  # an empty item (or "2.") cannot interrupt the paragraph above: it would join it
    if item.marker == "-" and above == TABLE:
        return None  # "-" under a table row is a setext underline to parsers whose tables end there (mistune)
    following = last + 1  # the next non-blank line, which must not move into the item above
    while following <= len(lines.kinds) and lines.kind(following) == BLANK:
        following += 1
    if following <= len(lines.kinds):
        line = doc.lines[following - 1].expandtabs(4)
        if len(line) - len(line.lstrip(" ")) > item.indent:
            return None  # indented deeper than the empty item, it could become the item above's content
    if item.parent is not None and _opens_empty_parent(lines, item):
        return None
    next_line = doc.line_starts[last] if last < len(doc.lines) else len(doc.text)
    return Fix.safe(Edit(doc.line_starts[first - 1], next_line, ""), changes=frozenset({CHANGES_REMOVES_EMPTY}))


def _opens_empty_parent(lines: _Lines, item) -> bool:
    """Whether the item is the first line of an enclosing item that has nothing on its own line, and what
    would take its place there is a blank line (which ends that item: the items after it would move out)
    or another empty item (which may be removed in the same pass)."""
    parent = lines.doc.items[item.parent]
    if parent.line != item.line - 1 or not lines.empty[item.parent] or parent.end_line <= item.end_line:
        return False
    return not lines.solid[item.end_line] if item.end_line < len(lines.solid) else True
