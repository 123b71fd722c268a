"""The block structure of a Markdown list, with exact line numbers, found by a line scanner.

mistune gives no source positions, so the blocks are found here, line by line, following CommonMark's
container rules (block quotes and list items) closely enough that every list item starts on the line
markdown-it-py says it does (tests/test_blocks_oracle.py checks this over the whole corpus).

All line numbers are 1-based. All offsets are character offsets into ``Document.text``.
"""

from __future__ import annotations

import bisect
import re

from . import counters
from .record import Record

# The block classes are plain classes with __slots__, not dataclasses: every run imports this module, and a
# dataclass costs some 0.3 ms to create (its methods are generated and compiled). Each class lists its fields
# as annotations, which name its slots; Record compares and shows them as a dataclass would.


class Heading(Record):
    line: int  # first line (for setext headings, the text line)
    end_line: int  # last line (for setext headings, the underline)
    level: int
    text: str  # the heading's inline text, trimmed, without the #s or a closing sequence
    start: int  # offset of ``text`` in the document
    end: int
    setext: bool

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        line: int,
        end_line: int,
        level: int,
        text: str,
        start: int,
        end: int,
        setext: bool = False,
    ) -> None:
        self.line = line
        self.end_line = end_line
        self.level = level
        self.text = text
        self.start = start
        self.end = end
        self.setext = setext


class ListItem(Record):
    line: int  # the line of the marker
    end_line: int  # last line of the item, nested children included, trailing blank lines excluded
    marker: str  # "-", "*", "+", "1." or "1)" as written
    ordered: bool
    marker_start: int  # offset of the marker
    content_start: int  # offset of the first content character (== text_end for an empty item)
    text_end: int  # end offset of the item's own first paragraph (before any nested block)
    indent: int  # column (0-based, tabs expanded to 4) of the marker
    content_indent: int  # column where the item's content starts
    depth: int  # 0 for a top-level item, 1 for an item nested in it, ...
    parent: int | None  # index in Blocks.items of the enclosing item
    in_quote: bool  # inside a block quote
    checkbox: str | None  # "[ ]" or "[x]" when the item starts with a task checkbox

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        line: int,
        end_line: int,
        marker: str,
        ordered: bool,
        marker_start: int,
        content_start: int,
        text_end: int,
        indent: int,
        content_indent: int,
        depth: int,
        parent: int | None,
        in_quote: bool = False,
        checkbox: str | None = None,
    ) -> None:
        self.line = line
        self.end_line = end_line
        self.marker = marker
        self.ordered = ordered
        self.marker_start = marker_start
        self.content_start = content_start
        self.text_end = text_end
        self.indent = indent
        self.content_indent = content_indent
        self.depth = depth
        self.parent = parent
        self.in_quote = in_quote
        self.checkbox = checkbox


class Table(Record):
    line: int  # the header row
    end_line: int
    delimiter_line: int
    alignments: list[str]  # "left", "right", "center" or ""

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, line: int, end_line: int, delimiter_line: int, alignments: list[str] | None = None) -> None:
        self.line = line
        self.end_line = end_line
        self.delimiter_line = delimiter_line
        self.alignments = [] if alignments is None else alignments


class TableRow(Record):
    line: int
    table: int  # index in Blocks.tables
    header: bool
    start: int  # offset of the row's first character
    end: int  # offset of the row's end (before the line ending)
    cells: list[tuple[int, int]]  # trimmed cell contents, as offsets

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        line: int,
        table: int,
        header: bool,
        start: int,
        end: int,
        cells: list[tuple[int, int]] | None = None,
    ) -> None:
        self.line = line
        self.table = table
        self.header = header
        self.start = start
        self.end = end
        self.cells = [] if cells is None else cells


class Comment(Record):
    """An HTML comment ``<!-- ... -->``, which may span lines."""

    line: int
    end_line: int
    start: int
    end: int
    body: str  # the text between ``<!--`` and ``-->``, trimmed

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, line: int, end_line: int, start: int, end: int, body: str) -> None:
        self.line = line
        self.end_line = end_line
        self.start = start
        self.end = end
        self.body = body


class CodeBlock(Record):
    line: int
    end_line: int  # inclusive; for an unclosed fence, the last line of its container
    fenced: bool
    info: str

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, line: int, end_line: int, fenced: bool, info: str = "") -> None:
        self.line = line
        self.end_line = end_line
        self.fenced = fenced
        self.info = info


class Definition(Record):
    """A link reference definition ``[label]: url "title"``."""

    line: int
    label: str
    url: str
    start: int
    end: int

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, line: int, label: str, url: str, start: int, end: int) -> None:
        self.line = line
        self.label = label
        self.url = url
        self.start = start
        self.end = end


# Kinds of line, one per line in Blocks.line_kinds.
BLANK, TEXT, HEADING, ITEM, TABLE, CODE, HTML, COMMENT, QUOTE, RULE, DEFINITION = (
    "blank",
    "text",
    "heading",
    "item",
    "table",
    "code",
    "html",
    "comment",
    "quote",
    "rule",
    "definition",
)


class Blocks(Record):
    headings: list[Heading]
    items: list[ListItem]
    tables: list[Table]
    rows: list[TableRow]
    comments: list[Comment]
    code_blocks: list[CodeBlock]
    definitions: list[Definition]
    line_kinds: list[str]  # index 0 is line 1

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        headings: list[Heading] | None = None,
        items: list[ListItem] | None = None,
        tables: list[Table] | None = None,
        rows: list[TableRow] | None = None,
        comments: list[Comment] | None = None,
        code_blocks: list[CodeBlock] | None = None,
        definitions: list[Definition] | None = None,
        line_kinds: list[str] | None = None,
    ) -> None:
        self.headings = [] if headings is None else headings
        self.items = [] if items is None else items
        self.tables = [] if tables is None else tables
        self.rows = [] if rows is None else rows
        self.comments = [] if comments is None else comments
        self.code_blocks = [] if code_blocks is None else code_blocks
        self.definitions = [] if definitions is None else definitions
        self.line_kinds = [] if line_kinds is None else line_kinds


