"""entry-format: separators (safe fix), link order and missing venue tags (no fix), optional links never."""

from __future__ import annotations

from rule_helpers import findings, fixed


def entry(i: int, venue: str = "[CVPR 2020]", links: str = "") -> str:
    links = links or f"[Paper](https://example.org/p{i})  [Code](https://github.com/a/c{i})"
    return f"- Paper number {i} on faces {venue}  {links}\n"


def paper_list(lines: list[str]) -> str:
    return "# Papers\n\n" + "".join(lines)


def test_a_separator_unlike_the_list_is_fixed_to_the_list_own():
    lines = [entry(i) for i in range(8)]
    lines.append(entry(8, links="[Paper](https://example.org/p8) [Code](https://github.com/a/c8)"))
    text = paper_list(lines)
    found = findings(text, "entry-format")
    assert [(f.line, f.column) for f in found] == [(11, 71)]
    assert "' '" in found[0].message and "'  '" in found[0].message
    assert found[0].fix.applicability == "safe"
    assert fixed(text, "entry-format") == paper_list([entry(i) for i in range(9)])


def test_link_order_against_the_list():
    lines = [entry(i) for i in range(12)]
    lines.append(entry(12, links="[Code](https://github.com/a/c12)  [Paper](https://example.org/p12)"))
    found = findings(paper_list(lines), "entry-format")
    assert len(found) == 1 and found[0].line == 15
    assert '"Code" link comes before "Paper"' in found[0].message and "12 of 13" in found[0].message
    assert found[0].fix is None


def test_optional_links_are_never_missing():
    lines = [entry(i) for i in range(6)]
    lines += [entry(i, links=f"[Paper](https://example.org/p{i})") for i in range(6, 12)]
    lines += [
        entry(12, links="[Paper](https://example.org/p12)  [Code](https://github.com/a/c12)  [Project](https://x.org)")
    ]
    assert findings(paper_list(lines), "entry-format") == []


def test_a_missing_venue_tag_where_nearly_all_have_one():
    lines = [entry(i) for i in range(10)] + [entry(10, venue="")]
    found = findings(paper_list(lines), "entry-format")
    assert len(found) == 1 and found[0].line == 13 and "10 of 11" in found[0].message
    sparse = [entry(i) for i in range(6)] + [entry(i, venue="") for i in range(6, 9)]
    assert findings(paper_list(sparse), "entry-format") == []
