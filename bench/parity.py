"""Parity with sindresorhus/awesome-lint: run both tools over the corpus's classic awesome lists and compare.

Each list is copied to a temporary folder as ``readme.md``, beside a non-empty ``contributing.md``; the
reference runs with ``awesome-github`` turned off (it needs the network), and this tool runs its
``awesome`` preset without it. Findings are compared as (line, rule id) pairs, counted with multiplicity.

    python bench/parity.py --reference /path/to/node_modules    # where `npm install awesome-lint@2.3.0` put it
    python bench/parity.py --show awesome-list-item             # list the differences of one rule
    python bench/parity.py --style all                          # every list of the corpus, not only classic ones

The reference's output is cached per list (by content hash) in ``--cache``, since it takes minutes.
Needs node; nothing in the test suite does.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from awesome_lint import config as config_module  # noqa: E402
from awesome_lint import files  # noqa: E402
from awesome_lint.document import Document  # noqa: E402
from awesome_lint.linter import lint_document, to_finding  # noqa: E402
from awesome_lint.rules._remark import AWESOME_LINT_IDS as REFERENCE_IDS  # noqa: E402

RUNNER = Path(__file__).with_name("awesome_lint_reference.mjs")
OFFLINE = ("awesome-github",)


def classic_lists(corpus: Path, style: str) -> list[Path]:
    found = []
    for line in (corpus / "INDEX.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) > 6 and style in (fields[6], "all"):
            found.append(corpus / fields[0])
    return found


def prepare(markdown: Path, folder: Path) -> Path:
    shutil.copyfile(markdown, folder / "readme.md")
    (folder / "contributing.md").write_text("# Contributing\n\nPull requests are welcome.\n", encoding="utf-8")
    return folder / "readme.md"


def reference_findings(folder: Path, modules: Path, cache: Path, key: str) -> list[dict]:
    cached = cache / f"{key}.jsonl"
    if not cached.is_file():
        proc = subprocess.run(
            ["node", str(RUNNER), str(modules), str(folder)], capture_output=True, text=True, timeout=1800
        )
        if proc.returncode != 0:
            raise SystemExit(f"parity: the reference failed on {folder}: {proc.stderr.strip()[:300]}")
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_text(proc.stdout, encoding="utf-8")
    return [json.loads(line) for line in cached.read_text(encoding="utf-8").splitlines() if line.strip()]


def our_findings(readme: Path) -> list[dict]:
    source = files.read(str(readme))
    doc = Document(source)
    config = config_module.Config()
    settings = config_module.resolve_rules(config, "awesome", ignore=OFFLINE)
    settings = {rule: setting for rule, setting in settings.items() if rule in REFERENCE_IDS}
    return [
        {"line": f.line, "rule": f.rule, "message": f.message}
        for f in (to_finding(doc, d) for d in lint_document(doc, config, "awesome", settings))
    ]


def pairs(findings: list[dict]) -> Counter:
    return Counter((f["line"], f["rule"]) for f in findings if f.get("file", "readme.md") == "readme.md")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--style", default="classic-awesome", help="INDEX.tsv style of the lists to compare, or 'all'")
    parser.add_argument(
        "--reference",
        type=Path,
        default=Path(os.environ.get("AWESOME_LINT_REFERENCE", "/work/scratch/al/node_modules")),
        help="the node_modules folder holding awesome-lint 2.3.0",
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "awesome-lint-parity")
    parser.add_argument("--show", metavar="RULE", help="print the differences of one rule (or 'all')")
    args = parser.parse_args(argv)

    if not (args.reference / "awesome-lint" / "package.json").is_file():
        print(f"parity: awesome-lint not found in {args.reference} (npm install awesome-lint@2.3.0)", file=sys.stderr)
        return 2
    lists = classic_lists(args.corpus, args.style)
    totals: dict[str, list[int]] = {}  # rule -> [matched, reference, ours]
    for markdown in lists:
        key = hashlib.sha256(markdown.read_bytes() + RUNNER.read_bytes()).hexdigest()[:16]
        with tempfile.TemporaryDirectory() as temp:
            readme = prepare(markdown, Path(temp))
            theirs = reference_findings(Path(temp), args.reference, args.cache, key)
            ours = our_findings(readme)
        expected, actual = pairs(theirs), pairs(ours)
        for rule in {rule for _line, rule in expected} | {rule for _line, rule in actual}:
            row = totals.setdefault(rule, [0, 0, 0])
            exp = Counter({k: v for k, v in expected.items() if k[1] == rule})
            act = Counter({k: v for k, v in actual.items() if k[1] == rule})
            row[0] += sum((exp & act).values())
            row[1] += sum(exp.values())
            row[2] += sum(act.values())
            if args.show in (rule, "all"):
                messages = {(f["line"], f["rule"]): f["message"] for f in theirs + ours}
                for (line, rule_id), n in sorted((exp - act).items()):
                    print(f"missed  {markdown.name}:{line} {rule_id} x{n}  {messages.get((line, rule_id), '')}")
                for (line, rule_id), n in sorted((act - exp).items()):
                    print(f"extra   {markdown.name}:{line} {rule_id} x{n}  {messages.get((line, rule_id), '')}")
    report(totals, len(lists))
    return 0


def _ratio(part: int, whole: int) -> str:
    return f"{100 * part / whole:6.1f}%" if whole else "     -"


def report(totals: dict[str, list[int]], lists: int) -> None:
    print(f"{'rule':<34} {'awesome-lint':>12} {'ours':>6} {'matched':>8} {'recall':>8} {'precision':>9}")
    for rule, (matched, reference, ours) in sorted(totals.items()):
        recall, precision = _ratio(matched, reference), _ratio(matched, ours)
        print(f"{rule:<34} {reference:>12} {ours:>6} {matched:>8} {recall:>8} {precision:>9}")
    matched, reference, ours = (sum(row[i] for row in totals.values()) for i in range(3))
    print(
        f"{'overall (' + str(lists) + ' lists)':<34} {reference:>12} {ours:>6} {matched:>8} "
        f"{_ratio(matched, reference):>8} {_ratio(matched, ours):>9}"
    )


if __name__ == "__main__":
    sys.exit(main())
