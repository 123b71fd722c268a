"""code-block-style: code blocks should be fenced (```` ``` ````), not indented by four spaces.

As remark-lint's rule of the same name, with awesome-lint's setting (``fenced``); ``style`` may also
be ``indented`` or ``consistent`` (the file's first code block sets it). An indented block is easy to
create by accident, cannot name its language, and breaks when the list around it is re-indented.

The fix fences an indented code block that is not inside a list item or block quote, nor right under
a non-blank line (an item's, a table row's), nor before an indented block: mistune, which the fixer's
check reads, misreads those lines while the block is indented and reads them right once it is fenced,
which would look like a change.
"""

from __future__ import annotations

import re

from ..blocks import BLANK
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
    if _under_a_line(doc, block.line) or _before_an_indented_block(doc, block.end_line):
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


def _under_a_line(doc, line: int) -> bool:
    """Whether the block starts right under a non-blank line. Indented code cannot interrupt a paragraph, so
    that line ends some other block, which mistune, which the fixer's verification reads, may read as a
    paragraph going on into the block: an empty item ("   -" then "    code") or a table row ("| " then
    "    - [a](b)"). It takes half the block as text, and the fence would look like it lost its links."""
    return line > 1 and doc.blocks.line_kinds[line - 2] != BLANK


def _before_an_indented_block(doc, end_line: int) -> bool:
    """Whether the next non-blank line after the block is indented (by one to three spaces): after an
    indented code block mistune reads such a block as a paragraph ("  # h" is text, "  -" then "        - [a](b)"
    a link), so a fence, after which it reads it right, would look like a heading or a link changed."""
    for line in doc.lines[end_line:]:
        if line.strip():
            return line[:1] in (" ", "\t")
    return False


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
