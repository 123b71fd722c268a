"""unordered-list-marker-style: bullet list items should all use the same marker (-, * or +).

As remark-lint's rule of the same name with the ``consistent`` option (awesome-lint's setting): the
first bullet item of the file sets the style, and every bullet item with another marker is reported.
The fix replaces the marker; it is safe because -, * and + mean the same thing, except that a list
that changes its marker right after another list would merge with it, so such items are not fixed.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix

ID = "unordered-list-marker-style"
SUMMARY = "a bullet list item whose marker differs from the file's first bullet item"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"style": "consistent"}


def _merges_with_neighbour(doc, index: int) -> bool:
    """Whether changing this item's marker could join its list to an adjacent list (CommonMark splits lists on a
    marker change, so two lists that differ only by marker would become one)."""
    item = doc.items[index]
    for other_index in (index - 1, index + 1):
        if not 0 <= other_index < len(doc.items):
            continue
        other = doc.items[other_index]
        if other.parent != item.parent or other.indent != item.indent or other.marker == item.marker:
            continue
        first, second = (other, item) if other_index < index else (item, other)
        if not any(line.strip() for line in doc.lines[first.end_line : second.line - 1]):
            return True  # nothing but blank lines between them
    return False


def check(ctx):
    doc = ctx.doc
    expected = ctx.options.get("style", "consistent")
    if expected not in ("-", "*", "+"):
        expected = None
    first_line = None
    for index, item in enumerate(doc.items):
        if item.ordered:
            continue
        if expected is None:
            expected, first_line = item.marker, item.line
            continue
        if item.marker == expected:
            continue
        evidence = f" (the first bullet, line {first_line}, uses it)" if first_line else ""
        fix = None
        if not _merges_with_neighbour(doc, index):
            fix = Fix.safe(Edit(item.marker_start, item.marker_start + 1, expected))
        yield Diagnostic(
            item.marker_start,
            item.marker_start + 1,
            f"Unexpected unordered list marker `{item.marker}`, expected `{expected}`{evidence}",
            fix=fix,
        )
