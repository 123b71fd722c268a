"""code-block-style: code blocks should be fenced (```` ``` ````), not indented by four spaces.

As remark-lint's rule of the same name, with awesome-lint's setting (``fenced``); ``style`` may also
be ``indented`` or ``consistent`` (the file's first code block sets it). An indented block is easy to
create by accident, cannot name its language, and breaks when the list around it is re-indented.

The fix fences an indented code block that is not inside a list item or block quote.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "code-block-style"
SUMMARY = "an indented code block where fenced code blocks are expected"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"style": "fenced"}

_BACKTICK_RUN = re.compile(r"^ {0,3}(`{3,})", re.MULTILINE)


def _fenced(doc, block) -> Edit | None:
    """The block rewritten with a fence: each line loses its four spaces of indentation."""
    if _remark.innermost_item(doc, block.line) is not None or _remark.in_quote(doc, block.line):
        return None
    lines = doc.lines[block.line - 1 : block.end_line]
    if any(line.strip() and not line.startswith("    ") for line in lines):
        return None  # tabs, or an indent this rewrite does not handle
    body = [line[4:] for line in lines]
    longest = max((len(m.group(1)) for m in _BACKTICK_RUN.finditer("\n".join(body))), default=2)
    fence = "`" * max(3, longest + 1)
    eol = doc.eol
    start, end = doc.line_starts[block.line - 1], doc.line_ends[block.end_line - 1]
    return Edit(start, end, eol.join([fence, *body, fence]))


def check(ctx):
    doc = ctx.doc
    option = ctx.options.get("style", OPTIONS["style"])
    expected = None if option == "consistent" else option
    first = None
    for block in doc.blocks.code_blocks:
        actual = "fenced" if block.fenced else "indented"
        if expected is None:
            expected, first = actual, block.line
            continue
        if actual == expected:
            continue
        edit = _fenced(doc, block) if expected == "fenced" else None
        evidence = f" (the first code block, line {first}, is {expected})" if first else ""
        start = doc.line_starts[block.line - 1] if not block.fenced else _remark.line_content_start(doc, block.line)
        yield Diagnostic(
            start,
            doc.line_ends[block.end_line - 1],
            f"Unexpected {actual} code block, expected {expected} code blocks{evidence}",
            fix=Fix.safe(edit) if edit else None,
        )
