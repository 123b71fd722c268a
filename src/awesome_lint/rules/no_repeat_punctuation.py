"""no-repeat-punctuation: the same punctuation mark twice in a row, such as ``!!`` or ``??``.

As the remark-lint-no-repeat-punctuation rule awesome-lint enables, with its set of marks
(``！!~～,，·?？``; periods are left out so that ``...`` stays allowed). Text, inline HTML and headings
are checked; code is not. The fix keeps one mark of a run of ``!``, ``?`` or ``,`` (or their full-width
forms); it is safe because a repeated mark adds no words, only emphasis. Headings are reported but not
fixed: the fixer keeps every heading as written (links point at them).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "no-repeat-punctuation"
SUMMARY = "the same punctuation mark repeated, such as `!!` or `??`"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"marks": "！!~～,，·?？"}

_FIXABLE = frozenset("!?,！？，")


def _characters(ctx, start: int, end: int):
    """(character, source offset or None, end of its node) of a container's values in order; code becomes a
    neutral mark."""
    source = ctx.doc.text
    for node in _remark.walk(_remark.nodes(ctx, start, end)):
        if node.type == "inlineCode":
            yield "\u200b", None, None
        elif node.type in ("text", "html"):
            offsets = _literal_offsets(source, node.start, node.end, node.value)
            for position, char in enumerate(node.value):
                yield char, (offsets[position] if offsets else None), node.end


def _values(ctx, start: int, end: int) -> str:
    """The characters ``_characters`` yields, as one string."""
    return "".join(
        "\u200b" if node.type == "inlineCode" else node.value
        for node in _remark.walk(_remark.nodes(ctx, start, end))
        if node.type in ("inlineCode", "text", "html")
    )


def _literal_offsets(source: str, start: int, end: int, value: str) -> range | list[int] | None:
    """The source offset of each character of ``value`` when it is written literally in ``source[start:end]``
    (a CRLF line ending counts as the value's one "\\n"), else None (an escape or an entity)."""
    written = source[start:end]
    if written == value:
        return range(start, end)
    offsets = [start + i for i, char in enumerate(written) if not (char == "\r" and written[i + 1 : i + 2] == "\n")]
    return offsets if len(offsets) == len(value) and written.replace("\r\n", "\n") == value else None


def check(ctx):
    marks = ctx.options.get("marks", OPTIONS["marks"])
    doc = ctx.doc
    spans = [(p.start, p.end, True) for p in _remark.paragraphs(ctx)]
    spans += [(h.start, h.end, False) for h in doc.headings if h.start < h.end]
    for start, end, fixable in sorted(spans):
        stream = _values(ctx, start, end)
        if not any(mark * 2 in stream for mark in set(marks)):
            continue  # most containers: no mark twice in a row, so no need to walk them character by character
        previous = previous_offset = run_start = None
        for char, offset, node_end in _characters(ctx, start, end):
            if char in marks and char == previous:
                at = offset if offset is not None else start
                fix = None
                # The marks must be side by side in the source, not in two nodes ("[,](url),"), and the fix
                # deletes only marks of the same node ("!![a](b)": the third "!" belongs to an image).
                side_by_side = offset is not None and previous_offset is not None and offset == previous_offset + 1
                if not side_by_side:
                    run_start = offset
                elif fixable and run_start is not None and char in _FIXABLE:
                    run_end = offset + 1
                    while run_end < node_end and doc.text[run_end] == char:
                        run_end += 1
                    fix = Fix.safe(Edit(run_start + 1, run_end, ""))
                    run_start = None  # one fix per run
                yield Diagnostic(at, at + 1 if offset is not None else at, f'Should not repeat "{char}"', fix=fix)
            else:
                run_start = offset if char in marks else None
            previous, previous_offset = char, offset
