"""title-case and title-format."""

from __future__ import annotations

from awesome_lint.rules.title_case import LOWER, MIXED, UPPER, case_of
from rule_helpers import findings, fixed

TITLES = [
    "Realistic Speech-Driven Facial Animation with GANs",
    "Few-Shot Adversarial Learning of Realistic Neural Talking Head Models",
    "Hierarchical Cross-Modal Talking Face Generation",
    "Lip Movements Generation at a Glance",
    "X2Face: A network for controlling face generation",
    "Talking Face Generation by Conditional Recurrent Adversarial Network",
]


def paper_list(titles: list[str]) -> str:
    return "# Papers\n\n" + "".join(
        f"- {title} [CVPR 2019]  [Paper](https://example.org/{i})\n" for i, title in enumerate(titles)
    )


def test_case_of():
    assert case_of("PHOTO-REAL TALKING HEAD WITH DEEP LSTM") == UPPER
    assert case_of("you said that now") == LOWER
    assert case_of("You Said That") == MIXED
    assert case_of("BERT") is None  # too short to judge


def test_title_case_flags_shouting_and_lower_case_titles():
    text = paper_list([*TITLES, "PHOTO-REAL TALKING HEAD WITH DEEP BIDIRECTIONAL LSTM", "you said that again"])
    found = findings(text, "title-case")
    assert [(f.line, f.column) for f in found] == [(9, 3), (10, 3)]
    assert "ALL CAPS" in found[0].message and "6 of 8" in found[0].message
    assert "lower case" in found[1].message
    assert all(f.fix is None for f in found)


def test_title_case_quiet_when_the_list_shouts_everywhere():
    assert findings(paper_list([title.upper() for title in TITLES]), "title-case") == []
    assert findings(paper_list(TITLES), "title-case") == []


def test_title_format_final_period_against_the_convention():
    more = ["Another Plain Title Here", "Ending in an abbr. U.S."]
    text = paper_list(["Realistic Speech-Driven Facial Animation with GANs.", *TITLES[1:], *more])
    found = findings(text, "title-format")
    assert [(f.line, f.column) for f in found] == [(3, 53)]
    assert "ends with a period" in found[0].message and "end without one" in found[0].message
    result = fixed(text, "title-format")
    assert "- Realistic Speech-Driven Facial Animation with GANs [CVPR 2019]" in result
    assert "U.S. [CVPR" in result


def test_title_format_adds_the_period_a_list_always_writes():
    text = paper_list([f"{title}." for title in TITLES] + ["A Title Without It"])
    assert "- A Title Without It. [CVPR 2019]" in fixed(text, "title-format")


def test_title_format_stray_spaces_are_a_safe_fix():
    text = paper_list([*TITLES, "Deep  Learning for Faces", "What Is It , Really"])
    found = findings(text, "title-format")
    assert len(found) == 2 and all(f.fix.applicability == "safe" for f in found)
    result = fixed(text, "title-format")
    assert "- Deep Learning for Faces [" in result and "- What Is It, Really [" in result


def test_title_format_underscores_are_an_unsafe_fix():
    text = paper_list([*TITLES, "Generating_Talking_Face_Landmarks_from_Speech", "torch_geometric"])
    found = findings(text, "title-format")
    assert len(found) == 1 and "underscores" in found[0].message
    assert fixed(text, "title-format") == text
    assert "- Generating Talking Face Landmarks from Speech [" in fixed(text, "title-format", unsafe=True)
