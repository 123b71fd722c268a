"""balanced-punctuation: an opening quote or bracket without its closing one, or the reverse.

As awesome-lint's rule of the same name: curly quotes (“ ” and ‘ ’), CJK brackets (『』 （） 《》 「」 【】)
and straight double quotes must come in pairs within a paragraph, a heading or a whole list item
(nested items included). Apostrophes (``don't``, ``users'``) are not quotes; code is not checked.
"""

from __future__ import annotations

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
    groups: list[list[tuple[int, int]]] = []
    taken: set[int] = set()
    for paragraph in _remark.paragraphs(ctx):
        if paragraph.start in taken:
            continue
        owner = _top_item(doc, paragraph)
        if owner is None:
            groups.append([(paragraph.start, paragraph.end)])
            continue
        item = doc.items[owner]
        members = [p for p in _remark.paragraphs(ctx) if item.line <= p.line <= item.end_line and p.start not in taken]
        taken.update(p.start for p in members)
        groups.append([(p.start, p.end) for p in members])
    groups += [[(h.start, h.end)] for h in doc.headings if h.start < h.end]
    return groups


def _top_item(doc, paragraph) -> int | None:
    index = paragraph.item
    if index is None:
        inside = [i for i, item in enumerate(doc.items) if item.line <= paragraph.line <= item.end_line]
        if not inside:
            return None
        index = inside[-1]
    while doc.items[index].parent is not None:
        index = doc.items[index].parent
    return index


def check(ctx):
    for group in _containers(ctx):
        chars: list[tuple[str, int]] = []
        for start, end in group:
            for node in _remark.walk(_remark.nodes(ctx, start, end)):
                if node.type == "text":
                    chars.extend((char, node.start) for char in node.value)
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
