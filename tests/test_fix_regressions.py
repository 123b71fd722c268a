"""The root causes behind the property tests' shrunk failures (tests/test_properties.py REGRESSIONS), each
pinned where it was fixed: the rule, the removal of empty items, the verifier, the config.

The property tests check the invariants end to end; these say which piece behaves how, so that a change
that brings a bug back fails here with a precise message.
"""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from awesome_lint.diagnostics import CHANGES_REMOVES_EMPTY, Diagnostic, Edit, Fix
from awesome_lint.document import Document
from awesome_lint.fix import Baseline, fix_to_fixed_point, items_removed, verify
from awesome_lint.source import Source
from conftest import run_inprocess
from rule_helpers import diagnostics, findings, fixed

# ------------------------------------------------------------------------------------------- empty items


def test_nested_empty_items_go_in_one_piece_from_the_outermost():
    text = "# T\n\n- a\n-\n  -\n    -\n  -\n- b\n"
    doc, found = diagnostics(text, "empty-item")
    assert [doc.line_of(d.start) for d in found] == [4, 5, 6, 7]
    with_fix = [d for d in found if d.fix]
    assert len(with_fix) == 1 and doc.line_of(with_fix[0].start) == 4
    (edit,) = with_fix[0].fix.edits
    assert text[edit.start : edit.end] == "-\n  -\n    -\n  -\n"
    assert fixed(text, "empty-item") == "# T\n\n- a\n- b\n"


def test_an_empty_items_first_line_stays_when_a_blank_line_would_take_its_place():
    # Without "  -" the item "-" would start with a blank line, which ends it: "  - paper" would move out.
    text = "# T\n\n-\n  -\n\n  - paper\n"
    doc, found = diagnostics(text, "empty-item")
    assert [(doc.line_of(d.start), d.fix is not None) for d in found] == [(3, False), (4, False)]


def test_nor_when_another_empty_item_would_take_its_place():
    text = "# T\n\n-\n  -\n  -\n\n  - paper\n"
    doc, found = diagnostics(text, "empty-item")
    assert [(doc.line_of(d.start), d.fix is not None) for d in found] == [(3, False), (4, False), (5, True)]
    assert fixed(text, "empty-item") == "# T\n\n-\n  -\n\n  - paper\n"


def test_no_removal_before_a_deeper_indented_line():
    text = "# T\n\n1. paper\n  1.\n   1. paper\n"
    _doc, found = diagnostics(text, "empty-item")
    assert len(found) == 1 and found[0].fix is None


def test_a_deep_nest_of_empty_items_is_one_fix():
    text = "# T\n\n" + "".join(" " * (2 * depth) + "-\n" for depth in range(100))
    _doc, found = diagnostics(text, "empty-item")
    assert len(found) == 100 and sum(1 for d in found if d.fix) == 1
    assert fixed(text, "empty-item") == "# T\n\n"


def test_the_verifier_counts_the_items_a_removal_spans():
    before = Document(Source("t.md", "# T\n\n- a\n-\n  -\n    -\n- b\n"))
    after = Document(Source("t.md", "# T\n\n- a\n- b\n"))
    start = before.line_starts[3]
    whole = Diagnostic(
        start, start, "", fix=Fix.safe(Edit(start, before.line_starts[6]), changes=frozenset({CHANGES_REMOVES_EMPTY}))
    )
    one_line = Diagnostic(
        start, start, "", fix=Fix.safe(Edit(start, before.line_starts[4]), changes=frozenset({CHANGES_REMOVES_EMPTY}))
    )
    assert verify(before, after, [whole]) == []
    assert verify(before, after, [one_line]) == ["5 list items would become 2"]


# ------------------------------------------------------------------------------------ repeated punctuation


def test_marks_in_two_nodes_are_reported_not_fixed():
    text = "# T\n\nSee [,](https://example.com/a), then.\n"
    (finding,) = findings(text, "no-repeat-punctuation")
    assert finding.fix is None


