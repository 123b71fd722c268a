"""no-blockquote-without-marker: every line of a quoted paragraph should start with ``>``.

As remark-lint's rule of the same name. A line without the marker still belongs to the quote (a
"lazy" continuation line), which is easy to misread and breaks when the text is edited. The fix adds
the missing markers at the start of the line.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark
from ._remark import plural

ID = "no-blockquote-without-marker"
SUMMARY = "a line of a quoted paragraph without its > marker"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    doc = ctx.doc
    for quote in _remark.quote_lines(doc):
        if not quote.lazy:
            continue
        actual, expected = len(quote.markers), quote.depth
        difference = expected - actual
        at = _remark.line_content_start(doc, quote.line)
        line_start = doc.line_starts[quote.line - 1]
        yield Diagnostic(
            at,
            at,
            f"Unexpected `{actual}` block quote {plural(actual, 'marker')} before paragraph line, expected "
            f"`{expected}` {plural(expected, 'marker')}, add `{difference}` {plural(difference, 'marker')}",
            fix=Fix.safe(Edit(line_start, line_start, "> " * difference)),
        )
