"""Every paper rule works on every entry style: the same papers, with the same defects, written six ways.

Each style holds eight clean papers, which set the list's conventions, and five with defects. Every style
must give the same paper-rule findings on the same papers, and ``--fix`` must repair the safe ones in
each style while keeping every entry and link.
"""

from __future__ import annotations

import json
import re

import pytest

from awesome_lint.document import Document
from awesome_lint.source import Source
from conftest import run

CLEAN = [
    ("Neural Radiance Fields for View Synthesis", "ECCV 2020", "2003.08934"),
    ("Instant Neural Graphics Primitives", "SIGGRAPH 2022", "2201.05989"),
    ("Mip-NeRF: A Multiscale Representation", "ICCV 2021", "2103.13415"),
    ("Plenoxels: Radiance Fields without Neural Networks", "CVPR 2022", "2112.05131"),
    ("Block-NeRF: Scalable Large Scene Neural View Synthesis", "CVPR 2022", "2202.05263"),
    ("Zip-NeRF: Anti-Aliased Grid-Based Neural Radiance Fields", "ICCV 2023", "2304.06706"),
    ("Point-NeRF: Point-based Neural Radiance Fields", "CVPR 2022", "2201.08845"),
    ("TensoRF: Tensorial Radiance Fields", "ECCV 2022", "2203.09517"),
]
REDIRECT = "https://www.google.com/url?q=https%3A%2F%2Fexample.org%2Fpaper.pdf&sa=D"


def papers() -> list[dict]:
    """The clean papers, then one paper per defect (the comment names the rules each should trigger)."""
    result = [
        paper(title, venue, f"https://arxiv.org/abs/{arxiv}", f"https://github.com/x/p{i}", f"https://p{i}.github.io/")
        for i, (title, venue, arxiv) in enumerate(CLEAN)
    ]
    # venue-typo (CPVR), label-typo (PorjectPage)
    result.append(
        paper("Learning Something Quite New", "CPVR 2021", "https://arxiv.org/abs/2101.00001", "https://github.com/x/d1",
              "https://d1.github.io/", project_label="PorjectPage")
    )  # fmt: skip
    # title-case (ALL CAPS), venue-format (no space before the year), insecure-link (http arxiv)
    result.append(
        paper("ANOTHER SHOUTING TITLE ABOUT RENDERING", "NeurIPS2022", "http://arxiv.org/abs/2205.00002",
              "https://github.com/x/d2", "https://d2.github.io/")
    )  # fmt: skip
    # venue-year (ECCV is held in even years), redirect-wrapper, link-label (Code to arxiv.org)
    result.append(
        paper("An Impossible Year Paper", "ECCV 2019", REDIRECT, "https://arxiv.org/abs/1901.00003",
              "https://d3.github.io/")
    )  # fmt: skip
    # duplicate-entry: the first clean paper again
    result.append(
        paper(CLEAN[0][0], CLEAN[0][1], f"https://arxiv.org/abs/{CLEAN[0][2]}", "https://github.com/x/d4",
              "https://d4.github.io/")
    )  # fmt: skip
    # title-format (underscores), venue-unknown (OBSCW), double-link (the project link repeats the paper link)
    result.append(
        paper("Learning_With_Underscores_Everywhere", "OBSCW 2021", "https://arxiv.org/abs/2102.00005",
              "https://github.com/x/d5", "https://arxiv.org/abs/2102.00005")
    )  # fmt: skip
    return result


def paper(title, venue, url, code, project, project_label="ProjectPage") -> dict:
    return {"title": title, "venue": venue, "url": url, "code": code, "project": project, "plabel": project_label}


def links(p: dict) -> str:
    return f"[[Code]({p['code']})] [[{p['plabel']}]({p['project']})]"


