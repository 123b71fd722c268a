"""no-heading-content-indent: one space between an ATX heading's hashes and its text.

As remark-lint's rule of the same name: ``##   Tools`` renders like ``## Tools``; so does
``## Tools   ##`` like ``## Tools ##``. The fix keeps one space. (awesome-lint does not check the
closing side of a heading that ends the file; this rule does.)
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark
from ._remark import plural

ID = "no-heading-content-indent"
SUMMARY = "more than one space between an ATX heading's hashes and its text"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def _message(size: int, where: str) -> str:
    return (
        f"Unexpected `{size}` {plural(size, 'space')} between {where}, expected `1` space, "
        f"remove `{size - 1}` {plural(size - 1, 'space')}"
    )


def check(ctx):
    doc = ctx.doc
    text = doc.text
    for heading in doc.headings:
        if heading.setext:
            continue
        line_end = doc.line_ends[heading.line - 1]
        start = _remark.heading_start(doc, heading)
        after_hashes = start
        while after_hashes < line_end and text[after_hashes] == "#":
            after_hashes += 1
        content = after_hashes
        while content < line_end and text[content] in " \t":
            content += 1
        if content - after_hashes > 1:
            yield Diagnostic(
                after_hashes,
                content,
                _message(content - after_hashes, "hashes and content"),
                fix=Fix.safe(Edit(after_hashes, content, " ")),
            )
        end = line_end
        while end > content and text[end - 1] in " \t":
            end -= 1
        hashes = end
        while hashes > content and text[hashes - 1] == "#":
            hashes -= 1
        before = hashes
        while before > content and text[before - 1] in " \t":
            before -= 1
        if hashes < end and before > content and hashes - before > 1:
            yield Diagnostic(
                before,
                hashes,
                _message(hashes - before, "content and hashes"),
                fix=Fix.safe(Edit(before, hashes, " ")),
            )
