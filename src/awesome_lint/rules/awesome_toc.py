"""awesome-toc: the ``## Contents`` list should link every section, in order, by its GitHub anchor.

As awesome-lint's rule of the same name. When the list has a level-2 heading "Contents", it must come
first (right after the main heading), be followed by exactly one list, and that list must have one
item per level-2 section after it (except Contributing, Footnotes and Related Lists), in the same order
and with the same text, each linking to the section's anchor as GitHub computes it; a nested list
under an item links that section's level-3 headings. A list without a Contents section is not checked.

The fix regenerates the list in place, in the list's own style (its marker, indent and whether it
nests level-3 sections), from the headings. It is safe: the headings are the source of truth, and only
in-page anchor links change. The fix is shown on the first finding, and fixes them all.
"""

from __future__ import annotations

import re
import unicodedata

from ..diagnostics import CHANGES_TOC, Diagnostic, Edit, Fix
from ..phrasing import to_string
from . import _remark

ID = "awesome-toc"
SUMMARY = "the Contents list does not match the sections (order, text or anchors)"
SEVERITY = "error"
FIX = "safe"
OPTIONS = {"heading": "Contents"}

DENIED_SECTIONS = frozenset({"Contributing", "Footnotes", "Related Lists"})
MAX_DEPTH = 1


def slug(text: str) -> str:
    """GitHub's anchor for a heading text (as github-slugger computes it, before de-duplication)."""
    text = text.replace("\ufe0f", "").lower()
    kept = [c for c in text if c in " -_" or unicodedata.category(c)[0] in "LMN" or unicodedata.category(c) == "Pc"]
    return "".join(kept).replace(" ", "-")


def anchors(ctx) -> dict[str, int]:
    """'#anchor' -> heading index, with GitHub's -1, -2 suffixes for repeated headings."""
    seen: dict[str, int] = {}
    found: dict[str, int] = {}
    for index in range(len(ctx.doc.headings)):
        base = slug(_heading_text(ctx, index))
        name = base
        while name in seen:
            seen[base] += 1
            name = f"{base}-{seen[base]}"
        seen.setdefault(name, 0)
        found[f"#{name}"] = index
    return found


def _heading_text(ctx, index: int) -> str:
    return to_string(_remark.heading_nodes(ctx, ctx.doc.headings[index]))


def _toc_heading(ctx, title: str) -> int | None:
    for index, heading in enumerate(ctx.doc.headings):
        if heading.level == 2 and re.sub(r"<!--.*?-->", "", _heading_text(ctx, index)).strip() == title:
            return index
    return None


def _top_lists(doc, first_line: int, last_line: int) -> list[list[int]]:
    """Top-level lists (as lists of item indexes) between two lines."""
    lists: list[list[int]] = []
    for index, item in enumerate(doc.items):
        if item.depth != 0 or item.in_quote or not first_line < item.line < last_line:
            continue
        if lists:
            previous = doc.items[lists[-1][-1]]
            gap = doc.lines[previous.end_line : item.line - 1]
            if previous.marker[-1] == item.marker[-1] and not any(line.strip() for line in gap):
                lists[-1].append(index)
                continue
        lists.append([index])
    return lists


class _Checker:
    def __init__(self, ctx, sections: list[int]):
        self.ctx, self.doc = ctx, ctx.doc
        self.anchors = anchors(ctx)
        self.used: set[str] = set()
        self.sections = sections
        self.found: list[tuple[int, int, str]] = []

    def report(self, item_index: int, message: str) -> None:
        item = self.doc.items[item_index]
        self.found.append((item.marker_start, self.doc.line_ends[item.line - 1], message))

    def children(self, item_index: int) -> list[int]:
        return [i for i, item in enumerate(self.doc.items) if item.parent == item_index]

    def validate(self, items: list[int], headings: list[int], depth: int, list_start: int) -> None:
        doc = self.doc
        position = 0
        for position, item_index in enumerate(items):
            link = next((n for n in _remark.walk(_remark.item_nodes(self.ctx, item_index)) if n.type == "link"), None)
            if link is None:
                self.report(item_index, f'ToC item "{position}" missing link')
                return
            text = to_string(link)
            heading = headings[position] if position < len(headings) else None
            heading_text = _heading_text(self.ctx, heading) if heading is not None else ""
            if not text:
                self.report(item_index, f'ToC item "{link.url}" missing link text')
                return
            if not heading_text:
                if text in DENIED_SECTIONS:
                    self.report(item_index, f'ToC should not contain section "{text}"')
                else:
                    self.report(item_index, f'ToC item "{text}" missing corresponding heading')
                return
            if text != heading_text:
                self.report(item_index, f'ToC item "{text}" does not match corresponding heading "{heading_text}"')
                return
            if link.url not in self.anchors:
                self.report(item_index, f'ToC item "{text}" link "{link.url}" not found')
                return
            if link.url in self.used:
                self.report(item_index, f'ToC item "{text}" has duplicate link "{link.url}"')
                return
            self.used.add(link.url)
            sub = self.children(item_index)
            if sub:
                if depth < MAX_DEPTH:
                    self.validate(sub, self.subsections(headings, position, depth), depth + 1, doc.items[sub[0]].line)
                else:
                    self.report(item_index, f"Exceeded max depth of {MAX_DEPTH + 1} levels")
            position += 1
        else:
            position = len(items)
        for heading in headings[position:]:
            start = self.doc.line_starts[list_start - 1]
            message = f'ToC missing item for "{_heading_text(self.ctx, heading)}"'
            self.found.append((start, self.doc.line_ends[list_start - 1], message))

    def subsections(self, headings: list[int], position: int, depth: int) -> list[int]:
        doc = self.doc
        start = headings[position]
        stop = headings[position + 1] if position + 1 < len(headings) else len(doc.headings)
        return [
            index
            for index in range(start + 1, stop)
            if doc.headings[index].level == depth + 3 and not self.under_denied(index)
        ]

    def under_denied(self, index: int) -> bool:
        parents = [i for i in range(index) if self.doc.headings[i].level == 2]
        return bool(parents) and _heading_text(self.ctx, parents[-1]) in DENIED_SECTIONS


