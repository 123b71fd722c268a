"""no-file-name-outer-dashes: the list's file name starts or ends with a dash.

As remark-lint's rule of the same name, which awesome-lint enables. Dashes join words; ``-list.md`` or
``list-.md`` is a typo. The file's name without its extension is checked; a list read from stdin is not.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ._file_name import stem_of

ID = "no-file-name-outer-dashes"
SUMMARY = "the list's file name starts or ends with a dash"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}


def _whole(ctx, message: str) -> Diagnostic:
    return Diagnostic(0, 0, message)


def check(ctx):
    stem = stem_of(ctx.doc)
    if not stem:
        return
    if stem.startswith("-") or stem.endswith("-"):
        yield _whole(ctx, "Unexpected initial or final dashes in file name, expected dashes to join words")
