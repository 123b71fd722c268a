"""awesome-badge: the main heading should carry the Awesome badge.

As awesome-lint's rule of the same name: when the file starts with a level-1 heading, it must hold a
link to https://awesome.re (or https://github.com/sindresorhus/awesome) around the badge image
https://awesome.re/badge.svg (or badge-flat.svg, badge-flat2.svg).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from . import _remark

ID = "awesome-badge"
SUMMARY = "the main heading has no Awesome badge, or a badge with another image"
SEVERITY = "error"
FIX = None
OPTIONS: dict = {}

BADGE_LINKS = frozenset({"https://awesome.re", "https://github.com/sindresorhus/awesome"})
BADGE_IMAGES = frozenset(
    {"https://awesome.re/badge.svg", "https://awesome.re/badge-flat.svg", "https://awesome.re/badge-flat2.svg"}
)


def first_block_heading(ctx):
    """The heading that is the document's first block, or None."""
    doc = ctx.doc
    first = next((number for number, line in enumerate(doc.lines, 1) if line.strip()), None)
    if first is None or not doc.headings or doc.headings[0].line != first:
        return None
    return doc.headings[0]


def check(ctx):
    heading = first_block_heading(ctx)
    if heading is None:
        return
    has_badge = False
    for node in _remark.heading_nodes(ctx, heading):
        if heading.level != 1 or node.type != "link" or node.url not in BADGE_LINKS:
            continue
        for child in node.children:
            if child.type == "image":
                if child.url not in BADGE_IMAGES:
                    yield Diagnostic(child.start, child.end, f"Invalid badge source {child.url}")
                    return
                has_badge = True
    if not has_badge:
        line_start = ctx.doc.line_starts[heading.line - 1]
        yield Diagnostic(
            line_start, ctx.doc.line_ends[heading.line - 1], "Missing Awesome badge next to the main heading"
        )
