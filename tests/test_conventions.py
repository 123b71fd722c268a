"""Convention inference: thresholds, orders, arXiv forms, labels, config pins and their validation."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from awesome_lint.config import ConfigError, from_mapping
from awesome_lint.conventions import (
    Dominant,
    dominant,
    infer,
    infer_order,
    label_of,
    ordered_subsequence,
    parse_arxiv,
    validate_pins,
)
from awesome_lint.document import Document
from awesome_lint.inline import Link
from awesome_lint.source import Source

# ---------------------------------------------------------------------------------------------- Dominant


def test_dominant_needs_the_share_and_enough_entries():
    assert dominant(Counter({"a": 4, "b": 1}), 5).value == "a"  # 80%
    assert dominant(Counter({"a": 3, "b": 1}), 4).value is None  # too few entries
    assert dominant(Counter({"a": 7, "b": 3}), 10).value is None  # 70% is not most
    assert dominant(Counter({"a": 3, "b": 1}), 4, min_entries=4).value == "a"
    held = dominant(Counter({"a": 15, "b": 5}), 20)
    assert (held.value, held.count, held.total, held.evidence) == ("a", 15, 20, "15 of 20 entries")


def test_dominant_evidence_names_the_config_when_pinned():
    assert Dominant("x", pinned=True).evidence == "set in the config"
    assert Dominant("none", pinned=True).holds is False
    assert Dominant(False, 9, 10).holds is True


# ---------------------------------------------------------------------------------------------- order


def test_ordered_subsequence_keeps_ties_and_skips_the_outliers():
    years = [2024, 2024, 2023, 2019, 2023, 2022, 2021, 2021]
    kept = ordered_subsequence(years, descending=True)
    assert len(kept) == 7 and 3 not in kept
    assert ordered_subsequence(["a", "c", "b", "d"]) in ([0, 1, 3], [0, 2, 3])
    assert ordered_subsequence([]) == []


class _E:
    """A stand-in entry for order inference: only the fields order_key reads."""

    def __init__(self, year=None, title=None):
        self.year = year
        self.title = type("T", (), {"text": title})() if title else None


def test_infer_order_prefers_years_and_needs_two_years():
    desc = [_E(y) for y in (2024, 2024, 2023, 2022, 2022, 2021, 2020)]
    assert infer_order(desc).value == "year-desc"
    asc = [_E(y) for y in (2018, 2019, 2019, 2020, 2017, 2021)]
    assert infer_order(asc).value == "year-asc"
    same_year = [_E(2020, t) for t in "abcdefghij"]
    assert infer_order(same_year).value == "alphabetical"  # all 2020: years say nothing
    few = [_E(2020, t) for t in "abcde"]
    assert infer_order(few).value is None  # five titles in order may be chance
    mixed = [_E(y) for y in (2019, 2021, 2018, 2022, 2017, 2023)]
    assert infer_order(mixed).value is None


# ---------------------------------------------------------------------------------------------- arXiv


def test_parse_arxiv_forms_and_years():
    link = parse_arxiv("http://arxiv.org/abs/1906.06337v2")
    assert (link.form, link.id, link.version, link.year) == ("abs", "1906.06337", "v2", 2019)
    pdf = parse_arxiv("https://arxiv.org/pdf/2004.01234.pdf")
    assert (pdf.form, pdf.suffix, pdf.year) == ("pdf", ".pdf", 2020)
    assert pdf.url("abs", version=False, suffix=False) == "https://arxiv.org/abs/2004.01234"
    assert parse_arxiv("https://arxiv.org/abs/cs/0701001").year == 2007
    assert parse_arxiv("https://arxiv.org/abs/1801.01442").earliest_year == 2017  # a late-December submission
    assert parse_arxiv("https://arxiv.org/abs/hep-th/9901001").year == 1999
    assert parse_arxiv("https://github.com/a/b") is None
    assert parse_arxiv("https://arxiv.org/list/cs.CV/recent") is None


# ---------------------------------------------------------------------------------------------- labels


def _link(text: str, label: str, image: bool = False, kind: str = "inline") -> Link:
    start = text.index(f"[{label}]")
    return Link(kind, start, start + len(label) + 2, label, start + 1, start + 1 + len(label), "u", 0, 0, image)


def test_label_of_strips_brackets_and_emphasis():
    text = "x [[Code]](u) [**Project Page**](u) [📄 Paper](u) [A very long label of many words](u)"
    label = label_of(_link(text, "[Code]"))
    assert (label.text, text[label.start : label.end], label.key) == ("Code", "Code", "code")
    bold = label_of(_link(text, "**Project Page**"))
    assert (bold.text, bold.key) == ("Project Page", "projectpage")
    assert label_of(_link(text, "📄 Paper")) is None
    assert label_of(_link(text, "A very long label of many words")) is None
    assert label_of(_link(text, "[Code]", image=True)) is None


# ---------------------------------------------------------------------------------------------- pins


@pytest.mark.parametrize(
    ("pins", "needle"),
    [
        ({"order": "newest"}, "'order' is 'newest'"),
        ({"order": {"*": "year-desc", "Data": "random"}}, "'random' for a section"),
        ({"orders": "year-desc"}, "unknown key 'orders' (did you mean \"order\"?)"),
        ({"title-period": "yes"}, "'title-period' is 'yes'"),
        ({"venue-brackets": "{}"}, "'venue-brackets'"),
        ({"arxiv-form": "html"}, "'arxiv-form'"),
        ({"labels": "Code"}, "'labels'"),
        ({"min-share": 0.2}, "'min-share'"),
        ({"min-entries": 1}, "'min-entries'"),
    ],
)
def test_bad_pins_are_config_errors_naming_the_key(pins, needle):
    with pytest.raises(ValueError, match="conventions"):
        validate_pins(pins)
    with pytest.raises(ConfigError) as err:
        from_mapping({"conventions": pins}, Path("x.yaml"))
    assert needle in str(err.value) and str(err.value).startswith("x.yaml: conventions")


def test_good_pins_pass():
    validate_pins(
        {
            "order": {"*": "year-desc", "Datasets": "alphabetical"},
            "title-period": False,
            "separator": "  ",
            "venue-brackets": "[]",
            "venue-space": True,
            "venue-full-year": True,
            "arxiv-form": "abs",
            "arxiv-version": False,
            "labels": ["ProjectPage"],
            "min-share": 0.8,
            "min-entries": 3,
        }
    )


# ---------------------------------------------------------------------------------------------- on documents

LIST = """# Papers

