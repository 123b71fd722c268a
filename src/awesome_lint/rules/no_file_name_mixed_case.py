"""no-file-name-mixed-case: the list's file name mixes upper and lower case.

As remark-lint's rule of the same name, which awesome-lint enables. ``ReadMe.md`` breaks on case-sensitive
file systems when linked as ``readme.md``; use one case. The file's name without its extension is checked; a
list read from stdin is not.
"""

from __future__ import annotations

from ._file_name import stem_of, whole_file

ID = "no-file-name-mixed-case"
SUMMARY = "the list's file name mixes upper and lower case"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    stem = stem_of(ctx.doc)
    if not stem:
        return
    if stem != stem.lower() and stem != stem.upper():
        yield whole_file("Unexpected mixed case in file name, expected either lowercase or uppercase")
