"""definition-spacing: a definition label should not hold runs of spaces, tabs or line breaks.

As remark-lint's rule of the same name: ``[awesome  list]: https://…`` matches ``[awesome list]``
anyway (labels match with white space collapsed), so the extra spaces only mislead. The fix collapses
each run to one space, which every reference still matches.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark
from ._remark import plural

ID = "definition-spacing"
SUMMARY = "two or more spaces, or a tab, in a definition label"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}

_SPACE_RUN = re.compile(r" +")
_WHITE_SPACE_RUN = re.compile(r"[ \t\r\n]{2,}|[\t\r\n]")
_OTHER = (("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"))


def check(ctx):
    for definition in _remark.link_definitions(ctx.doc):
        label = definition.label
        label_start = definition.start + 1
        fix = Fix.safe(Edit(label_start, label_start + len(label), _WHITE_SPACE_RUN.sub(" ", label)))
        longest = max((len(run) for run in _SPACE_RUN.findall(label)), default=0)
        if longest > 1:
            yield Diagnostic(
                definition.start,
                definition.end,
                f"Unexpected `{longest}` consecutive spaces in definition label, expected `1` space, "
                f"remove `{longest - 1}` {plural(longest - 1, 'space')}",
                fix=fix,
            )
        for char, shown in _OTHER:
            if char in label:
                yield Diagnostic(
                    definition.start,
                    definition.end,
                    f"Unexpected non-space whitespace character `{shown}` in definition label, expected `1` space, "
                    "replace it",
                    fix=fix,
                )
