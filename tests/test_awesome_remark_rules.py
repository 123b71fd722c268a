"""The remark-lint rules of the awesome preset, one by one: what each finds, what it leaves alone, what its fix writes.

Each case was also checked against awesome-lint 2.3.0 itself (the same findings, line by line); the
fixes are this tool's own, and ``rule_helpers.fixed`` asserts the fixer's verification accepts them.
"""

from __future__ import annotations

import pytest

from awesome_lint.diagnostics import SAFE, UNSAFE
from awesome_lint.phrasing import parse
from rule_helpers import findings, fixed


def lines(text: str, rule: str, **options) -> list[int]:
    return [f.line for f in findings(text, rule, options or None)]


# Each case: (rule, text with findings, the lines reported, text the rule accepts).
CASES = [
    (
        "table-pipe-alignment",
        "| a | b |\n|---|---|\n| long | x |\n",
        [1, 2],
        "| a    | b |\n|------|---|\n| long | x |\n",
    ),
    ("table-cell-padding", "| a | b |\n| - | - |\n| c | dd|\n", [3], "| a | b |\n| - | - |\n| c | d |\n"),
    ("table-pipes", "a | b\n--|--\n", [1, 1, 2, 2], "| a | b |\n|---|---|\n"),
    ("no-table-indentation", "  | a |\n  |---|\n", [1, 2], "| a |\n|---|\n"),
    ("rule-style", "# A\n\n***\n\n- - -\n", [3, 5], "# A\n\n---\n"),
    ("heading-style", "# A\n\nB\n=\n\n## C ##\n", [3, 6], "# A\n\n## C\n\n### D\n"),
    ("link-title-style", '[a](https://a.dev "t")\n\n[b]: https://b.dev (t)\n', [1, 3], "[a](https://a.dev 't')\n"),
    ("definition-case", "[A]\n\n[A]: https://a.dev\n[^Note]: text\n", [3, 4], "[a]\n\n[a]: https://a.dev\n"),
    ("definition-spacing", "[a  b]\n\n[a  b]: https://a.dev\n", [3], "[a b]\n\n[a b]: https://a.dev\n"),
    ("emphasis-marker", "*a* and *b* and _c_\n", [1], "*a* and *b*\n"),
    ("strong-marker", "__a__ and **b**\n", [1], "**a** and **b**\n"),
    ("no-multiple-toplevel-headings", "# A\n\n# B\n\n<h1>C</h1>\n", [3, 5], "# A\n\n## B\n\n<h2>C</h2>\n"),
    ("blockquote-indentation", ">a\n\n>   b\n", [1, 3], "> a\n\n> b\n"),
    ("no-blockquote-without-marker", "> a\nb\n\n> > c\n> d\n", [2, 5], "> a\n> b\n"),
    ("checkbox-character-style", "- [x] a\n- [X] b\n- [x] c\n", [2], "- [x] a\n- [ ] b\n"),
    ("checkbox-content-indent", "- [x]   a\n", [1], "- [x] a\n"),
    ("code-block-style", "# A\n\n    code\n", [3], "# A\n\n```\ncode\n```\n"),
    ("fenced-code-marker", "~~~js\nx\n~~~\n", [1], "```js\nx\n```\n"),
    ("no-shell-dollars", "```sh\n$ ls\n\n$ pwd\n```\n", [1], "```sh\n$ ls\nfile\n```\n"),
    ("hard-break-spaces", "a   \nb\n", [1], "a  \nb\n"),
    ("no-heading-content-indent", "##   A\n\n## B   ##\n\nx\n", [1, 3], "## A\n\n## B ##\n"),
    ("no-heading-indent", "  # A\n", [1], "# A\n\n- # B\n"),
    ("no-unneeded-full-reference-link", "[a][A]\n\n[a]: https://a.dev\n", [1], "[a][]\n\n[a]: https://a.dev\n"),
    (
        "no-unneeded-full-reference-image",
        "![a][a]\n\n[a]: https://a.dev/a.png\n",
        [1],
        "![a][b]\n\n[b]: https://b.dev\n",
    ),
    (
        "no-unused-definitions",
        "[a]\n\n[a]: https://a.dev\n[b]: https://b.dev\n[^c]: d\n",
        [4, 5],
        "[a]\n\n[a]: https://a.dev\n",
    ),
    ("ordered-list-marker-style", "1. a\n2. b\n3) c\n", [3], "1. a\n2. b\n"),
    ("ordered-list-marker-value", "1. a\n3. b\n\npara\n\n5. c\n7. d\n", [2, 7], "1. a\n2. b\n\npara\n\n5. c\n6. d\n"),
]


