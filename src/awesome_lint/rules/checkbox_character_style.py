"""checkbox-character-style: task list checkboxes should be written one way, ``[x]`` or ``[X]``, ``[ ]`` or ``[\\t]``.

As remark-lint's rule of the same name with awesome-lint's setting (``consistent``): the file's first
checked box sets the style of checked boxes, its first unchecked box that of unchecked ones. The fix
changes the character; it is safe when the first style is also the file's most common one.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "checkbox-character-style"
SUMMARY = "a task list checkbox written [X] in a file that uses [x], or the reverse"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"checked": "consistent", "unchecked": "consistent"}


def _show(char: str) -> str:
    return "\\t" if char == "\t" else char


def _box_character(text: str, item) -> int | None:
    """The offset of the character inside an item's checkbox (GFM also takes a tab, ``[\\t]``)."""
    start = item.content_start
    if not text[start + 3 : item.text_end].strip():
        return None  # a checkbox with nothing after it is text, not a task
    if item.checkbox or (text.startswith("[\t]", start) and text[start + 3 : start + 4] in (" ", "\t")):
        return start + 1
    return None


def check(ctx):
    doc = ctx.doc
    boxes = {True: [], False: []}  # checked? -> [(character, offset of the character)]
    for item in doc.items:
        at = _box_character(doc.text, item)
        if at is not None:
            char = doc.text[at]
            boxes[char in "xX"].append((char, at))
    for checked, seen in boxes.items():
        style = _remark.expected_style(ctx.options.get("checked" if checked else "unchecked", "consistent"), seen)
        if style.expected is None:
            continue
        kind = "checked" if checked else "unchecked"
        evidence = (
            f" (the first {kind} box, line {doc.line_of(style.first)}, uses it)" if style.first is not None else ""
        )
        for char, at in seen:
            if char == style.expected:
                continue
            edit = Edit(at, at + 1, style.expected)
            yield Diagnostic(
                at,
                at + 1,
                f"Unexpected {kind} checkbox value `{_show(char)}`, expected `{_show(style.expected)}`{evidence}",
                fix=Fix.safe(edit) if style.unambiguous else Fix.unsafe(edit),
            )
