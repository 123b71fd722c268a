"""no-emphasis-as-heading: a paragraph that is only bold or italic text, followed by more text, used as a heading.

As remark-lint's rule of the same name. ``**Tools**`` on a line of its own above a paragraph looks
like a heading but is not one: it gets no anchor, is not in the outline, and a table of contents cannot
link to it. Use ``### Tools`` instead.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from . import _remark

ID = "no-emphasis-as-heading"
SUMMARY = "a paragraph of only bold or italic text, followed by another paragraph, used as a heading"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}


def _next_nonblank(doc, line: int) -> int | None:
    for number in range(line + 1, len(doc.lines) + 1):
        if doc.lines[number - 1].strip():
            return number
    return None


def _sibling(doc, paragraph, following) -> bool:
    """Whether ``following`` is the next sibling of ``paragraph`` in the same container."""
    if following.item is not None:
        return False
    if paragraph.item is not None:
        return following.line <= doc.items[paragraph.item].end_line
    if paragraph.top_level:
        return following.top_level
    return not following.top_level and _container(doc, paragraph.line) == _container(doc, following.line)


def _container(doc, line: int):
    inside = [index for index, item in enumerate(doc.items) if item.line <= line <= item.end_line]
    return inside[-1] if inside else None


def check(ctx):
    doc = ctx.doc
    paragraphs = _remark.paragraphs(ctx)
    by_line = {paragraph.line: paragraph for paragraph in paragraphs}
    for paragraph in paragraphs:
        nodes = _remark.nodes(ctx, paragraph.start, paragraph.end)
        if len(nodes) != 1 or nodes[0].type not in ("emphasis", "strong"):
            continue
        line = _next_nonblank(doc, paragraph.end_line)
        following = by_line.get(line) if line else None
        if following is None or not _sibling(doc, paragraph, following):
            continue
        kind = nodes[0].type
        yield Diagnostic(
            paragraph.start,
            paragraph.end,
            f"Unexpected {kind} introducing a section, expected a heading instead "
            f"(the paragraph on line {following.line} follows it)",
        )