# ---------------------------------------------------------------------------------------------------------------
# The scanner.
#
# One pass over the lines, as in CommonMark's parsing strategy: for each line, match the open containers (block
# quotes, list items), then open new containers and at most one leaf block, or add the line to the open leaf
# (a lazy continuation line goes to an open paragraph even when some containers did not match). No recursion: the
# open containers are a stack, and every line costs time in proportion to its length.
#
# Where markdown-it-py (the test oracle) parts from the reference algorithm, the scanner follows markdown-it:
#   * a table header may start a table before any other block start is tried on its line (so "- a | b" followed
#     by "--|--" is a table, not a list item), except on a line that continues an open list; an empty item takes
#     one blank line, so its list is open only on the line after that;
#   * a block quote goes on over a ">" line whatever the indentation of the ">" (CommonMark: at most 3 spaces);
#   * a line that would be a lazy continuation line is checked for block starts the way markdown-it checks it:
#     by the outermost block quote it leaves (with its indentation), then by deeper block quotes and by the
#     paragraph of the innermost list item (whatever its indentation, and only there can it head a table); a
#     list marker indented by 4 columns or more from the list's parent content does not count. Not followed: a
#     line indented by 4 columns or more from the last list item that takes it is lazy text, as in CommonMark
#     (markdown-it ends the paragraph there with a list item or a heading, and the line becomes code).
# Known differences from markdown-it: it loses the column of a tab that follows a ">" of a nested block quote (the
# scanner expands such tabs as CommonMark says); it stops parsing below 20 levels of nesting (the scanner at
# _MAX_DEPTH); link reference definitions are found on one line only.
#
# Line kinds (Blocks.line_kinds): BLANK for a line of spaces and tabs only; ITEM for a line holding a list marker;
# HEADING, TABLE (header, delimiter and body rows), CODE (fenced code, its fences and blank lines included, and
# non-blank lines of indented code), HTML, COMMENT (a line of an HTML block or a paragraph made only of comments
# and white space, or inside a comment), RULE, DEFINITION; QUOTE for other lines inside a block quote (paragraph
# text, or a bare ">"); TEXT for other paragraph text (item continuation lines and lazy continuation lines
# included).
#
# Details of the fields:
#   * ListItem.content_start is the first non-blank character after the marker (a checkbox included), or, for an
#     item whose first line is empty, the start of its paragraph on the next line, or the end of the marker line
#     when there is none. text_end ends the item's first paragraph when the item begins with one; otherwise
#     (a heading, code, a nested list or block quote first) it equals content_start. A bare ">" opening an empty
#     block quote counts as content for end_line.
#   * ListItem.checkbox is normalized: "[X]" is reported as "[x]".
#   * Heading.text of a setext heading of several lines is the text as written, line endings included.
#   * TableRow.cells are split as GFM and markdown-it do: on every "|" not preceded by a backslash, in code spans
#     too; the row's outer empty cells are dropped and each cell is trimmed. Cells beyond the header's count are
#     kept; after _MAX_CELLS, the rest of the row is one last cell.
#   * CodeBlock.end_line of an unclosed fence is the last line inside its container (blank lines included); of
#     indented code, its last non-blank line.
#   * Blocks.comments holds every closed comment in paragraphs, headings, table rows and HTML blocks, in document
#     order; not those in code (code blocks and code spans).
# ---------------------------------------------------------------------------------------------------------------

# The white space markdown-it's trim removes (JavaScript's String.prototype.trim without U+FEFF).
_TRIM = " \t\n\v\f\r\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"

_WS = re.compile(r"[ \t]*")
_NOT_RULE = {char: re.compile("[^ \t" + re.escape(char) + "]") for char in "*-_"}
_ATX = re.compile(r"#{1,6}(?=[ \t]|\Z)")
_FENCE = re.compile(r"`{3,}|~{3,}")
_BACKTICKS = re.compile(r"`+")
_TILDES = re.compile(r"~+")
_ORDERED = re.compile(r"[0-9]{1,9}[.)](?=[ \t]|\Z)")
_CHECKBOX = re.compile(r"\[[ xX]\](?=[ \t]|\Z)")
_DELIMITER_ROW = re.compile(r"[|:-][|: \t-]*\Z")
_DELIMITER_CELL = re.compile(r":?-+:?\Z")

_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|"
    "dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|"
    "legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|"
    "tbody|td|tfoot|th|thead|title|tr|track|ul"
)
# Possessive quantifiers: these grammars never need to backtrack, and a long line must not make them try.
_ATTRIBUTE = r"""(?:\s++[a-zA-Z_:][a-zA-Z0-9:._-]*+(?:\s*+=\s*+(?:[^"'=<>`\x00-\x20]++|'[^']*+'|"[^"]*+"))?+)"""
_OPEN_TAG = r"<[A-Za-z][A-Za-z0-9-]*+" + _ATTRIBUTE + r"*+\s*+/?>"
_CLOSE_TAG = r"</[A-Za-z][A-Za-z0-9-]*+\s*+>"
# The seven kinds of HTML block start, in CommonMark's order.
_HTML_STARTS = (
    re.compile(r"<(?a:script|pre|style|textarea)(?=\s|>|\Z)", re.IGNORECASE),
    re.compile(r"<!--"),
    re.compile(r"<\?"),
    re.compile(r"<![A-Za-z]"),
    re.compile(r"<!\[CDATA\["),
    re.compile(r"</?(?a:" + _BLOCK_NAMES + r")(?=\s|/?>|\Z)", re.IGNORECASE),
    re.compile(r"(?:" + _OPEN_TAG + "|" + _CLOSE_TAG + r")\s*+\Z"),
)
_HTML_END_1 = re.compile(r"</(?a:script|pre|style|textarea)>", re.IGNORECASE)
_HTML_ENDS = {2: "-->", 3: "?>", 4: ">", 5: "]]>"}

# Inline tokens that matter when looking for comments in paragraph text: escapes, code span delimiters, "<!--".
_INLINE_TOKEN = re.compile(r"\\.|`+|<!--", re.DOTALL)

_DEF_LABEL = re.compile(r"\[((?:[^\\\[\]]++|\\.)*+)\]:", re.DOTALL)
_BAD_PROTOCOL = re.compile(r"(?:vbscript|javascript|file|data):", re.IGNORECASE)
_GOOD_DATA = re.compile(r"data:image/(?:gif|png|jpeg|webp);", re.IGNORECASE)

