"""What the awesome preset's rules share: remark's view of the document, computed once per lint pass.

sindresorhus/awesome-lint and the remark-lint rules it enables reason about mdast: paragraphs, list
items whose first child is a paragraph, text nodes. These helpers give the same view from the block
scanner (:mod:`awesome_lint.blocks`) and the phrasing parser (:mod:`awesome_lint.phrasing`), cached in
``ctx.shared`` so that each paragraph is parsed once however many rules look at it.
"""

from __future__ import annotations

import re
from collections import Counter
from weakref import WeakKeyDictionary

from .. import phrasing
from ..blocks import BLANK, CODE, COMMENT, HTML, QUOTE, TEXT
from ..document import trimmed_span
from ..record import Record

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


class Paragraph(Record):
    start: int  # offset of the first character of the inline content
    end: int  # offset after its last character
    line: int
    end_line: int
    item: int | None  # index in doc.items when this is an item's first paragraph
    top_level: bool  # a child of the document itself (not in an item or a block quote)

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, start: int, end: int, line: int, end_line: int, item: int | None, top_level: bool) -> None:
        self.start = start
        self.end = end
        self.line = line
        self.end_line = end_line
        self.item = item
        self.top_level = top_level


def _shared(ctx, key, build):
    if key not in ctx.shared:
        ctx.shared[key] = build()
    return ctx.shared[key]


def nodes(ctx, start: int, end: int) -> list[phrasing.Node]:
    """The phrasing nodes of ``text[start:end]``, parsed once per pass."""
    cache = _shared(ctx, "phrasing", dict)
    key = (start, end)
    if key not in cache:
        doc = ctx.doc  # the links of the span were scanned once, most often by the entry extractor
        cache[key] = phrasing.parse(doc.text, start, end, doc.definitions, doc.links_in(start, end))
    return cache[key]


def item_nodes(ctx, index: int) -> list[phrasing.Node]:
    """The phrasing nodes of a list item's first paragraph ([] for an empty item)."""
    item = ctx.doc.items[index]
    start, end = trimmed_span(ctx.doc.text, item.content_start, item.text_end)
    return nodes(ctx, start, end) if start < end else []


def item_paragraph_start(ctx, index: int) -> int:
    """Where an item's first paragraph starts, after a task checkbox (mdast keeps it out of the paragraph)."""
    item = ctx.doc.items[index]
    start = item.content_start
    if item.checkbox and ctx.doc.text.startswith(item.checkbox, start):
        start += len(item.checkbox)
    return trimmed_span(ctx.doc.text, start, item.text_end)[0]


def paragraphs(ctx) -> list[Paragraph]:
    """Every paragraph: each list item's first paragraph, and each run of text lines outside items."""
    return _shared(ctx, "paragraphs", lambda: _find_paragraphs(ctx.doc))


def _find_paragraphs(doc) -> list[Paragraph]:
    found: list[Paragraph] = []
    covered: set[int] = set()
    for index, item in enumerate(doc.items):
        start, end = trimmed_span(doc.text, item.content_start, item.text_end)
        if item.checkbox and doc.text.startswith(item.checkbox, start):
            start, end = trimmed_span(doc.text, start + len(item.checkbox), end)
        if start >= end:
            continue
        line, end_line = doc.line_of(start), doc.line_of(end - 1)
        covered.update(range(item.line, end_line + 1))
        found.append(Paragraph(start, end, line, end_line, index, False))
    kinds = doc.blocks.line_kinds
    item_lines = None
    number = 1
    while number <= len(kinds):
        if kinds[number - 1] != TEXT or number in covered:
            number += 1
            continue
        first = number
        while number <= len(kinds) and kinds[number - 1] == TEXT and number not in covered:
            number += 1
        last = number - 1
        start, end = trimmed_span(doc.text, doc.line_starts[first - 1], doc.line_ends[last - 1])
        if start < end:
            if item_lines is None:
                item_lines = _item_lines(doc)
            top = not doc.lines[first - 1][:1].isspace() and first not in item_lines
            found.append(Paragraph(start, end, first, last, None, top))
    found.sort(key=lambda paragraph: paragraph.start)
    return found


def _item_lines(doc) -> set[int]:
    """The lines inside some list item (one set, rather than a scan of every item for each paragraph)."""
    return {line for item in doc.items for line in range(item.line, item.end_line + 1)}


def walk(node_list: list[phrasing.Node]):
    """Every node of a phrasing tree, depth first, in document order."""
    for node in node_list:
        yield node
        if node.children:  # most nodes are leaves: no generator for them
            yield from walk(node.children)


