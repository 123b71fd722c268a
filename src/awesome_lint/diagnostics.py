"""Findings and fixes, after ruff's model: a Fix is a list of span Edits with an applicability.

Plain classes with ``__slots__`` rather than dataclasses: every run imports this module, and creating a
dataclass costs a fraction of a millisecond at import (its methods are generated and compiled). ``Record``
gives them a dataclass's equality and repr.
"""

from __future__ import annotations

from .record import Record

SEVERITIES = ("info", "warning", "error")
SAFE, UNSAFE = "safe", "unsafe"

# What a fix may change besides its own spans; the fixer's verification allows exactly these.
CHANGES_URLS = "urls"  # rewrites link URLs (the verifier maps old URL to new)
CHANGES_ORDER = "order"  # moves whole entries
CHANGES_REMOVES_EMPTY = "removes-empty"  # removes empty items
HEADING_NOT_FIXED = "; headings are not fixed automatically (their anchors would change)"
CHANGES_TOC = "toc"  # rewrites in-page anchor links (a regenerated table of contents)


class Edit(Record):
    """Replace ``text[start:end]`` of the original text with ``content``. Hashable: not to be changed."""

    __slots__ = ("start", "end", "content")
    _FIELDS = __slots__

    def __init__(self, start: int, end: int, content: str = "") -> None:
        self.start = start
        self.end = end
        self.content = content

    def __hash__(self) -> int:
        return hash(self._values())


class Fix(Record):
    """The edits of one fix, applied together. Hashable: not to be changed."""

    __slots__ = ("edits", "applicability", "changes")
    _FIELDS = __slots__

    def __init__(
        self, edits: tuple[Edit, ...], applicability: str = SAFE, changes: frozenset[str] = frozenset()
    ) -> None:
        self.edits = edits
        self.applicability = applicability
        self.changes = changes

    def __hash__(self) -> int:
        return hash(self._values())

    @classmethod
    def safe(cls, *edits: Edit, changes: frozenset[str] = frozenset()) -> Fix:
        return cls(tuple(edits), SAFE, changes)

    @classmethod
    def unsafe(cls, *edits: Edit, changes: frozenset[str] = frozenset()) -> Fix:
        return cls(tuple(edits), UNSAFE, changes)

    @property
    def start(self) -> int:
        return min(edit.start for edit in self.edits)

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)


class Diagnostic(Record):
    """What a rule yields: a span of the document, a message that states its evidence, an optional fix.

    ``rule`` and ``severity`` are filled in by the linter from the rule's metadata and the config.
    """

    __slots__ = ("start", "end", "message", "fix", "rule", "severity", "data", "max_severity")
    _FIELDS = __slots__

    def __init__(
        self,
        start: int,
        end: int,
        message: str,
        fix: Fix | None = None,
        rule: str = "",
        severity: str = "error",
        data: dict | None = None,
        max_severity: str | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.message = message
        self.fix = fix
        self.rule = rule
        self.severity = severity
        self.data = {} if data is None else data  # extra facts for reporters (e.g. the URL a link rule checked)
        self.max_severity = max_severity  # a rule unsure of this one finding caps its level (e.g. "info")


class Finding(Record):
    """A positioned diagnostic, ready for reporters. Lines and columns are 1-based; end_column is exclusive.

    Compared, hashed and shown without ``data``; not to be changed.
    """

    __slots__ = (
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "severity",
        "message",
        "fix",
        "fix_positions",
        "data",
    )
    _FIELDS = __slots__[:-1]

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        rule: str,
        severity: str,
        message: str,
        fix: Fix | None,
        fix_positions: tuple[tuple[int, int, int, int, str], ...] = (),  # (line, col, end_line, end_col, content)
        data: dict | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.rule = rule
        self.severity = severity
        self.message = message
        self.fix = fix
        self.fix_positions = fix_positions
        self.data = {} if data is None else data  # the diagnostic's extra facts (e.g. "link")

    def __hash__(self) -> int:
        return hash(self._values())

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability == SAFE

    @property
    def unsafe_fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability == UNSAFE
