"""Unit tests of the block scanner: structure, exact lines and offsets, and nasty input."""

from __future__ import annotations

import time

import pytest

from awesome_lint import blocks as B
from awesome_lint.document import Document
from awesome_lint.source import Source


def parse(text: str) -> Document:
    return Document(Source("x.md", text))


def span(doc: Document, start: int, end: int) -> str:
    return doc.text[start:end]


# -- list items ------------------------------------------------------------------------------------------------


def test_nesting_parent_and_depth():
    doc = parse("- a\n  - b\n    - c\n  - d\n- e\n")
    items = doc.items
    assert [(i.line, i.depth, i.parent) for i in items] == [(1, 0, None), (2, 1, 0), (3, 2, 1), (4, 1, 0), (5, 0, None)]
    assert [i.end_line for i in items] == [4, 3, 3, 4, 5]
    assert [(i.indent, i.content_indent) for i in items] == [(0, 2), (2, 4), (4, 6), (2, 4), (0, 2)]


def test_four_space_nesting_and_sibling_at_three_spaces():
    doc = parse("* a\n    * b\n   * c\n")
    assert [(i.line, i.depth, i.parent) for i in doc.items] == [(1, 0, None), (2, 1, 0), (3, 1, 0)]


def test_markers_ordered_and_bullets():
    doc = parse("1. one\n2) two\n\n+ plus\n10. ten\n")
    assert [(i.marker, i.ordered) for i in doc.items] == [("1.", True), ("2)", True), ("+", False), ("10.", True)]
    assert doc.text[doc.items[1].marker_start] == "2"


def test_content_start_and_text_end():
    text = "- Title. [CVPR 2019]  [Paper](u)\n  continued\n  - nested\n- next\n"
    doc = parse(text)
    first, nested, last = doc.items
    assert span(doc, first.content_start, first.text_end) == "Title. [CVPR 2019]  [Paper](u)\n  continued"
    assert first.end_line == 3
    assert span(doc, nested.content_start, nested.text_end) == "nested"
    assert span(doc, last.content_start, last.text_end) == "next"


def test_lazy_continuation_line_belongs_to_the_item_text():
    doc = parse("- first line\nlazy line\n- b\n")
    item = doc.items[0]
    assert span(doc, item.content_start, item.text_end) == "first line\nlazy line"
    assert item.end_line == 2
    assert doc.blocks.line_kinds[1] == B.TEXT
    assert [i.line for i in doc.items] == [1, 3]


def test_text_end_stops_before_a_nested_block():
    doc = parse("- text\n  > quote\n  more\n")
    item = doc.items[0]
    assert span(doc, item.content_start, item.text_end) == "text"
    assert item.end_line == 3


def test_empty_items():
    doc = parse("-\n- \n-\n\n  not in the item\n")
    assert [i.line for i in doc.items] == [1, 2, 3]
    for item in doc.items:
        assert item.content_start == item.text_end == doc.line_ends[item.line - 1]
    assert doc.items[2].end_line == 3
    assert doc.blocks.line_kinds[4] == B.TEXT


def test_item_that_starts_with_a_blank_line():
    doc = parse("-\n  foo\n")
    item = doc.items[0]
    assert item.end_line == 2
    assert span(doc, item.content_start, item.text_end) == "foo"


def test_five_spaces_after_the_marker_make_indented_code():
    doc = parse("-     code\n")
    item = doc.items[0]
    assert item.content_indent == 2
    assert span(doc, item.content_start, item.content_start + 4) == "code"
    assert item.text_end == item.content_start  # no paragraph of its own
    assert [c.fenced for c in doc.blocks.code_blocks] == [False]


def test_checkbox():
    doc = parse("- [ ] todo\n- [x] done\n- [X] done too\n- [y] no\n- [ ]\n-     [ ] code\n")
    assert [i.checkbox for i in doc.items] == ["[ ]", "[x]", "[x]", None, "[ ]", None]
    assert doc.text[doc.items[0].content_start] == "["


def test_ordered_list_interrupts_a_paragraph_only_at_1():
    doc = parse("para\n2. not an item\n\npara\n1. an item\n")
    assert [i.line for i in doc.items] == [5]


def test_empty_item_cannot_interrupt_a_paragraph():
    doc = parse("para\n-\n\npara\n- item\n")
    assert [i.line for i in doc.items] == [5]
    assert [(h.line, h.setext) for h in doc.headings] == [(1, True)]  # "para" + "-" is a setext heading