def all_nodes(ctx) -> list[phrasing.Node]:
    """Every phrasing node of the document's paragraphs, headings and table cells, depth first, in document
    order: walked once per pass, then read by every rule that looks at all of them."""

    def build():
        found: list[phrasing.Node] = []
        for start, end in phrasing_spans(ctx):
            found.extend(walk(nodes(ctx, start, end)))
        return found

    return _shared(ctx, "all_nodes", build)


def _nodes_of_type(ctx, node_type: str) -> list[phrasing.Node]:
    def build():
        by_type: dict[str, list[phrasing.Node]] = {}
        for node in all_nodes(ctx):
            by_type.setdefault(node.type, []).append(node)
        return by_type

    return _shared(ctx, "nodes_by_type", build).get(node_type, [])


def text_nodes(ctx):
    """Every text node of the document's paragraphs, headings and table cells, in document order."""
    return iter(_nodes_of_type(ctx, "text"))


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
    return re.sub(r"<!--.*?-->", "", text).strip()


def phrasing_nodes(ctx, *types: str):
    """Every phrasing node of the given types, in document order (links' and emphasis' children included)."""
    if len(types) == 1:
        return iter(_nodes_of_type(ctx, types[0]))
    return (node for node in all_nodes(ctx) if node.type in types)


# ------------------------------------------------------------------------------------ styles ("consistent")


class Style(Record):
    """The style a ``consistent``-or-pinned rule expects, and whether fixing toward it is unambiguous."""

    expected: str | None
    first: int | None  # offset of the first use, when the file's first use set the style
    unambiguous: bool  # the style was pinned, or the first use is also the file's most common style

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, expected: str | None, first: int | None, unambiguous: bool) -> None:
        self.expected = expected
        self.first = first
        self.unambiguous = unambiguous


def expected_style(option: str, seen: list[tuple[str, int]]) -> Style:
    """remark-lint's ``consistent``: the first use sets the style. A fix toward it is unambiguous only when
    that style is also used strictly more often than any other (else the list has two candidate styles)."""
    if option != "consistent":
        return Style(option, None, True)
    if not seen:
        return Style(None, None, False)
    expected, first = seen[0]
    counts = Counter(style for style, _ in seen).most_common()
    dominant = counts[0][0] == expected and (len(counts) == 1 or counts[1][1] < counts[0][1])
    return Style(expected, first, dominant)


def plural(count: int, word: str) -> str:
    """remark-lint's pluralize: ``space`` or ``spaces``."""
    return word if count == 1 else word + "s"


# ------------------------------------------------------------------------------------ lines and lists


def line_content_start(doc, line: int) -> int:
    """The offset of a line's first character after indentation and block quote markers."""
    start, text = doc.line_starts[line - 1], doc.lines[line - 1]
    index = 0
    while index < len(text) and text[index] in " \t>":
        index += 1
    return start + index


def in_quote(doc, line: int) -> bool:
    """Whether a line starts with a block quote marker (after indentation)."""
    return doc.lines[line - 1].lstrip(" \t").startswith(">")


def innermost_item(doc, line: int) -> int | None:
    """Index in doc.items of the deepest list item whose lines include ``line`` (the first such, in order)."""
    by_line = _innermost_by_line.get(doc)
    if by_line is None:
        by_line = _innermost_by_line[doc] = _innermost_items(doc)
    return by_line[line] if 0 < line < len(by_line) else None


_innermost_by_line: WeakKeyDictionary = WeakKeyDictionary()  # Document -> innermost item of each line


def _innermost_items(doc) -> list[int | None]:
    """innermost_item of every line at once (index 0 unused): one pass over the items' lines, rather than
    a scan of the items for each heading or block asked about."""
    found: list[int | None] = [None] * (len(doc.lines) + 1)
    for index, item in enumerate(doc.items):
        for line in range(item.line, min(item.end_line, len(doc.lines)) + 1):
            current = found[line]
            if current is None or item.depth > doc.items[current].depth:
                found[line] = index
    return found


def delimiter(item) -> str:
    """The character that decides which list an item belongs to: the bullet, or ``.``/``)`` after a number."""
    return item.marker[-1]


