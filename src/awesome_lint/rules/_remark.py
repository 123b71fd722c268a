"""What the awesome preset's rules share: remark's view of the document, computed once per lint pass.

sindresorhus/awesome-lint and the remark-lint rules it enables reason about mdast: paragraphs, list
items whose first child is a paragraph, text nodes. These helpers give the same view from the block
scanner (:mod:`awesome_lint.blocks`) and the phrasing parser (:mod:`awesome_lint.phrasing`), cached in
``ctx.shared`` so that each paragraph is parsed once however many rules look at it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import phrasing
from ..blocks import TEXT

# The rule ids awesome-lint 2.3.0 reports (config.js and rules/index.js); the rules of the awesome
# preset that are not among them are this tool's own.
AWESOME_LINT_IDS = frozenset(
    """
    blockquote-indentation checkbox-character-style checkbox-content-indent code-block-style definition-case
    definition-spacing emphasis-marker fenced-code-marker file-extension final-newline hard-break-spaces
    heading-style link-title-style list-item-bullet-indent list-item-indent no-blockquote-without-marker
    no-emphasis-as-heading no-file-name-articles no-file-name-consecutive-dashes
    no-file-name-irregular-characters no-file-name-mixed-case no-file-name-outer-dashes
    no-heading-content-indent no-heading-indent no-heading-punctuation no-multiple-toplevel-headings
    no-shell-dollars no-table-indentation no-undefined-references no-unneeded-full-reference-image
    no-unneeded-full-reference-link no-unused-definitions ordered-list-marker-style ordered-list-marker-value
    rule-style strong-marker table-cell-padding table-pipe-alignment table-pipes unordered-list-marker-style
    no-repeat-punctuation awesome-heading awesome-badge awesome-contributing awesome-github awesome-license
    awesome-list-item balanced-punctuation awesome-no-ci-badge no-repeat-item-in-description awesome-spell-check
    awesome-toc double-link awesome-code-of-conduct
    """.split()  # noqa: SIM905 (a word list reads better than a list of strings)
)


@dataclass(slots=True)
class Paragraph:
    start: int  # offset of the first character of the inline content
    end: int  # offset after its last character
    line: int
    end_line: int
    item: int | None  # index in doc.items when this is an item's first paragraph
    top_level: bool  # a child of the document itself (not in an item or a block quote)


def _shared(ctx, key, build):
    if key not in ctx.shared:
        ctx.shared[key] = build()
    return ctx.shared[key]


def nodes(ctx, start: int, end: int) -> list[phrasing.Node]:
    """The phrasing nodes of ``text[start:end]``, parsed once per pass."""
    cache = _shared(ctx, "phrasing", dict)
    key = (start, end)
    if key not in cache:
        cache[key] = phrasing.parse(ctx.doc.text, start, end, ctx.doc.definitions)
    return cache[key]


def item_nodes(ctx, index: int) -> list[phrasing.Node]:
    """The phrasing nodes of a list item's first paragraph ([] for an empty item)."""
    item = ctx.doc.items[index]
    start, end = _trimmed(ctx.doc.text, item.content_start, item.text_end)
    return nodes(ctx, start, end) if start < end else []


def item_paragraph_start(ctx, index: int) -> int:
    """Where an item's first paragraph starts, after a task checkbox (mdast keeps it out of the paragraph)."""
    item = ctx.doc.items[index]
    start = item.content_start
    if item.checkbox and ctx.doc.text.startswith(item.checkbox, start):
        start += len(item.checkbox)
    return _trimmed(ctx.doc.text, start, item.text_end)[0]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n":
        start += 1
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return start, end


def paragraphs(ctx) -> list[Paragraph]:
    """Every paragraph: each list item's first paragraph, and each run of text lines outside items."""
    return _shared(ctx, "paragraphs", lambda: _find_paragraphs(ctx.doc))


def _find_paragraphs(doc) -> list[Paragraph]:
    found: list[Paragraph] = []
    covered: set[int] = set()
    for index, item in enumerate(doc.items):
        start, end = _trimmed(doc.text, item.content_start, item.text_end)
        if item.checkbox and doc.text.startswith(item.checkbox, start):
            start, end = _trimmed(doc.text, start + len(item.checkbox), end)
        if start >= end:
            continue
        line, end_line = doc.line_of(start), doc.line_of(end - 1)
        covered.update(range(item.line, end_line + 1))
        found.append(Paragraph(start, end, line, end_line, index, False))
    kinds = doc.blocks.line_kinds
    number = 1
    while number <= len(kinds):
        if kinds[number - 1] != TEXT or number in covered:
            number += 1
            continue
        first = number
        while number <= len(kinds) and kinds[number - 1] == TEXT and number not in covered:
            number += 1
        last = number - 1
        start, end = _trimmed(doc.text, doc.line_starts[first - 1], doc.line_ends[last - 1])
        if start < end:
            top = not doc.lines[first - 1][:1].isspace() and not _inside_item(doc, first)
            found.append(Paragraph(start, end, first, last, None, top))
    found.sort(key=lambda paragraph: paragraph.start)
    return found


def _inside_item(doc, line: int) -> bool:
    return any(item.line <= line <= item.end_line for item in doc.items)


def walk(node_list: list[phrasing.Node]):
    """Every node of a phrasing tree, depth first, in document order."""
    for node in node_list:
        yield node
        yield from walk(node.children)


def text_nodes(ctx):
    """Every text node of the document's paragraphs, headings and table cells, in document order."""
    for start, end in phrasing_spans(ctx):
        for node in walk(nodes(ctx, start, end)):
            if node.type == "text":
                yield node


def phrasing_spans(ctx) -> list[tuple[int, int]]:
    """(start, end) of every phrasing container at the block level: paragraphs, headings, table cells."""

    def build():
        doc = ctx.doc
        spans = [(p.start, p.end) for p in paragraphs(ctx)]
        spans += [(h.start, h.end) for h in doc.headings if h.start < h.end]
        spans += [cell for row in doc.rows for cell in row.cells if cell[0] < cell[1]]
        return sorted(spans)

    return _shared(ctx, "phrasing_spans", build)


def heading_nodes(ctx, heading) -> list[phrasing.Node]:
    return nodes(ctx, heading.start, heading.end) if heading.start < heading.end else []


def contents_heading(ctx):
    """awesome-lint's table of contents: the first level-2 heading whose text is ``Contents``."""
    for index, heading in enumerate(ctx.doc.headings):
        if heading.level == 2 and _strip_comments(phrasing.to_string(heading_nodes(ctx, heading))) == "Contents":
            return index
    return None


def _strip_comments(text: str) -> str:
    import re

    return re.sub(r"<!--.*?-->", "", text).strip()
