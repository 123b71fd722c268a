"""What the fixer's verifier compares: the link targets and heading texts of a text, as mistune reads them.

mistune is a parser independent of the product's own block scanner and inline parser, so a fix that loses a
link or a heading through a bug they share still shows. Where mistune 3 parts from CommonMark/GFM in a way
a fix can run into, its reading is repaired here, narrowly, so that the verifier does not refuse a fix that
changed nothing it cares about (each repair is proven on markdown-it-py's reading in tests/test_outline.py).
Four repairs are made where mistune parses (through its own ``register`` hook, or on the text it is given),
so that nothing after them is misread either:

* a link destination with balanced parentheses, ``[a](https://x.org/Talk_(film))``: mistune ends the URL at
  the first ``)`` and parses the rest of the destination, the title and the closing ``)`` as text after the
  link, where a ``_`` or ``*`` in the URL can open emphasis that swallows what follows. Here the link reads
  its whole destination, as CommonMark does, and parsing goes on after its closing ``)``;
* an indented code block: mistune's pattern takes any white space after the code, the next line's
  indentation included, so a line indented by 1 to 3 spaces under the code (``  - paper``, ``  # H``) was
  parsed from the middle of the line, where no block can start: as paragraph text; and a line of 5 spaces
  or more was a line of code, which, under a paragraph, went on that paragraph with the code after it. Here
  the code block takes blank lines only when more code follows, and ends at the start of a line;
* an empty list item (``-`` alone on its line, or holding only an empty item) followed by a line indented
  less than the item's content (``-``, ``paper``): mistune takes the line as the item's lazy continuation,
  and the item goes on to hold the indented lines after it, as a paragraph with links where CommonMark
  reads code. Lazy continuation needs a paragraph to continue: here the list ends before that line. So it
  does before a lazy ``-`` or ``===`` line, which mistune reads as a setext underline and CommonMark as
  paragraph text;
* tabs in a line's indentation: mistune expands the first only, so ``\t\t-`` under ``   - paper`` is 5
  columns to it, not 8, and the line is lazy paragraph text, not the item's setext underline. CommonMark
  reads indentation with tab stops of 4: here it is expanded before mistune reads it (a line's
  indentation is never a link's or a heading's text).

And two kinds of "heading" are left out of what mistune reads:

* a table with a row of fewer cells than its header: mistune's table plugin reads no table at all, but a
  paragraph, and a ``-`` line under it makes that paragraph a setext heading. A "heading" whose second line
  is a delimiter row with as many cells as its first line is such a table, never a heading in GFM;
* a row that mistune's table does not take (``| `` with no closing pipe), right under the table: mistune ends
  the table there and reads the row, with the lines after it, as a paragraph that a ``-`` line can make a
  setext heading. To GFM the row is the table's, and a table ends only at a blank line or another block:
  a "heading" whose first line starts with ``|``, with no blank line between it and a table, is none.
"""

from __future__ import annotations

import re
from collections import Counter

from . import counters

_DELIMITER_ROW = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
# CommonMark's indented code: lines indented by 4 columns, with the blank lines between them (not after).
# A line of white space only is blank, never code: a paragraph over it ends there.
_CODE_LINE = r"(?: {4}| *\t)[ \t]*\S[^\n]*(?:\n|$)"
_INDENTED_CODE = rf"^{_CODE_LINE}(?:(?:[ \t]*\n)*{_CODE_LINE})*"
_LEADING_TABS = re.compile(r"^[ \t]*\t", re.MULTILINE)
# An empty item or a setext underline, at any depth: the lines the list repair is about (without any, no list
# needs it, and it is not made).
_EMPTY_ITEM_OR_UNDERLINE = re.compile(r"^[ \t>]*(?:[-+*]|\d{1,9}[.)]|=+|-+)[ \t]*$", re.MULTILINE)
_ITEM_LINE = re.compile(r"( {0,3})([-+*]|\d{1,9}[.)])([ \t]*|[ \t].*)")  # as mistune's list pattern
_BLOCK_START = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|```|~~~|[>|<]|(?:[-*_][ \t]*){3,}$)")  # another block's start
_UNDERLINE = re.compile(r"[ \t]*(?:=+|-+)[ \t]*")  # a setext underline, which a lazy line never is
_NO_PARAGRAPH = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|```|~~~|(?:[-*_][ \t]*){3,}$)")  # a line no paragraph is in
_BEFORE_DESTINATION = re.compile(r"[ \t]*\n?[ \t]*")
_TITLE_AND_CLOSE = re.compile(
    r"""(?:[ \t\n]+(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\)))?[ \t\n]*\)"""
)


