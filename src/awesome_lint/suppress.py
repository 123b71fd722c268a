"""Inline suppression comments, in this tool's syntax and in awesome-lint's (remark's) syntax.

- ``<!-- awesome-lint disable RULE ... -->`` ... ``<!-- awesome-lint enable RULE ... -->``
- ``<!-- awesome-lint disable-next-line RULE ... -->``: the next non-blank line
- ``<!--lint disable RULE-->``, ``<!--lint enable RULE-->``: as above
- ``<!--lint ignore RULE-->``: the next block, as remark-message-control's "next sibling node": a heading
  is its own line, a list is all its items (blank lines between them included), anything else is the run
  of non-blank lines after the comment

As in remark-message-control, ``<!--lint disable-->`` (every rule) is not undone for one rule by a later
``<!--lint enable RULE-->``; only ``<!--lint enable-->`` ends it.

Rule ids are separated by spaces or commas; with none, every rule is meant.
"""

from __future__ import annotations

import re

from .record import Record

ALL = "*"
_DIRECTIVE = re.compile(
    r"^\s*(?P<tool>awesome-lint|lint)\s+(?P<verb>disable-next-line|disable|enable|ignore)\b(?P<ids>.*)$",
    re.DOTALL,
)


class Suppressions(Record):
    _FIELDS = ("ranges",)

    def __init__(self) -> None:
        # rule id (or ALL) -> list of (first line, last line) ranges, inclusive
        self.ranges: dict[str, list[tuple[int, int]]] = {}

    def add(self, rule: str, first: int, last: int) -> None:
        self.ranges.setdefault(rule, []).append((first, last))

    def covers(self, rule: str, line: int) -> bool:
        for key in (rule, ALL):
            for first, last in self.ranges.get(key, ()):
                if first <= line <= last:
                    return True
        return False


def _parse(body: str) -> tuple[str, list[str]] | None:
    match = _DIRECTIVE.match(body)
    if not match:
        return None
    ids = [part for part in re.split(r"[\s,]+", match["ids"].strip()) if part]
    return match["verb"], ids or [ALL]


def _next_nonblank(lines: list[str], after: int) -> int | None:
    """The 1-based number of the first non-blank line after line ``after``."""
    for number in range(after + 1, len(lines) + 1):
        if lines[number - 1].strip():
            return number
    return None


def _block_end(lines: list[str], first: int) -> int:
    last = first
    while last < len(lines) and lines[last].strip():
        last += 1
    return last


def _node_end(doc, first: int) -> int:
    """The last line of the block that starts on line ``first`` (remark's next node)."""
    if any(heading.line == first for heading in doc.headings):
        return max(heading.end_line for heading in doc.headings if heading.line == first)
    items = [item for item in doc.items if item.line == first]
    if items:
        head = items[0]
        last = head.end_line
        for item in doc.items:  # the following items of the same list, blank lines between them allowed
            if item.line <= last or item.parent != head.parent or item.indent != head.indent:
                continue
            between = doc.lines[last : item.line - 1]
            if any(line.strip() for line in between) or item.marker[-1] != head.marker[-1]:
                break
            last = item.end_line
        return last
    return _block_end(doc.lines, first)


def collect(doc) -> Suppressions:
    """The suppressed line ranges of a document, from its HTML comments."""
    found = Suppressions()
    open_at: dict[str, int] = {}
    for comment in doc.comments:
        parsed = _parse(comment.body)
        if parsed is None:
            continue
        verb, ids = parsed
        if verb == "disable":
            for rule in ids:
                open_at.setdefault(rule, comment.line)
        elif verb == "enable":
            for rule in ids:
                if rule == ALL:
                    for key, start in open_at.items():
                        found.add(key, start, comment.line)
                    open_at.clear()
                elif rule in open_at:
                    found.add(rule, open_at.pop(rule), comment.line)
        else:
            target = _next_nonblank(doc.lines, comment.end_line)
            if target is None:
                continue
            last = target if verb == "disable-next-line" else _node_end(doc, target)
            for rule in ids:
                found.add(rule, comment.line, last)
    for rule, start in open_at.items():
        found.add(rule, start, len(doc.lines) + 1)
    return found
