"""entry-order: only the entries outside the longest ordered run are reported; the fix moves whole entries."""

from __future__ import annotations

from awesome_lint.diagnostics import CHANGES_ORDER, Diagnostic, Fix
from awesome_lint.fix import verify
from rule_helpers import document, findings, fixed

NEWEST_FIRST = """# Papers

## Talking heads

- Paper A one [CVPR 2021]  [Paper](https://example.org/a)
- Paper B two [ICCV 2021]  [Paper](https://example.org/b)
- Paper C three [CVPR 2020]  [Paper](https://example.org/c)
- Paper D four [ICCV 2019]  [Paper](https://example.org/d)
- Paper E five [CVPR 2021]  [Paper](https://example.org/e)
  - a nested note on E
- Paper F six [ECCV 2018]  [Paper](https://example.org/f)
- Paper G seven [CVPR 2017]  [Paper](https://example.org/g)

Done.
"""


def test_only_the_misplaced_entry_is_reported():
    found = findings(NEWEST_FIRST, "entry-order")
    assert [f.line for f in found] == [9]
    message = found[0].message
    assert "2021" in message and "newest first" in message and "line 6" in message
    assert found[0].fix is not None and found[0].fix.applicability == "unsafe"


def test_inferred_order_fix_is_unsafe_and_moves_the_entry_with_its_nested_items():
    assert fixed(NEWEST_FIRST, "entry-order") == NEWEST_FIRST  # not with --fix alone
    result = fixed(NEWEST_FIRST, "entry-order", unsafe=True)
    lines = result.splitlines()
    assert lines[4:8] == [
        "- Paper A one [CVPR 2021]  [Paper](https://example.org/a)",
        "- Paper B two [ICCV 2021]  [Paper](https://example.org/b)",
        "- Paper E five [CVPR 2021]  [Paper](https://example.org/e)",
        "  - a nested note on E",
    ]
    assert sorted(result.splitlines()) == sorted(NEWEST_FIRST.splitlines())
    assert findings(result, "entry-order") == []


def test_pinned_order_fix_is_safe():
    config = {"conventions": {"order": "year-desc"}}
    found = findings(NEWEST_FIRST, "entry-order", config=config)
    assert found[0].fix.applicability == "safe" and "set in the config" in found[0].message
    assert fixed(NEWEST_FIRST, "entry-order", config=config) != NEWEST_FIRST


def test_several_misplaced_entries_settle_in_one_fix():
    text = NEWEST_FIRST.replace("[ECCV 2018]", "[ECCV 2022]").replace("[CVPR 2017]", "[CVPR 2023]")
    config = {"conventions": {"order": "year-desc"}}
    result = fixed(text, "entry-order", config=config)
    years = [line.split("[")[1][-5:-1] for line in result.splitlines() if line.startswith("- Paper")]
    assert years == sorted(years, reverse=True)


def test_quiet_without_a_clear_order():
    unordered = """# Papers

- Paper A one [CVPR 2019]
- Paper B two [CVPR 2021]
- Paper C three [CVPR 2018]
- Paper D four [CVPR 2022]
- Paper E five [CVPR 2017]
- Paper F six [CVPR 2020]
"""
    assert findings(unordered, "entry-order") == []
    same_year = "# P\n\n" + "".join(f"- Paper {c} x [CVPR 2023]\n" for c in "ABCDEF") + "- Paper G x [CVPR 2022]\n"
    same_year += "- Paper H x [CVPR 2023]\n"
    assert findings(same_year, "entry-order") == []  # one step down is not an order


def test_no_fix_when_the_section_is_not_one_tight_list():
    loose = NEWEST_FIRST.replace("- Paper D", "\nSome prose.\n\n- Paper D")
    found = findings(loose, "entry-order")
    assert len(found) == 1 and found[0].fix is None


def test_alphabetical_order():
    names = ["Alpha", "Bravo", "Charlie", "Echo", "Delta", "Foxtrot", "Golf", "Hotel"]
    text = "# Tools\n\n" + "".join(f"- [{n}](https://example.org/{n}) - A tool.\n" for n in names)
    found = findings(text, "entry-order")
    assert len(found) == 1 and found[0].line in (6, 7) and "alphabetical" in found[0].message


def test_verification_accepts_a_reorder_but_not_a_lost_entry():
    before = document(NEWEST_FIRST)
    entry_e = "- Paper E five [CVPR 2021]  [Paper](https://example.org/e)\n  - a nested note on E\n"
    moved = NEWEST_FIRST.replace(entry_e, "").replace("- Paper C", entry_e + "- Paper C")
    applied = [Diagnostic(0, 0, "moved", fix=Fix((), "unsafe", frozenset({CHANGES_ORDER})))]
    assert verify(before, document(moved), applied) == []
    lost = NEWEST_FIRST.replace("- Paper G seven [CVPR 2017]  [Paper](https://example.org/g)\n", "")
    assert verify(before, document(lost), applied) != []


def _paragraph(letter: str, venue: str) -> str:
    return (
        f"**Paper {letter} title** \\\n*Author {letter}, Author Two* \\\n"
        f"{venue}. [[Paper](https://example.org/{letter})]\n"
    )


PARAGRAPHS = "# Papers\n\n## Rendering\n\n" + "\n".join(
    _paragraph(letter, venue)
    for letter, venue in [
        ("A", "CVPR 2023"),
        ("B", "ICCV 2023"),
        ("C", "CVPR 2022"),
        ("D", "CVPR 2023"),
        ("E", "ECCV 2022"),
        ("F", "CVPR 2021"),
        ("G", "ICCV 2021"),
    ]
)


def test_paragraph_entries_move_whole_with_their_blank_lines():
    found = findings(PARAGRAPHS, "entry-order")
    assert [f.line for f in found] == [13] and "belongs after line 21" in found[0].message
    result = fixed(PARAGRAPHS, "entry-order", unsafe=True)
    assert result == "# Papers\n\n## Rendering\n\n" + "\n".join(
        _paragraph(letter, venue)
        for letter, venue in [
            ("A", "CVPR 2023"),
            ("B", "ICCV 2023"),
            ("D", "CVPR 2023"),
            ("E", "ECCV 2022"),
            ("C", "CVPR 2022"),
            ("F", "CVPR 2021"),
            ("G", "ICCV 2021"),
        ]
    )
    assert findings(result, "entry-order") == []
    # the last paragraph (the file's end) moves to the front, and the spacing stays one blank line
    newest_last = PARAGRAPHS.replace("ICCV 2021", "ICCV 2025")
    result = fixed(newest_last, "entry-order", config={"conventions": {"order": "year-desc"}})
    assert result.startswith("# Papers\n\n## Rendering\n\n" + _paragraph("G", "ICCV 2025") + "\n**Paper A")
    assert result.endswith(_paragraph("F", "CVPR 2021")) and "\n\n\n" not in result


def test_no_paragraph_move_when_prose_stands_between_entries():
    text = PARAGRAPHS.replace("**Paper E", "Some words between the papers.\n\n**Paper E")
    found = findings(text, "entry-order")
    assert len(found) == 1 and found[0].fix is None
