"""balanced-punctuation: an opening quote or bracket without its closing one, or the reverse.

As awesome-lint's rule of the same name: curly quotes (“ ” and ‘ ’), CJK brackets (『』 （） 《》 「」 【】)
and straight double quotes must come in pairs within a paragraph, a heading or a whole list item
(nested items included). Apostrophes (``don't``, ``users'``) are not quotes; code is not checked.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..diagnostics import Diagnostic
from . import _remark

ID = "balanced-punctuation"
SUMMARY = "an unmatched quote or bracket in a paragraph, heading or list item"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}

_ASYMMETRIC = {"\u201c": "\u201d", "\u2018": "\u2019", "\u300e": "\u300f", "\uff08": "\uff09", "\u300a": "\u300b"}
_ASYMMETRIC.update({"\u300c": "\u300d", "\u3010": "\u3011"})
_CLOSERS = {close: open_ for open_, close in _ASYMMETRIC.items()}
_SYMMETRIC = frozenset('"')
_PAIRED = re.compile("[" + re.escape("".join([*_ASYMMETRIC, *_CLOSERS, *_SYMMETRIC])) + "]")
_AFTER_APOSTROPHE = frozenset(' \t\n.,;:!?()[]{}"\u201c\u201d\u2018\u2019\u2014\u2013')


def _word(char: str) -> bool:
    return bool(char) and (char.isalnum() or char == "_")


def _apostrophe(text: str, index: int) -> bool:
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return _word(before) and (_word(after) or not after or after in _AFTER_APOSTROPHE or after.isspace())


def _containers(ctx):
    """Lists of phrasing spans checked together: each top-level item whole, each other paragraph, each heading."""
    doc = ctx.doc
    roots = [index for index, item in enumerate(doc.items) if item.parent is None]
    root_lines = [doc.items[index].line for index in roots]
    groups: list[list[tuple[int, int]]] = []
    previous_owner = None
    for paragraph in _remark.paragraphs(ctx):  # in document order, so an item's paragraphs come together
        owner = _top_item(doc, paragraph, roots, root_lines)
        if owner is not None and owner == previous_owner:
            groups[-1].append((paragraph.start, paragraph.end))
        else:
            groups.append([(paragraph.start, paragraph.end)])
        previous_owner = owner
    groups += [[(h.start, h.end)] for h in doc.headings if h.start < h.end]
    return groups


def _top_item(doc, paragraph, roots: list[int], root_lines: list[int]) -> int | None:
    """The top-level item holding a paragraph, or None."""
    index = paragraph.item
    if index is None:
        at = bisect_right(root_lines, paragraph.line) - 1
        if at < 0 or doc.items[roots[at]].end_line < paragraph.line:
            return None
        return roots[at]
    while doc.items[index].parent is not None:
        index = doc.items[index].parent
    return index


def check(ctx):
    for group in _containers(ctx):
        nodes = [
            node for start, end in group for node in _remark.walk(_remark.nodes(ctx, start, end)) if node.type == "text"
        ]
        if not any(_PAIRED.search(node.value) for node in nodes):
            continue  # no quote or bracket at all: nothing to match
        chars = [(char, node.start) for node in nodes for char in node.value]
        yield from _check_text(chars)


def _check_text(chars: list[tuple[str, int]]):
    text = "".join(char for char, _ in chars)
    stack: list[tuple[str, int]] = []
    expecting_close = {char: False for char in _SYMMETRIC}
    for index, (char, at) in enumerate(chars):
        if char in ("\u2019", "'") and _apostrophe(text, index):
            continue
        if char in _SYMMETRIC:
            if expecting_close[char]:
                if stack and stack[-1][0] == char:
                    stack.pop()
                else:
                    yield Diagnostic(at, at, f"Unmatched closing {char} without corresponding opening {char}")
                expecting_close[char] = False
            else:
                stack.append((char, at))
                expecting_close[char] = True
        elif char in _ASYMMETRIC:
            stack.append((char, at))
        elif char in _CLOSERS:
            opener = _CLOSERS[char]
            found = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == opener), None)
            if found is None:
                yield Diagnostic(at, at, f"Unmatched closing {char} without corresponding opening {opener}")
            else:
                del stack[found]
    for char, at in stack:
        closing = _ASYMMETRIC.get(char, char)
        yield Diagnostic(at, at, f"Unclosed {char} without matching closing {closing}")