def _balanced_parentheses(depth: int) -> str:
    """A pattern for a link destination's pieces: a character, a backslash escape, or parentheses holding
    such pieces, nested up to ``depth`` deep (markdown-it's limit is 32). No piece can be read two ways, so
    the pattern does not backtrack."""
    character = r"[^ ()\\\x00-\x1f\x7f]|\\[!-/:-@\[-`{-~]|\\(?![!-/:-@\[-`{-~])"
    piece = character
    for _ in range(depth):
        piece = rf"{character}|\((?:{piece})*\)"
    return piece


_DESTINATION = re.compile(f"(?:{_balanced_parentheses(32)})*")
_LONGEST_DESTINATION = 10_000  # a URL is rarely more than 2,000; bounded, a run of "[a](x(" stays linear


def outline(text: str) -> tuple[Counter, Counter]:
    """The link targets and heading texts of a Markdown text, each counted."""
    counters.count(counters.VERIFY_PARSE)
    text = _LEADING_TABS.sub(_expand_tabs, text)
    markdown = _markdown(repair_lists=bool(_EMPTY_ITEM_OR_UNDERLINE.search(text)))
    links: Counter = Counter()
    headings: Counter = Counter()

    def count(_rendered, state) -> None:
        above = {}
        for block in state.tokens:
            _mark_a_row_under_a_table(above, block)
            _count_block(markdown, state, block, links, headings)
            above = block

    markdown.renderer = count
    markdown(text)
    return links, headings


def _expand_tabs(indentation: re.Match) -> str:
    return indentation.group().expandtabs(4)


def _markdown(repair_lists: bool = True):
    """mistune with tables and strikethrough, its link destinations, indented code and (with
    ``repair_lists``) lists read as CommonMark's."""
    import mistune
    from mistune.block_parser import BlockParser

    markdown = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])
    markdown.block.register("indent_code", _INDENTED_CODE, BlockParser.parse_indent_code)
    if repair_lists:
        markdown.block.register("list", None, _parse_list)
    markdown.inline.register("link", None, _parse_link)
    markdown.block.register("table", None, _parse_table)
    return markdown


def _count_block(markdown, state, block: dict, links: Counter, headings: Counter) -> None:
    """Count a block's links and headings, parsing the inline text of one leaf block at a time and dropping it
    once counted (as mistune's own rendering would parse it): the token tree of a 20 MB list is never whole."""
    stack = [block]
    while stack:
        token = stack.pop()
        if "children" in token:
            stack.extend(token.pop("children"))
            continue
        if "text" not in token:
            continue
        inline = markdown.inline(token.pop("text").strip(" \r\n\t\f"), state.env)
        heading = token.get("type") == "heading" and not token.get(_TABLE_ROW_HEADING)
        if heading and not _is_misread_table({**token, "children": inline}):
            headings[plain({"children": inline})] += 1
        _count_links(inline, links)


def _count_links(tokens: list[dict], links: Counter) -> None:
    stack = list(tokens)
    while stack:
        token = stack.pop()
        if token.get("type") in ("link", "image"):
            links[token.get("attrs", {}).get("url", "")] += 1
        stack.extend(token.get("children") or ())


def plain(token: dict) -> str:
    """A token's text: its own raw text, or its children's, a soft break as a line ending."""
    if "raw" in token:
        return token["raw"]
    if token.get("type") == "softbreak":
        return "\n"
    return "".join(plain(child) for child in token.get("children") or ())