def check(ctx):
    doc = ctx.doc
    toc = _toc_heading(ctx, ctx.options.get("heading", "Contents"))
    if toc is None:
        return
    heading = doc.headings[toc]
    if toc > 1:
        yield Diagnostic(heading.start, heading.end, "Table of Contents must be the first section")
    elif toc == 0 and not any(doc.blocks.line_kinds[i] == "html" for i in range(heading.line - 1)):
        yield Diagnostic(heading.start, heading.end, "First heading should be name of awesome list")
    sections = [
        i
        for i in range(toc + 1, len(doc.headings))
        if doc.headings[i].level == 2 and _heading_text(ctx, i) not in DENIED_SECTIONS
    ]
    if not sections:
        yield Diagnostic(0, 0, "Missing content headers")
        return
    lists = _top_lists(doc, heading.end_line, doc.headings[sections[0]].line)
    if not lists:
        yield Diagnostic(heading.start, heading.end, "Missing or invalid Table of Contents list")
        return
    if len(lists) > 1:
        yield Diagnostic(heading.start, heading.end, "Multiple Table of Contents lists found")
        return
    checker = _Checker(ctx, sections)
    checker.validate(lists[0], sections, 0, doc.items[lists[0][0]].line)
    fix = _regenerate(ctx, checker, lists[0]) if checker.found else None
    for start, end, message in checker.found:
        yield Diagnostic(start, end, message, fix=fix)
        fix = None  # the regenerated list rides on the first finding only (a copy on each multiplies the JSON)


def _regenerate(ctx, checker: _Checker, items: list[int]) -> Fix | None:
    """The Contents list rebuilt from the headings, in the list's own marker, indent and nesting."""
    doc = ctx.doc
    first = doc.items[items[0]]
    last = doc.items[items[-1]]
    nested = [i for i, item in enumerate(doc.items) if item.parent in items]
    if not _same_shape(ctx, items, 2) or not _same_shape(ctx, nested, 3):
        return None  # the list is laid out otherwise (e.g. nested under the title): regenerating would flatten it
    marker = first.marker
    indent = " " * first.indent
    sub_marker = doc.items[nested[0]].marker if nested else marker
    sub_indent = " " * doc.items[nested[0]].indent if nested else ""
    by_heading = {index: anchor for anchor, index in anchors(ctx).items()}
    eol = doc.eol
    lines = []
    for position, heading in enumerate(checker.sections):
        lines.append(f"{indent}{marker} [{_label(ctx, heading)}]({by_heading[heading]})")
        if nested:
            for sub in checker.subsections(checker.sections, position, 0):
                lines.append(f"{sub_indent}{sub_marker} [{_label(ctx, sub)}]({by_heading[sub]})")
    start = doc.line_starts[first.line - 1]
    end = doc.line_ends[last.end_line - 1]
    replacement = eol.join(lines)
    if doc.text[start:end] == replacement:
        return None
    return Fix.safe(Edit(start, end, replacement), changes=frozenset({CHANGES_TOC}))


def _same_shape(ctx, items: list[int], level: int) -> bool:
    """Whether each item's link that resolves to a heading points at a heading of ``level``."""
    known = anchors(ctx)
    for index in items:
        link = next((n for n in _remark.walk(_remark.item_nodes(ctx, index)) if n.type == "link"), None)
        if link is not None and link.url in known and ctx.doc.headings[known[link.url]].level != level:
            return False
    return True


def _label(ctx, index: int) -> str:
    text = _heading_text(ctx, index)
    return re.sub(r"([\[\]\\`*_])", r"\\\1", text)
