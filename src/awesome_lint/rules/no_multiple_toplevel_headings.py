"""no-multiple-toplevel-headings: a list should have one top-level heading, its title.

As remark-lint's rule of the same name (awesome-lint's setting, rank 1): every ``# Heading`` after
the first, and every HTML block or inline HTML whose first heading tag is ``<h1``, is reported.
Use ``##`` for sections.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic
from . import _remark

ID = "no-multiple-toplevel-headings"
SUMMARY = "a second top-level (# or <h1>) heading"
SEVERITY = "warning"
FIX = None
OPTIONS = {"rank": 1}

_HTML_HEADING = re.compile(r"<h([1-6])")


def check(ctx):
    doc = ctx.doc
    rank = int(ctx.options.get("rank", OPTIONS["rank"]))
    found = [(_remark.heading_start(doc, h), doc.line_ends[h.end_line - 1]) for h in doc.headings if h.level == rank]
    for html in _remark.html_nodes(ctx):
        match = _HTML_HEADING.search(html.value)
        if match and int(match.group(1)) == rank:
            found.append((html.start, html.end))
    found.sort()
    if len(found) < 2:
        return
    first_line = doc.line_of(found[0][0])
    for start, end in found[1:]:
        yield Diagnostic(
            start,
            end,
            f"Unexpected duplicate toplevel heading, expected a single heading with rank `{rank}` "
            f"(the first is on line {first_line})",
        )
