"""no-blockquote-without-marker: every line of a quoted paragraph should start with ``>``.

As remark-lint's rule of the same name. A line without the marker still belongs to the quote (a
"lazy" continuation line), which is easy to misread and breaks when the text is edited. The fix adds
the missing markers where the quote's markers stand. It is offered only when the line, once inside the
quote, still continues the paragraph: a line whose text would start a block there (a list item, a
heading, a fence, an HTML block, a thematic break or setext underline, a table row) is lazy precisely
because it is outside, and the markers would change what it is; so is a line in a list item that does
not line up with the quote.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark
from ._remark import plural

ID = "no-blockquote-without-marker"
SUMMARY = "a line of a quoted paragraph without its > marker"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}

# What a line's text can start with, inside the quote, that makes it something other than paragraph text:
# an ATX heading, a fence, a list item (any, empty or not), a thematic break or setext underline, a table's
# delimiter row (a row with pipes is ruled out apart), or a nested quote.
_BLOCK_START = re.compile(
    r"""\#{1,6}(?:[ \t]|$)
    | `{3,} | ~{3,}
    | [-+*](?:[ \t]|$) | [0-9]{1,9}[.)](?:[ \t]|$)
    | (?:[-*_][ \t]*){3,}$ | =+[ \t]*$ | -+[ \t]*$
    | [-:][-: \t]*$
    | >""",
    re.VERBOSE,
)
# An autolink is inline text; any other "<" might open an HTML block, which interrupts a paragraph.
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[\w.-]+)>")


def check(ctx):
    doc = ctx.doc
    marked = None  # the last line written with the quote's markers
    for quote in _remark.quote_lines(doc):
        if not quote.lazy:
            marked = quote
            continue
        actual, expected = len(quote.markers), quote.depth
        difference = expected - actual
        at = _remark.line_content_start(doc, quote.line)
        insert_at = _insertion_point(doc, quote, marked)
        fix = None
        if insert_at is not None and _still_continues(doc, quote, insert_at, "> " * difference):
            fix = Fix.safe(Edit(insert_at, insert_at, "> " * difference))
        yield Diagnostic(
            at,
            at,
            f"Unexpected `{actual}` block quote {plural(actual, 'marker')} before paragraph line, expected "
            f"`{expected}` {plural(expected, 'marker')}, add `{difference}` {plural(difference, 'marker')}",
            fix=fix,
        )


def _insertion_point(doc, quote, marked) -> int | None:
    """Where the missing markers go: the line's start, or in a list item the column of the quote's first
    marker (a marker at the line's start would close the item); None when the line does not reach it."""
    line_start = doc.line_starts[quote.line - 1]
    in_item = _remark.innermost_item(doc, quote.line) is not None
    if marked is not None and _remark.innermost_item(doc, marked.line) is not None:
        in_item = True
    if not in_item:
        return line_start
    if marked is None or not marked.markers:
        return None
    indent = doc.text[doc.line_starts[marked.line - 1] : marked.markers[0]]
    if indent.strip(" ") or not doc.lines[quote.line - 1].startswith(indent):
        return None  # tabs, or a line less indented than the quote: no column to put the markers at
    if quote.markers and quote.markers[0] < line_start + len(indent):
        return None
    return line_start + len(indent)


def _still_continues(doc, quote, insert_at: int, markers: str) -> bool:
    """Whether the line, with ``markers`` inserted at ``insert_at``, is still paragraph text in the quote."""
    line_start = doc.line_starts[quote.line - 1]
    line = doc.lines[quote.line - 1]
    cut = insert_at - line_start
    # Tab stops are columns of the whole line, so expanding tabs gives the columns the parser sees.
    fixed = (line[:cut] + markers + line[cut:]).expandtabs(4)
    rest = fixed[cut:]
    for _ in range(quote.depth):
        stripped = rest.lstrip(" ")
        if len(rest) - len(stripped) > 3 or not stripped.startswith(">"):
            return False
        rest = stripped[1:]
        rest = rest[1:] if rest.startswith(" ") else rest
    content = rest.lstrip(" ")
    if len(rest) - len(content) >= 4:
        return True  # indented code cannot interrupt a paragraph: still its text
    if "|" in content or _BLOCK_START.match(content):
        return False
    return not content.startswith("<") or bool(_AUTOLINK.match(content))