def test_the_fix_stops_at_its_text_node():
    text = "# T\n\nWow!!![a](https://example.com/a.png)\n"
    assert fixed(text, "no-repeat-punctuation") == "# T\n\nWow!![a](https://example.com/a.png)\n"  # the image stays


def test_crlf_findings_are_where_the_lf_ones_are():
    text = "# T\n\n- !!. [CVPR 2019]\n| Title |\n|---|\n"
    lf = findings(text, "no-repeat-punctuation")
    crlf = findings(text.replace("\n", "\r\n"), "no-repeat-punctuation")
    assert [(f.line, f.column, f.end_column) for f in crlf] == [(f.line, f.column, f.end_column) for f in lf]
    assert [(f.line, f.column) for f in lf] == [(3, 4)]
    assert crlf[0].fix is not None


# ------------------------------------------------------------------------------------------- title-format


def test_a_title_that_is_a_collapsed_reference_is_not_edited():
    entries = "".join(f"- Paper {i} on heads. [CVPR 2019]\n" for i in range(5))
    text = f"# T\n\n{entries}- [ref][] -\n\n[ref]: https://arxiv.org/abs/2004.01234\n"
    found = [f for f in findings(text, "title-format") if f.line == 8]
    assert found and all(f.fix is None for f in found)


# ---------------------------------------------------------------------------- rows mistune reads otherwise

TABLE = "# T\n\n| Title | Link |\n|---|---|\n| a | [x][ref] |\n"


@pytest.mark.parametrize(
    ("below", "lines", "what"),
    [
        ("[ref]: https://example.com/a\n", [6], "a link reference definition"),
        ("row\n-\n", [6], "a heading"),
        ("row\n===\n", [6, 7], "a heading"),
    ],
)
def test_a_row_mistune_reads_otherwise_is_reported_not_fixed(below, lines, what):
    """GFM reads a line without pipes under a table as a row; mistune, which checks every fix, ends the table
    there. table-pipes put a definition written under a table between pipes, the check saw its link lost and
    refused every fix of the file; likewise the table-wide fixes, which rewrite every row."""
    text = TABLE + below
    found = findings(text, "table-pipes")
    assert sorted({f.line for f in found}) == lines
    assert all(f.fix is None and f"the row would be {what}" in f.message for f in found)
    for rule_id in ("table-cell-padding", "table-pipe-alignment"):
        found = findings(text, rule_id)
        assert found and all(f.fix is None for f in found), rule_id


def test_the_rows_gfm_and_mistune_agree_on_are_still_fixed():
    text = TABLE + "row\nmore\n"
    found = findings(text, "table-pipes")
    assert {f.line for f in found} == {6, 7} and all(f.fix is not None for f in found)
    assert fixed(text, "table-pipes") == TABLE + "| row |\n| more |\n"
    separated = TABLE + "\n[ref]: https://example.com/a\n"  # a blank line: a definition to both
    assert fixed(separated, "table-pipe-alignment").endswith("| a     | [x][ref] |\n\n[ref]: https://example.com/a\n")


def test_the_other_fixes_of_the_file_go_through(tmp_path, monkeypatch):
    text = TABLE + "[ref]: https://example.com/a\n\n- [Code](https://github.com/user/repo) - A tool!!\n"
    (tmp_path / "README.md").write_text(text)
    result = run_inprocess(["--preset", "awesome", "--fix", "README.md"], monkeypatch, cwd=tmp_path)
    assert "refusing" not in result.err
    assert (tmp_path / "README.md").read_text() == text.replace("tool!!", "tool!")


