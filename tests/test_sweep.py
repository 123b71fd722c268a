"""The corpus sweep: every real list, under every preset, linted and fixed, with nothing lost.

For each file of ../shared/corpus and the seed (copied to a temporary folder) and each preset:

1. lint: no exception, valid JSON, every finding (and fix edit) inside the file;
2. ``--fix --unsafe-fixes``, then the invariants of tests/invariants.py: link URLs kept except one-to-one
   rewrites by URL rules, headings kept, entries kept (those no edit touched byte for byte), every line no
   edit touched byte-identical, BOM and line endings kept, and the product's own verifier agreeing;
3. fixing again changes nothing, and the fixed point is reached within MAX_CHANGING_PASSES passes;
4. the same file with CRLF line endings: the same findings, and the fixed result is the LF result in CRLF.

``paper-list`` and ``awesome`` run through the API (fast, and each pass is inspected); ``auto`` runs the
real command line in-process on the file on disk, must write what the API wrote for the preset it picks,
and a second ``--fix`` must leave the file as it is.
"""

from __future__ import annotations

import json
import shutil

import pytest

from awesome_lint import files
from awesome_lint.document import Document
from awesome_lint.linter import detect_preset
from awesome_lint.source import Source
from conftest import EXAMPLE, corpus_params, run_inprocess
from invariants import (
    MAX_CHANGING_PASSES,
    check_fix_run,
    check_positions,
    comparable,
    findings_json,
    fix_run,
    to_crlf,
)

PRESETS = ("paper-list", "awesome", "auto")

_fixed: dict[tuple[str, str], bytes] = {}  # (file name, preset) -> the fixed bytes, for the auto run to compare


def _params():
    params = []
    for param in [*corpus_params(), pytest.param(EXAMPLE, id=EXAMPLE.name)]:
        for preset in PRESETS:
            path = param.values[0]
            params.append(pytest.param(path, preset, id=f"{param.id}-{preset}", marks=param.marks))
    return params


@pytest.mark.corpus
@pytest.mark.parametrize(("path", "preset"), _params())
def test_sweep(path, preset, tmp_path, monkeypatch):
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    check, args = (_sweep_cli, (copy, monkeypatch)) if preset == "auto" else (_sweep_api, (copy, preset))
    failure = _failure_of(check, *args)
    assert failure is None, failure


def _failure_of(check, *args) -> str | None:
    """Run a check; its failure as text, so that pytest does not keep every pass's documents alive."""
    try:
        check(*args)
    except AssertionError as err:
        return str(err)
    return None


def _sweep_api(copy, preset: str) -> None:
    source = files.read(str(copy))
    run = fix_run(source, preset)
    first, last = run.passes[0], run.passes[-1]
    findings = findings_json(first.doc, first.diagnostics)
    check_positions(source.text, findings)
    check_fix_run(run)
    # The last pass linted the fixed text and found nothing to apply: that is what a second --fix would do
    # (the auto run below does run it, from the file on disk).
    assert not [d for d in last.diagnostics if d.fix and d.fix.edits], "the last pass still had fixes"

    if run.text != source.text:
        files.write_atomic(str(copy), source.encode(run.text))
    written = files.read(str(copy))
    assert (written.bom, written.text) == (source.bom, run.text), "the written file reads back otherwise"
    _fixed[(copy.name, preset)] = copy.read_bytes()

    crlf = Source(source.path, to_crlf(source.text), source.bom)
    crlf_run = fix_run(crlf, preset)
    crlf_first = crlf_run.passes[0]
    crlf_findings = findings_json(crlf_first.doc, crlf_first.diagnostics)
    check_positions(crlf.text, crlf_findings)
    assert comparable(crlf_findings) == comparable(findings), "the CRLF copy gets other findings"
    assert crlf_run.changing_passes <= MAX_CHANGING_PASSES
    assert crlf_run.text == to_crlf(run.text), "the CRLF copy is fixed otherwise than the LF file"


def _sweep_cli(copy, monkeypatch) -> None:
    original = copy.read_bytes()
    preset = detect_preset(Document(files.read(str(copy))))
    assert preset in ("paper-list", "awesome")
    expected = _fixed.get((copy.name, preset))
    if expected is None:  # the explicit preset's run was deselected: compute what it writes
        source = files.read(str(copy))
        expected = source.encode(fix_run(source, preset).text)

    result = run_inprocess(["--fix", "--unsafe-fixes", "--format", "json", str(copy)], monkeypatch)
    assert (result.code in (0, 1), result.err) == (True, ""), result.err
    check_positions(files.read(str(copy)).text, json.loads(result.out))
    assert copy.read_bytes() == expected, f"--fix under auto ({preset}) wrote otherwise than the API"
    if expected == original:
        return

    result = run_inprocess(["--fix", "--unsafe-fixes", "--format", "json", str(copy)], monkeypatch)
    assert (result.code in (0, 1), result.err) == (True, ""), result.err
    assert copy.read_bytes() == expected, "a second --fix changed the file again"
