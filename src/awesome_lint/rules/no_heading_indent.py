"""no-heading-indent: a heading at the top level should start at the beginning of its line.

As remark-lint's rule of the same name (only headings outside list items and block quotes):
``  ## Tools`` renders like ``## Tools``, and the stray indent hides it when scanning the source.
The fix removes the indent.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark
from ._remark import plural

ID = "no-heading-indent"
SUMMARY = "spaces before a top-level heading"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    doc = ctx.doc
    for heading in doc.headings:
        if _remark.innermost_item(doc, heading.line) is not None or _remark.in_quote(doc, heading.line):
            continue
        line_start = doc.line_starts[heading.line - 1]
        start = _remark.heading_start(doc, heading)
        actual = start - line_start
        if not actual:
            continue
        indent = doc.text[line_start:start]
        yield Diagnostic(
            line_start,
            start,
            f"Unexpected `{actual}` {plural(actual, 'space')} before heading, expected `0` spaces, "
            f"remove `{actual}` {plural(actual, 'space')}",
            fix=Fix.safe(Edit(line_start, start, "")) if not indent.strip(" ") else None,
        )
