"""no-file-name-consecutive-dashes: the list's file name has two or more dashes in a row.

As remark-lint's rule of the same name, which awesome-lint enables. ``my--list.md`` is almost always a typo
for ``my-list.md``. The file's name without its extension is checked; a list read from stdin is not.
"""

from __future__ import annotations

import re

from ._file_name import stem_of, whole_file

ID = "no-file-name-consecutive-dashes"
SUMMARY = "the list's file name has two or more dashes in a row"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    stem = stem_of(ctx.doc)
    if not stem:
        return
    if re.search(r"-{2,}", stem):
        yield whole_file("Unexpected consecutive dashes in a file name, expected `-`")