def test_no_pipe_is_added_in_a_table_with_a_row_read_otherwise():
    """GFM reads "[ref]: ..." under the table as a row. mistune ends the table at "|  | [Paper][ref]" (no
    closing pipe) and reads the definition as paragraph text; with the closing pipe added it reads that row
    and then a definition, and the fixer's check saw a link appear. A pipe on any row moves where mistune
    ends the table, so none is added in such a table."""
    text = "# T\n\n| A | B |\n|---|---|\n|  | [Paper][ref]\n[ref]: https://a.org/x\n"
    found = findings(text, "table-pipes")
    assert [f.line for f in found] == [5, 6, 6] and all(f.fix is None for f in found)


def test_no_table_fix_when_mistunes_table_ends_early_and_runs_on_below():
    """ "| " (one pipe) is a row to GFM but ends mistune's table: from there mistune reads a paragraph that runs
    on into the indented code under the table (a link, to it). Padding or piping the row moves where its
    table ends, and the fixer's check saw the link lost. With a blank line under the table, the fixes stay."""
    text = "# T\n\n| Title |\n|---|\n| \n|  |\n    - [Paper](https://a.org/x)\n"
    for rule in ("table-pipes", "table-cell-padding"):
        found = findings(text, rule)
        assert found and all(f.fix is None for f in found), rule
    assert findings("# T\n\n| Title |\n|---|\n| a\n\ntext\n", "table-pipes")[0].fix is not None


# -------------------------------------------------------------------------------- one fix for many findings


def test_entry_order_puts_its_section_fix_on_the_first_finding_only():
    years = [2024, 2023, 2019, 2022, 2021, 2018, 2020, 2017, 2016, 2015, 2014, 2013]
    entries = "".join(f"- Paper {i} on heads. [CVPR {y}]\n" for i, y in enumerate(years))
    text = f"# T\n\n## Papers\n\n{entries}"
    found = findings(text, "entry-order", options={"order": "year-desc"})
    assert len(found) >= 2
    assert [f.fix is not None for f in found] == [True] + [False] * (len(found) - 1)


def test_the_json_report_grows_with_the_findings_not_with_findings_times_the_section(tmp_path, monkeypatch):
    """996 findings in a 530 KB section wrote 539 MB of JSON when each carried the section's fix."""
    import random

    rng = random.Random(3)
    years = sorted((rng.randint(2000, 2024) for _ in range(1200)), reverse=True)
    for i in range(0, len(years), 3):
        years[i] = rng.randint(2000, 2024)
    body = "".join(
        f"- Paper {i} about things. [CVPR {y}]  [Paper](https://arxiv.org/abs/{i})\n" for i, y in enumerate(years)
    )
    (tmp_path / "list.md").write_text(f"# Papers\n\n## Papers\n\n{body}")
    result = run_inprocess(
        ["--preset", "paper-list", "--select", "entry-order", "--format", "json", "list.md"], monkeypatch, cwd=tmp_path
    )
    found = json.loads(result.out)
    assert len(found) > 100
    assert sum(1 for f in found if f["fix"]) == 1
    assert len(result.out) < 3 * len(body) + 1000 * len(found)


# --------------------------------------------------------------------------------------------- the fixer


def test_the_baseline_verifies_as_the_document_does():
    text = "# T\n\n- [a](http://github.com/u/r)\n-\n  -\n- b\n"
    doc = Document(Source("t.md", text))
    after = Document(Source("t.md", "# T\n\n- [a](http://github.com/u/r)\n- b\n"))
    start = doc.line_starts[3]
    removal = Diagnostic(
        start, start, "", fix=Fix.safe(Edit(start, doc.line_starts[5]), changes=frozenset({CHANGES_REMOVES_EMPTY}))
    )
    removed = items_removed(doc, [removal])
    assert removed == 2
    assert verify(Baseline.of(doc), after, [removal], removed) == verify(doc, after, [removal]) == []
    assert verify(Baseline.of(doc), after, [], 0) == verify(doc, after, []) != []