def test_items_in_a_block_quote():
    doc = parse("> - a\n>   - b\n> lazy\n\n- c\n")
    assert [(i.line, i.in_quote, i.depth) for i in doc.items] == [(1, True, 0), (2, True, 1), (5, False, 0)]
    assert doc.items[0].end_line == 3
    assert doc.blocks.line_kinds[:3] == [B.ITEM, B.ITEM, B.QUOTE]


def test_items_inside_an_html_block_are_not_items():
    text = "<details>\n<summary>More</summary>\n- hidden\n</details>\n\n<details>\n\n- shown\n\n</details>\n"
    doc = parse(text)
    assert [i.line for i in doc.items] == [8]
    assert doc.blocks.line_kinds[:4] == [B.HTML] * 4


def test_indented_code_is_not_a_list():
    doc = parse("para\n\n    - code\n    - code\n")
    assert doc.items == []
    assert doc.blocks.line_kinds[2:] == [B.CODE, B.CODE]


def test_500_deep_nesting():
    text = "".join("  " * i + "- item\n" for i in range(500))
    doc = parse(text)
    assert len(doc.items) == 500
    assert doc.items[-1].depth == 499
    assert doc.items[-1].parent == 498
    assert doc.items[0].end_line == 500


def test_500_deep_nesting_on_one_line():
    doc = parse("- " * 500 + "x\n")
    assert [i.depth for i in doc.items] == list(range(500))
    assert all(i.line == 1 for i in doc.items)


# -- headings and thematic breaks ------------------------------------------------------------------------------


def test_atx_heading_text_and_offsets():
    doc = parse("#  Title  ##  \n## C# ##\n###\n#hashtag\n")
    headings = doc.headings
    assert [(h.line, h.level, h.text) for h in headings] == [(1, 1, "Title"), (2, 2, "C#"), (3, 3, "")]
    for heading in headings:
        assert span(doc, heading.start, heading.end) == heading.text


def test_setext_heading_versus_thematic_break():
    doc = parse("Title\n=====\n\nSub\n---\n\n---\npara\n")
    assert [(h.line, h.end_line, h.level, h.text, h.setext) for h in doc.headings] == [
        (1, 2, 1, "Title", True),
        (4, 5, 2, "Sub", True),
    ]
    kinds = doc.blocks.line_kinds
    assert kinds[:5] == [B.HEADING, B.HEADING, B.BLANK, B.HEADING, B.HEADING]
    assert kinds[6] == B.RULE


def test_heading_inside_a_list_item():
    doc = parse("- # Head\n")
    assert [(h.line, h.text) for h in doc.headings] == [(1, "Head")]
    assert doc.blocks.line_kinds[0] == B.ITEM


# -- code -------------------------------------------------------------------------------------------------------


def test_fenced_code_inside_an_item():
    text = "- item\n  ```py\n  - not an item\n  # not a heading\n  ```\n- next\n"
    doc = parse(text)
    assert [i.line for i in doc.items] == [1, 6]
    assert doc.items[0].end_line == 5
    assert doc.headings == []
    (code,) = doc.blocks.code_blocks
    assert (code.line, code.end_line, code.fenced, code.info) == (2, 5, True, "py")
    assert doc.blocks.line_kinds[1:5] == [B.CODE] * 4


def test_fence_closing_rules():
    # A shorter fence, or another fence character, does not close; a longer one does.
    text = "````\n```\n~~~~\n`````\n# heading\n"
    doc = parse(text)
    (code,) = doc.blocks.code_blocks
    assert (code.line, code.end_line) == (1, 4)
    assert [h.line for h in doc.headings] == [5]


def test_unclosed_fence_ends_with_its_container():
    doc = parse("> ```\n> code\n\n- item\n")
    (code,) = doc.blocks.code_blocks
    assert (code.line, code.end_line) == (1, 2)
    assert [i.line for i in doc.items] == [4]


def test_unclosed_fence_runs_to_the_end():
    doc = parse("```\n- a\n# b\n")
    assert doc.items == [] and doc.headings == []
    assert doc.blocks.code_blocks[0].end_line == 3


# -- comments ---------------------------------------------------------------------------------------------------


def test_comment_spanning_lines():
    text = "- a\n\n<!--\nlint disable\n-->\n- b\n"
    doc = parse(text)
    (comment,) = doc.comments
    assert (comment.line, comment.end_line, comment.body) == (3, 5, "lint disable")
    assert span(doc, comment.start, comment.end) == "<!--\nlint disable\n-->"
    assert doc.blocks.line_kinds[2:5] == [B.COMMENT] * 3
    assert [i.line for i in doc.items] == [1, 6]


