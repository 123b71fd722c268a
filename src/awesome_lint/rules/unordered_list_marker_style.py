"""unordered-list-marker-style: bullet list items should all use the same marker (-, * or +).

As remark-lint's rule of the same name with the ``consistent`` option (awesome-lint's setting): the
first bullet item of the file sets the style, and every bullet item with another marker is reported.
The fix replaces the marker; it is safe because -, * and + mean the same thing, except that a list
that changes its marker right after another list would merge with it, so such items are not fixed.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "unordered-list-marker-style"
SUMMARY = "a bullet list item whose marker differs from the file's first bullet item"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"style": "consistent"}


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
        if not _remark.merges_with_neighbour(doc, index, expected):
            fix = Fix.safe(Edit(item.marker_start, item.marker_start + 1, expected))
        yield Diagnostic(
            item.marker_start,
            item.marker_start + 1,
            f"Unexpected unordered list marker `{item.marker}`, expected `{expected}`{evidence}",
            fix=fix,
        )
