"""The label, venue and URL rules over the seed list and the corpus.

The seed (examples/awesome-talking-head.md, the first version of JosephPai/Awesome-Talking-Face) has
these defects a maintainer would want found, each at its exact line and column; ``--fix`` must repair
the safe ones. The corpus counts pin how many findings each rule makes on a few real lists, so any change
in precision shows up in review: update a count only after reading the findings it adds or removes.
"""

from __future__ import annotations

import shutil
from collections import Counter

import pytest

from awesome_lint.config import Config, resolve_rules
from awesome_lint.document import Document
from awesome_lint.files import read
from awesome_lint.linter import lint_document, to_finding
from conftest import CORPUS, EXAMPLE, run

RULES = (
    "label-typo",
    "label-style",
    "link-label",
    "venue-format",
    "venue-typo",
    "venue-unknown",
    "venue-year",
    "redirect-wrapper",
    "insecure-link",
    "arxiv-link",
)


def _lint(path) -> list:
    doc = Document(read(str(path)))
    config = Config()
    settings = resolve_rules(config, "paper-list", select=RULES)
    return [to_finding(doc, d) for d in lint_document(doc, config, "paper-list", settings)]


def test_seed_defects_at_their_lines_and_columns():
    found = {(f.rule, f.line, f.column): f for f in _lint(EXAMPLE)}
    assert sorted(found) == [
        ("insecure-link", 34, 76),  # http://arxiv.org/abs/1906.06337
        ("label-typo", 34, 111),  # PorjectPage
        ("redirect-wrapper", 38, 61),  # https://www.google.com.hk/url?...&url=http%3A%2F%2Fopenaccess...
        ("venue-format", 51, 120),  # [Journal of Computer and Communications2017]
        ("venue-unknown", 51, 121),
        ("venue-unknown", 65, 77),  # MMAC
        ("venue-unknown", 70, 89),  # SIST
    ]
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    assert lines[33][110:121] == "PorjectPage"
    assert lines[33][75:82] == "http://"
    assert lines[37][60:].startswith("https://www.google.com.hk/url?")
    assert lines[50][119:] == "[Journal of Computer and Communications2017]"
    typo = found[("label-typo", 34, 111)]
    assert typo.message == 'label "PorjectPage" looks like a typo of "ProjectPage" (used 2× in this list)'
    assert typo.severity == "error" and typo.fixable
    assert found[("venue-unknown", 65, 77)].severity == "info"


def test_seed_fix_repairs_the_safe_ones(tmp_path):
    target = tmp_path / "README.md"
    shutil.copyfile(EXAMPLE, target)
    result = run(["--fix", "--preset", "paper-list", "--select", ",".join(RULES), str(target)])
    assert result.code == 0, result.err  # only info findings are left
    lines = target.read_text(encoding="utf-8").splitlines()
    assert "[Paper](https://arxiv.org/abs/1906.06337)  [ProjectPage](https://sites.google.com" in lines[33]
    assert lines[37].endswith(
        "[Paper](https://openaccess.thecvf.com/content_ECCV_2018/papers/"
        "Lele_Chen_Lip_Movements_Generation_ECCV_2018_paper.pdf)"
    )
    assert lines[50].endswith("[Journal of Computer and Communications 2017]")
    left = Counter(f.rule for f in _lint(target))
    assert left == Counter({"venue-unknown": 3})
    original = EXAMPLE.read_text(encoding="utf-8").splitlines()
    changed = [i + 1 for i, (a, b) in enumerate(zip(original, lines, strict=True)) if a != b]
    assert changed == [34, 38, 51]


# Findings per rule on a few corpus files (paper-list preset, these rules only). Read the findings before
# changing a number here.
PINNED = {
    "JosephPai__Awesome-Talking-Face.md": {
        "label-typo": 1,
        "label-style": 4,
        "venue-format": 1,
        "venue-typo": 1,
        "venue-unknown": 3,
        "redirect-wrapper": 1,
        "insecure-link": 5,
        "arxiv-link": 28,
    },
    "awesome-NeRF__awesome-NeRF.md": {"label-typo": 3, "insecure-link": 1, "arxiv-link": 7},
    "Daisy-Zhang__Awesome-Deepfakes-Detection.md": {
        "label-typo": 1,
        "venue-unknown": 9,
        "insecure-link": 1,
        "arxiv-link": 19,
    },
    "LTT-O__Awesome-Talking-Head-Generation.md": {"redirect-wrapper": 1, "insecure-link": 1, "arxiv-link": 14},
    "sindresorhus__awesome.md": {},
}


@pytest.mark.parametrize("name", sorted(PINNED))
def test_pinned_finding_counts_on_the_corpus(name):
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"corpus not found at {CORPUS}")
    counts = Counter(f.rule for f in _lint(path))
    assert dict(counts) == PINNED[name]


def test_auto_preset_says_why_under_verbose(tmp_path):
    result = run(["--verbose", "--select", "final-newline", str(EXAMPLE)])
    assert "auto preset chose paper-list: 29 of 29 entries have a venue tag, a year or an arXiv link" in result.err
    classic = tmp_path / "README.md"
    classic.write_text("# Awesome\n\n- [a](https://a.org) - A tool.\n- [b](https://b.org) - B tool.\n")
    result = run(["--verbose", "--select", "final-newline", str(classic)])
    assert "auto preset chose awesome: 0 of 2 entries have a venue tag" in result.err
    pinned = run(["--verbose", "--preset", "awesome", "--select", "final-newline", str(EXAMPLE)])
    assert "auto preset" not in pinned.err
