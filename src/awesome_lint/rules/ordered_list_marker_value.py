"""ordered-list-marker-value: the numbers of a numbered list should count up from its first (1., 2., 3.).

As remark-lint's rule of the same name, with awesome-lint's setting (``ordered``); ``style`` may also
be ``one`` (every item ``1.``), ``single`` (every item the list's first number) or ``consistent``
(inferred from the file's first list of two or more items). Renderers number the items themselves from
the first one, so a wrong number in the source only misleads its readers.

The fix renumbers an item; it is safe when the new number has as many digits as the old one, or the
item is a single line with nothing under it (a longer number moves the item's content indent). Under
``one`` a list's first number changes what is rendered, so that fix is unsafe.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "ordered-list-marker-value"
SUMMARY = "a numbered list item whose number does not follow from the list's first"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"style": "ordered"}


def _infer(counters: list[list[str]]) -> str:
    for values in counters:
        if len(values) >= 2:
            first, second = values[0], values[1]
            if second == str(int(first) + 1):
                return "ordered"
            if second == first:
                return "single"
            break
    return "ordered"


def check(ctx):
    doc = ctx.doc
    lists = [indices for indices in _remark.lists(doc) if doc.items[indices[0]].ordered]
    counters = [[doc.items[index].marker[:-1] for index in indices] for indices in lists]
    style = ctx.options.get("style", OPTIONS["style"])
    if style not in ("one", "ordered", "single"):
        style = _infer(counters)
    for indices, values in zip(lists, counters, strict=True):
        start = 1 if style == "one" else int(values[0])
        for position, (index, actual) in enumerate(zip(indices, values, strict=True)):
            expected = str(1 if style == "one" else start if style == "single" else start + position)
            if actual == expected:
                continue
            item = doc.items[index]
            edit = Edit(item.marker_start, item.marker_start + len(actual), expected)
            same_width = len(expected) == len(actual) or item.end_line == item.line
            fix = None
            if same_width:
                fix = Fix.unsafe(edit) if position == 0 else Fix.safe(edit)
            at = item.marker_start + len(actual)
            yield Diagnostic(
                item.marker_start,
                at,
                f"Unexpected ordered list item value `{actual}`, expected `{expected}`",
                fix=fix,
            )