@pytest.mark.parametrize(("rule", "bad", "expected", "good"), CASES, ids=[case[0] for case in CASES])
def test_rule_reports_the_reference_lines_and_accepts_good_text(rule, bad, expected, good):
    assert lines(bad, rule) == expected
    assert lines(good, rule) == []


# (rule, text, fixed text): the safe fixes.
FIXES = [
    (
        "table-pipe-alignment",
        "| a | b |\n|:-:|--:|\n| long | x |\n",
        "|  a   |   b |\n| :--: | --: |\n| long |   x |\n",
    ),
    ("table-pipe-alignment", "|a|b|\n|-|-|\n|long|x|\n", "|a   |b|\n|----|-|\n|long|x|\n"),
    ("table-cell-padding", "| a | b |\n| - | - |\n| c | dd|\n", "| a | b  |\n| - | -- |\n| c | dd |\n"),
    ("table-pipes", "a | b\n--|--\n", "| a | b |\n| --|-- |\n"),
    ("no-table-indentation", "  | a |\n  |---|\n", "| a |\n|---|\n"),
    ("rule-style", "# A\n\n***\n\n- - -\n", "# A\n\n---\n\n---\n"),
    ("heading-style", "# A\n\nB\n=\n\n## C ##\n", "# A\n\n# B\n\n## C\n"),
    ("link-title-style", '[a](https://a.dev "t")\n', "[a](https://a.dev 't')\n"),
    ("definition-case", "[A]\n\n[A]: https://a.dev\n", "[A]\n\n[a]: https://a.dev\n"),
    ("definition-spacing", "[a  b]\n\n[a  b]: https://a.dev\n", "[a  b]\n\n[a b]: https://a.dev\n"),
    ("emphasis-marker", "*a* and *b* and _c_\n", "*a* and *b* and *c*\n"),
    ("strong-marker", "**a** and **b** and __c__\n", "**a** and **b** and **c**\n"),
    ("blockquote-indentation", ">a\n\n>   b\n", "> a\n\n> b\n"),
    ("no-blockquote-without-marker", "> a\nb\n\n> > c\n> d\n", "> a\n> b\n\n> > c\n> > d\n"),
    ("checkbox-character-style", "- [x] a\n- [X] b\n- [x] c\n", "- [x] a\n- [x] b\n- [x] c\n"),
    ("checkbox-content-indent", "- [x]   a\n", "- [x] a\n"),
    ("code-block-style", "# A\n\n    code\n\n    more\n", "# A\n\n```\ncode\n\nmore\n```\n"),
    ("fenced-code-marker", "~~~js\nx\n~~~\n", "```js\nx\n```\n"),
    ("hard-break-spaces", "a   \nb\n", "a  \nb\n"),
    ("no-heading-content-indent", "##   A\n\n## B   ##\n", "## A\n\n## B ##\n"),
    ("no-heading-indent", "  # A\n", "# A\n"),
    ("no-unneeded-full-reference-link", "[a][A]\n\n[a]: https://a.dev\n", "[a][]\n\n[a]: https://a.dev\n"),
    (
        "no-unneeded-full-reference-image",
        "![a][a]\n\n[a]: https://a.dev/a.png\n",
        "![a][]\n\n[a]: https://a.dev/a.png\n",
    ),
    ("ordered-list-marker-style", "1. a\n2. b\n\ntext\n\n1) c\n", "1. a\n2. b\n\ntext\n\n1. c\n"),
    ("ordered-list-marker-value", "1. a\n3. b\n5. c\n", "1. a\n2. b\n3. c\n"),
]


