"""The fixer: apply span edits, re-lint to a fixed point, and verify the result before anything is written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from . import counters
from .diagnostics import CHANGES_REMOVES_EMPTY, CHANGES_TOC, CHANGES_URLS, SAFE, Diagnostic, Fix
from .document import Document
from .source import Source

MAX_PASSES = 10


class FixError(Exception):
    """The fixer refused to produce a result (it did not converge, or the result lost something)."""


@dataclass
class FixResult:
    text: str
    passes: int  # lint passes run, the last one finding nothing more to fix
    applied: list[Diagnostic] = field(default_factory=list)  # the diagnostics whose fixes were applied
    document: Document | None = None  # the last pass's document, of ``text``: no need to parse it again
    diagnostics: list[Diagnostic] = field(default_factory=list)  # the last pass's findings, on ``document``

    def changed(self, original: str) -> bool:
        return self.text != original


def apply_fixes(text: str, fixes: list[tuple[Diagnostic, Fix]]) -> tuple[str, list[Diagnostic]]:
    """Apply fixes in order of position, skipping any fix that overlaps one already taken."""
    taken: list[tuple[Diagnostic, Fix]] = []
    last_end = -1
    for diagnostic, fix in sorted(fixes, key=lambda pair: (pair[1].start, pair[1].end)):
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
    for passes in range(1, max_passes + 1):
        if document is None or document.text != text:
            document = Document(Source(source.path, text, source.bom))
        diagnostics = lint(document)
        fixes = [
            (diagnostic, diagnostic.fix)
            for diagnostic in diagnostics
            if diagnostic.fix and diagnostic.fix.edits and (unsafe or diagnostic.fix.applicability == SAFE)
        ]
        new_text, taken = apply_fixes(text, fixes)
        if new_text == text:
            return FixResult(text, passes, applied, document, diagnostics)
        applied.extend(taken)
        text = new_text
    raise FixError(f"fixes did not settle after {max_passes} passes; nothing was written (please report this)")


# ------------------------------------------------------------------------------------------ verification


def _outline(text: str) -> tuple[Counter, Counter]:
    """The link targets and heading texts of a Markdown text, as mistune (an independent parser) sees them."""
    import mistune

    counters.count(counters.VERIFY_PARSE)
    tokens = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])(text)
    links: Counter = Counter()
    headings: Counter = Counter()
    stack = list(tokens)
    while stack:
        token = stack.pop()
        kind = token.get("type")
        if kind in ("link", "image"):
            links[token.get("attrs", {}).get("url", "")] += 1
        elif kind == "heading":
            headings[_plain(token)] += 1
        stack.extend(token.get("children") or ())
    return links, headings


def _plain(token: dict) -> str:
    if "raw" in token:
        return token["raw"]
    return "".join(_plain(child) for child in token.get("children") or ())


def verify(before: Document, after: Document, applied: list[Diagnostic]) -> list[str]:
    """What the fixed text lost that no applied fix meant to change; empty when the result is safe to write."""
    changes = frozenset().union(*(d.fix.changes for d in applied if d.fix))
    problems = []
    links_before, headings_before = _outline(before.text)
    links_after, headings_after = _outline(after.text)
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
    if len(before.entries) != len(after.entries):
        problems.append(f"{len(before.entries)} entries would become {len(after.entries)}")
    removed_items = len(before.items) - len(after.items)
    removable = sum(1 for d in applied if d.fix and CHANGES_REMOVES_EMPTY in d.fix.changes)
    # A regenerated table of contents may hold more or fewer items (entries are counted above, apart).
    if removed_items and CHANGES_TOC not in changes and not (0 < removed_items <= removable):
        problems.append(f"{len(before.items)} list items would become {len(after.items)}")
    return problems