# Leaf blocks that can be open.
_NONE, _PARA, _FENCE_LEAF, _CODE_LEAF, _HTML_LEAF, _TABLE_LEAF = range(6)
# Block starts.
_S_QUOTE, _S_ITEM, _S_ATX, _S_SETEXT, _S_FENCE, _S_HTML, _S_HR, _S_CODE, _S_TABLE, _S_DEF = range(10)

_MAX_AUTOCOMPLETED_CELLS = 0x10000  # markdown-it ends a table whose rows leave out more cells than this
# The characters a block start (other than a table or indented code) can begin with.
_MAYBE_BLOCK = frozenset("#`~*+-_=<>[0123456789")
_MAX_DEPTH = 1000  # open containers at most; deeper markers are text (markdown-it stops at 20 levels)
_MAX_CELLS = 1000  # cells kept per table row; the rest of a longer row is its last cell


def _is_rule(line: str, pos: int, memo: list) -> bool:
    """Whether a thematic break starts at ``pos``: 3 or more of "*", "-" or "_", with spaces and tabs between.

    ``memo`` ([line, character, position]) remembers where the line last failed, so that a line of a thousand
    nested items ("- - - ... x") is not searched a thousand times."""
    char = line[pos]
    pattern = _NOT_RULE.get(char)
    if pattern is None:
        return False
    size = len(line)
    after = pos + 1
    if after < size and line[after] != char:
        if line[after] != " " and line[after] != "\t":
            return False
        after += 1
        if after < size and line[after] != char and line[after] != " " and line[after] != "\t":
            return False  # the common case, such as "- item", decided at once
    if memo[0] is line and memo[1] == char and memo[2] > pos:
        return False
    bad = pattern.search(line, pos)
    if bad is not None:
        memo[:] = line, char, bad.start()
        return False
    return line.count(char, pos) >= 3


def _is_underline(line: str, pos: int) -> bool:
    """Whether a setext heading underline ("===" or "---", then only spaces and tabs) starts at ``pos``."""
    char = line[pos]
    rest = line[pos:].rstrip(" \t")
    return not rest.strip(char)


