"""Venues written where entries are filed (headings, group items, nested lines) are checked once, where they are
written; authors' names are left to no spelling or label rule."""

from __future__ import annotations

from awesome_lint.conventions import label_of
from awesome_lint.entries import Span
from rule_helpers import diagnostics, document, findings, fixed

PAPERS = (
    "- Title one [[Paper](https://arxiv.org/abs/2401.00001)]\n- Title two [[Paper](https://arxiv.org/abs/2401.00002)]\n"
)


def test_venue_typo_in_a_heading_once_and_without_a_fix():
    text = f"# Papers\n\n## CPVR 2024\n\n{PAPERS}"
    [finding] = findings(text, "venue-typo")
    assert (finding.line, finding.column, finding.end_column) == (3, 4, 8)
    assert finding.message == (
        'venue "CPVR" looks like a typo of "CVPR" (a known venue); '
        "headings are not fixed automatically (their anchors would change)"
    )
    assert finding.fix is None


def test_venue_typo_in_a_group_item_is_fixed_there():
    nested = "".join("  " + line + "\n" for line in PAPERS.splitlines())
    text = f"# Papers\n\n## 2024\n\n- **NeurlPS**\n  - Title one [[Paper](https://a.org/1)]\n- **CPVR 2024**\n{nested}"
    found = findings(text, "venue-typo")
    assert [(f.line, f.message) for f in found] == [(7, 'venue "CPVR" looks like a typo of "CVPR" (a known venue)')]
    assert fixed(text, "venue-typo") == text.replace("CPVR", "CVPR")


def test_venue_format_on_a_nested_venue_line_follows_the_list():
    own = "".join(f"- Paper {i} [CVPR 2019] [[pdf]](https://arxiv.org/abs/19{i:02d}.00001)\n" for i in range(5))
    nested = "- Nested paper.\n    [[pdf]](https://arxiv.org/abs/1902.09229)\n    - Ann Lee, Bo Chen. *ICML2019*\n"
    text = "# Papers\n\n" + own + nested
    [finding] = findings(text, "venue-format")
    assert finding.line == 10 and "has no space before the year" in finding.message
    assert fixed(text, "venue-format") == text.replace("*ICML2019*", "*ICML 2019*")


def test_venue_unknown_counts_places_not_entries():
    text = f"# Papers\n\n## ZZQW 2024\n\n{PAPERS}"
    [finding] = findings(text, "venue-unknown")
    assert finding.line == 3 and finding.message.startswith('venue "ZZQW" is not a known venue')
    # Written in two places, it is a venue the list uses: no question.
    assert findings(text + f"\n## ZZQW 2023\n\n{PAPERS.replace('Title', 'Paper')}", "venue-unknown") == []


def test_typo_skips_author_names_but_not_prose():
    text = (
        "# Papers\n\n## Diffusion\n\n"
        "**Title One** \\\n*Shoule Wu, Ziqiang Shi* \\\n[[Paper](https://arxiv.org/abs/1)] \\\n\n"
        "**Title Two** \\\n*Ann Lee, Bo Chen* \\\n[[Paper](https://arxiv.org/abs/2)] \\\n\n"
        "Shoule be read.\n"
    )
    found = findings(text, "typo")
    assert [(f.line, f.message.split(" looks")[0]) for f in found] == [(13, '"Shoule"')]


def test_a_link_in_the_authors_is_no_label():
    doc = document("- **A Title** [[Paper]](https://arxiv.org/abs/1)\n")
    [entry] = doc.entries
    [link] = entry.links
    assert label_of(link, entry) is not None
    entry.authors.append(Span(doc.text[link.start : link.end], link.start, link.end))
    assert label_of(link, entry) is None


def test_heading_entries_reach_the_paper_rules():
    text = (
        "# 3DGS\n\n## 2024:\n"
        "### 1. [CVPR '24] First Paper Title\n**Authors**: Ann Lee\n\n[📄 Paper](https://arxiv.org/pdf/2401.00001)\n\n"
        "### 2. Second Paper Title\n**Authors**: Bo Chen\n\n[📄 Paper](https://arxiv.org/pdf/2401.00001)\n\n"
        "### 3. Third Paper Title\n**Authors**: Cy Dee\n\n[📄 Paper](https://arxiv.org/pdf/2402.00003)\n"
    )
    _doc, found = diagnostics(text, "duplicate-entry")
    assert len(found) == 1 and "2401.00001" in found[0].message
