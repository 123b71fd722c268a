"""label-typo, label-style and link-label: positive, negative and fix output."""

from __future__ import annotations

from awesome_lint.distance import is_plural_pair, osa_distance
from rule_helpers import findings, fixed


def _entries(*lines: str) -> str:
    return "# Papers\n\n" + "\n".join(f"- {line}" for line in lines) + "\n"


# ---------------------------------------------------------------------------------------------- distance


def test_osa_distance_counts_a_swap_once():
    assert osa_distance("porjectpage", "projectpage") == 1
    assert osa_distance("neurlps", "neurips") == 1
    assert osa_distance("code", "data") == 4
    assert osa_distance("abcdef", "uvwxyz", limit=2) == 3
    assert is_plural_pair("paper", "papers") and not is_plural_pair("code", "cod")


# ---------------------------------------------------------------------------------------------- label-typo

TYPO_LIST = _entries(
    "Alpha [CVPR 2020]  [Paper](https://a.org/1)  [ProjectPage](https://p.org/1)",
    "Beta [CVPR 2020]  [Paper](https://a.org/2)  [ProjectPage](https://p.org/2)",
    "Gamma [CVPR 2020]  [Paper](https://a.org/3)  [PorjectPage](https://p.org/3)",
)


def test_label_typo_against_the_lists_own_label():
    [finding] = findings(TYPO_LIST, "label-typo")
    assert (finding.line, finding.column, finding.end_column) == (5, 49, 60)
    assert finding.message == 'label "PorjectPage" looks like a typo of "ProjectPage" (used 2× in this list)'
    assert finding.fixable


def test_label_typo_fix_output():
    assert fixed(TYPO_LIST, "label-typo") == TYPO_LIST.replace("PorjectPage", "ProjectPage")


def test_label_typo_against_a_known_label_the_list_never_uses():
    text = _entries("Alpha [CVPR 2020]  [Paper](https://a.org/1)  [Cdoe](https://github.com/a/b)")
    [finding] = findings(text, "label-typo")
    assert finding.message == 'label "Cdoe" looks like a typo of "Code" (a known label)'
    assert fixed(text, "label-typo") == text.replace("Cdoe", "Code")


def test_label_typo_leaves_plurals_digits_short_labels_and_other_words_alone():
    text = _entries(
        "Alpha [[Papers](https://a.org/1)] [[Code](https://g.org/1)] [[Data](https://d.org)]",
        "Beta [[Paper](https://a.org/2)] [[Cod](https://g.org/2)] [[pager](https://g.org/3)] [[Cite](https://c.org)]",
        "Delta [[ncurses](https://c.org/1)] [[ncurses](https://c.org/2)] [[pancurses](https://c.org/3)]",
        "Gamma [[CVPR 2023](https://a.org/3)] [[CVPR 2024](https://a.org/4)] [[CVPR 2024](https://a.org/5)]",
    )
    assert findings(text, "label-typo") == []


def test_label_typo_with_two_candidates_has_no_fix():
    text = _entries(
        *(f"P{i} [[Notes](https://n.org/{i})] [[Nodes](https://d.org/{i})]" for i in range(3)),
        "Q [[Noes](https://s.org/7)]",  # Notes or Nodes?
    )
    found = findings(text, "label-typo")
    assert [f.message for f in found] == ['label "Noes" looks like a typo of one of "Nodes", "Notes"']
    assert found[0].fix is None


def test_label_typo_short_labels_take_only_slips():
    text = _entries("A [[Papr](https://a.org/1)] [[Cdoe](https://g.org/1)] [[Cote](https://g.org/2)]")
    assert [f.message.split(" (")[0] for f in findings(text, "label-typo")] == [
        'label "Papr" looks like a typo of "Paper"',
        'label "Cdoe" looks like a typo of "Code"',
    ]


def test_label_typo_respects_config_labels():
    text = _entries("Alpha [CVPR 2020]  [Paper](https://a.org/1)  [Cdoe](https://github.com/a/b)")
    assert findings(text, "label-typo", config={"labels": {"code": ["Cdoe"]}}) == []


# ---------------------------------------------------------------------------------------------- label-style

STYLE_LIST = _entries(
    *(f"Paper {i} [CVPR 2020]  [Paper](https://a.org/{i})  [Project Page](https://p.org/{i})" for i in range(5)),
    "Odd one [CVPR 2020]  [Paper](https://a.org/9)  [project page](https://p.org/9)",
)


def test_label_style_flags_the_minority_spelling():
    [finding] = findings(STYLE_LIST, "label-style")
    assert finding.line == 8 and finding.fixable
    assert finding.message == 'label "project page" is written "Project Page" elsewhere in this list (5 of 6 uses)'
    assert fixed(STYLE_LIST, "label-style") == STYLE_LIST.replace("[project page]", "[Project Page]")


def test_label_style_needs_a_dominant_spelling():
    mixed = STYLE_LIST.replace("[Project Page](https://p.org/1)", "[project page](https://p.org/1)")
    assert findings(mixed, "label-style") == []  # 4 of 6 is not most
    few = _entries("A [Code](https://g.org/1)", "B [code](https://g.org/2)", "C [Code](https://g.org/3)")
    assert findings(few, "label-style") == []  # three uses are too few


def test_label_style_follows_a_pinned_spelling():
    text = _entries("A [Code](https://g.org/1)", "B [CODE](https://g.org/2)")
    found = findings(text, "label-style", config={"conventions": {"labels": ["CODE"]}})
    assert [(f.line, f.message) for f in found] == [
        (3, 'label "Code" is written "CODE" elsewhere in this list (set in the config)')
    ]


# ---------------------------------------------------------------------------------------------- link-label


def test_link_label_code_to_a_paper_host_and_paper_to_a_repository():
    text = _entries(
        "Alpha [CVPR 2020]  [Paper](https://github.com/a/alpha)  [Code](https://arxiv.org/abs/2001.00001)",
        "Beta [CVPR 2020]  [Paper](https://github.com/a/beta/blob/main/paper.pdf)  [Code](https://github.com/a/b)",
    )
    found = findings(text, "link-label")
    assert [(f.line, f.message) for f in found] == [
        (3, '"Paper" is a paper label, but the link goes to github.com, a code repository'),
        (3, '"Code" is a code label, but the link goes to arxiv.org, a paper host'),
    ]
    assert all(f.fix is None for f in found)


def test_link_label_ignores_unknown_labels_and_matching_kinds():
    text = _entries(
        "A [[arXiv](https://arxiv.org/abs/2001.1)] [[GitHub](https://github.com/a/b)] [[Blog](https://arxiv.org)]"
    )
    assert findings(text, "link-label") == []
