"""The paper-list rules on real lists: findings per rule pinned on a few corpus files, and their fixes.

The counts were read finding by finding when they were pinned (see the notes beside each file). A change
to any of them must be reviewed the same way: a new finding should be a real defect a maintainer would
fix, a lost one should have been a false alarm.
"""

from __future__ import annotations

import pytest

from awesome_lint.config import Config
from awesome_lint.document import Document
from awesome_lint.fix import fix_to_fixed_point, verify
from awesome_lint.linter import Context
from awesome_lint.rules import all_rules
from awesome_lint.source import Source, decode
from conftest import CORPUS, EXAMPLE, corpus_files

RULES = ("double-link", "duplicate-entry", "entry-order", "entry-format", "title-case", "title-format", "typo")

# file: {rule: count}; rules not named have no finding.
PINNED = {
    # The seed: papres; the period after "GANs"; two ALL-CAPS titles; IJCAI 2019 among 2018 papers and
    # SIST 2010 before TONN 2012; Generating_Talking_Face_Landmarks_from_Speech.
    "awesome-talking-head.md": {"entry-order": 2, "title-case": 2, "title-format": 2, "typo": 1},
    # Its current version: one Paper link that repeats the project page, five papers listed twice
    # (two across year sections), four ALL-CAPS titles, stray spaces and periods in titles.
    "JosephPai__Awesome-Talking-Face.md": {
        "double-link": 1,
        "duplicate-entry": 5,
        "entry-order": 2,
        "entry-format": 3,
        "title-case": 4,
        "title-format": 4,
        "typo": 1,
    },
    # Cross-listed datasets are not duplicates; 16 separators of four spaces where the list uses one.
    "Daisy-Zhang__Awesome-Deepfakes-Detection.md": {
        "double-link": 1,
        "duplicate-entry": 2,
        "entry-order": 4,
        "entry-format": 16,
        "title-format": 1,
    },
    "LTT-O__Awesome-Talking-Head-Generation.md": {"double-link": 1, "title-case": 1, "title-format": 1},
    # Sections filed roughly in the order papers were added: no year order to enforce. One entry without
    # a venue tag ("TACL."); "EMNLP 18." is a tag with a short year.
    "thunlp__GNNPapers.md": {"entry-format": 1, "title-case": 2, "title-format": 2},
    # Paragraph entries (a bold title line, authors in italics, "CVPR 2023. [[PDF](...)]"): author homepages
    # reused as paper or project links, a project link repeating the title's link (Nerfstudio) and papers
    # listed twice in a section; arXiv preprints filed after the conference papers of earlier years
    # (entry-order, info); Project before PDF; a title without its period.
    "weihaox__awesome-neural-rendering@78e3338.md": {
        "double-link": 9,
        "duplicate-entry": 22,
        "entry-format": 3,
        "entry-order": 8,
        "title-format": 1,
        "typo": 3,
    },
    # Paragraph entries whose venue is a link label ("[[CVPR 2025](arxiv url)]"): 12 titles listed twice in a
    # section and 18 arXiv ids under two entries (a paper renamed, or a link pasted under the wrong paper);
    # "PCM : Phased ...", ALL-CAPS titles.
    "wangkai930418__awesome-diffusion-categorized.md": {
        "double-link": 1,
        "duplicate-entry": 30,
        "entry-format": 2,
        "title-case": 5,
        "title-format": 7,
        "typo": 2,
    },
    # Paragraph entries; "Shoule Wu" on an authors line is a name, not a typo of "Should".
    "heejkoo__Awesome-Diffusion-Models.md": {},
    # Venues on a nested line ("- Authors. *CVPR 2019*") give the years: three papers filed out of the
    # oldest-first order of their sections.
    "jason718__awesome-self-supervised-learning.md": {
        "duplicate-entry": 2,
        "entry-order": 3,
        "title-format": 2,
        "typo": 1,
    },
    # The canonical, clean awesome list.
    "sindresorhus__awesome.md": {},
}


def _path(name: str):
    return EXAMPLE if name == EXAMPLE.name else CORPUS / name


def _lint(doc: Document):
    base = Context(doc, Config(), "paper-list")
    found = []
    for rule_id in RULES:
        rule = all_rules()[rule_id]
        for diagnostic in rule.check(base.for_rule(dict(rule.options))):
            diagnostic.rule = rule_id
            found.append(diagnostic)
    return found


def _params():
    if not corpus_files():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"corpus not found at {CORPUS}"))]
    return [pytest.param(name, id=name) for name in PINNED]


@pytest.mark.corpus
@pytest.mark.parametrize("name", _params())
def test_findings_per_rule_are_pinned(name):
    path = _path(name)
    doc = Document(decode(path.read_bytes(), str(path)))
    counts: dict[str, int] = {}
    for diagnostic in _lint(doc):
        counts[diagnostic.rule] = counts.get(diagnostic.rule, 0) + 1
    assert counts == PINNED[name]


@pytest.mark.corpus
@pytest.mark.parametrize(
    "name", [p for p in _params() if p.id in (None, EXAMPLE.name, "Daisy-Zhang__Awesome-Deepfakes-Detection.md")]
)
@pytest.mark.parametrize("unsafe", [False, True])
def test_fixes_keep_every_link_and_settle(name, unsafe):
    path = _path(name)
    source = decode(path.read_bytes(), str(path))
    result = fix_to_fixed_point(source, _lint, unsafe=unsafe)
    after = Source(source.path, result.text, source.bom)
    assert verify(Document(source), Document(after), result.applied) == []
    assert result.text != source.text
    assert fix_to_fixed_point(after, _lint, unsafe=unsafe).text == result.text  # idempotent
