"""double-link and duplicate-entry: URL and title keys, and the two rules on small lists."""

from __future__ import annotations

import pytest

from awesome_lint.identity import arxiv_id, title_key, url_key
from rule_helpers import findings


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("http://github.com/a/b", "https://github.com/a/b/"),
        ("https://www.example.org/x", "https://example.org/x"),
        ("https://EXAMPLE.org:443/x", "https://example.org/x"),
        ("https://arxiv.org/abs/2004.01234", "http://arxiv.org/pdf/2004.01234v2.pdf"),
        ("https://arxiv.org/pdf/2004.01234v1", "https://export.arxiv.org/abs/2004.01234"),
        ("https://arxiv.org/abs/cs/0701001v3", "https://arxiv.org/pdf/cs/0701001"),
    ],
)
def test_same_target_same_key(a, b):
    assert url_key(a) == url_key(b) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://github.com/a/b", "https://github.com/a/c"),
        ("https://example.org/page#one", "https://example.org/page#two"),
        ("https://example.org/?q=1", "https://example.org/?q=2"),
        ("https://example.org:8080/", "https://example.org/"),
        ("https://arxiv.org/abs/2004.01234", "https://arxiv.org/abs/2004.01235"),
    ],
)
def test_different_targets_differ(a, b):
    assert url_key(a) != url_key(b)


def test_non_web_links_have_no_key():
    assert url_key("#section") is None
    assert url_key("mailto:me@example.org") is None
    assert url_key("docs/readme.md") is None


def test_arxiv_id_and_title_key():
    assert arxiv_id("https://arxiv.org/pdf/1906.06337v2.pdf") == "1906.06337"
    assert arxiv_id("https://github.com/x/1906.06337") is None
    assert title_key("**NeRF**: Representing Scenes!") == title_key("nerf - representing  scenes")


# ---------------------------------------------------------------------------------------------- double-link

PAPERS = """# Papers

- Alpha Beta Gamma [CVPR 2020]  [Paper](https://example.org/alpha.pdf)  [Code](https://github.com/a/shared)
- Delta Epsilon Zeta [CVPR 2020]  [Paper](https://arxiv.org/abs/2001.00002)  [Code](https://github.com/a/shared)
- Eta Theta Iota [ICCV 2019]  [Paper](http://www.example.org/alpha.pdf/)  [Code](https://github.com/a/eta/)
"""


def test_double_link_reports_a_paper_link_pasted_into_another_entry():
    found = findings(PAPERS, "double-link")
    assert [(f.line, f.column) for f in found] == [(5, 39)]
    assert 'already linked "Paper" on line 3 (https://example.org/alpha.pdf)' in found[0].message
    assert found[0].fix is None


def test_double_link_within_one_entry():
    text = "# P\n\n- Alpha Beta Gamma [CVPR 2020]  [Paper](https://github.com/a/b)  [Code](https://github.com/a/b/)\n"
    found = findings(text, "double-link")
    assert len(found) == 1 and "earlier in this entry" in found[0].message


def test_double_link_leaves_shared_code_links_and_other_sections_alone():
    assert findings(PAPERS, "double-link", {"scope": "entry"}) == []
    assert findings(PAPERS.replace("alpha.pdf/", "eta.pdf"), "double-link") == []  # only the shared Code link
    split = PAPERS.replace("- Eta", "\n## Other topic\n\n- Eta")
    assert findings(split, "double-link") == []


def test_double_link_leaves_arxiv_copies_to_duplicate_entry():
    text = PAPERS.replace("http://www.example.org/alpha.pdf/", "https://arxiv.org/pdf/2001.00002v2.pdf")
    assert findings(text, "double-link") == []
    assert [f.line for f in findings(text, "duplicate-entry")] == [5]


# ---------------------------------------------------------------------------------------------- duplicate-entry

YEARS = """# Papers

## Talking heads

### 2021

- Alpha Beta Gamma [CVPR 2021]  [Paper](https://arxiv.org/abs/2101.00001)
- Delta Epsilon Zeta [CVPR 2021]  [Paper](https://example.org/d.pdf)

### 2020

- Alpha beta, gamma! [CVPR 2020]  [Paper](https://example.org/a.pdf)
- Other Paper Title [ICCV 2020]  [Paper](https://arxiv.org/pdf/2101.00001v2)

## Another topic

- Alpha Beta Gamma [CVPR 2021]  [Paper](https://arxiv.org/abs/2101.00001)
"""


def test_duplicate_entry_by_title_and_by_arxiv_id_across_year_sections():
    found = findings(YEARS, "duplicate-entry")
    assert [f.line for f in found] == [12, 13]
    assert "the same title" in found[0].message and 'line 7 (section "2021")' in found[0].message
    assert "arXiv paper 2101.00001" in found[1].message
    assert all(f.fix is None for f in found)


def test_two_titles_on_one_arxiv_paper_are_a_rename_or_a_wrong_link():
    found = findings(YEARS, "duplicate-entry")[1]
    assert found.message == (
        '"Other Paper Title" links the same arXiv paper 2101.00001 as "Alpha Beta Gamma" on line 7 (section "2021"):'
        " one paper under two titles, or a wrong link"
    )
    same_title = YEARS.replace("Other Paper Title", "Alpha Beta Gamma")
    assert "is listed twice" in findings(same_title, "duplicate-entry")[1].message


def test_every_arxiv_paper_of_an_entry_is_remembered_after_a_hit():
    text = (
        "# Papers\n\n"
        "- First Paper Title [CVPR 2021] [Paper](https://arxiv.org/abs/2101.00001)\n"
        "- Second Paper Title [CVPR 2021] [Paper](https://arxiv.org/abs/2101.00001) [v2](https://arxiv.org/abs/2101.00002)\n"
        "- Third Paper Title [CVPR 2021] [Paper](https://arxiv.org/abs/2101.00002)\n"
    )
    found = findings(text, "duplicate-entry")
    assert [(f.line, "2101.00002" in f.message) for f in found] == [(4, False), (5, True)]
    assert '"Second Paper Title" on line 4' in found[1].message


def test_duplicate_entry_other_topics_only_with_document_scope():
    found = findings(YEARS, "duplicate-entry", {"scope": "document"})
    assert [f.line for f in found] == [12, 13, 17]


def test_duplicate_entry_same_section_and_short_titles():
    text = "# A\n\n- Alpha Beta Gamma [CVPR 2020]\n- Survey [2020]\n- Alpha  beta gamma. [CVPR 2020]\n- Survey [2021]\n"
    found = findings(text, "duplicate-entry")
    assert [f.line for f in found] == [5]  # "Survey" is too short to compare
