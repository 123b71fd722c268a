"""hard-break-spaces: a hard line break should be two trailing spaces, not more.

As remark-lint's rule of the same name (awesome-lint's setting). Trailing spaces before a line
ending inside a paragraph make a ``<br>``; two do it, more are invisible noise. The fix keeps two.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "hard-break-spaces"
SUMMARY = "a hard line break made of more than two trailing spaces"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    text = ctx.doc.text
    for node in _remark.phrasing_nodes(ctx, "break"):
        end = node.start
        while end < len(text) and text[end] == " ":
            end += 1
        spaces = end - node.start
        if spaces > 2:
            yield Diagnostic(
                node.start,
                end,
                f"Unexpected `{spaces}` spaces for hard break, expected `2` spaces",
                fix=Fix.safe(Edit(node.start, end, "  ")),
            )
