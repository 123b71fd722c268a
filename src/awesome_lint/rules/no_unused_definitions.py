"""no-unused-definitions: a link reference definition that no reference uses.

As remark-lint's rule of the same name: ``[old-site]: https://…`` with no ``[text][old-site]``,
``[old-site][]`` or ``[old-site]`` left in the text is dead weight, often a link removed in an edit.
Footnote definitions (``[^1]: …``) are checked against ``[^1]`` the same way. The unsafe fix deletes
the definition's line.
"""

from __future__ import annotations

import re

from ..blocks import QUOTE
from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "no-unused-definitions"
SUMMARY = "a link or footnote definition that nothing refers to"
SEVERITY = "warning"
FIX = "unsafe"
OPTIONS: dict = {}


def _used_identifiers(ctx) -> set[str]:
    text = ctx.doc.text
    used = {
        _remark.reference_identifier(text, node)
        for node in _remark.phrasing_nodes(ctx, "linkReference", "imageReference")
    }
    return used | _quoted_labels(ctx.doc)


_BRACKETED = re.compile(r"\[([^\[\]]+)\]")


def _quoted_labels(doc) -> set[str]:
    """Every ``[label]`` on a block quote's lines: the phrasing nodes leave block quotes out, and a definition
    used only there is not unused (its unsafe fix would delete the link's target)."""
    return {
        _remark.normalize_identifier(match.group(1))
        for number, kind in enumerate(doc.blocks.line_kinds, start=1)
        if kind == QUOTE
        for match in _BRACKETED.finditer(doc.lines[number - 1])
    }


def _footnote_used(ctx, footnote) -> bool:
    pattern = re.compile(r"\[\^" + re.escape(footnote.label) + r"\]", re.IGNORECASE)
    text = ctx.doc.text
    for node in _remark.phrasing_nodes(ctx, "text", "linkReference"):
        for match in pattern.finditer(text, node.start, node.end):
            if match.start() != footnote.start:
                return True
    return False


def _delete_line(doc, line: int) -> Fix:
    if line < len(doc.lines):
        return Fix.unsafe(Edit(doc.line_starts[line - 1], doc.line_starts[line], ""))
    if doc.line_ends[line - 1] < len(doc.text):  # the last line, with its own line ending
        return Fix.unsafe(Edit(doc.line_starts[line - 1], len(doc.text), ""))
    start = doc.line_ends[line - 2] if line > 1 else 0  # the last line: take the line ending before it
    return Fix.unsafe(Edit(start, doc.line_ends[line - 1], ""))


def check(ctx):
    doc = ctx.doc
    used = _used_identifiers(ctx)
    last_by_identifier = {}
    for definition in _remark.link_definitions(doc):
        last_by_identifier[_remark.normalize_identifier(definition.label)] = definition
    found = []
    for identifier, definition in last_by_identifier.items():
        if identifier not in used:
            found.append((definition.start, definition.end, "", identifier.lower(), _delete_line(doc, definition.line)))
    for footnote in _remark.footnote_definitions(ctx):
        if not _footnote_used(ctx, footnote):
            found.append((footnote.start, footnote.end, "footnote ", footnote.label.lower(), None))
    for start, end, kind, identifier, fix in sorted(found, key=lambda entry: entry[0]):
        yield Diagnostic(
            start,
            end,
            f"Unexpected unused {kind}definition, expected no definition or one or more {kind}references to "
            f"`{identifier}`",
            fix=fix,
        )