def test_inline_comments():
    text = "- item <!-- x -->\n## Head <!-- omit in toc -->\n| a <!-- c --> | b |\n|---|---|\n"
    doc = parse(text)
    assert [(c.line, c.body) for c in doc.comments] == [(1, "x"), (2, "omit in toc"), (3, "c")]
    for comment in doc.comments:
        assert span(doc, comment.start, comment.end).startswith("<!--")
    assert doc.blocks.line_kinds[:2] == [B.ITEM, B.HEADING]


def test_comment_in_a_paragraph_spanning_lines_and_not_in_code():
    text = "text `<!-- no -->` and <!-- yes\nstill --> end\n"
    doc = parse(text)
    (comment,) = doc.comments
    assert (comment.line, comment.end_line, comment.body) == (1, 2, "yes\nstill")
    assert doc.blocks.line_kinds[:2] == [B.TEXT, B.TEXT]


def test_comments_inside_an_html_block():
    text = "<details>\n<!-- a --> <!-- b -->\n<p>x</p> <!-- c -->\n</details>\n"
    doc = parse(text)
    assert [(c.line, c.body) for c in doc.comments] == [(2, "a"), (2, "b"), (3, "c")]
    assert doc.blocks.line_kinds[:4] == [B.HTML, B.COMMENT, B.HTML, B.HTML]


def test_comment_in_a_quote():
    doc = parse("> <!-- a\n> b -->\n")
    (comment,) = doc.comments
    assert (comment.line, comment.end_line, comment.body) == (1, 2, "a\nb")


# -- tables -----------------------------------------------------------------------------------------------------


def test_table_rows_and_cell_offsets():
    text = "| Title | Venue |  Code  |\n|:---|:---:|---:|\n| A \\| B | CVPR |  [x](u)  |\n|  | only |\n\nafter\n"
    doc = parse(text)
    (table,) = doc.blocks.tables
    assert (table.line, table.delimiter_line, table.end_line) == (1, 2, 4)
    assert table.alignments == ["left", "center", "right"]
    rows = doc.rows
    assert [(r.line, r.header) for r in rows] == [(1, True), (3, False), (4, False)]
    assert [span(doc, a, b) for a, b in rows[0].cells] == ["Title", "Venue", "Code"]
    assert [span(doc, a, b) for a, b in rows[1].cells] == ["A \\| B", "CVPR", "[x](u)"]
    assert [span(doc, a, b) for a, b in rows[2].cells] == ["", "only"]
    assert span(doc, rows[1].start, rows[1].end) == "| A \\| B | CVPR |  [x](u)  |"
    assert doc.blocks.line_kinds[:5] == [B.TABLE] * 4 + [B.BLANK]


def test_table_without_outer_pipes_ends_at_a_block_start():
    doc = parse("a | b\n--- | ---\n1 | 2\n- item\n")
    assert [r.line for r in doc.rows] == [1, 3]
    assert [i.line for i in doc.items] == [4]


def test_table_needs_matching_column_counts():
    doc = parse("| a | b |\n|---|\n")
    assert doc.rows == []


def test_pipes_in_code_spans_split_cells_as_in_gfm():
    doc = parse("| `a|b` | c |\n|---|---|---|\n")
    assert [span(doc, a, b) for a, b in doc.rows[0].cells] == ["`a", "b`", "c"]


def test_table_header_beats_a_list_marker_as_in_markdown_it():
    doc = parse("- a | b\n--|--\n")
    assert doc.items == []
    assert [r.line for r in doc.rows] == [1]


def test_table_in_a_list_item():
    doc = parse("- x\n- a | b\n  --|--\n  c | d\n")
    assert [i.line for i in doc.items] == [1, 2]
    assert [r.line for r in doc.rows] == [2, 4]
    assert doc.items[1].end_line == 4


# -- definitions ------------------------------------------------------------------------------------------------


def test_reference_definitions():
    doc = parse('[paper]: https://arxiv.org/abs/1 "Title"\n\npara\n[not]: a definition\n')
    (definition,) = doc.blocks.definitions
    assert (definition.line, definition.label, definition.url) == (1, "paper", "https://arxiv.org/abs/1")
    assert span(doc, definition.start, definition.end) == '[paper]: https://arxiv.org/abs/1 "Title"'
    assert doc.blocks.line_kinds[0] == B.DEFINITION
    assert "paper" in doc.definitions


# -- line endings, tabs, offsets --------------------------------------------------------------------------------


