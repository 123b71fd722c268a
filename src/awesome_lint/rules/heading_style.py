"""heading-style: headings should be written in one style, ATX (``## Title``) in awesome lists.

As remark-lint's rule of the same name, with awesome-lint's setting (``atx``); ``style: consistent``
takes the file's first heading as the style instead. A setext heading (``Title`` underlined with
``===`` or ``---``) and a closed ATX heading (``## Title ##``) are reported. Like remark, a heading
with three or more spaces after its text counts as closed, and a level 3 heading or deeper gives no
evidence of its style under ``consistent``.

The fix rewrites a one-line setext heading as ATX, and drops the closing hashes (and trailing spaces)
of a closed ATX heading.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "heading-style"
SUMMARY = "a setext or closed ATX heading where ATX headings are expected"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"style": "atx"}

_NAMES = {"atx": "ATX", "atx-closed": "ATX (closed)", "setext": "setext"}


def style_of(doc, heading, relative: str | None) -> str | None:
    """mdast-util-heading-style: the style a heading is written in, by its positions."""
    if heading.setext:
        return "setext"
    line_start = doc.line_starts[heading.line - 1]
    end_column = doc.line_ends[heading.line - 1] - line_start + 1
    if heading.start >= heading.end:  # no content: "##" or "## ##"
        return _consolidate(heading.level, relative) if end_column - 1 <= heading.level * 2 else "atx-closed"
    if heading.end - line_start + 1 + heading.level < end_column:
        return "atx-closed"
    return _consolidate(heading.level, relative)


def _consolidate(level: int, relative: str | None) -> str | None:
    if level < 3:
        return "atx"
    return relative if relative in ("atx", "setext") else None


def _fix(doc, heading, style: str, expected: str) -> Edit | None:
    if expected != "atx":
        return None
    if style == "setext":
        text = heading.text
        if heading.end_line != heading.line + 1 or not text or text.endswith("#"):
            return None
        return Edit(heading.start, doc.line_ends[heading.end_line - 1], "#" * heading.level + " " + text)
    if style == "atx-closed" and heading.start < heading.end:
        return Edit(heading.end, doc.line_ends[heading.line - 1], "")
    return None


def check(ctx):
    doc = ctx.doc
    option = ctx.options.get("style", OPTIONS["style"])
    expected = None if option == "consistent" else option
    first = None
    for heading in doc.headings:
        style = style_of(doc, heading, expected)
        if style is None:
            continue
        if expected is None:
            expected, first = style, heading.line
            continue
        if style == expected:
            continue
        evidence = f" (the first heading, line {first}, uses it)" if first else ""
        edit = _fix(doc, heading, style, expected)
        yield Diagnostic(
            _remark.heading_start(doc, heading),
            doc.line_ends[heading.end_line - 1],
            f"Unexpected {_NAMES[style]} heading, expected {_NAMES[expected]}{evidence}",
            fix=Fix.safe(edit) if edit else None,
        )
