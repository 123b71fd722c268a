"""The awesome preset over real classic lists: finding counts per rule, pinned.

The counts are those sindresorhus/awesome-lint 2.3.0 reports on the same files, rule by rule, for
every classic list of the corpus (measured with bench/parity.py, which needs node; this test does not).
"""

from __future__ import annotations

import shutil
from collections import Counter

import pytest

from awesome_lint import config as config_module
from awesome_lint import files
from awesome_lint.document import Document
from awesome_lint.linter import lint_document
from awesome_lint.rules._remark import AWESOME_LINT_IDS
from conftest import CORPUS

EXPECTED = {
    "sindresorhus__awesome.md": {"awesome-list-item": 1},
    "akullpp__awesome-java.README_SOURCE.md": {"awesome-spell-check": 5, "no-repeat-item-in-description": 21},
    "MrNeRF__awesome-3D-gaussian-splatting.md": {
        "awesome-badge": 1,
        "awesome-list-item": 43,
        "awesome-spell-check": 2,
        "double-link": 6,
        "table-pipe-alignment": 61,
    },
    "avelino__awesome-go.md": {
        "awesome-badge": 1,
        "awesome-heading": 1,
        "awesome-license": 1,
        "awesome-list-item": 162,
        "awesome-spell-check": 87,
        "awesome-toc": 1,
        "balanced-punctuation": 1,
        "double-link": 112,
        "list-item-bullet-indent": 1,
        "no-emphasis-as-heading": 8,
        "no-multiple-toplevel-headings": 1,
        "no-repeat-item-in-description": 196,
        "no-undefined-references": 2,
    },
    "awesome-selfhosted__awesome-selfhosted.md": {
        "awesome-badge": 1,
        "awesome-heading": 1,
        "awesome-license": 1,
        "awesome-list-item": 1293,
        "awesome-spell-check": 25,
        "double-link": 261,
        "no-emphasis-as-heading": 108,
        "no-repeat-item-in-description": 40,
        "rule-style": 6,
    },
    "jaywcjlove__awesome-mac.md": {
        "awesome-license": 1,
        "awesome-list-item": 715,
        "awesome-spell-check": 34,
        "awesome-toc": 1,
        "balanced-punctuation": 1,
        "definition-case": 5,
        "double-link": 25,
        "heading-style": 1,
        "link-title-style": 5,
        "no-emphasis-as-heading": 1,
        "no-repeat-item-in-description": 29,
        "unordered-list-marker-style": 1288,
    },
    "josephmisiti__awesome-machine-learning.md": {
        "awesome-badge": 1,
        "awesome-list-item": 388,
        "awesome-spell-check": 52,
        "balanced-punctuation": 2,
        "double-link": 80,
        "emphasis-marker": 1,
        "list-item-bullet-indent": 14,
        "no-heading-punctuation": 1,
        "no-repeat-item-in-description": 165,
        "no-undefined-references": 176,
        "unordered-list-marker-style": 139,
    },
    "rust-unofficial__awesome-rust.md": {
        "awesome-badge": 1,
        "awesome-license": 1,
        "awesome-list-item": 743,
        "awesome-no-ci-badge": 11,
        "awesome-spell-check": 117,
        "double-link": 33,
        "link-title-style": 1,
        "list-item-bullet-indent": 39,
        "no-repeat-item-in-description": 27,
        "no-undefined-references": 502,
        "unordered-list-marker-style": 1956,
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_counts_per_rule_match_awesome_lint(name, tmp_path):
    source_file = CORPUS / name
    if not source_file.is_file():
        pytest.skip(f"corpus not found at {CORPUS}")
    readme = tmp_path / "readme.md"
    shutil.copyfile(source_file, readme)
    (tmp_path / "contributing.md").write_text("Pull requests are welcome.\n", encoding="utf-8")
    doc = Document(files.read(str(readme)))
    config = config_module.Config()
    settings = config_module.resolve_rules(config, "awesome")
    settings = {rule: setting for rule, setting in settings.items() if rule in AWESOME_LINT_IDS}
    counts = Counter(d.rule for d in lint_document(doc, config, "awesome", settings))
    assert dict(sorted(counts.items())) == EXPECTED[name]
