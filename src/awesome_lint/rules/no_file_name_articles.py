"""no-file-name-articles: the list's file name starts with an article (the, an, a).

As remark-lint's rule of the same name, which awesome-lint enables. A file name such as ``the-list.md`` sorts
under T and reads worse in links; drop the article. The file's name without its extension is checked; a list
read from stdin is not.
"""

from __future__ import annotations

import re

from ._file_name import stem_of, whole_file

ID = "no-file-name-articles"
SUMMARY = "the list's file name starts with an article (the, an, a)"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    stem = stem_of(ctx.doc)
    if not stem:
        return
    match = re.match(r"(?i)(?:the|teh|an?)\b", stem)
    if match:
        yield whole_file(f"Unexpected file name starting with `{match.group()}`, remove it")
