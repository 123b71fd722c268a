"""ordered-list-marker-style: numbered items should all use the same delimiter, ``1.`` or ``1)``.

As remark-lint's rule of the same name, with awesome-lint's setting (``consistent``: the file's
first numbered item sets it); ``style: "."`` or ``style: ")"`` pins it. The fix replaces the
delimiter; it is safe when the first style is also the file's most common one, and is not offered
where the change would merge two adjacent lists.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "ordered-list-marker-style"
SUMMARY = "a numbered list item whose delimiter (. or )) differs from the file's first"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"style": "consistent"}


def check(ctx):
    doc = ctx.doc
    ordered = [(index, item) for index, item in enumerate(doc.items) if item.ordered]
    seen = [(item.marker[-1], item.marker_start + len(item.marker) - 1) for _, item in ordered]
    style = _remark.expected_style(ctx.options.get("style", OPTIONS["style"]), seen)
    if style.expected is None:
        return
    evidence = (
        f" (the first numbered item, line {doc.line_of(style.first)}, uses it)" if style.first is not None else ""
    )
    for (index, _item), (actual, at) in zip(ordered, seen, strict=True):
        if actual == style.expected:
            continue
        fix = None
        if not _remark.merges_with_neighbour(doc, index, style.expected):
            edit = Edit(at, at + 1, style.expected)
            fix = Fix.safe(edit) if style.unambiguous else Fix.unsafe(edit)
        yield Diagnostic(
            at, at + 1, f"Unexpected ordered list marker `{actual}`, expected `{style.expected}`{evidence}", fix=fix
        )
