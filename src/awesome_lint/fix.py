"""The fixer: apply span edits, re-lint to a fixed point, and verify the result before anything is written."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable

from .diagnostics import CHANGES_REMOVES_EMPTY, CHANGES_TOC, CHANGES_URLS, SAFE, Diagnostic, Fix
from .document import Document
from .outline import outline
from .record import Record
from .source import Source

MAX_PASSES = 10


class FixError(Exception):
    """The fixer refused to produce a result (it did not converge, or the result lost something)."""


class FixResult(Record):
    text: str
    passes: int  # lint passes run, the last one finding nothing more to fix
    applied: list[Diagnostic]  # the diagnostics whose fixes were applied
    document: Document | None  # the last pass's document, of ``text``: no need to parse it again
    diagnostics: list[Diagnostic]  # the last pass's findings, on ``document``
    baseline: Baseline | None  # what verify needs of the original, taken before it was let go
    removed_items: int  # list items the applied fixes removed (empty items), counted pass by pass

    _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        text: str,
        passes: int,
        applied: list[Diagnostic] | None = None,
        document: Document | None = None,
        diagnostics: list[Diagnostic] | None = None,
        baseline: Baseline | None = None,
        removed_items: int = 0,
    ) -> None:
        self.text = text
        self.passes = passes
        self.applied = [] if applied is None else applied
        self.document = document
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.baseline = baseline
        self.removed_items = removed_items

    def changed(self, original: str) -> bool:
        return self.text != original


class Baseline(Record):
    """What the verifier compares of the original document, kept small: its text (which the source holds
    anyway) and how many entries and list items it has. The fixer takes it before the first document's
    entries are let go, so that two whole documents are never held at once."""

    text: str
    entries: int
    items: int

    _FIELDS = tuple(__annotations__)

    def __init__(self, text: str, entries: int, items: int) -> None:
        self.text = text
        self.entries = entries
        self.items = items

    @classmethod
    def of(cls, document: Document) -> Baseline:
        return cls(document.text, len(document.entries), len(document.items))


def apply_fixes(text: str, fixes: list[tuple[Diagnostic, Fix]]) -> tuple[str, list[Diagnostic]]:
    """Apply fixes in order of position, skipping any fix that overlaps one already taken.

    Of two fixes starting at one point, the one reaching further goes first: a fix that removes a line wins
    over one that edits the same line's start (renumbering an item that is removed anyway), which would
    otherwise cost a pass of its own."""
    taken: list[tuple[Diagnostic, Fix]] = []
    last_end = -1
    for diagnostic, fix in sorted(fixes, key=_first_edit_longest_first):
        edits = sorted(fix.edits, key=lambda edit: edit.start)
        if edits[0].start < last_end or any(a.end > b.start for a, b in zip(edits, edits[1:], strict=False)):
            continue
        if edits[0].start == last_end and taken and _is_insertion_clash(taken[-1][1], fix):
            continue
        taken.append((diagnostic, fix))
        last_end = max(edit.end for edit in edits)
    pieces, position = [], 0
    for _diagnostic, fix in taken:
        for edit in sorted(fix.edits, key=lambda edit: edit.start):
            pieces.append(text[position : edit.start])
            pieces.append(edit.content)
            position = edit.end
    pieces.append(text[position:])
    return "".join(pieces), [diagnostic for diagnostic, _fix in taken]


def _first_edit_longest_first(pair: tuple[Diagnostic, Fix]) -> tuple[int, int]:
    first = min(pair[1].edits, key=lambda edit: (edit.start, edit.end))
    return first.start, -first.end


def _is_insertion_clash(previous: Fix, fix: Fix) -> bool:
    """Two insertions at the same point would be applied in an arbitrary order: take only the first."""
    return any(edit.start == edit.end for edit in fix.edits) and any(e.start == e.end for e in previous.edits)


def fix_to_fixed_point(
    source: Source,
    lint: Callable[[Document], list[Diagnostic]],
    unsafe: bool = False,
    max_passes: int = MAX_PASSES,
    document: Document | None = None,
) -> FixResult:
    """Lint, apply what can be applied, and repeat until nothing changes. Raises FixError if it never settles.

    ``document``, when given, is ``source`` already parsed: the first pass uses it rather than parsing again.
    """
    text = source.text
    applied: list[Diagnostic] = []
    baseline = None
    removed_items = 0
    for passes in range(1, max_passes + 1):
        if document is None or document.text != text:
            if document is not None:
                baseline = baseline or Baseline.of(document)
                _release(document)
            document = diagnostics = None  # let the previous pass go before the next parse
            document = Document(Source(source.path, text, source.bom))
        diagnostics = lint(document)
        fixes = [
            (diagnostic, diagnostic.fix)
            for diagnostic in diagnostics
            if diagnostic.fix and diagnostic.fix.edits and (unsafe or diagnostic.fix.applicability == SAFE)
        ]
        new_text, taken = apply_fixes(text, fixes)
        if new_text == text:
            return FixResult(text, passes, applied, document, diagnostics, baseline, removed_items)
        applied.extend(taken)
        removed_items += items_removed(document, taken)
        text = new_text
    raise FixError(f"fixes did not settle after {max_passes} passes; nothing was written (please report this)")


def _release(document: Document) -> None:
    """Drop a document's cached entries (most of its memory). The caller may still hold the document; if it
    reads the entries again, they are extracted again."""
    document.__dict__.pop("entries", None)


# ------------------------------------------------------------------------------------------ verification


def verify(
    before: Document | Baseline, after: Document, applied: list[Diagnostic], removed_items: int | None = None
) -> list[str]:
    """What the fixed text lost that no applied fix meant to change; empty when the result is safe to write.

    ``before`` is the original document, or its Baseline (``FixResult.baseline``), which holds less memory.
    ``removed_items`` is ``FixResult.removed_items``; without it, the fixes are taken to be made on ``before``
    (one pass).
    """
    if isinstance(before, Document):
        if removed_items is None:
            removed_items = items_removed(before, applied)
        before = Baseline.of(before)
    changes = frozenset().union(*(d.fix.changes for d in applied if d.fix))
    problems = []
    try:
        links_before, headings_before = outline(before.text)
        links_after, headings_after = outline(after.text)
    except RecursionError:  # mistune parses each level of nesting a few calls deeper: about 140 levels at most
        return ["the list nests too deeply for the parser that checks every fix (mistune)"]
    lost, gained = links_before - links_after, links_after - links_before
    if CHANGES_TOC in changes:
        lost = Counter({url: n for url, n in lost.items() if not url.startswith("#")})
        gained = Counter({url: n for url, n in gained.items() if not url.startswith("#")})
    if CHANGES_URLS in changes:
        url_fixes = sum(1 for d in applied if d.fix and CHANGES_URLS in d.fix.changes)
        # Each URL fix rewrites one URL as written; a rewritten reference definition changes every link
        # that uses it, so it is distinct URLs, not link counts, that the fixes bound.
        if sum(lost.values()) == sum(gained.values()) and max(len(lost), len(gained)) <= url_fixes:
            lost = gained = Counter()
    if lost:
        problems.append(f"{sum(lost.values())} link(s) would be lost, e.g. {next(iter(lost))}")
    elif gained:
        problems.append(f"{sum(gained.values())} link(s) would appear, e.g. {next(iter(gained))}")
    if headings_before != headings_after:
        missing = headings_before - headings_after
        example = next(iter(missing or headings_after - headings_before))
        problems.append(f"a heading would change: {example!r}")
    if before.entries != len(after.entries):
        problems.append(f"{before.entries} entries would become {len(after.entries)}")
    removable = removed_items or 0
    removed_items = before.items - len(after.items)
    # A regenerated table of contents may hold more or fewer items (entries are counted above, apart).
    if removed_items and CHANGES_TOC not in changes and not (0 < removed_items <= removable):
        problems.append(f"{before.items} list items would become {len(after.items)}")
    return problems


def items_removed(document: Document, taken: list[Diagnostic]) -> int:
    """How many list items of ``document`` start inside the edits of the fixes, made on it, that remove empty
    items (one such fix removes an empty item together with the empty items nested in it)."""
    edits = [e for d in taken if d.fix and CHANGES_REMOVES_EMPTY in d.fix.changes for e in d.fix.edits]
    if not edits:
        return 0
    starts = [item.marker_start for item in document.items]  # in document order
    return sum(bisect.bisect_left(starts, e.end) - bisect.bisect_left(starts, e.start) for e in edits)
