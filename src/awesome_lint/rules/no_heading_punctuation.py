"""no-heading-punctuation: a heading that ends with punctuation, such as ``## Tools:``.

As remark-lint's rule of the same name (its default marks ``.,;:!?``): a heading is a title, not a
sentence.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..phrasing import to_string
from . import _remark

ID = "no-heading-punctuation"
SUMMARY = "a heading that ends with . , ; : ! or ?"
SEVERITY = "warning"
FIX = None
OPTIONS = {"marks": ".,;:!?"}


def check(ctx):
    marks = ctx.options.get("marks", OPTIONS["marks"])
    for heading in ctx.doc.headings:
        text = to_string(_remark.heading_nodes(ctx, heading))
        if text and text[-1] in marks:
            yield Diagnostic(
                heading.start, heading.end, f"Unexpected character `{text[-1]}` at end of heading, remove it"
            )