def test_the_fixer_lets_the_first_documents_entries_go():
    text = "# T\n\n- Paper. [CVPR 2019]\n-\n- Other. [ECCV 2020]\n"
    source = Source("t.md", text)
    first = Document(source)
    seen = []

    def lint(doc):
        seen.append(doc)
        assert doc.entries is not None
        return diagnostics(doc.text, "empty-item")[1]

    result = fix_to_fixed_point(source, lint, document=first)
    assert result.text == "# T\n\n- Paper. [CVPR 2019]\n- Other. [ECCV 2020]\n"
    assert result.baseline is not None and result.baseline.entries == 2 and result.baseline.items == 3
    assert result.removed_items == 1
    assert "entries" not in first.__dict__  # released; read again, they would be extracted again
    assert len(first.entries) == 2


# ------------------------------------------------------------------------------ block quotes' lazy lines

_COMMONMARK = MarkdownIt("commonmark").enable("table")


@pytest.mark.parametrize(
    ("lazy", "what"),
    [
        ("\t- paper. [CVPR 2019]\n", "a list item: 4 columns of tab outside, 2 after `> `"),
        ("\t1. paper\n", "an ordered list item"),
        ("\t# paper\n", "a heading"),
        ("\t```\n", "a fence"),
        ("\t***\n", "a thematic break"),
        ("\t<div>\n", "an HTML block"),
        ("===\n", "a setext underline, which a lazy line cannot be"),
        ("| Title |\n|---|\n| a |\n", "a table"),
    ],
)
def test_a_lazy_line_the_marker_would_turn_into_a_block_is_reported_not_fixed(lazy, what):
    """A lazy line continues the quote's paragraph only because, outside the quote, it starts no block; with
    the marker added its text is read inside the quote, where it would start a block (``what``)."""
    text = f"# T\n\n> paper\n{lazy}"
    found = findings(text, "no-blockquote-without-marker")
    assert found and all(f.fix is None for f in found), what
    marked = "# T\n\n> paper\n" + "".join("> " + line for line in lazy.splitlines(keepends=True))
    assert _COMMONMARK.render(marked) != _COMMONMARK.render(text), f"the marker keeps {what}: the test is moot"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# T\n\n> paper\nmore text\n", "# T\n\n> paper\n> more text\n"),
        ("# T\n\n> paper\n    indented\n", "# T\n\n> paper\n>     indented\n"),
        ("# T\n\n> paper\n<https://example.com/a>\n", "# T\n\n> paper\n> <https://example.com/a>\n"),
        ("# T\n\n> > paper\n> more\n", "# T\n\n> > paper\n> > more\n"),
        # in a list item the marker goes where the quote's stands: at the line's start it would close the item
        ("# T\n\n- item\n\n  > paper\n  more\n", "# T\n\n- item\n\n  > paper\n  > more\n"),
    ],
)
def test_a_lazy_line_that_stays_paragraph_text_is_fixed(text, expected):
    assert fixed(text, "no-blockquote-without-marker") == expected
    assert _COMMONMARK.render(expected) == _COMMONMARK.render(text)


def test_a_lazy_line_in_a_list_item_not_lined_up_with_the_quote_is_reported_not_fixed():
    text = "# T\n\n- item\n  > paper\nmore\n"
    (found,) = findings(text, "no-blockquote-without-marker")
    assert found.line == 5 and found.fix is None


# ------------------------------------------------------------------------------ code under an empty item


def test_an_indented_block_right_under_an_item_line_is_reported_not_fenced():
    """CommonMark closes the empty item "   -" and reads the lines under it as indented code; mistune, which
    the fixer's verification reads, takes them as the item's content and the text after "      paper" as a
    paragraph with a link, so fencing them looked like losing that link and the fixer refused."""
    text = "# T\n\n   -\n    - paper\n      paper\n    - [Paper](https://arxiv.org/abs/2004.01234)\n"
    (found,) = findings(text, "code-block-style")
    assert found.line == 4 and found.fix is None
    assert fixed("# T\n\n   -\n\n    code\n", "code-block-style") == "# T\n\n   -\n\n```\ncode\n```\n"


