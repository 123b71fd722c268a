"""venue-format, venue-typo, venue-unknown and venue-year: positive, negative and fix output."""

from __future__ import annotations

import datetime

import pytest

from awesome_lint.config import ConfigError, from_mapping
from awesome_lint.knowledge import load
from awesome_lint.rules.venue_format import full_year
from rule_helpers import diagnostics, findings, fixed

THIS_YEAR = datetime.date.today().year


def _list(*tags: str, link: str = "") -> str:
    return "# Papers\n\n" + "\n".join(f"- Paper {i}. {tag}{link}" for i, tag in enumerate(tags)) + "\n"


# ---------------------------------------------------------------------------------------------- knowledge


def test_venue_book_finds_aliases_and_ignores_qualifiers():
    venues = load().venues
    assert venues.find("nips").name == "NeurIPS"
    assert venues.find("CVPR Oral").name == "CVPR"
    assert venues.find("ICCV Workshop").name == "ICCVW"
    assert venues.find("Journal of Nothing") is None
    assert venues.find("IEEE TNNLS").name == "TNNLS" and venues.find("Multimedia Tools Appl.") is not None
    assert venues.find("IEEE/ACM Transactions on Audio, Speech and Language Processing").name == "TASLP"
    assert venues.find("ICCV").off_year(2020) and not venues.find("ICCV").off_year(1998)
    assert venues.find("IJCAI").off_year(2014) and not venues.find("IJCAI").off_year(2018)


def test_config_venues_extend_and_are_validated():
    book = load({"venues": {"MMAC": {"first": 2015, "held": "odd"}}}).venues
    assert book.find("mmac").off_year(2018) and book.find("CVPR") is not None
    with pytest.raises(ConfigError, match=r"venues: 'MMAC': 'held' must be one of every, odd, even"):
        from_mapping({"venues": {"MMAC": {"held": "twice"}}}, None)
    with pytest.raises(ConfigError, match=r"'first' must be a year"):
        from_mapping({"venues": {"MMAC": {"first": "2015"}}}, None)


# ---------------------------------------------------------------------------------------------- venue-format

SPACED = ["[CVPR 2019]", "[ICCV 2019]", "[ECCV 2018]", "[AAAI 2019]", "[BMVC 2017]"]


def test_venue_format_missing_space():
    text = _list(*SPACED, "[NeurIPS2022]")
    [finding] = findings(text, "venue-format")
    assert (finding.line, finding.column) == (8, 12)
    assert finding.message == (
        'venue tag "[NeurIPS2022]" has no space before the year, unlike this list\'s tags (5 of 6 entries)'
    )
    assert fixed(text, "venue-format") == text.replace("NeurIPS2022", "NeurIPS 2022")


def test_venue_format_glued_year_is_fine_where_the_list_glues():
    text = _list("[CVPR2019]", "[ICCV2019]", "[ECCV2018]", "[AAAI2019]", "[NeurIPS2022]")
    assert findings(text, "venue-format") == []


def test_venue_format_short_year():
    text = _list(*SPACED, "[CVPR'21]", "[ICCV 21]")  # "ICCV 21" is no tag: a bare 21 is not a year
    found = findings(text, "venue-format")
    assert [f.line for f in found] == [8]
    assert "two-digit year; this list writes full years (5 of 6 entries)" in found[0].message
    assert fixed(text, "venue-format").splitlines()[-2:] == ["- Paper 5. [CVPR 2021]", "- Paper 6. [ICCV 21]"]
    assert full_year("98", today=2024) == "1998" and full_year("25", today=2024) == "2025"


def test_venue_format_other_brackets():
    text = _list(*SPACED, "(CVPR 2020)")
    [finding] = findings(text, "venue-format")
    assert finding.message == 'venue tag "(CVPR 2020)" uses "()"; this list writes "[]" (5 of 6 entries)'
    assert fixed(text, "venue-format").splitlines()[-1] == "- Paper 5. [CVPR 2020]"


def test_venue_format_no_bracket_fix_that_would_make_a_link():
    text = _list(*SPACED, "(CVPR 2020)(https://example.org)")
    found = findings(text, "venue-format")
    assert found and found[0].fix is None


# ---------------------------------------------------------------------------------------------- venue-typo


def test_venue_typo_fixes_one_candidate():
    text = _list(*SPACED, "[CPVR 2020]", "[NeurlPS 2021]", "[InterSpeed 2020]")
    found = findings(text, "venue-typo")
    assert [(f.line, f.column, f.message) for f in found] == [
        (8, 13, 'venue "CPVR" looks like a typo of "CVPR" (a known venue)'),
        (9, 13, 'venue "NeurlPS" looks like a typo of "NeurIPS" (a known venue)'),
        (10, 13, 'venue "InterSpeed" looks like a typo of "Interspeech" (a known venue)'),
    ]
    out = fixed(text, "venue-typo")
    assert "[CVPR 2020]" in out and "[NeurIPS 2021]" in out and "[Interspeech 2020]" in out


