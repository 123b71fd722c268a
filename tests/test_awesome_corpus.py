"""The awesome preset over real classic lists: finding counts per rule, pinned.

The counts are those sindresorhus/awesome-lint 2.3.0 reports on the same files (measured with
bench/parity.py, which needs node; this test does not). Rules awesome-lint has and this tool does not
yet implement are named in docs/parity.md and left out here.
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
        "no-repeat-item-in-description": 196,
        "no-undefined-references": 2,
    },
    "rust-unofficial__awesome-rust.md": {
        "awesome-badge": 1,
        "awesome-license": 1,
        "awesome-list-item": 743,
        "awesome-no-ci-badge": 11,
        "awesome-spell-check": 117,
        "double-link": 33,
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