def lists(doc) -> list[list[int]]:
    """The lists of the document as CommonMark forms them: runs of sibling items with the same kind of marker,
    separated by nothing but blank lines (indices in doc.items, in order)."""
    found: list[list[int]] = []
    open_by_parent: dict[int | None, list[int]] = {}
    for index, item in enumerate(doc.items):
        current = open_by_parent.get(item.parent)
        if current is not None:
            previous = doc.items[current[-1]]
            between = doc.lines[previous.end_line : item.line - 1]
            if delimiter(previous) == delimiter(item) and not any(line.strip() for line in between):
                current.append(index)
                continue
        current = [index]
        found.append(current)
        open_by_parent[item.parent] = current
    return found


def merges_with_neighbour(doc, index: int, new_delimiter: str) -> bool:
    """Whether giving an item another marker could join its list to an adjacent one (CommonMark starts a new list
    when the marker changes, so two lists that differ only by marker, with blank lines between, would merge)."""
    item = doc.items[index]
    for other_index in (index - 1, index + 1):
        if not 0 <= other_index < len(doc.items):
            continue
        other = doc.items[other_index]
        if other.parent != item.parent or other.indent != item.indent or delimiter(other) == delimiter(item):
            continue
        if delimiter(other) != new_delimiter:
            continue
        first, second = (other, item) if other_index < index else (item, other)
        if not any(line.strip() for line in doc.lines[first.end_line : second.line - 1]):
            return True  # nothing but blank lines between them
    return False


# ------------------------------------------------------------------------------------ HTML


class Html(Record):
    start: int
    end: int
    value: str

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, start: int, end: int, value: str) -> None:
        self.start = start
        self.end = end
        self.value = value


def html_nodes(ctx) -> list[Html]:
    """mdast's html nodes in document order: HTML blocks (runs of HTML and comment lines) and inline HTML."""

    def build():
        doc = ctx.doc
        found = [Html(node.start, node.end, node.value) for node in phrasing_nodes(ctx, "html")]
        kinds = doc.blocks.line_kinds
        number = 1
        while number <= len(kinds):
            if kinds[number - 1] not in (HTML, COMMENT) or _in_paragraph(ctx, number):
                number += 1
                continue
            first = number
            while number <= len(kinds) and kinds[number - 1] in (HTML, COMMENT):
                number += 1
            start = line_content_start(doc, first)
            end = doc.line_ends[number - 2]
            found.append(Html(start, end, doc.text[start:end]))
        found.sort(key=lambda html: html.start)
        return found

    return _shared(ctx, "html_nodes", build)


def _in_paragraph(ctx, line: int) -> bool:
    spans = _shared(ctx, "paragraph_lines", lambda: {n for p in paragraphs(ctx) for n in range(p.line, p.end_line + 1)})
    return line in spans


# ------------------------------------------------------------------------------------ definitions


class FootnoteDefinition(Record):
    label: str  # as written, without the caret
    start: int  # offset of "["
    end: int  # end of its first line
    line: int

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, label: str, start: int, end: int, line: int) -> None:
        self.label = label
        self.start = start
        self.end = end
        self.line = line


_FOOTNOTE_DEFINITION = re.compile(r"\[\^([^\]\s]+)\]:")


def footnote_definitions(ctx) -> list[FootnoteDefinition]:
    """GFM footnote definitions ``[^label]: text``: a paragraph or definition that starts with one."""

    def build():
        doc = ctx.doc
        starts = [p.start for p in paragraphs(ctx)] + [d.start for d in doc.blocks.definitions]
        found = []
        for start in sorted(set(starts)):
            match = _FOOTNOTE_DEFINITION.match(doc.text, start)
            if match:
                line = doc.line_of(start)
                found.append(FootnoteDefinition(match.group(1), start, doc.line_ends[line - 1], line))
        return found

    return _shared(ctx, "footnote_definitions", build)


def link_definitions(doc):
    """The link reference definitions, footnote definitions (labels starting with ``^``) left out."""
    return [definition for definition in doc.blocks.definitions if not definition.label.startswith("^")]


def heading_start(doc, heading) -> int:
    """Where mdast's heading node starts: at the opening hashes of an ATX heading, at the text of a setext one."""
    if heading.setext:
        return heading.start
    text, line_start = doc.text, doc.line_starts[heading.line - 1]
    start = heading.start
    while start > line_start and text[start - 1] in " \t":
        start -= 1
    while start > line_start and text[start - 1] == "#":
        start -= 1
    return start


# ------------------------------------------------------------------------------------ code blocks

_FENCE_RUN = re.compile(r"`{3,}|~{3,}")


def fence(doc, block) -> tuple[int, int] | None:
    """(start, end) of a fenced code block's opening fence (its run of backticks or tildes)."""
    line = block.line
    match = _FENCE_RUN.search(doc.text, line_content_start(doc, line), doc.line_ends[line - 1])
    return (match.start(), match.end()) if match else None