## 2020s

- Alpha. [CVPR 2021]  [Paper](https://arxiv.org/abs/2101.00001)  [Code](https://github.com/a/a)
- Beta. [ICCV 2021]  [Paper](https://arxiv.org/abs/2102.00001)  [Code](https://github.com/a/b)
- Gamma. [ECCV 2020]  [Paper](https://arxiv.org/abs/2003.00001)  [Code](https://github.com/a/c)
- Delta. [NeurIPS 2020]  [Paper](https://arxiv.org/abs/2006.00001)  [Code](https://github.com/a/d)
- Epsilon. [ICLR 2020]  [Paper](https://arxiv.org/pdf/1909.00001)  [Code](https://github.com/a/e)
- Zeta. [CVPR 2019]  [Paper](https://arxiv.org/abs/1903.00001)  [code](https://github.com/a/f)
"""


def _doc(text: str) -> Document:
    return Document(Source("list.md", text))


def test_infer_on_a_list():
    doc = _doc(LIST)
    conv = infer(doc, from_mapping({}, None))
    assert conv.venue_brackets.value == "[]" and conv.venue_space.value is True
    assert conv.venue_full_year.value is True
    assert conv.separator.value == "  " and conv.separator.count == 6
    assert conv.title_period.value is True
    assert conv.arxiv_form.value == "abs" and conv.arxiv_form.count == 5
    assert conv.arxiv_version.value is False
    assert conv.labels.dominant("code").value == "Code" and conv.labels.count("code") == 1
    assert conv.labels.dominant("paper").evidence == "6 of 6 entries"
    section = doc.entries[0].section
    assert conv.order_of(section).value == "year-desc"
    assert [e.line for e in conv.sections[section]] == [5, 6, 7, 8, 9, 10]


def test_pins_override_inference():
    doc = _doc(LIST)
    pins = {"order": {"2020s": "alphabetical"}, "title-period": False, "labels": ["CODE"], "arxiv-form": "pdf"}
    conv = infer(doc, from_mapping({"conventions": pins}, None))
    section = doc.entries[0].section
    assert conv.order_of(section).value == "alphabetical" and conv.order_of(section).pinned
    assert conv.title_period.value is False and conv.title_period.evidence == "set in the config"
    assert conv.labels.dominant("code").value == "CODE"
    assert conv.arxiv_form.value == "pdf"


def test_min_entries_pin_lowers_the_bar():
    text = "# L\n\n- A. [CVPR 2021]\n- B. [CVPR2020]\n- C. [CVPR 2019]\n- D. [CVPR 2018]\n"
    assert infer(_doc(text), from_mapping({}, None)).venue_space.value is None
    pinned = infer(_doc(text), from_mapping({"conventions": {"min-entries": 4}}, None))
    assert pinned.venue_space.value is True and pinned.venue_space.evidence == "3 of 4 entries"
