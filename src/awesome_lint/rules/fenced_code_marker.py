"""fenced-code-marker: code fences should be backticks (```` ``` ````), not tildes (``~~~``).

As remark-lint's rule of the same name, with awesome-lint's setting (`` ` ``); ``style`` may also be
``~`` or ``consistent`` (the file's first fence sets it). The fix rewrites both fences with the same
number of the expected character; it is not offered when the info string or a line of the code would
then end the block early.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "fenced-code-marker"
SUMMARY = "a code fence of tildes where backticks are expected"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"style": "`"}

_SHOW = {"`": "`` ` ``", "~": "`~`"}


def _refence(doc, block, opening, marker: str) -> Fix | None:
    size = opening[1] - opening[0]
    if marker == "`" and "`" in block.info:
        return None  # a backtick fence cannot have a backtick in its info string
    if any(line.startswith(marker * 3) for line in _remark.code_lines(doc, block)):
        return None  # a line of the code would close the new fence
    edits = [Edit(opening[0], opening[1], marker * size)]
    closing = _remark.closing_fence(doc, block, opening)
    if closing:
        edits.append(Edit(closing[0], closing[1], marker * (closing[1] - closing[0])))
    return Fix.safe(*edits)


def check(ctx):
    doc = ctx.doc
    option = ctx.options.get("style", OPTIONS["style"])
    expected = None if option == "consistent" else option
    first = None
    for block in doc.blocks.code_blocks:
        opening = _remark.fence(doc, block) if block.fenced else None
        if opening is None:
            continue
        actual = doc.text[opening[0]]
        if expected is None:
            expected, first = actual, block.line
            continue
        if actual == expected:
            continue
        evidence = f" (the first fence, line {first}, uses it)" if first else ""
        yield Diagnostic(
            opening[0],
            doc.line_ends[block.end_line - 1],
            f"Unexpected fenced code marker {_SHOW[actual]}, expected {_SHOW[expected]}{evidence}",
            fix=_refence(doc, block, opening, expected),
        )