def _is_misread_table(heading: dict) -> bool:
    """A setext heading whose second line is a table's delimiter row (``|---|---|``): a table to GFM."""
    if heading.get("style") != "setext":
        return False
    lines = plain(heading).split("\n")
    if len(lines) < 2 or not _DELIMITER_ROW.fullmatch(lines[1]) or "|" not in lines[0] + lines[1]:
        return False
    return _cells(lines[0]) == _cells(lines[1])  # GFM: a header row has as many cells as the delimiter row


def _cells(row: str) -> int:
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return len(re.split(r"(?<!\\)\|", row))


# ------------------------------------------------------------------------- rows under a table, no heading

_TABLE_ENDS_AT_A_LINE = "ends_at_a_line"  # a table token's mark: no blank line after it
_TABLE_ROW_HEADING = "table_row_heading"  # a heading token's mark: its first line is a row of the table above
_ROW_START = re.compile(r" {0,3}\|")


def _parse_table(block, match, state) -> int | None:
    """mistune's table, marked when the next line follows it with no blank line between (its pattern takes the
    blank lines after a table; a line of white space is left to the next block, which is then no paragraph)."""
    from mistune.plugins.table import parse_table

    end = parse_table(block, match, state)
    if end and not match.group().endswith("\n\n"):
        state.tokens[-1][_TABLE_ENDS_AT_A_LINE] = True
    return end


def _mark_a_row_under_a_table(above: dict, block: dict) -> None:
    """Mark a setext heading whose first line is a row of the table right above it: GFM's table takes that row,
    so the paragraph, and the heading, do not exist there. (mistune reads tables at the top level only, so
    both are top-level blocks; marked here, not in mistune's setext rule, which every nested list goes
    through: a wrapper there would cost a call per level, and deep lists would reach the recursion limit
    sooner.)"""
    if (
        above.get(_TABLE_ENDS_AT_A_LINE)
        and block.get("type") == "heading"
        and block.get("style") == "setext"
        and _ROW_START.match(block.get("text", ""))
    ):
        block[_TABLE_ROW_HEADING] = True


# ------------------------------------------------------------------------- lists, ended as CommonMark ends them


def _parse_list(block, match, state) -> int | None:
    """mistune's list parsing, told where CommonMark ends the list when an empty item comes before a line that
    mistune would take as its lazy continuation."""
    from mistune.block_parser import BlockParser

    end = _lazy_line_after_empty_item(state.src, match.start(), state.cursor_max)
    if end is None:
        return BlockParser.parse_list(block, match, state)
    cursor_max, state.cursor_max = state.cursor_max, end
    try:
        return BlockParser.parse_list(block, match, state)
    finally:
        state.cursor_max = cursor_max


def _lazy_line_after_empty_item(src: str, start: int, limit: int) -> int | None:
    """Where the first line of the list at ``start`` that mistune would take as lazy continuation text with no
    paragraph to continue starts: a line indented less than its item's content, with no blank line before
    it, that starts no other block, after an item whose last line leaves no paragraph open (an empty item,
    or one holding an empty item). None when the list (as mistune reads it) ends before such a line."""
    from mistune.util import expand_leading_tab

    bullet, leading, width, paragraph, blank_before, content_seen = "", 3, 0, False, False, False
    position = start
    while position < limit:
        line_end = src.find("\n", position, limit)
        line_end = limit if line_end < 0 else line_end
        line = expand_leading_tab(src[position:line_end])
        item = _ITEM_LINE.fullmatch(line)
        if not line.strip():
            paragraph, blank_before = False, True
        elif width and line.startswith(" " * width):
            if blank_before and not content_seen:
                return None  # an item begins with at most one blank line: mistune ends the list here too
            paragraph = _leaves_a_paragraph_open(line[width:], paragraph)
            blank_before, content_seen = False, True
        elif item and (not bullet or (item.group(2)[-1] == bullet and len(item.group(1)) <= leading)):
            text = item.group(3).expandtabs(4)
            indent = len(text) - len(text.lstrip())
            bullet, leading = item.group(2)[-1], min(len(item.group(1)) + len(item.group(2)), 3)
            width = len(item.group(1)) + len(item.group(2)) + (1 if not text.strip() or indent > 4 else indent)
            paragraph = _leaves_a_paragraph_open(text.strip(), False)
            blank_before, content_seen = False, bool(text.strip())
        elif blank_before or item or _BLOCK_START.match(line):
            return None  # the list ends here, to mistune too
        elif not paragraph or _UNDERLINE.fullmatch(line):
            return position  # no paragraph to continue; or "-" or "===" under one, text to CommonMark
        position = line_end + 1
    return None