STYLES = {
    "item": lambda p, i: (
        f"- {p['title']}. [{p['venue']}]  [Paper]({p['url']})  [Code]({p['code']})  [{p['plabel']}]({p['project']})\n"
    ),
    "bold-item": lambda p, i: f"{i + 1}. **{p['title']}** [[Paper]({p['url']})] {links(p)} - {p['venue']}\n",
    "link-title": lambda p, i: f"- [{p['title']}]({p['url']}) - {p['venue']} {links(p)}\n",
    "table-row": lambda p, i: (
        f"| {p['title']} | {p['venue']} | [Paper]({p['url']}) | [Code]({p['code']}) "
        f"| [{p['plabel']}]({p['project']}) |\n"
    ),
    "paragraph": lambda p, i: (
        f"**{p['title']}** \\\n*A. Author, B. Author* \\\n{p['venue']}. [[Paper]({p['url']})] {links(p)}\n\n"
    ),
    "heading": lambda p, i: (
        f"### {i + 1}. [{p['venue']}] {p['title']}\n**Authors**: A. Author, B. Author\n\n"
        f"[[Paper]({p['url']})] {links(p)}\n\n"
    ),
}

# rule -> the papers (0-based, in papers() order) it must report, in every style
EXPECTED = {
    "venue-typo": {8},
    "label-typo": {8},
    "title-case": {9},
    "venue-format": {9},
    "insecure-link": {9},
    "venue-year": {10},
    "redirect-wrapper": {10},
    "link-label": {10},
    "duplicate-entry": {11},
    "title-format": {12},
    "venue-unknown": {12},
    "double-link": {12},
}


def list_text(style: str) -> str:
    head = "# Awesome NeRF\n\n## Papers\n\n"
    if style == "table-row":
        head += "| Title | Venue | Paper | Code | Project |\n|---|---|---|---|---|\n"
    return head + "".join(STYLES[style](p, i) for i, p in enumerate(papers())).rstrip("\n") + "\n"


@pytest.mark.parametrize("style", list(STYLES))
def test_every_paper_rule_finds_its_defect_in_every_style(tmp_path, style):
    text = list_text(style)
    doc = Document(Source("README.md", text))
    assert len(doc.entries) == len(papers()), f"{style}: entries not recognised"
    target = tmp_path / "README.md"
    target.write_text(text, encoding="utf-8")
    result = run(["--preset", "paper-list", "--select", ",".join(EXPECTED), "--format", "json", str(target)])
    findings = json.loads(result.out)
    starts = {entry.line: index for index, entry in enumerate(doc.entries)}
    ends = sorted(starts)

    def paper_at(line: int) -> int:
        return starts[max(start for start in ends if start <= line)]

    found: dict[str, set[int]] = {}
    for finding in findings:
        found.setdefault(finding["rule"], set()).add(paper_at(finding["line"]))
    # duplicate-entry may also name the first copy's line in its message, but reports the later one
    assert found == EXPECTED, f"{style}: {json.dumps(findings, indent=1)[:3000]}"
    if style == "heading":
        in_headings = [f for f in findings if f["rule"] in ("venue-typo", "venue-format")]
        assert in_headings and all(f["fix"] is None and "headings are not fixed" in f["message"] for f in in_headings)


@pytest.mark.parametrize("style", list(STYLES))
def test_fix_repairs_the_safe_defects_in_every_style(tmp_path, style):
    text = list_text(style)
    target = tmp_path / "README.md"
    target.write_text(text, encoding="utf-8")
    result = run(["--fix", "--preset", "paper-list", "--select", ",".join(EXPECTED), str(target)])
    assert result.code in (0, 1), result.err
    fixed = target.read_text(encoding="utf-8")
    assert "PorjectPage" not in fixed
    assert "http://arxiv.org" not in fixed and "google.com/url" not in fixed
    assert "https://example.org/paper.pdf" in fixed
    if style == "heading":  # a venue in a heading is reported, never fixed (its anchor would change)
        assert "[CPVR 2021]" in fixed and "[NeurIPS2022]" in fixed
    else:
        assert "CPVR" not in fixed and "CVPR 2021" in fixed
        assert "NeurIPS 2022" in fixed and "NeurIPS2022" not in fixed
    assert "Learning_With_Underscores_Everywhere" in fixed  # underscores are an unsafe fix
    before, after = Document(Source("a.md", text)), Document(Source("a.md", fixed))
    assert len(after.entries) == len(before.entries)
    assert len(re.findall(r"\]\(", fixed)) == len(re.findall(r"\]\(", text))  # every link kept
    again = run(["--fix", "--preset", "paper-list", "--select", ",".join(EXPECTED), str(target)])
    assert target.read_text(encoding="utf-8") == fixed, again.err  # idempotent
