"""--stats: entries per section, papers per year, top venues, code links, newest and oldest entries."""

from __future__ import annotations

import json

import pytest

from awesome_lint import files, stats
from awesome_lint.document import Document
from awesome_lint.source import Source
from conftest import EXAMPLE, corpus_params, run

PAPERS = """# Awesome Talking Heads

## Audio-driven

- Speaking Faces. [CVPR 2024] [Paper](https://arxiv.org/abs/2401.1) [Code](https://github.com/a/a)
- Moving Lips. [NeurIPS 2022] [Paper](https://arxiv.org/abs/2201.2)
- Old Voices. [NIPS 2017] [Paper](https://arxiv.org/abs/1701.3) [Project](https://c.example)

### Singing

- Sing Along. [CVPR 2019] [Paper](https://x.example/d.pdf) [GitHub](https://gitlab.com/d/d)

## Video-driven

- Mirror Me. [ECCV 2020] [Paper](https://x.example/e.pdf) [Code](https://github.com/e/e)
- Undated Work. [Paper](https://x.example/f.pdf)

## Datasets
"""


def compute(text: str) -> stats.ListStats:
    return stats.compute(Document(Source("README.md", text)))


def test_counts_of_a_small_paper_list():
    result = compute(PAPERS)
    assert result.entries == 6
    sections = [(s.heading, s.level, s.entries, s.total) for s in result.sections]
    # Datasets holds nothing and is left out; a heading's total includes its subsections.
    assert sections == [
        ("Awesome Talking Heads", 1, 0, 6),
        ("Audio-driven", 2, 3, 4),
        ("Singing", 3, 1, 1),
        ("Video-driven", 2, 2, 2),
    ]
    assert [s.depth for s in result.sections] == [0, 1, 2, 1]
    assert result.section_count == 3
    assert result.years == {2017: 1, 2019: 1, 2020: 1, 2022: 1, 2024: 1}
    assert result.undated == 1
    assert dict(result.venues) == {"CVPR": 2, "NeurIPS": 2, "ECCV": 1}  # NIPS is NeurIPS
    assert result.with_code == 3  # a Code label, a GitHub label on gitlab.com, a Code label
    assert [r.year for r in result.newest] == [2024, 2022, 2020]
    assert [r.year for r in result.oldest] == [2017, 2019, 2020]
    assert result.newest[0].title.startswith("Speaking Faces") and result.newest[0].line == 5


def test_a_code_host_counts_whatever_the_label():
    result = compute(
        "# L\n\n- A. [CVPR 2020] [Implementation](https://codeberg.org/x/y)\n- B. [Site](https://b.example)\n"
    )
    assert (result.entries, result.with_code) == (2, 1)


def test_an_empty_list():
    result = compute("# Nothing here\n")
    assert (result.entries, result.sections, result.years, result.with_code) == (0, [], {}, 0)
    text = "\n".join(stats.render_text(result))
    assert "0 entries" in text and "no entry has a year" in text and "(0%)" in text


def test_bar_lengths_are_proportional():
    assert stats.bar(0, 10) == "" and stats.bar(5, 0) == ""
    assert stats.bar(10, 10, width=40) == "█" * 40
    assert stats.bar(5, 10, width=40) == "█" * 20
    assert stats.bar(1, 16, width=4) == "▎"  # a quarter of a cell
    assert stats.bar(1, 1000, width=40) != ""  # a year with one paper still shows
    assert stats.bar(3, 6, width=10, unicode=False) == "#####"


def test_text_report_draws_every_year_of_the_span():
    result = compute(PAPERS)
    lines = stats.render_text(result)
    chart = lines[lines.index(next(line for line in lines if line.startswith("Papers per year"))) + 1 :]
    chart = chart[: chart.index("")]
    years = [line.split()[0] for line in chart]
    assert years == [str(year) for year in range(2017, 2025)]  # 2018, 2021, 2023 show as empty rows
    row_2024 = next(line for line in chart if line.startswith("  2024"))
    row_2018 = next(line for line in chart if line.startswith("  2018"))
    assert "█" in row_2024 and "█" not in row_2018
    assert any("Code links: 3 of 6 entries (50%)" in line for line in lines)


def test_markdown_tables_are_well_formed():
    lines = stats.render_markdown(compute(PAPERS))
    tables = "\n".join(lines).split("\n\n")
    assert len(tables) == 4  # summary, years, venues, sections
    for table in tables:
        rows = table.splitlines()
        header_cells = rows[0].count("|")
        assert all(row.startswith("|") and row.count("|") == header_cells for row in rows), table
        assert set(rows[1].replace("|", "").replace(":", "")) == {"-"}
    assert "| 6 | 3 | 3 (50%) | 2017–2024 |" in lines
    assert not any(line.startswith("#") for line in lines)  # no headings: the README's ToC stays as it is


def test_cli_stats_json(tmp_path):
    (tmp_path / "README.md").write_text(PAPERS, encoding="utf-8")
    result = run(["--stats", "--format", "json"], cwd=tmp_path)
    assert result.code == 0, result.err
    [report] = json.loads(result.out)
    assert report["path"] == "README.md" and report["entries"] == 6
    assert report["years"] == {"2017": 1, "2019": 1, "2020": 1, "2022": 1, "2024": 1}
    assert report["venues"][0] == {"name": "CVPR", "entries": 2}
    assert report["code_share"] == 0.5
    assert [s["heading"] for s in report["sections"]] == [
        "Awesome Talking Heads",
        "Audio-driven",
        "Singing",
        "Video-driven",
    ]
    assert report["section_count"] == 3


def test_cli_stats_text_and_markdown(tmp_path):
    (tmp_path / "README.md").write_text(PAPERS, encoding="utf-8")
    text = run(["--stats", "README.md"], cwd=tmp_path)
    assert text.code == 0 and text.out.startswith("README.md: 6 entries in 3 sections")
    markdown = run(["--stats", "--format", "markdown"], cwd=tmp_path)
    assert markdown.code == 0 and markdown.out.startswith("| Entries | Sections |")


def test_cli_stats_refuses_what_makes_no_sense(tmp_path):
    (tmp_path / "README.md").write_text(PAPERS, encoding="utf-8")
    for args in (["--stats", "--fix"], ["--stats", "--format", "sarif"], ["--format", "markdown"]):
        result = run(args, cwd=tmp_path)
        assert result.code == 2 and result.err.count("\n") == 1, (args, result.err)
    missing = run(["--stats", "nope.md"], cwd=tmp_path)
    assert missing.code == 2 and "nope.md" in missing.err and missing.out == ""


def test_seed_list_statistics_add_up():
    result = stats.compute(Document(files.read(str(EXAMPLE))))
    assert result.entries > 20
    assert sum(result.years.values()) + result.undated == result.entries
    assert sum(s.entries for s in result.sections) == result.entries
    assert 0 < result.with_code <= result.entries


@pytest.mark.corpus
@pytest.mark.parametrize("path", corpus_params())
def test_stats_on_every_corpus_list(path):
    result = stats.compute(Document(files.read(str(path))))
    assert sum(result.years.values()) + result.undated == result.entries
    assert sum(s.entries for s in result.sections) == result.entries
    assert result.with_code <= result.entries
    json.dumps(stats.to_dict(result))
    stats.render_text(result)
    stats.render_markdown(result)
