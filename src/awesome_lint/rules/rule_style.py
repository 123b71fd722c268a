"""rule-style: thematic breaks (horizontal rules) should be written one way, ``---`` in awesome lists.

As remark-lint's rule of the same name, with awesome-lint's setting (``---``); ``style: consistent``
takes the file's first thematic break as the style instead. The whole line is compared as written,
so ``--- `` with a trailing space or ``- - -`` differ from ``---``.

The fix rewrites the break as expected. It is not offered right under a paragraph line, where ``---``
would turn the paragraph into a heading, nor, under ``consistent``, when the file's first style is not
also its most common one (then there are two candidates).
"""

from __future__ import annotations

from ..blocks import ITEM, QUOTE, RULE, TABLE, TEXT
from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "rule-style"
SUMMARY = "a thematic break (horizontal rule) not written as ---"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"style": "---"}


def _breaks(doc) -> list[tuple[str, int, int]]:
    """(as written, start, end) of every thematic break."""
    found = []
    for number, kind in enumerate(doc.blocks.line_kinds, start=1):
        if kind == RULE:
            start, end = _remark.line_content_start(doc, number), doc.line_ends[number - 1]
            found.append((doc.text[start:end], start, end))
    return found


def _under_paragraph(doc, line: int) -> bool:
    """Whether the line above may be paragraph text, which ``---`` would underline into a heading."""
    return line > 1 and doc.blocks.line_kinds[line - 2] in (TEXT, QUOTE, ITEM, TABLE)


def check(ctx):
    doc = ctx.doc
    breaks = _breaks(doc)
    style = _remark.expected_style(ctx.options.get("style", OPTIONS["style"]), [(b[0], b[1]) for b in breaks])
    if style.expected is None:
        return
    evidence = (
        f" (the first thematic break, line {doc.line_of(style.first)}, uses it)" if style.first is not None else ""
    )
    for actual, start, end in breaks:
        if actual == style.expected:
            continue
        fix = None
        if not _under_paragraph(doc, doc.line_of(start)):
            edit = Edit(start, end, style.expected)
            fix = Fix.safe(edit) if style.unambiguous else Fix.unsafe(edit)
        yield Diagnostic(
            start, end, f"Unexpected thematic rule `{actual}`, expected `{style.expected}`{evidence}", fix=fix
        )
