"""list-item-indent: one space between a list item's marker and its content.

As remark-lint's rule with the ``one`` option (awesome-lint's setting). ``-   Item`` renders the same
as ``- Item`` but makes the list harder to edit consistently. The fix replaces the spaces with one,
and is offered only for an item on a single line with nothing nested under it, where the item's
content indent cannot change the meaning of the lines below.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix

ID = "list-item-indent"
SUMMARY = "more or less than one space between a list item's marker and its content"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def _plural(count: int) -> str:
    return "space" if count == 1 else "spaces"


def check(ctx):
    doc = ctx.doc
    text = doc.text
    for item in doc.items:
        marker_end = item.marker_start + len(item.marker)
        if item.content_start >= item.text_end or item.content_start <= marker_end:
            continue  # an empty item, or content glued to the marker (not a list item then)
        gap = text[marker_end : item.content_start]
        if "\n" in gap or "\r" in gap:
            continue  # the content starts on the next line
        actual = len(gap)
        if actual == 1:
            continue
        difference = 1 - actual
        verb = "add" if difference > 0 else "remove"
        fix = None
        if item.end_line == item.line and "\t" not in gap:
            fix = Fix.safe(Edit(marker_end, item.content_start, " "))
        yield Diagnostic(
            marker_end,
            item.content_start,
            f"Unexpected `{actual}` {_plural(actual)} between list item marker and content, expected `1` space, "
            f"{verb} `{abs(difference)}` {_plural(abs(difference))}",
            fix=fix,
        )
