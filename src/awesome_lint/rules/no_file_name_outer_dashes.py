"""no-file-name-outer-dashes: the list's file name starts or ends with a dash.

As remark-lint's rule of the same name, which awesome-lint enables. Dashes join words; ``-list.md`` or
``list-.md`` is a typo. The file's name without its extension is checked; a list read from stdin is not.
"""

from __future__ import annotations

from ._file_name import stem_of, whole_file

ID = "no-file-name-outer-dashes"
SUMMARY = "the list's file name starts or ends with a dash"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    stem = stem_of(ctx.doc)
    if not stem:
        return
    if stem.startswith("-") or stem.endswith("-"):
        yield whole_file("Unexpected initial or final dashes in file name, expected dashes to join words")