def _skip(line: str, pos: int, col: int) -> tuple[int, int]:
    """The position and column of the first character at or after ``pos`` that is not a space or a tab."""
    end = _WS.match(line, pos).end()
    if end == pos:
        return pos, col
    if line.find("\t", pos, end) < 0:
        return end, col + end - pos
    while pos < end:
        col = (col // 4 + 1) * 4 if line[pos] == "\t" else col + 1
        pos += 1
    return end, col


def _advance(line: str, pos: int, col: int, target: int) -> tuple[int, int]:
    """Move over spaces and tabs to column ``target``; the result may stand inside a tab (partly consumed)."""
    size = len(line)
    while col < target and pos < size:
        char = line[pos]
        if char == "\t":
            end = (col // 4 + 1) * 4
            if end > target:
                return pos, target
            col = end
        elif char == " ":
            col += 1
        else:
            break
        pos += 1
    return pos, col


def _after_quote_marker(line: str, pos: int, col: int) -> tuple[int, int]:
    """Skip the ">" at ``pos`` and the one optional space after it (one column of a tab)."""
    pos += 1
    col += 1
    if pos < len(line):
        char = line[pos]
        if char == " ":
            pos += 1
            col += 1
        elif char == "\t":
            col += 1
            if col % 4 == 0:
                pos += 1
    return pos, col


def _cell_count(line: str, start: int, end: int) -> int:
    """The number of cells of the table row ``line[start:end]`` (trimmed), without splitting it."""
    if start >= end:
        return 0
    bars = line.count("|", start, end) - line.count("\\|", start, end)
    leading = line[start] == "|"
    trailing = line[end - 1] == "|" and (end - 1 == start or line[end - 2] != "\\")
    return bars + 1 - leading - trailing


def _cell_spans(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of the table row ``line[start:end]`` (trimmed), split as markdown-it does: on every "|" not
    preceded by a backslash (inside code spans too, as in GFM); empty outer cells dropped; contents trimmed.
    After _MAX_CELLS cells, the rest of the row is one last cell."""
    spans = []
    seg = start
    bar = line.find("|", start, end)
    while bar >= 0 and len(spans) < _MAX_CELLS:
        if bar == start or line[bar - 1] != "\\":
            spans.append((seg, bar))
            seg = bar + 1
        bar = line.find("|", bar + 1, end)
    spans.append((seg, end))
    if spans[0][0] == spans[0][1]:
        spans.pop(0)
    if spans and spans[-1][0] == spans[-1][1]:
        spans.pop()
    cells = []
    for a, b in spans:
        text = line[a:b]
        stripped = text.lstrip(_TRIM)
        a += len(text) - len(stripped)
        b = a + len(stripped.rstrip(_TRIM))
        cells.append((a, b))
    return cells


def _trimmed(line: str, start: int, end: int) -> tuple[int, int]:
    text = line[start:end]
    stripped = text.lstrip(_TRIM)
    start += len(text) - len(stripped)
    return start, start + len(stripped.rstrip(_TRIM))


def _delimiter_aligns(line: str, pos: int) -> list[str] | None:
    """The alignments of a table delimiter row starting at ``pos``, or None (markdown-it's rules)."""
    if len(line) - pos < 2:
        return None
    first, second = line[pos], line[pos + 1]
    if first == "-" and second in " \t":
        return None
    if not _DELIMITER_ROW.match(line, pos):
        return None
    columns = line[pos:].split("|")
    aligns = []
    last = len(columns) - 1
    for i, column in enumerate(columns):
        cell = column.strip(_TRIM)
        if not cell:
            if i == 0 or i == last:
                continue
            return None
        if not _DELIMITER_CELL.match(cell):
            return None
        if cell[-1] == ":":
            aligns.append("center" if cell[0] == ":" else "right")
        elif cell[0] == ":":
            aligns.append("left")
        else:
            aligns.append("")
    return aligns


def _html_kind(line: str, pos: int) -> int:
    for kind, pattern in enumerate(_HTML_STARTS, 1):
        if pattern.match(line, pos):
            return kind
    return 0


def _html_ends(kind: int, line: str, pos: int) -> bool:
    if kind == 1:
        return _HTML_END_1.search(line, pos) is not None
    return line.find(_HTML_ENDS[kind], pos) >= 0


def _fence_opening(line: str, pos: int):
    match = _FENCE.match(line, pos)
    if match is None or (line[pos] == "`" and line.find("`", match.end()) >= 0):
        return None
    return match


def _is_item_marker(line: str, pos: int) -> bool:
    char = line[pos]
    if char in "*-+":
        return pos + 1 >= len(line) or line[pos + 1] in " \t"
    return "0" <= char <= "9" and _ORDERED.match(line, pos) is not None


def _link_destination(line: str, pos: int) -> tuple[int, str] | None:
    """A link destination at ``pos``: (end, destination as written without angle brackets), or None."""
    size = len(line)
    if pos < size and line[pos] == "<":
        i = pos + 1
        while i < size:
            char = line[i]
            if char == "<":
                return None
            if char == ">":
                return i + 1, line[pos + 1 : i]
            i += 2 if char == "\\" and i + 1 < size else 1
        return None
    i = pos
    level = 0
    while i < size:
        char = line[i]
        code = ord(char)
        if char == " " or code < 0x20 or code == 0x7F:
            break
        if char == "\\" and i + 1 < size:
            if line[i + 1] == " ":
                break
            i += 2
            continue
        if char == "(":
            level += 1
            if level > 32:
                return None
        elif char == ")":
            if level == 0:
                break
            level -= 1
        i += 1
    if i == pos or level:
        return None
    return i, line[pos:i]


def _link_title_end(line: str, pos: int) -> int:
    """The end of a link title starting at ``pos``, or -1."""
    size = len(line)
    if pos >= size:
        return -1
    opener = line[pos]
    if opener not in "\"'(":
        return -1
    closer = ")" if opener == "(" else opener
    i = pos + 1
    while i < size:
        char = line[i]
        if char == closer:
            return i + 1
        if char == "(" and opener == "(":
            return -1
        i += 2 if char == "\\" else 1
    return -1


def _definition(line: str, pos: int) -> tuple[str, str, int] | None:
    """A one-line link reference definition at ``pos``: (label, url, end), or None."""
    match = _DEF_LABEL.match(line, pos)
    if match is None:
        return None
    label = match.group(1)
    if not label.strip(_TRIM):
        return None
    start, _ = _skip(line, match.end(), 0)
    destination = _link_destination(line, start)
    if destination is None:
        return None
    end, url = destination
    if _BAD_PROTOCOL.match(url.strip().lower()) and not _GOOD_DATA.match(url.strip().lower()):
        return None
    size = len(line)
    after, _ = _skip(line, end, 0)
    if after >= size:
        return label, url, end
    if after > end:
        title_end = _link_title_end(line, after)
        if title_end > 0 and _skip(line, title_end, 0)[0] >= size:
            return label, url, title_end
    return None


def _next_same_runs(tokens: list[tuple[int, int, str]]) -> list[int]:
    """For each backtick run in ``tokens``, the index of the next run of the same length (-1 when none)."""
    following = [-1] * len(tokens)
    last: dict[int, int] = {}
    for i in range(len(tokens) - 1, -1, -1):
        start, end, kind = tokens[i]
        if kind == "`":
            size = end - start
            following[i] = last.get(size, -1)
            last[size] = i
    return following


def _inline_comments(text: str) -> list[tuple[int, int]]:
    """Spans of the HTML comments in inline text, skipping code spans and backslash escapes."""
    tokens = []
    for match in _INLINE_TOKEN.finditer(text):
        token = match.group()
        tokens.append((match.start(), match.end(), token[0]))
    following = _next_same_runs(tokens)
    found = []
    i = 0
    count = len(tokens)
    while i < count:
        start, end, kind = tokens[i]
        if kind == "`":
            closer = following[i]
            i = closer + 1 if closer >= 0 else i + 1
        elif kind == "<":
            stop = _comment_end(text, start)
            if stop < 0:
                break
            found.append((start, stop))
            while i < count and tokens[i][0] < stop:
                i += 1
        else:
            i += 1
    return found


def _comment_end(text: str, start: int) -> int:
    """The end of the comment that opens at ``start`` ("<!--"), or -1 when it is not closed."""
    if text.startswith(">", start + 4):
        return start + 5
    if text.startswith("->", start + 4):
        return start + 6
    close = text.find("-->", start + 4)
    return close + 3 if close >= 0 else -1


def _raw_comments(text: str) -> list[tuple[int, int]]:
    """Spans of the HTML comments in raw HTML."""
    found = []
    start = text.find("<!--")
    while start >= 0:
        stop = _comment_end(text, start)
        if stop < 0:
            break
        found.append((start, stop))
        start = text.find("<!--", stop)
    return found


class _Box:
    """An open container: the document, a block quote, or a list item."""

    __slots__ = (
        "quote",
        "width",
        "item",
        "empty",
        "last",
        "char",
        "open_list",
        "pending",
        "nearest",
        "in_quote",
        "widths",
        "quotes",
    )

    def __init__(self, quote: bool, width: int, item: int, empty: bool, last: int, char: str, parent):
        self.quote = quote
        self.width = width  # columns an item's content is indented by, from its parent's content column
        self.item = item  # index in Blocks.items, -1 for a block quote or the document
        self.empty = empty  # an item that began with a blank line and holds nothing yet
        self.last = last  # the last non-blank line seen inside
        self.char = char  # an item's marker character ("-", "*", "+", "." or ")")
        self.open_list = ""  # the marker character of a list in this box whose last item just closed
        self.pending = item >= 0  # an item whose first block has not started yet
        if parent is None:
            self.nearest, self.in_quote, self.widths, self.quotes = None, False, 0, 0
        else:
            self.nearest = item if item >= 0 else parent.nearest  # index of the nearest item, itself included
            self.in_quote = quote or parent.in_quote
            self.widths = parent.widths + width  # the widths of the items from the document down to this box
            self.quotes = parent.quotes + quote  # the number of block quotes from the document down to this box


class _Scanner:
    def __init__(self, text: str, lines: list[str], line_starts: list[int]):
        self.text = text
        self.lines = lines
        self.starts = line_starts
        self.count = len(lines)
        self.blocks = Blocks()
        self.kinds = [TEXT] * self.count
        self.stack = [_Box(False, 0, -1, False, 0, "", None)]
        self.quote_at: list[int] = []  # the indices in ``stack`` of the open block quotes
        self.leaf = _NONE
        # The open paragraph: its segments (line index, position of its first character), the item whose own
        # text it is (-1 for none), and whether it may hold a comment.
        self.para: list[tuple[int, int]] = []
        self.para_item = -1
        self.para_comment = False
        # The open fenced or indented code block.
        self.code: CodeBlock | None = None
        self.fence_char = ""
        self.fence_size = 0
        self.code_last = 0
        # The open HTML block.
        self.html_kind = 0
        self.html: list[tuple[int, int]] = []
        self.html_comment = False
        # The open table.
        self.table: Table | None = None
        self.table_index = -1
        self.table_columns = 0
        self.table_missing = 0
        self.table_delimiter = False
        # Where the line being read has a "|" (see has_bar).
        self.bar_line = -1
        self.bar_pos = -1
        self.rule_memo: list = [None, "", 0]  # see _is_rule

    # -- closing ------------------------------------------------------------------------------------------------

    def close_leaf(self) -> None:
        leaf = self.leaf
        if leaf == _NONE:
            return
        self.leaf = _NONE
        if leaf == _PARA:
            if self.para_comment:
                self.comments_in(self.para, inline=True)
        elif leaf == _CODE_LEAF:
            self.code.end_line = self.code_last
        elif leaf == _HTML_LEAF:
            if self.html_comment:
                self.comments_in(self.html, inline=False)
        elif leaf == _TABLE_LEAF:
            self.table.end_line = self.code_last

    def close_to(self, keep: int) -> None:
        """Close the containers above the first ``keep`` (and the leaf, when it is inside one of them)."""
        stack = self.stack
        if len(stack) <= keep:
            return
        self.close_leaf()
        items = self.blocks.items
        while len(stack) > keep:
            box = stack.pop()
            parent = stack[-1]
            if box.last > parent.last:
                parent.last = box.last
            if box.item >= 0:
                items[box.item].end_line = box.last
                parent.open_list = box.char
            else:
                self.quote_at.pop()

    # -- comments -----------------------------------------------------------------------------------------------

    def comments_in(self, segments: list[tuple[int, int]], inline: bool) -> None:
        """Record the comments in a paragraph or an HTML block, and mark the lines made only of comments."""
        lines = self.lines
        pieces = [lines[index][pos:] for index, pos in segments]
        joined = "\n".join(pieces)
        spans = _inline_comments(joined) if inline else _raw_comments(joined)
        if not spans:
            return
        offsets = []  # where each segment starts in ``joined``
        at = 0
        for piece in pieces:
            offsets.append(at)
            at += len(piece) + 1
        starts = self.starts

        def locate(virtual: int) -> tuple[int, int]:
            i = bisect.bisect_right(offsets, virtual) - 1
            index, pos = segments[i]
            return index, starts[index] + pos + virtual - offsets[i]

        comments = self.blocks.comments
        for start, end in spans:
            first, doc_start = locate(start)
            last, doc_end = locate(end - 1)
            body = joined[start + 4 : end - 3].strip() if end - start >= 7 else ""
            comments.append(Comment(first + 1, last + 1, doc_start, doc_end + 1, body))
        # Lines made only of comments and white space.
        kinds = self.kinds
        count = len(spans)
        first = 0
        for i, piece in enumerate(pieces):
            index = segments[i][0]
            a = offsets[i]
            b = a + len(piece)
            while first < count and spans[first][1] <= a:
                first += 1
            if kinds[index] == ITEM or first == count or spans[first][0] >= max(b, a + 1):
                continue  # no comment in this line
            cursor = a
            covered = True
            j = first
            while j < count and spans[j][0] < max(b, a + 1):
                s, e = spans[j]
                if s > cursor and joined[cursor:s].strip(" \t"):
                    covered = False
                    break
                cursor = max(cursor, e)
                j += 1
            if covered and (cursor >= b or not joined[cursor:b].strip(" \t")):
                kinds[index] = COMMENT

    # -- block starts -------------------------------------------------------------------------------------------

    def match_next(self, index: int, keep: int) -> tuple[int, int] | None:
        """Match line ``index`` against the first ``keep`` containers: the position and column where their content
        starts, or None."""
        line = self.lines[index]
        size = len(line)
        stack = self.stack
        pos = col = 0
        for i in range(1, keep):
            box = stack[i]
            npos, ncol = _skip(line, pos, col)
            if box.quote:
                if npos >= size or line[npos] != ">":
                    return None
                pos, col = _after_quote_marker(line, npos, ncol)
            else:
                if npos >= size or ncol - col < box.width:
                    return None
                pos, col = _advance(line, pos, col, col + box.width)
        return pos, col

    def table_aligns(self, line: str, npos: int, index: int, keep: int) -> list[str] | None:
        """The alignments when ``line`` (its content at ``npos``) heads a table whose delimiter row is the next
        line, inside the first ``keep`` containers."""
        if index + 1 >= self.count:
            return None
        found = self.match_next(index + 1, keep)
        if found is None:
            return None
        following = self.lines[index + 1]
        pos, col = _skip(following, *found)
        if col - found[1] >= 4:
            return None  # indented code
        aligns = _delimiter_aligns(following, pos)
        if not aligns:
            return None
        start, end = _trimmed(line, npos, len(line))
        if line.find("|", start, end) < 0:
            return None
        if _cell_count(line, start, end) != len(aligns):
            return None
        return aligns

    def detect(self, line, size, npos, ncol, col, index, keep, interrupt, tip_para, table, open_char):
        """The block that starts at ``npos`` (column ``ncol``; the container content is at column ``col``)."""
        indent = ncol - col
        char = line[npos]
        if interrupt and indent <= 3 and (char == "=" or char == "-") and _is_underline(line, npos):
            return _S_SETEXT, 1 if char == "=" else 2
        if indent >= 4:
            return None if tip_para else (_S_CODE, None)
        if table and self.has_bar(line, index, npos) and not (open_char and self.continues_list(line, npos, open_char)):
            aligns = self.table_aligns(line, npos, index, keep)
            if aligns is not None:
                return _S_TABLE, aligns
        if len(self.stack) >= _MAX_DEPTH and (char == ">" or _is_item_marker(line, npos)):
            return None  # too deep: the rest of the line is text
        if char == ">":
            return _S_QUOTE, None
        if char == "#":
            match = _ATX.match(line, npos)
            if match is not None:
                return _S_ATX, match.end()
        elif char == "`" or char == "~":
            match = _fence_opening(line, npos)
            if match is not None:
                return _S_FENCE, match
        elif char == "<":
            kind = _html_kind(line, npos)
            if kind and (kind < 7 or not tip_para):
                return _S_HTML, kind
        elif char == "[":
            if not tip_para:
                definition = _definition(line, npos)
                if definition is not None:
                    return _S_DEF, definition
            return None
        if char in "*-_" and _is_rule(line, npos, self.rule_memo):
            return _S_HR, None
        if char in "*-+" or "0" <= char <= "9":
            return self.item_start(line, size, npos, ncol, interrupt)
        return None

    def continues_list(self, line: str, npos: int, open_char: str) -> bool:
        """Whether the line is an item of the list whose marker character is ``open_char``."""
        if not _is_item_marker(line, npos):
            return False
        if line[npos] in "*-+":
            return line[npos] == open_char and not _is_rule(line, npos, self.rule_memo)
        return line[_ORDERED.match(line, npos).end() - 1] == open_char

    @staticmethod
    def item_start(line, size, npos, ncol, interrupt):
        char = line[npos]
        if char in "*-+":
            if npos + 1 < size and line[npos + 1] not in " \t":
                return None
            end = npos + 1
        else:
            match = _ORDERED.match(line, npos)
            if match is None:
                return None
            end = match.end()
            if interrupt and int(line[npos : end - 1]) != 1:
                return None
        mcol = ncol + end - npos
        cpos, ccol = _skip(line, end, mcol)
        if cpos >= size:
            if interrupt:
                return None
            return _S_ITEM, (end, mcol, cpos, ccol, mcol + 1)
        spaces = ccol - mcol
        return _S_ITEM, (end, mcol, cpos, ccol, mcol + 1 if spaces > 4 else ccol)

    def ends_lazy(self, line: str, npos: int, ncol: int, col: int, index: int, matched: int) -> bool:
        """Whether a line that would be a lazy continuation line starts a block instead, as markdown-it decides.

        The outermost block quote that does not take the line checks it first, with its real indentation (its
        blockquote rule); if the line stays lazy, deeper block quotes check it again whatever its indentation.
        A line that only list items do not take is checked by the paragraph inside the innermost item, whatever
        its indentation, and may head a table there. In both cases a list marker indented by 4 columns or more
        from the content of the list's parent does not count. Unlike markdown-it, a line indented by 4 columns or
        more from the content of the last list item that takes it (or from the document) stays lazy: to
        CommonMark (commonmark.js, cmark-gfm: GitHub) no block but code starts there, and code does not
        interrupt a paragraph (markdown-it measures its indentation from the paragraph's own item)."""
        stack = self.stack
        depth = len(stack)
        before = stack[matched - 1]
        quotes = stack[-1].quotes - before.quotes  # the block quotes that do not take the line
        if quotes:
            first_quote = self.quote_at[before.quotes]
            if first_quote == matched:
                checked = ncol - col < 4 and self.ends_quote(line, npos, True)
            else:
                parent_col = col + stack[first_quote - 2].widths - before.widths
                checked = self.ends_quote(line, npos, ncol - parent_col < 4)
            return checked or (quotes > 1 and self.ends_quote(line, npos, True))
        if ncol - col >= 4:
            return False  # "    - x" under "   -" + "      - [ ]": lazy text on GitHub, code to markdown-it
        if self.has_bar(line, index, npos) and self.table_aligns(line, npos, index, depth) is not None:
            return True
        parent_col = col + stack[depth - 2].widths - before.widths
        return self.ends_quote(line, npos, ncol - parent_col < 4)

    def has_bar(self, line: str, index: int, npos: int) -> bool:
        """Whether ``line`` has a "|" at or after ``npos`` (remembered, so that a line is searched once)."""
        if self.bar_line != index or 0 <= self.bar_pos < npos:
            self.bar_line = index
            self.bar_pos = line.find("|", npos)
        return self.bar_pos >= 0

    # -- the pass -----------------------------------------------------------------------------------------------

    def run(self) -> Blocks:
        lines = self.lines
        starts = self.starts
        kinds = self.kinds
        stack = self.stack
        blocks = self.blocks
        items = blocks.items
        maybe_block = _MAYBE_BLOCK
        for index in range(self.count):
            line = lines[index]
            size = len(line)
            base = starts[index]
            lineno = index + 1
            depth = len(stack)
            pos = col = 0
            matched = 1
            npos = -1
            # 1. Match the open containers.
            while matched < depth:
                box = stack[matched]
                npos, ncol = _skip(line, pos, col)
                if box.quote:
                    if npos >= size or line[npos] != ">":
                        break
                    pos, col = _after_quote_marker(line, npos, ncol)
                elif npos >= size:
                    if box.empty:
                        break
                    pos, col = npos, ncol
                elif ncol - col >= box.width:
                    box.empty = False
                    width = box.width
                    if npos - pos == ncol - col:
                        pos += width
                        col += width
                    else:
                        pos, col = _advance(line, pos, col, col + width)
                else:
                    break
                matched += 1
                npos = -1
            if npos < 0:
                npos, ncol = _skip(line, pos, col)
            blank = npos >= size
            all_matched = matched == depth
            leaf = self.leaf

            # 2. An open leaf that takes the line as it is.
            if all_matched and leaf != _NONE and leaf != _PARA:
                if leaf == _FENCE_LEAF:
                    self.fence_line(line, size, npos, ncol - col, index)
                    continue
                if leaf == _HTML_LEAF:
                    if not (blank and self.html_kind >= 6):
                        self.html_line(line, npos, index, blank)
                        continue
                    self.close_leaf()
                elif leaf == _CODE_LEAF:
                    if blank or ncol - col >= 4:
                        if not blank:
                            kinds[index] = CODE
                            self.code_last = lineno
                            stack[-1].last = lineno
                        else:
                            kinds[index] = BLANK
                        continue
                    self.close_leaf()
                elif leaf == _TABLE_LEAF:
                    if self.table_delimiter:
                        self.table_delimiter = False
                        kinds[index] = TABLE
                        self.code_last = lineno
                        stack[-1].last = lineno
                        continue
                    if (
                        not blank
                        and ncol - col < 4
                        and not self.ends_quote(line, npos)
                        and self.table_row(line, npos, index)
                    ):
                        continue
                    self.close_leaf()

            # 3. A blank line closes what it does not continue.
            if blank:
                if not all_matched:
                    self.close_to(matched)
                else:
                    # markdown-it: an empty item takes one blank line; the list goes on only if an item follows.
                    stack[-1].open_list = ""
                self.close_leaf()
                kinds[index] = BLANK if _WS.match(line).end() == size else QUOTE
                continue

            # 4. New containers and leaf blocks.
            tip_para = self.leaf == _PARA
            interrupt = tip_para and all_matched
            keep = matched
            if matched < depth and not stack[matched].quote:
                open_char = stack[matched].char
            else:
                open_char = stack[matched - 1].open_list
            found = None
            lazy = False
            if tip_para and not all_matched:
                # A lazy continuation line, unless a block starts here.
                if (line[npos] in maybe_block or self.has_bar(line, index, npos)) and self.ends_lazy(
                    line, npos, ncol, col, index, matched
                ):
                    tip_para = False
                    found = self.detect(line, size, npos, ncol, col, index, keep, False, False, True, open_char)
                else:
                    lazy = True
            elif line[npos] not in maybe_block and ncol - col < 4 and not self.has_bar(line, index, npos):
                found = None  # plain text
            elif not interrupt:
                found = self.detect(line, size, npos, ncol, col, index, keep, False, tip_para, True, open_char)
            else:
                found = self.detect(line, size, npos, ncol, col, index, keep, True, True, True, "")

            if lazy:
                self.para.append((index, npos))
                if self.para_item >= 0:
                    items[self.para_item].text_end = base + size
                if not self.para_comment and line.find("<!--", npos) >= 0:
                    self.para_comment = True
                kinds[index] = QUOTE if stack[-1].in_quote else TEXT
                stack[-1].last = lineno
                continue

            is_item_line = False
            started_leaf = False
            prepared = False
            while found is not None:
                start, data = found
                if start == _S_SETEXT:
                    self.setext(index, data)
                    started_leaf = True
                    break
                # Close what the new block replaces.
                if not prepared:
                    self.close_to(keep)
                    prepared = True
                self.close_leaf()
                ctx = stack[-1]
                ctx.open_list = ""
                ctx.pending = False  # the item's first block is not a paragraph: its own text is empty
                if start == _S_QUOTE:
                    self.quote_at.append(len(stack))
                    stack.append(_Box(True, 0, -1, False, lineno, "", ctx))
                    pos, col = _after_quote_marker(line, npos, ncol)
                elif start == _S_ITEM:
                    is_item_line = True
                    end, mcol, cpos, ccol, content_col = data
                    empty = cpos >= size
                    checkbox = None
                    if not empty and content_col == ccol and line[cpos] == "[" and _CHECKBOX.match(line, cpos):
                        checkbox = "[ ]" if line[cpos + 1] == " " else "[x]"
                    parent = ctx.nearest
                    content = base + (size if empty else cpos)
                    items.append(
                        ListItem(  # positional: much faster than keywords
                            lineno,  # line
                            lineno,  # end_line
                            line[npos:end],  # marker
                            line[npos] not in "*-+",  # ordered
                            base + npos,  # marker_start
                            content,  # content_start
                            content,  # text_end
                            ncol,  # indent
                            content_col,  # content_indent
                            0 if parent is None else items[parent].depth + 1,  # depth
                            parent,
                            ctx.in_quote or ctx.quote,  # in_quote
                            checkbox,
                        )
                    )
                    stack.append(_Box(False, content_col - col, len(items) - 1, empty, lineno, line[end - 1], ctx))
                    if empty:
                        pos, col = size, content_col
                    elif content_col == ccol:
                        pos, col = cpos, ccol
                    else:
                        pos, col = _advance(line, end, mcol, content_col)
                else:
                    self.start_leaf(start, data, line, npos, index)
                    started_leaf = True
                    break
                # Inside the new container.
                keep = len(stack)
                npos, ncol = _skip(line, pos, col)
                if npos >= size:
                    break
                if line[npos] not in maybe_block and ncol - col < 4 and not self.has_bar(line, index, npos):
                    break  # plain text
                found = self.detect(line, size, npos, ncol, col, index, keep, False, False, True, "")

            if started_leaf:
                if is_item_line:
                    kinds[index] = ITEM
                stack[-1].last = lineno
                continue
            if not prepared and interrupt:
                # A paragraph continuation line.
                self.para.append((index, npos))
                if self.para_item >= 0:
                    items[self.para_item].text_end = base + size
                if not self.para_comment and line.find("<!--", npos) >= 0:
                    self.para_comment = True
                kinds[index] = QUOTE if stack[-1].in_quote else TEXT
                stack[-1].last = lineno
                continue
            if npos < size:
                # A new paragraph.
                if not prepared:
                    self.close_to(keep)
                self.close_leaf()
                ctx = stack[-1]
                ctx.open_list = ""
                if ctx.pending:
                    ctx.pending = False
                    self.para_item = ctx.item
                    item = items[ctx.item]
                    if item.line != lineno:
                        item.content_start = base + npos
                    item.text_end = base + size
                else:
                    self.para_item = -1
                self.leaf = _PARA
                self.para = [(index, npos)]
                self.para_comment = line.find("<!--", npos) >= 0
                if not is_item_line:
                    kinds[index] = QUOTE if ctx.in_quote else TEXT
            elif not is_item_line:
                kinds[index] = QUOTE
            if is_item_line:
                kinds[index] = ITEM
            stack[-1].last = lineno

        self.close_to(1)
        self.close_leaf()
        blocks.line_kinds = kinds
        blocks.comments.sort(key=_comment_start)
        return blocks

    # -- leaves -------------------------------------------------------------------------------------------------

    def start_leaf(self, start: int, data, line: str, npos: int, index: int) -> None:
        lineno = index + 1
        base = self.starts[index]
        kinds = self.kinds
        blocks = self.blocks
        if start == _S_ATX:
            level = data - npos
            end = max(len(line.rstrip(" \t")), data)
            hashes = end
            while hashes > data and line[hashes - 1] == "#":
                hashes -= 1
            if hashes > data and line[hashes - 1] in " \t":
                end = hashes
            s, e = _trimmed(line, data, end)
            blocks.headings.append(Heading(lineno, lineno, level, line[s:e], base + s, base + e))
            kinds[index] = HEADING
            if line.find("<!--", s, e) >= 0:
                self.line_comments(index, s, e)
        elif start == _S_FENCE:
            match = data
            self.fence_char = line[npos]
            self.fence_size = match.end() - npos
            self.code = CodeBlock(lineno, lineno, True, line[match.end() :].strip(_TRIM))
            blocks.code_blocks.append(self.code)
            self.leaf = _FENCE_LEAF
            kinds[index] = CODE
        elif start == _S_CODE:
            self.code = CodeBlock(lineno, lineno, False)
            blocks.code_blocks.append(self.code)
            self.code_last = lineno  # the last non-blank line
            self.leaf = _CODE_LEAF
            kinds[index] = CODE
        elif start == _S_HTML:
            self.html_kind = data
            self.html = [(index, npos)]
            self.html_comment = line.find("<!--", npos) >= 0
            self.leaf = _HTML_LEAF
            kinds[index] = HTML
            if data <= 5 and _html_ends(data, line, npos):
                self.close_leaf()
        elif start == _S_HR:
            kinds[index] = RULE
        elif start == _S_DEF:
            label, url, end = data
            blocks.definitions.append(Definition(lineno, label, url, base + npos, base + end))
            kinds[index] = DEFINITION
        elif start == _S_TABLE:
            self.table = Table(lineno, lineno + 1, lineno + 1, data)
            blocks.tables.append(self.table)
            self.table_index = len(blocks.tables) - 1
            self.table_columns = len(data)
            self.table_missing = 0
            self.table_delimiter = True
            self.leaf = _TABLE_LEAF
            self.add_row(line, npos, index, True)
            kinds[index] = TABLE
            self.code_last = lineno  # the last line of the table

    def line_comments(self, index: int, start: int, end: int) -> None:
        """Record the comments in the inline text ``line[start:end]`` of a heading or a table row."""
        line = self.lines[index]
        base = self.starts[index]
        for s, e in _inline_comments(line[start:end]):
            body = line[start + s + 4 : start + e - 3].strip() if e - s >= 7 else ""
            self.blocks.comments.append(Comment(index + 1, index + 1, base + start + s, base + start + e, body))

    def setext(self, index: int, level: int) -> None:
        para = self.para
        first_index, first_pos = para[0]
        last_index = para[-1][0]
        lines = self.lines
        starts = self.starts
        start = starts[first_index] + first_pos
        end = starts[last_index] + len(lines[last_index].rstrip(_TRIM))
        if end < start:
            end = start
        self.blocks.headings.append(
            Heading(first_index + 1, index + 1, level, self.text[start:end], start, end, setext=True)
        )
        kinds = self.kinds
        for i in range(first_index, last_index + 1):
            if kinds[i] != ITEM:
                kinds[i] = HEADING
        kinds[index] = HEADING
        if self.para_item >= 0:  # the item begins with this heading, not with a paragraph
            item = self.blocks.items[self.para_item]
            item.text_end = item.content_start
        self.close_leaf()  # records the comments of the heading's text
        self.stack[-1].last = index + 1

    def fence_line(self, line: str, size: int, npos: int, indent: int, index: int) -> None:
        lineno = index + 1
        self.kinds[index] = CODE
        self.code.end_line = lineno
        if npos >= size:
            return
        self.stack[-1].last = lineno
        if indent <= 3 and line[npos] == self.fence_char:
            match = (_BACKTICKS if self.fence_char == "`" else _TILDES).match(line, npos)
            if match.end() - npos >= self.fence_size and _WS.match(line, match.end()).end() == size:
                self.leaf = _NONE

    def html_line(self, line: str, npos: int, index: int, blank: bool) -> None:
        self.html.append((index, npos))
        kinds = self.kinds
        if blank:
            kinds[index] = BLANK
        else:
            kinds[index] = HTML
            self.stack[-1].last = index + 1
            if not self.html_comment and line.find("<!--", npos) >= 0:
                self.html_comment = True
        if self.html_kind <= 5 and _html_ends(self.html_kind, line, npos):
            self.close_leaf()

    def ends_quote(self, line: str, npos: int, lists: bool = True) -> bool:
        """Whether a block starts that ends a block quote's lazy lines, or a table (markdown-it's terminators);
        ``lists``: whether a list item counts."""
        char = line[npos]
        if char == ">":
            return True
        if char == "#":
            return _ATX.match(line, npos) is not None
        if char == "`" or char == "~":
            return _fence_opening(line, npos) is not None
        if char == "<":
            return 0 < _html_kind(line, npos) < 7
        if char in "*-_" and _is_rule(line, npos, self.rule_memo):
            return True
        return lists and _is_item_marker(line, npos)

    def table_row(self, line: str, npos: int, index: int) -> bool:
        start, end = _trimmed(line, npos, len(line))
        self.table_missing += self.table_columns - _cell_count(line, start, end)
        if self.table_missing > _MAX_AUTOCOMPLETED_CELLS:
            return False
        cells = _cell_spans(line, start, end)
        self.add_row(line, npos, index, False, start, end, cells)
        self.kinds[index] = TABLE
        self.code_last = index + 1
        self.stack[-1].last = index + 1
        return True

    def add_row(self, line, npos, index, header, start=None, end=None, cells=None) -> None:
        if cells is None:
            start, end = _trimmed(line, npos, len(line))
            cells = _cell_spans(line, start, end)
        base = self.starts[index]
        self.blocks.rows.append(
            TableRow(
                index + 1,
                self.table_index,
                header,
                base + start,
                base + len(line),
                [(base + a, base + b) for a, b in cells],
            )
        )
        if line.find("<!--", start, end) >= 0:
            self.line_comments(index, start, end)


def _comment_start(comment: Comment) -> int:
    return comment.start


def _split(text: str) -> tuple[list[str], list[int]]:
    lines, starts = [], []
    pos = 0
    for match in re.finditer(r"\r\n|\n|\r", text):
        starts.append(pos)
        lines.append(text[pos : match.start()])
        pos = match.end()
    if pos < len(text) or not text:
        starts.append(pos)
        lines.append(text[pos:])
    return lines, starts


def scan(text: str, lines: list[str], line_starts: list[int]) -> Blocks:
    """Find the blocks of ``text``. ``lines`` are its lines without line endings; ``line_starts`` their offsets."""
    counters.count(counters.BLOCK_SCAN)
    if len(lines) != len(line_starts):
        lines, line_starts = _split(text)
    return _Scanner(text, lines, line_starts).run()
