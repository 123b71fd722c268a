"""empty-item: stray bullets and checkboxes, and the double marker (an item holding only another item on its line)."""

from __future__ import annotations

from rule_helpers import findings, fixed

RULE = "empty-item"


def test_an_empty_item_and_an_empty_task_are_reported_and_removed():
    text = "# L\n\n- [a](https://a.example) - A.\n- \n- [ ]\n- [b](https://b.example) - B.\n"
    found = findings(text, RULE)
    assert [(f.line, f.message) for f in found] == [(4, "empty list item '-'"), (5, "empty task item '- [ ]'")]
    assert fixed(text, RULE) == "# L\n\n- [a](https://a.example) - A.\n- [b](https://b.example) - B.\n"


def test_a_stray_double_marker_is_reported_without_a_fix():
    text = "# L\n\n* [a](https://a.example) - A.\n* * [b](https://b.example) - B.\n* [c](https://c.example) - C.\n"
    [found] = findings(text, RULE)
    assert (found.line, found.column) == (4, 1)
    assert "('* *'): a bullet inside a bullet" in found.message
    assert found.fix is None
    assert fixed(text, RULE) == text


def test_a_list_that_writes_double_markers_on_purpose_is_left_alone():
    tasks = "".join(f"* - [ ] Task {n}\n" for n in range(3))
    text = f"# To do\n\n{tasks}\n# L\n\n- [a](https://a.example) - A.\n"
    assert findings(text, RULE) == []
    assert len(findings(text, RULE, options={"double-marker-style": 4})) == 3


def test_a_double_marker_around_an_empty_item_is_still_empty():
    text = "# L\n\n- [a](https://a.example) - A.\n- - \n"
    found = findings(text, RULE)
    assert [f.line for f in found] == [4, 4]
    assert all("empty list item" in f.message for f in found)


def test_an_item_with_only_items_below_it_is_empty():
    text = "# L\n\n-\n  - [a](https://a.example) - A.\n"
    [found] = findings(text, RULE)
    assert (found.line, found.message) == (3, "empty list item '-'")
