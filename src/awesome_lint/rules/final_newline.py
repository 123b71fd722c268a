"""final-newline: the file must end with a line ending.

Many tools (git, cat, editors) treat a last line without a line ending as incomplete, and a diff of the
next change to that line shows it as changed. The fix adds the file's own line ending (LF or CRLF).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix

ID = "final-newline"
SUMMARY = "the file does not end with a line ending"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    doc = ctx.doc
    if not doc.text or doc.ends_with_newline:
        return
    end = len(doc.text)
    start = doc.line_starts[-1]
    yield Diagnostic(start, end, "no line ending at the end of the file", fix=Fix.safe(Edit(end, end, doc.eol)))