def test_crlf_offsets():
    text = "# Head\r\n\r\n- a\r\n  - b\r\n"
    doc = parse(text)
    assert doc.headings[0].text == "Head"
    nested = doc.items[1]
    assert (nested.line, nested.depth) == (4, 1)
    assert text[nested.marker_start] == "-" and text[nested.content_start : nested.text_end] == "b"
    assert nested.text_end == text.index("b") + 1


def test_tabs_expand_to_four_columns():
    doc = parse("-\tfoo\n\t-\tbar\n")
    first, second = doc.items
    assert (first.content_indent, second.indent, second.depth) == (4, 4, 1)
    assert span(doc, first.content_start, first.text_end) == "foo"
    assert span(doc, second.content_start, second.text_end) == "bar"


def test_tab_partly_used_by_a_quote_marker():
    # The tab runs from column 1 to 4; the quote marker's optional space takes one column of it.
    doc = parse(">\t- a\n")
    (item,) = doc.items
    assert (item.indent, item.content_indent, item.in_quote) == (4, 6, True)


# -- line kinds and nasty input ---------------------------------------------------------------------------------


def test_line_kinds():
    text = "# H\n\ntext\n> quote\n- item\n---\n    code\n<div>\n</div>\n\n[a]: u\n"
    kinds = parse(text).blocks.line_kinds
    assert kinds == [
        B.HEADING, B.BLANK, B.TEXT, B.QUOTE, B.ITEM, B.RULE, B.CODE, B.HTML, B.HTML, B.BLANK, B.DEFINITION,
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    ["", "\r", "\n", "\r\n\r\n", " \t \n\t\n   ", ">", ">\n>\n> \n>>", "```", "~~~\n```", "- ", "|", "<!--", "\\"],
)
def test_degenerate_input(text: str):
    doc = parse(text)
    assert len(doc.blocks.line_kinds) == len(doc.lines)


def test_unbalanced_fences_and_lone_quote_markers():
    text = "```\n~~~\n````\n- ```\n  ~~~\n> ```\n>\n" * 20
    doc = parse(text)
    assert len(doc.blocks.line_kinds) == len(doc.lines)


def test_scan_accepts_mismatched_lines():
    # scan() recomputes the lines when it is handed lines and offsets that do not go together.
    blocks = B.scan("- a\n- b\n", ["- a"], [])
    assert [i.line for i in blocks.items] == [1, 2]


@pytest.mark.parametrize(
    "text",
    [
        "a" * 2_000_000,
        "- " * 1_000_000,
        "- * " * 500_000,
        "> " * 1_000_000,
        "- " * 999_998 + "x",
        "<a " + "b=c " * 500_000,
        "[" + "a" * 2_000_000,
        "|" * 2_000_000 + "\n|-|\n",
        "x <!---->" * 200_000,
    ],
    ids=["text", "dashes", "alternating", "quotes", "dashes-x", "tag", "label", "pipes", "comments"],
)
def test_long_lines_are_linear(text: str):
    started = time.process_time()
    doc = parse(text)
    assert time.process_time() - started < 5
    assert len(doc.blocks.line_kinds) == len(doc.lines)
    assert all(item.depth < 1000 for item in doc.items)  # nesting is capped


def test_speed_on_a_long_list():
    text = "## Section\n\n" + "- [Name](https://example.com) - A description. [CVPR 2020]\n  - nested\n" * 5000
    doc = parse(text)
    started = time.process_time()
    B.scan(doc.text, doc.lines, doc.line_starts)
    assert time.process_time() - started < 1.0  # about 0.1 s; the budget leaves room for slow machines


@pytest.mark.parametrize("line", ["    - [Paper](https://x.org/a) -", "    # H"], ids=["item", "heading"])
def test_a_line_four_columns_past_the_items_that_take_it_is_lazy_text(line):
    # Only the document takes the line, 4 columns in: to CommonMark (commonmark.js, GitHub) no block but code
    # starts there, and code does not interrupt the paragraph "[ ]". markdown-it ends the paragraph with an
    # item or a heading, then reads code; the scanner follows GitHub, so "- [ ]" is not an empty item.
    doc = parse(f"   -\n      - [ ]\n{line}\n")
    assert doc.blocks.line_kinds == [B.ITEM, B.ITEM, B.TEXT]
    assert [(item.line, item.end_line) for item in doc.items] == [(1, 3), (2, 3)]
    assert doc.text[doc.items[1].content_start : doc.items[1].text_end] == f"[ ]\n{line}"
    assert not doc.headings