def test_venue_typo_leaves_known_short_and_frequent_names_alone():
    text = _list("[ICME 2020]", "[cvpr 2020]", "[ABC 2020]", "[CVPR Oral 2020]", *["[ICMX 2020]"] * 3)
    assert findings(text, "venue-typo") == []


# ---------------------------------------------------------------------------------------------- venue-unknown


def test_venue_unknown_is_info_for_a_one_off_name():
    text = _list("[MMAC 2018]", "[SIST 2010]", "[SIST 2012]", "[CVPR 2019]", "[CPVR 2019]")
    found = findings(text, "venue-unknown")
    assert [(f.line, f.message) for f in found] == [
        (3, 'venue "MMAC" is not a known venue, and no other entry of this list uses it')
    ]
    assert findings(text, "venue-unknown", config={"venues": {"MMAC": {"first": 2015}}}) == []


# ---------------------------------------------------------------------------------------------- venue-year


def test_venue_year_impossible_years():
    text = _list(
        f"[CVPR {THIS_YEAR + 2}]",
        "[ICLR 2011]",
        "[ECCV 2019]",
        "[ICCV 2020]",
        "[CVPR 2018]  [Paper](https://arxiv.org/abs/2004.01234)",
        "[CVPR 2019]  [Paper](https://arxiv.org/abs/2004.01234)",
        "[arXiv 2019]  [Paper](https://arxiv.org/abs/2004.01234)",
        "[arXiv 2017]  [Paper](https://arxiv.org/abs/1801.01442)",  # submitted in December 2017
        f"[CVPR {THIS_YEAR + 1}]",
        "[ICCV 1998]",
    )
    found = findings(text, "venue-year")
    assert [(f.line, f.message) for f in found] == [
        (3, f'venue tag "[CVPR {THIS_YEAR + 2}]": {THIS_YEAR + 2} is after next year'),
        (4, 'venue tag "[ICLR 2011]": ICLR was first held in 2013'),
        (5, 'venue tag "[ECCV 2019]": ECCV is held in even years, not in 2019'),
        (6, 'venue tag "[ICCV 2020]": ICCV is held in odd years since 1999, not in 2020'),
        (7, 'venue tag "[CVPR 2018]": the entry\'s arXiv id 2004.01234 was assigned in 2020 or later, after 2018'),
        (9, 'venue tag "[arXiv 2019]": the entry\'s arXiv id 2004.01234 was assigned in 2020 or later, after 2019'),
    ]
    assert found[0].column == 18  # the year itself
    assert all(f.fix is None for f in found)


def test_venue_year_arxiv_slack():
    text = _list("[CVPR 2019]  [Paper](https://arxiv.org/abs/2004.01234)")
    assert [f.line for f in findings(text, "venue-year", options={"arxiv-slack": 0})] == [3]
    assert findings(text, "venue-year", options={"arxiv-slack": 1}) == []


def test_venue_year_for_years_inherited_from_headings_and_groups():
    text = (
        "## 2018\n"
        "| Title | Conf |\n"
        "|---|---|\n"
        "| [Paper A](https://example.org/a) | ICCV |\n"
        "| [Paper B](https://arxiv.org/abs/2004.01234) | CVPR |\n"
        "| [Paper C](https://example.org/c) | ECCV |\n"
        "\n"
        "## Video\n"
        "- **Year 2024**\n"
        "  - **ICCV**\n"
        "    - Paper D [[Paper]](https://example.org/d)\n"
        "    - Paper E [[Paper]](https://example.org/e)\n"
        "  - **arXiv**\n"
        "    - Paper F [[Paper]](https://arxiv.org/abs/2502.00001)\n"
    )
    found = findings(text, "venue-year")
    assert [(f.line, f.column, f.message) for f in found] == [
        (4, 38, 'venue "ICCV" filed under "2018" (line 1): ICCV is held in odd years since 1999, not in 2018'),
        (
            5,
            49,
            'venue "CVPR" filed under "2018" (line 1): the entry\'s arXiv id 2004.01234 was assigned in 2020'
            " or later, after 2018",
        ),
        # the groups, not each paper, hold the impossible year: one finding, on the group's venue
        (10, 7, 'venue "ICCV" filed under "2024" (line 9): ICCV is held in odd years since 1999, not in 2024'),
        (
            14,
            7,
            '"Paper F" is filed under "2024" (line 9), but the entry\'s arXiv id 2502.00001 was assigned in 2025'
            " or later, after 2024",
        ),
    ]
    assert all(f.fix is None for f in found)
    # a heading may file papers by another year than the venue's: these are at most info
    _doc, raw = diagnostics(text, "venue-year")
    assert [d.max_severity for d in raw] == ["info"] * 4
