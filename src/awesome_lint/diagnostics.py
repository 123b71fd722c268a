"""Findings and fixes, after ruff's model: a Fix is a list of span Edits with an applicability."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")
SAFE, UNSAFE = "safe", "unsafe"

# What a fix may change besides its own spans; the fixer's verification allows exactly these.
CHANGES_URLS = "urls"  # rewrites link URLs (the verifier maps old URL to new)
CHANGES_ORDER = "order"  # moves whole entries
CHANGES_REMOVES_EMPTY = "removes-empty"  # removes empty items
CHANGES_TOC = "toc"  # rewrites in-page anchor links (a regenerated table of contents)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` of the original text with ``content``."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: str = SAFE
    changes: frozenset[str] = frozenset()

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


@dataclass(slots=True)
class Diagnostic:
    """What a rule yields: a span of the document, a message that states its evidence, an optional fix.

    ``rule`` and ``severity`` are filled in by the linter from the rule's metadata and the config.
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None
    rule: str = ""
    severity: str = "error"
    data: dict = field(default_factory=dict)  # extra facts for reporters (e.g. the URL a link rule checked)
    max_severity: str | None = None  # a rule unsure of this one finding caps its level (e.g. "info")


@dataclass(frozen=True, slots=True)
class Finding:
    """A positioned diagnostic, ready for reporters. Lines and columns are 1-based; end_column is exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    fix: Fix | None
    fix_positions: tuple[tuple[int, int, int, int, str], ...] = ()  # (line, col, end_line, end_col, content)
    data: dict = field(default_factory=dict, compare=False)  # the diagnostic's extra facts (e.g. "link")

    @property
    def fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability == SAFE

    @property
    def unsafe_fixable(self) -> bool:
        return self.fix is not None and self.fix.applicability == UNSAFE