def closing_fence(doc, block, opening: tuple[int, int]) -> tuple[int, int] | None:
    """(start, end) of a fenced code block's closing fence, or None when the block is never closed."""
    if block.end_line == block.line:
        return None
    char, size = doc.text[opening[0]], opening[1] - opening[0]
    start, end = line_content_start(doc, block.end_line), doc.line_ends[block.end_line - 1]
    run = doc.text[start:end].rstrip(" \t")
    if len(run) >= size and run == char * len(run):
        return start, start + len(run)
    return None


def code_lines(doc, block) -> list[str]:
    """The lines of a fenced code block between its fences, with indentation and block quote markers dropped."""
    opening = fence(doc, block)
    last = block.end_line - 1 if opening and closing_fence(doc, block, opening) else block.end_line
    quoted = in_quote(doc, block.line)
    found = []
    for number in range(block.line + 1, last + 1):
        line = doc.lines[number - 1].lstrip(" \t")
        if quoted:
            line = line.lstrip(" \t>")
        found.append(line)
    return found


# ------------------------------------------------------------------------------------ block quotes


class QuoteLine(Record):
    line: int
    markers: list[int]  # offsets of the ">" markers in the line's prefix
    depth: int  # block quotes open before this line (0 when none)
    lazy: bool  # a paragraph line inside block quotes, written with fewer markers than its quotes

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, line: int, markers: list[int], depth: int, lazy: bool) -> None:
        self.line = line
        self.markers = markers
        self.depth = depth
        self.lazy = lazy


def quote_lines(doc) -> list[QuoteLine]:
    """Every line that has block quote markers or continues a block quote without them, in order.

    The nesting is followed from the markers at the start of lines (after indentation), so a block quote
    inside a list item that starts on the item's line (``- > quote``) is not seen. Found once per document
    (two rules read them); the list is shared, not to be changed.
    """
    found = _quote_lines.get(doc)
    if found is None:
        found = _quote_lines[doc] = _find_quote_lines(doc)
    return found


_quote_lines: WeakKeyDictionary = WeakKeyDictionary()  # Document -> its quote_lines


def _find_quote_lines(doc) -> list[QuoteLine]:
    found = []
    depth = 0
    for number, kind in enumerate(doc.blocks.line_kinds, start=1):
        markers = _markers(doc, number) if (depth or kind not in (CODE, HTML, COMMENT)) else []
        if kind == BLANK:
            depth = 0
            continue
        if kind == QUOTE and len(markers) < depth and doc.text[line_content_start(doc, number)].strip():
            found.append(QuoteLine(number, markers, depth, True))
            continue
        if markers or depth:
            found.append(QuoteLine(number, markers, depth, False))
        depth = len(markers)
    return found


_QUOTE_MARKER = re.compile(r"[ \t]*>")


def _markers(doc, line: int) -> list[int]:
    start = doc.line_starts[line - 1]
    if _QUOTE_MARKER.match(doc.text, start, doc.line_ends[line - 1]) is None:
        return []  # most lines: no marker opens them
    text = doc.lines[line - 1]
    found, index = [], 0
    while index < len(text) and text[index] in " \t>":
        if text[index] == ">":
            found.append(start + index)
        index += 1
    return found


def reference_parts(text: str, node) -> tuple[str, str, int | None]:
    """A linkReference or imageReference node's (kind, text, offset of its ``[label]`` part): kind is ``full``
    (``[text][label]``), ``collapsed`` (``[text][]``) or ``shortcut`` (``[text]``); for a full reference the label
    is returned as the text's second part."""
    raw = text[node.start : node.end]
    opening = 2 if raw.startswith("!") else 1
    if raw.endswith("[]"):
        return "collapsed", raw[opening:-3], None
    split = raw.rfind("][")
    if split < 0:
        return "shortcut", raw[opening:-1], None
    return "full", raw[opening:split], node.start + split + 1


def normalize_identifier(label: str) -> str:
    """micromark's normalizeIdentifier (white space collapsed, case folded), as definitions are matched."""
    return " ".join(re.split(r"[\t\n\r ]+", label.strip("\t\n\r "))).lower().upper()


def reference_identifier(text: str, node) -> str:
    """The normalised identifier a linkReference or imageReference node refers to."""
    kind, label, label_at = reference_parts(text, node)
    if kind == "full":
        return normalize_identifier(text[label_at + 1 : node.end - 1])
    return normalize_identifier(label)