def _leaves_a_paragraph_open(line: str, paragraph: bool) -> bool:
    """Whether a line of an item's content, with the item's indentation taken off, leaves a paragraph open.
    Nested items are not followed: where that leaves a doubt, the answer is yes (mistune's reading is kept)."""
    if not line.strip() or _NO_PARAGRAPH.match(line):
        return False
    if paragraph:
        return True  # the paragraph's next line (or a setext underline or code: left in doubt)
    item = _ITEM_LINE.fullmatch(line)
    return item is None or bool(item.group(3).strip())  # no paragraph after an empty item


# ------------------------------------------------------------------------- link destinations, whole


def _parse_link(inline, match, state) -> int | None:
    """mistune's link parsing; then, where it cut an inline link's destination at a ``)`` that closes a ``(``
    of the URL, the whole destination, and the position after the link's real ``)``."""
    from mistune.helpers import unescape_char
    from mistune.inline_parser import InlineParser
    from mistune.util import escape_url

    tokens_before = len(state.tokens)
    end = InlineParser.parse_link(inline, match, state)
    if not end or len(state.tokens) != tokens_before + 1:
        return end
    token = state.tokens[-1]
    if token.get("type") not in ("link", "image") or "ref" in token or "(" not in token["attrs"]["url"]:
        return end  # a reference, or no "(" before the ")" mistune stopped at: its reading is CommonMark's
    start = _destination_start(state.src, match.end(), end)
    destination_end = None if start is None else _destination_end(state.src, start)
    closing = None if destination_end is None else _TITLE_AND_CLOSE.match(state.src, destination_end)
    if closing is None:
        # Where CommonMark reads no link ("(" left open), mistune's link is kept: undone, each "[" after it
        # would be tried again up to the same ")", which a line of "[a](x(" makes quadratic.
        return end
    token["attrs"]["url"] = escape_url(unescape_char(state.src[start:destination_end]))  # as mistune makes it
    return closing.end()


def _destination_start(src: str, text_start: int, end: int) -> int | None:
    """Where the destination of the inline link whose text starts at ``text_start``, and which mistune ended
    at ``end``, starts; None when mistune's link was not an inline one, or its destination is ``<...>``
    (which mistune reads whole)."""
    from mistune.helpers import parse_link, parse_link_label, parse_link_text

    label, text_end = parse_link_label(src, text_start)
    if label is None:
        _text, text_end = parse_link_text(src, text_start)
    if text_end is None or src[text_end : text_end + 1] != "(" or parse_link(src, text_end + 1)[1] != end:
        return None  # not the "[text](destination)" mistune read
    start = _BEFORE_DESTINATION.match(src, text_end + 1).end()
    return None if src.startswith("<", start) else start


def _destination_end(src: str, start: int) -> int | None:
    """Where a destination starting at ``start`` ends: at a space, a control character, or a ``)`` closing no
    ``(``; None when a ``(`` is left open or nests too deep (no destination to CommonMark), or when the
    destination runs on for more than ``_LONGEST_DESTINATION`` characters."""
    stop = min(len(src), start + _LONGEST_DESTINATION)
    end = _DESTINATION.match(src, start, stop).end()
    if end == stop and stop < len(src):
        return None
    return None if src.startswith("(", end) else end
