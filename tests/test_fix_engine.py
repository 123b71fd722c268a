"""The fix engine: non-overlapping edits, the fixed-point loop and its cap, and verification."""

from __future__ import annotations

import pytest

from awesome_lint.diagnostics import CHANGES_URLS, Diagnostic, Edit, Fix
from awesome_lint.document import Document
from awesome_lint.fix import FixError, apply_fixes, fix_to_fixed_point, verify
from awesome_lint.source import Source


def doc(text: str) -> Document:
    return Document(Source("t.md", text))


def diag(*edits: Edit, unsafe: bool = False, changes=frozenset()) -> tuple[Diagnostic, Fix]:
    fix = Fix(tuple(edits), "unsafe" if unsafe else "safe", frozenset(changes))
    return Diagnostic(edits[0].start, edits[0].end, "x", fix=fix), fix


def test_edits_apply_in_position_order_and_overlaps_are_skipped():
    text = "abcdefghij"
    fixes = [diag(Edit(6, 8, "XY")), diag(Edit(0, 2, "12")), diag(Edit(1, 3, "zz"))]
    new, taken = apply_fixes(text, fixes)
    assert new == "12cdefXYij"
    assert len(taken) == 2


def test_a_fix_with_several_edits_is_all_or_nothing():
    text = "abcdefghij"
    fixes = [diag(Edit(0, 1, "A")), diag(Edit(0, 1, "B"), Edit(5, 6, "F"))]
    new, taken = apply_fixes(text, fixes)
    assert new == "Abcdefghij"


def test_of_two_fixes_starting_together_the_one_reaching_further_wins():
    text = "1.\n2. b\n"
    renumber, remove = diag(Edit(0, 1, "3")), diag(Edit(0, 3, ""))  # the item's marker; the whole (empty) item
    for order in ([renumber, remove], [remove, renumber]):
        new, taken = apply_fixes(text, order)
        assert new == "2. b\n"
        assert [d.fix for d in taken] == [remove[1]]


def test_fixed_point_counts_passes():
    text = "x  y"  # each pass removes one doubled space, the loop runs until none is left

    def lint(document):
        i = document.text.find("  ")
        return [diag(Edit(i, i + 1, ""))[0]] if i >= 0 else []

    result = fix_to_fixed_point(Source("t.md", "a" + text * 3), lint)
    assert result.text == "ax yx yx y"
    assert (
        result.passes == 4
    )  # three passes that fix one each (one per pass: all overlap-free but found one at a time), then a clean one
    assert len(result.applied) == 3


def test_unsafe_fixes_need_the_flag():
    def lint(document):
        return [diag(Edit(0, 1, "B"), unsafe=True)[0]] if document.text.startswith("A") else []

    assert fix_to_fixed_point(Source("t.md", "A"), lint).text == "A"
    assert fix_to_fixed_point(Source("t.md", "A"), lint, unsafe=True).text == "B"


def test_oscillating_fixes_fail_to_converge():
    def lint(document):
        return [diag(Edit(0, 1, "b" if document.text[0] == "a" else "a"))[0]]

    with pytest.raises(FixError, match="did not settle after 10 passes"):
        fix_to_fixed_point(Source("t.md", "a"), lint)


def test_verify_refuses_a_lost_link_or_heading():
    before = doc("# Title\n\n- [a](https://a.example) - A.\n- [b](https://b.example) - B.\n")
    lost_link = doc("# Title\n\n- [a](https://a.example) - A.\n- b - B.\n")
    assert verify(before, lost_link, [])[0].startswith("1 link(s) would be lost")
    lost_heading = doc("# Titles\n\n- [a](https://a.example) - A.\n- [b](https://b.example) - B.\n")
    assert any("heading" in p for p in verify(before, lost_heading, []))


def test_verify_allows_a_url_rewrite_only_from_a_url_fix():
    before = doc("# T\n\n- [a](http://a.example) - A.\n")
    after = doc("# T\n\n- [a](https://a.example) - A.\n")
    assert verify(before, after, [])  # no fix said it changes URLs
    url_fix = diag(Edit(13, 17, "https"), changes={CHANGES_URLS})[0]
    assert verify(before, after, [url_fix]) == []
