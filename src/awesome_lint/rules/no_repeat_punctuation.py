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
    """(character, source offset or None) of a container's values in order; code becomes a neutral mark."""
    source = ctx.doc.text
    for node in _remark.walk(_remark.nodes(ctx, start, end)):
        if node.type == "inlineCode":
            yield "\u200b", None
        elif node.type in ("text", "html"):
            literal = source[node.start : node.end] == node.value
            for position, char in enumerate(node.value):
                yield char, (node.start + position if literal else None)


def check(ctx):
    marks = ctx.options.get("marks", OPTIONS["marks"])
    doc = ctx.doc
    spans = [(p.start, p.end, True) for p in _remark.paragraphs(ctx)]
    spans += [(h.start, h.end, False) for h in doc.headings if h.start < h.end]
    for start, end, fixable in sorted(spans):
        previous = None
        run_start = None
        for char, offset in _characters(ctx, start, end):
            if char in marks and char == previous:
                at = offset if offset is not None else start
                fix = None
                if fixable and run_start is not None and offset is not None and char in _FIXABLE:
                    run_end = offset + 1
                    while run_end < len(doc.text) and doc.text[run_end] == char:
                        run_end += 1
                    fix = Fix.safe(Edit(run_start + 1, run_end, ""))
                    run_start = None  # one fix per run
                yield Diagnostic(at, at + 1 if offset is not None else at, f'Should not repeat "{char}"', fix=fix)
            else:
                run_start = offset if char in marks else None
            previous = char
