"""list-item-bullet-indent: a top-level list item's marker should start at the beginning of its line.

As remark-lint's rule of the same name: ``  - Item`` at the top level renders as ``- Item``, and the
stray indent makes the nesting of the source hard to read.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic

ID = "list-item-bullet-indent"
SUMMARY = "spaces before the marker of a top-level list item"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    doc = ctx.doc
    for item in doc.items:
        if item.depth != 0 or item.in_quote or item.indent == 0:
            continue
        line_start = doc.line_starts[item.line - 1]
        spaces = item.indent
        noun = "space" if spaces == 1 else "spaces"
        yield Diagnostic(
            line_start,
            item.marker_start,
            f"Unexpected `{spaces}` {noun} before list item, expected `0` spaces, remove them",
        )