@pytest.mark.parametrize(("rule", "text", "expected"), FIXES, ids=[case[0] for case in FIXES])
def test_safe_fix_writes(rule, text, expected):
    assert fixed(text, rule) == expected
    assert lines(expected, rule) == []


def test_fixed_table_satisfies_both_table_rules():
    text = "| Name | Description |\n|---|---|\n| [a](https://a.dev) | A tool. |\n| b |  |\n"
    result = fixed(fixed(text, "table-pipe-alignment"), "table-cell-padding")
    assert lines(result, "table-pipe-alignment") == [] and lines(result, "table-cell-padding") == []
    assert result.splitlines()[2] == "| [a](https://a.dev) | A tool.     |"


def test_table_widths_count_utf16_units_as_awesome_lint():
    # An emoji is two UTF-16 code units: "👍" is as wide as "ab".
    assert lines("| 👍 |\n|----|\n| ab |\n", "table-pipe-alignment") == []
    assert lines("| 👍 |\n|----|\n| a |\n", "table-pipe-alignment") == [3]


def test_table_checks_the_last_row_of_the_file_too():
    # awesome-lint misses the right side of the last cell when the table ends the file; this rule does not.
    assert lines("|a|b|\n|-|-|\n|c|d |\n", "table-cell-padding") == [3]


def test_consistent_style_fix_is_unsafe_when_the_first_style_is_a_minority():
    found = findings("*a* and _b_ and _c_\n", "emphasis-marker")
    assert [f.fix.applicability for f in found] == [UNSAFE, UNSAFE]
    found = findings("*a* and *b* and _c_\n", "emphasis-marker")
    assert [f.fix.applicability for f in found] == [SAFE]


def test_emphasis_fix_not_offered_where_underscores_would_not_emphasise():
    found = findings("_a_ and _b_ and x*y*z\n", "emphasis-marker")
    assert len(found) == 1 and found[0].fix is None  # "x_y_z" is not emphasis


def test_emphasis_inside_strong_is_one_delimiter_run_per_character():
    tree = parse("_**a** b._", 0, 10)
    assert [node.type for node in tree] == ["emphasis"]
    assert [child.type for child in tree[0].children] == ["strong", "text"]


def test_rule_style_not_fixed_under_a_paragraph_line():
    found = findings("text\n***\n", "rule-style")
    assert len(found) == 1 and found[0].fix is None  # "---" there would make "text" a heading


def test_link_title_fix_needs_no_escaping():
    found = findings('[a](https://a.dev "it\'s")\n', "link-title-style")
    assert len(found) == 1 and found[0].fix is None


def test_heading_style_consistent_takes_the_first_heading():
    assert lines("A\n=\n\n## B\n", "heading-style", style="consistent") == [4]


def test_ordered_value_fix_keeps_the_content_indent_of_multi_line_items():
    found = findings("1. a\n9. b\n   more\n", "ordered-list-marker-value")
    assert [f.fix is not None for f in found] == [True]
    items = "".join(f"{n}. x\n" for n in range(1, 10))
    found = findings(items + "9. j\n   more\n", "ordered-list-marker-value")
    assert [(f.line, f.fix) for f in found] == [(10, None)]  # "10." would move "more" out of the item


def test_unused_definition_fix_is_unsafe_and_deletes_the_line():
    found = findings("[a]\n\n[a]: https://a.dev\n[b]: https://b.dev\n", "no-unused-definitions")
    assert [f.fix.applicability for f in found] == [UNSAFE]
    assert fixed("[a]\n\n[a]: https://a.dev\n[b]: https://b.dev\n", "no-unused-definitions", unsafe=True) == (
        "[a]\n\n[a]: https://a.dev\n"
    )


def test_code_in_fences_is_not_a_block_quote():
    assert lines("```\n>a\n```\n", "blockquote-indentation") == []


def test_awesome_list_item_removes_an_empty_item_as_empty_item_does():
    text = "# A\n\n## Contents\n\n- [B](#b)\n\n## B\n\n- [X](https://x.dev) - Y.\n- \n- [Z](https://z.dev) - W.\n"
    assert [f.line for f in findings(text, "awesome-list-item")] == [10]
    assert fixed(text, "awesome-list-item") == fixed(text, "empty-item") == text.replace("- \n", "")
