"""no-unused-definitions: a link reference definition that no reference uses.

As remark-lint's rule of the same name: ``[old-site]: https://…`` with no ``[text][old-site]``,
``[old-site][]`` or ``[old-site]`` left in the text is dead weight, often a link removed in an edit.
Footnote definitions (``[^1]: …``) are checked against ``[^1]`` the same way. The unsafe fix deletes
the definition's line, and the lines of the earlier definitions of the same label, unused too; not
when ``[label]`` is still written elsewhere (in code, say), which another reader may take for a use.
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


def _line_span(doc, line: int) -> tuple[int, int]:
    """The span that deletes a line with one line ending: its own, or the one before the last line."""
    if line < len(doc.lines):
        return doc.line_starts[line - 1], doc.line_starts[line]
    if doc.line_ends[line - 1] < len(doc.text):  # the last line, with its own line ending
        return doc.line_starts[line - 1], len(doc.text)
    start = doc.line_ends[line - 2] if line > 1 else 0  # the last line: take the line ending before it
    return start, doc.line_ends[line - 1]


def _delete_lines(doc, lines: list[int]) -> Fix:
    """One fix deleting every line, spans that touch merged (edits may not overlap)."""
    spans: list[list[int]] = []
    for start, end in sorted(_line_span(doc, line) for line in set(lines)):
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    return Fix.unsafe(*(Edit(start, end, "") for start, end in spans))


def _label_written_elsewhere(doc, definitions) -> bool:
    """Whether ``[label]`` is still written outside the definitions (in code, HTML, text a reference cannot
    be): no reference to CommonMark, but another reader may take it for one (mistune, which the fixer's
    check reads, does after an indented code block), and deleting the target is then not clearly safe."""
    label = r"[ \t\r\n]+".join(re.escape(word) for word in definitions[0].label.split())
    pattern = re.compile(r"\[" + label + r"\]", re.IGNORECASE)
    spans = [(each.start, each.end) for each in definitions]
    return any(not any(start <= match.start() < end for start, end in spans) for match in pattern.finditer(doc.text))


def check(ctx):
    doc = ctx.doc
    used = _used_identifiers(ctx)
    by_identifier: dict[str, list] = {}
    for definition in _remark.link_definitions(doc):
        by_identifier.setdefault(_remark.normalize_identifier(definition.label), []).append(definition)
    found = []
    for identifier, definitions in by_identifier.items():
        if identifier not in used:
            # Reported on the last one, as remark does; the fix deletes them all, or each pass would
            # uncover the one before.
            last, fix = definitions[-1], _delete_lines(doc, [each.line for each in definitions])
            if _label_written_elsewhere(doc, definitions):
                fix = None
            found.append((last.start, last.end, "", identifier.lower(), fix))
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
