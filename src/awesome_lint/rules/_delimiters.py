"""What emphasis-marker and strong-marker share: which character (``*`` or ``_``) wraps emphasis and strong text.

remark-lint's ``consistent`` setting (awesome-lint's) takes the file's first use as the style. The fix swaps
the delimiters of one node; it is offered only when the node's delimiters stand alone (not part of a longer
run such as ``***``) and re-parsing its paragraph with the new delimiters gives the same tree, and it is safe
only when the expected character is also the file's most common one.
"""

from __future__ import annotations

from bisect import bisect_right

from .. import phrasing
from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

_NOUNS = {"emphasis": "emphasis", "strong": "strong text"}


def check(ctx, node_type: str, size: int):
    doc = ctx.doc
    text = doc.text
    found = [(node, span) for node, span in _with_spans(ctx, node_type) if text[node.start] in "*_"]
    style = _remark.expected_style(ctx.options.get("style", "consistent"), [(text[n.start], n.start) for n, _ in found])
    if style.expected is None:
        return
    noun = _NOUNS[node_type]
    evidence = f" (the first {noun}, line {doc.line_of(style.first)}, uses it)" if style.first is not None else ""
    for node, span in found:
        actual = text[node.start]
        if actual == style.expected:
            continue
        edits = _swap(ctx, node, span, size, style.expected)
        fix = None
        if edits:
            fix = Fix.safe(*edits) if style.unambiguous else Fix.unsafe(*edits)
        yield Diagnostic(
            node.start,
            node.end,
            f"Unexpected {node_type} marker `{actual}`, expected `{style.expected}`{evidence}",
            fix=fix,
        )


def _with_spans(ctx, node_type: str) -> list[tuple[phrasing.Node, tuple[int, int]]]:
    """(node, its container's span) of each node of the type, in document order: the shared index of nodes
    by type, each placed in its span by offset (the spans do not overlap), rather than a walk of every tree."""
    typed = list(_remark.phrasing_nodes(ctx, node_type))
    if not typed:
        return []
    spans = _remark.phrasing_spans(ctx)
    if any(first[1] > second[0] for first, second in zip(spans, spans[1:], strict=False)):
        return [  # overlapping spans (not seen in practice): walk each one
            (node, span) for span in spans for node in _remark.walk(_remark.nodes(ctx, *span)) if node.type == node_type
        ]
    starts = [start for start, _ in spans]
    return [(node, spans[bisect_right(starts, node.start) - 1]) for node in typed]


def _swap(ctx, node, span, size: int, marker: str) -> tuple[Edit, Edit] | None:
    text = ctx.doc.text
    close = node.end - size
    neighbours = (
        text[node.start - 1 : node.start] + text[node.start + size] + text[close - 1] + text[node.end : node.end + 1]
    )
    if "*" in neighbours or "_" in neighbours:
        return None  # part of a longer run of delimiters
    edits = (Edit(node.start, node.start + size, marker * size), Edit(close, node.end, marker * size))
    start, end = span
    piece = text[start:end]
    for edit in reversed(edits):
        piece = piece[: edit.start - start] + edit.content + piece[edit.end - start :]
    before = _shape(_remark.nodes(ctx, start, end), start)
    after = _shape(phrasing.parse(piece, 0, len(piece), ctx.doc.definitions), 0)
    return edits if before == after else None


def _shape(nodes, offset: int) -> list[tuple[str, int, int]]:
    return [(node.type, node.start - offset, node.end - offset) for node in _remark.walk(nodes) if node.type != "text"]
