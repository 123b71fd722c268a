"""What no-unneeded-full-reference-link and -image share: ``[text][label]`` where ``[text][]`` would do."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark


def check(ctx, node_type: str, example: str, collapsed: str, noun: str):
    text = ctx.doc.text
    for node in _remark.phrasing_nodes(ctx, node_type):
        kind, label, label_at = _remark.reference_parts(text, node)
        if kind != "full":
            continue
        if _remark.normalize_identifier(label) != _remark.reference_identifier(text, node):
            continue
        yield Diagnostic(
            node.start,
            node.end,
            f"Unexpected full reference {noun} (`{example}`) where the identifier can be inferred from the text, "
            f"expected collapsed reference (`{collapsed}`)",
            fix=Fix.safe(Edit(label_at, node.end, "[]")),
        )
