"""``--format sarif``: a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.

One run, with every rule (its summary, explanation and default level), one result per finding, the
finding's fix as an artifact change, and a partial fingerprint that stays the same when lines move.
Regions count columns in characters (``columnKind: unicodeCodePoints``); ``endColumn`` is exclusive,
as it is in our own findings.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..diagnostics import Finding
from ..rules import Rule, all_rules
from .options import ReportOptions

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "awesomeLint/v1"
SRCROOT = "%SRCROOT%"
_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def artifact_location(path: str) -> dict:
    """A relative path stays relative to %SRCROOT% (the folder the tool ran in); others become file URIs."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path.replace(os.sep, "/")), "uriBaseId": SRCROOT}


def region(line: int, column: int, end_line: int, end_column: int) -> dict:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def rule_descriptor(rule: Rule) -> dict:
    explanation = rule.description or rule.summary
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": explanation.split("\n\n")[0]},
        "help": {"text": explanation, "markdown": explanation},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"fix": rule.fix or "none"},
    }


def fingerprint(finding: Finding, occurrence: int) -> str:
    """A fingerprint without line numbers, so that moving an entry does not make its finding look new.

    It hashes the rule, the file, the text of the flagged lines (white space collapsed) and how many
    identical keys came before. Messages are not hashed when the lines can be read, since some quote
    counts that change with the rest of the list ("used 5× in this list").
    """
    key = "\0".join((finding.rule, finding.path, _identity(finding), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _identity(finding: Finding) -> str:
    content = flagged_text(finding)
    return finding.message if content is None else content


def flagged_text(finding: Finding) -> str | None:
    """The lines a finding covers, as the file now holds them; None when the file cannot be read (stdin)."""
    lines = _file_lines(finding.path)
    if lines is None:
        return None
    last = finding.end_line - 1 if finding.end_column == 1 and finding.end_line > finding.line else finding.end_line
    return " ".join(" ".join(lines[finding.line - 1 : max(last, finding.line)]).split())


@lru_cache(maxsize=64)
def _file_lines(path: str) -> list[str] | None:
    if path == "<stdin>":
        return None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    return _LINE_BREAK.split(data.decode("utf-8", "replace").lstrip("\ufeff"))  # as Document splits lines


def fix_object(finding: Finding) -> dict:
    assert finding.fix is not None
    location = artifact_location(finding.path)
    replacements = [
        {"deletedRegion": region(line, column, end_line, end_column), "insertedContent": {"text": content}}
        for line, column, end_line, end_column, content in finding.fix_positions
    ]
    label = "safe fix: awesome-lint --fix" if finding.fixable else "unsafe fix: awesome-lint --fix --unsafe-fixes"
    return {
        "description": {"text": label},
        "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
    }


def result(finding: Finding, rule_index: dict[str, int], occurrence: int) -> dict:
    found = {
        "ruleId": finding.rule,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(finding.path),
                    "region": region(finding.line, finding.column, finding.end_line, finding.end_column),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding, occurrence)},
    }
    if finding.rule in rule_index:  # "internal-error" is not a rule
        found["ruleIndex"] = rule_index[finding.rule]
    if finding.fix is not None and finding.fix_positions:
        found["fixes"] = [fix_object(finding)]
    return found


def sarif_log(findings: list[Finding]) -> dict:
    _file_lines.cache_clear()  # files may have changed since the last log (--fix, or tests in one process)
    rules = list(all_rules().values())
    rule_index = {rule.id: index for index, rule in enumerate(rules)}
    seen: Counter = Counter()
    results = []
    for finding in findings:
        key = (finding.rule, finding.path, _identity(finding))
        results.append(result(finding, rule_index, seen[key]))
        seen[key] += 1
    driver = {
        "name": "awesome-lint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [rule_descriptor(rule) for rule in rules],
    }
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(findings: list[Finding], out, options: ReportOptions) -> None:
    json.dump(sarif_log(findings), out, indent=2, ensure_ascii=False)
    out.write("\n")
