"""no-file-name-irregular-characters: the list's file name has a character other than letters, digits, dots and dashes.

As remark-lint's rule of the same name, which awesome-lint enables. Spaces, underscores and other characters
in file names make URLs and shell commands awkward. The file's name without its extension is checked; a list
read from stdin is not.
"""

from __future__ import annotations

import re

from ._file_name import stem_of, whole_file

ID = "no-file-name-irregular-characters"
SUMMARY = "the list's file name has a character other than letters, digits, dots and dashes"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    stem = stem_of(ctx.doc)
    if not stem:
        return
    match = re.search(r"[^.a-zA-Z0-9-]", stem)
    if match:
        yield whole_file(f"Unexpected character `{match.group()}` in file name")
