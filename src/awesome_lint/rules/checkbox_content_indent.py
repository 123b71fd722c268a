"""checkbox-content-indent: one space between a task list checkbox and the item's text.

As remark-lint's rule of the same name (awesome-lint's setting): ``- [x]   Done`` renders like
``- [x] Done``. The fix keeps one space.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from ._remark import plural

ID = "checkbox-content-indent"
SUMMARY = "more than one space between a task list checkbox and the item's text"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    doc = ctx.doc
    text = doc.text
    for item in doc.items:
        if not item.checkbox:
            continue
        after = item.content_start + len(item.checkbox)
        end = after
        while end < item.text_end and text[end] in " \t":
            end += 1
        if end >= item.text_end:
            continue  # nothing after the checkbox
        extra = end - after - 1
        if extra > 0:
            yield Diagnostic(
                after + 1,
                end,
                f"Unexpected `{extra + 1}` {plural(extra + 1, 'space')} between checkbox and content, "
                f"expected `1` space, remove `{extra}` {plural(extra, 'space')}",
                fix=Fix.safe(Edit(after, end, " ")),
            )