def test_an_indented_block_right_under_a_table_row_is_reported_not_fenced():
    """ "| " is an empty row to GFM and the code under it code; mistune ends the table there and reads "|" and
    the code as one paragraph with a link, so the fence looked like losing it."""
    text = "# T\n\n| Title |\n|---|\n| \n    - [Paper](https://a.org/x)\n"
    (found,) = findings(text, "code-block-style")
    assert found.line == 6 and found.fix is None


def test_an_indented_block_before_an_indented_block_is_reported_not_fenced():
    """After indented code mistune reads a block indented by one to three spaces as a paragraph: here "-" and
    a link, where CommonMark reads an empty item holding code. Fenced, mistune reads it right, and the fixer's
    check saw the link lost; with a blank line and no indent, the fence goes through."""
    text = "# T\n\n    code\n  -\n        - [P](https://a.org/x)\n"
    found = findings(text, "code-block-style")
    assert [f.line for f in found] == [3, 5] and all(f.fix is None for f in found)  # line 5: code in the item
    assert fixed("# T\n\n    code\n\n# H\n", "code-block-style") == "# T\n\n```\ncode\n```\n\n# H\n"


# ------------------------------------------------------------------------------------- unused definitions


def test_the_unused_definitions_of_one_label_go_in_one_fix():
    """remark reports an unused label once, on its last definition; deleting only that one uncovered the
    one before on the next pass, and with blank-lines and final-newline the fixer needed 4 passes."""
    text = "# T\n\n[ref]: https://a.org/1\n\n[ref]: https://a.org/2\n[ref]: https://a.org/3"
    (found,) = findings(text, "no-unused-definitions")
    assert found.line == 6 and len(found.fix.edits) == 2
    assert fixed(text, "no-unused-definitions", unsafe=True) == "# T\n\n\n"


def test_a_label_still_written_in_code_is_reported_not_deleted():
    """ "[P][ref]" in code is no use to CommonMark, but mistune, which checks every fix, reads the code under
    "  -" after indented code as text: deleting the definition looked like losing a link."""
    text = "# T\n\n    code\n  -\n        - [P][ref]\n\n[ref]: https://a.org/x\n"
    (found,) = findings(text, "no-unused-definitions")
    assert found.line == 7 and found.fix is None
    assert findings("# T\n\n[ref]: https://a.org/x\n", "no-unused-definitions")[0].fix is not None


# ---------------------------------------------------------------------------------------------- the config


@pytest.mark.parametrize("pattern", ["(", "a[b", "(?P<x", "*"])
def test_an_invalid_regular_expression_option_is_a_config_error(tmp_path, monkeypatch, pattern):
    (tmp_path / "README.md").write_text("# T\n\n- [a][b]\n")
    (tmp_path / ".awesome-lint.yaml").write_text(
        f"rules:\n  no-undefined-references: {{allow: [ok, {json.dumps(pattern)}]}}\n"
    )
    result = run_inprocess(["--preset", "awesome", "README.md"], monkeypatch, cwd=tmp_path)
    assert result.code == 2 and result.out == ""
    (line,) = result.err.strip().splitlines()
    assert "option 'allow' of rule 'no-undefined-references': invalid regular expression" in line
    assert repr(pattern) in line and "Traceback" not in result.err


def test_every_regex_option_is_declared_and_its_defaults_compile():
    import re

    from awesome_lint.rules import all_rules

    declared = {(rule_id, name) for rule_id in all_rules() for name in all_rules()[rule_id].regex_options}
    assert ("no-undefined-references", "allow") in declared
    for rule_id, name in declared:
        default = all_rules()[rule_id].options[name]
        for pattern in [default] if isinstance(default, str) else default:
            re.compile(pattern)
