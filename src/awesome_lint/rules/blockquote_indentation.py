"""blockquote-indentation: one space between a block quote's ``>`` and its content.

As remark-lint's rule of the same name, with awesome-lint's setting (content two columns after the
``>``, that is ``> text``). ``>text`` and ``>   text`` render like ``> text``. The fix rewrites the
space after the marker.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark
from ._remark import plural

ID = "blockquote-indentation"
SUMMARY = "no space, or more than one, between a block quote's > and its content"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"indent": 2}


def _quote_starts(doc):
    """(offset of the marker, offset of the first content after it) of each block quote, in order."""
    for quote in _remark.quote_lines(doc):
        if quote.lazy:
            continue
        line_end = doc.line_ends[quote.line - 1]
        for marker in quote.markers[quote.depth :]:
            content = marker + 1
            while content < line_end and doc.text[content] in " \t":
                content += 1
            if content < line_end:
                yield marker, content


def check(ctx):
    doc = ctx.doc
    option = ctx.options.get("indent", OPTIONS["indent"])
    expected = None if option == "consistent" else int(option)
    for marker, content in _quote_starts(doc):
        actual = content - marker
        if expected is None:
            expected = actual
            continue
        difference = expected - actual
        if not difference:
            continue
        gap = doc.text[marker + 1 : content]
        fix = None
        if "\t" not in gap and len(gap) < 5 and expected >= 1:
            fix = Fix.safe(Edit(marker + 1, content, " " * (expected - 1)))
        verb = "add" if difference > 0 else "remove"
        yield Diagnostic(
            marker,
            content,
            f"Unexpected `{actual}` {plural(actual, 'space')} between block quote marker and content, expected "
            f"`{expected}` {plural(expected, 'space')}, {verb} `{abs(difference)}` {plural(abs(difference), 'space')}",
            fix=fix,
        )
