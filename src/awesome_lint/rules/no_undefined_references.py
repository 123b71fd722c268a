"""no-undefined-references: ``[text]`` or ``[text][ref]`` used as a reference with no definition.

As remark-lint's rule of the same name, with awesome-lint's allowances (GitHub alerts such as
``[!NOTE]``). A bracketed label that no ``[label]: url`` line defines renders as literal brackets, which
is usually a broken link; write ``\\[`` to mean the bracket itself. Not part of the paper-list preset,
where ``[CVPR 2019]`` is a venue tag, not a reference.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic
from ..document import normalize_label
from . import _remark

ID = "no-undefined-references"
SUMMARY = "a bracketed reference whose label has no definition"
SEVERITY = "error"
FIX = None
OPTIONS = {"allow": ["^!(?:note|tip|important|warning|caution)$", "^\\^.+$"]}
REGEX_OPTIONS = ("allow",)

_MAX_LABEL = 999  # CommonMark's longest link label
_SHOWN_LABEL = 80  # a longer label is cut short in the message

_LINE_ENDING = re.compile(r"(?:\r?\n|\r)[\t ]*(?:>[\t ]*)*")
_SPECIAL = re.compile(r"[\[\]\\]")


class _Scanner:
    def __init__(self, ctx, allow: list[re.Pattern]):
        self.text = ctx.doc.text
        self.defined = set(ctx.doc.definitions)
        self.allow = allow
        self.found: list[tuple[int, int, str]] = []

    def container(self, nodes) -> None:
        ranges: list[list[int]] = []
        for node in nodes:
            if node.type == "text":
                self._text(node.start, node.end, ranges)
            elif node.children:
                self.container(node.children)
        for bracket in ranges:
            self._handle(bracket)

    def _text(self, start: int, end: int, ranges: list[list[int]]) -> None:
        source = self.text[start:end]
        if "[" not in source and "]" not in source:
            return  # most text: nothing opens or closes a bracket
        lines, last = [], 0
        for match in _LINE_ENDING.finditer(source):
            lines.append((start + last, source[last : match.start()]))
            last = match.end()
        lines.append((start + last, source[last:]))
        for line_start, line in lines:
            index = 0
            while True:
                special = _SPECIAL.search(line, index)  # other characters only move the index on
                if special is None:
                    break
                index = special.start()
                char = line[index]
                if char == "[":
                    ranges.append([line_start + index])
                    index += 1
                elif char == "\\":
                    index += 2 if line[index + 1 : index + 2] in ("[", "]") else 1
                elif char == "]":
                    if not ranges:
                        index += 1
                    elif line[index + 1 : index + 2] == "[" and len(ranges[-1]) != 3:
                        index += 1
                        ranges[-1] += [line_start + index, line_start + index]
                        index += 1
                    else:
                        index += 1
                        ranges[-1].append(line_start + index)
                        self._handle(ranges.pop())

    def _handle(self, bracket: list[int]) -> None:
        if len(bracket) == 1:
            return
        if len(bracket) == 3:
            del bracket[2]
        if len(bracket) == 2 and bracket[0] + 2 == bracket[1]:
            return
        text = self.text
        if bracket[0] > 0 and text[bracket[0] - 1] == "!":
            kind = "image"
        elif text[bracket[0] + 1 : bracket[0] + 2] == "^":
            kind = "footnote"
        else:
            kind = "link"
        offset = 2 if len(bracket) == 4 and bracket[2] + 2 != bracket[3] else 0
        label_start, label_end = bracket[offset] + 1, bracket[offset + 1] - 1
        # A label has at most 999 characters (CommonMark), so nested brackets cost no more than that each.
        too_long = label_end - label_start > _MAX_LABEL
        label = normalize_label(text[label_start : min(label_end, label_start + _MAX_LABEL + 1)])
        if kind == "footnote":
            if " " in label:
                return
            defined = not too_long and label in self.defined  # "[^x]: ..." definitions keep their caret
            label = label[1:]
        else:
            defined = not too_long and label in self.defined
        if defined or any(pattern.search(label) for pattern in self.allow):
            return
        shown = label if len(label) <= _SHOWN_LABEL else label[: _SHOWN_LABEL - 1] + "\u2026"
        self.found.append((bracket[0], bracket[-1], f"{'an' if kind == 'image' else 'a'} {kind} `{shown}`"))


def check(ctx):
    allow = [re.compile(pattern, re.IGNORECASE) for pattern in ctx.options.get("allow", [])]
    scanner = _Scanner(ctx, allow)
    for start, end in _remark.phrasing_spans(ctx):
        scanner.container(_remark.nodes(ctx, start, end))
    for start, end, what in scanner.found:
        yield Diagnostic(
            start,
            end,
            f"Unexpected reference to undefined definition, expected a definition for {what} "
            "or an escaped opening bracket (`\\[`) for regular text",
        )
