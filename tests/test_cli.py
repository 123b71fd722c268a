"""The command line contract: output formats, exit codes, --fix, --diff, stdin, selection."""

from __future__ import annotations

import json
import os
import shutil
import stat

from conftest import EXAMPLE, run, run_inprocess

CORE = ["--select", "blank-lines,empty-item,final-newline"]  # the core rules, whatever the presets add
MESSY = "# List\n\n\n\n- [a](https://a.example) - A.\n- \n- [b](https://b.example) - B.\n\n\n"


def write(tmp_path, text: str | bytes, name: str = "README.md"):
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_text_output_names_rule_line_column_and_fix_marker(tmp_path, monkeypatch):
    write(tmp_path, MESSY)
    result = run_inprocess(["--no-color", *CORE], monkeypatch, cwd=tmp_path)
    lines = result.out.splitlines()
    assert "README.md:3:1: blank-lines [*] 3 blank lines in a row (at most 1 allowed)" in lines
    assert "README.md:6:1: empty-item [*] empty list item '-'" in lines
    assert "README.md:8:1: blank-lines [*] 2 blank lines at the end of the file" in lines
    assert "Found 3 findings (3 warnings)." in lines
    assert "[*] 3 fixable with --fix." in lines
    assert result.code == 0  # warnings only


def test_strict_makes_warnings_fail_and_exit_zero_overrides(tmp_path, monkeypatch):
    write(tmp_path, MESSY)
    assert run_inprocess(["--strict", *CORE], monkeypatch, cwd=tmp_path).code == 1
    assert run_inprocess(["--strict", "--exit-zero", *CORE], monkeypatch, cwd=tmp_path).code == 0


def test_error_level_from_config_fails_the_run(tmp_path, monkeypatch):
    write(tmp_path, MESSY)
    write(tmp_path, "rules:\n  empty-item: error\n", ".awesome-lint.yaml")
    result = run_inprocess(["--format", "json", *CORE], monkeypatch, cwd=tmp_path)
    assert result.code == 1
    severities = {f["rule"]: f["severity"] for f in json.loads(result.out)}
    assert severities == {"blank-lines": "warning", "empty-item": "error"}


def test_json_output_matches_the_documented_shape(tmp_path, monkeypatch):
    write(tmp_path, "# L\n\n- [a](https://a.example) - A.")
    result = run_inprocess(["--format", "json", *CORE], monkeypatch, cwd=tmp_path)
    [finding] = json.loads(result.out)
    assert finding == {
        "path": "README.md",
        "line": 3,
        "column": 1,
        "end_line": 3,
        "end_column": 30,
        "rule": "final-newline",
        "severity": "warning",
        "message": "no line ending at the end of the file",
        "fix": {
            "applicability": "safe",
            "edits": [{"line": 3, "column": 30, "end_line": 3, "end_column": 30, "content": "\n"}],
        },
    }


def test_clean_file_says_all_checks_passed(tmp_path, monkeypatch):
    write(tmp_path, "# L\n\n- [a](https://a.example) - A.\n")
    result = run_inprocess(CORE, monkeypatch, cwd=tmp_path)
    assert result.out.strip() == "All checks passed."
    assert result.code == 0


def test_fix_repairs_and_second_run_changes_nothing(tmp_path, monkeypatch):
    path = write(tmp_path, MESSY)
    first = run_inprocess(["--fix", *CORE], monkeypatch, cwd=tmp_path)
    assert "Fixed 3 findings." in first.out
    fixed = path.read_text()
    assert fixed == "# List\n\n- [a](https://a.example) - A.\n- [b](https://b.example) - B.\n"
    mtime = os.stat(path).st_mtime_ns
    second = run_inprocess(["--fix", *CORE], monkeypatch, cwd=tmp_path)
    assert path.read_text() == fixed
    assert os.stat(path).st_mtime_ns == mtime  # an unchanged file is not rewritten
    assert "All checks passed." in second.out


def test_fix_keeps_bom_crlf_and_mode(tmp_path, monkeypatch):
    text = "\ufeff# L\r\n\r\n\r\n- [a](https://a.example) - A.".encode()
    path = write(tmp_path, text)
    os.chmod(path, 0o640)
    run_inprocess(["--fix", *CORE], monkeypatch, cwd=tmp_path)
    assert path.read_bytes() == "\ufeff# L\r\n\r\n- [a](https://a.example) - A.\r\n".encode()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]  # no temporary file left behind


def test_diff_prints_unified_diff_writes_nothing_and_exits_1(tmp_path, monkeypatch):
    path = write(tmp_path, MESSY)
    result = run_inprocess(["--diff", *CORE], monkeypatch, cwd=tmp_path)
    assert result.code == 1
    assert path.read_text() == MESSY
    assert result.out.startswith("--- a/README.md\n+++ b/README.md\n")
    assert "-- \n" in result.out  # the empty item's removal
    clean = write(tmp_path, "# L\n", "clean.md")
    assert run_inprocess(["--diff", str(clean)], monkeypatch, cwd=tmp_path).code == 0


def test_stdin_lint_and_fix_to_stdout(tmp_path):
    result = run(["-", *CORE], cwd=tmp_path, stdin="# L\n\n- \n- [a](https://a.example) - A.")
    assert "<stdin>:3:1: empty-item" in result.out
    fixed = run(["--fix", "-", *CORE], cwd=tmp_path, stdin="# L\n\n- \n- [a](https://a.example) - A.")
    assert fixed.out == "# L\n\n- [a](https://a.example) - A.\n"
    assert "Fixed 2 findings." in fixed.err
    assert fixed.code == 0


def test_select_and_ignore(tmp_path, monkeypatch):
    write(tmp_path, MESSY)
    only = json.loads(run_inprocess(["--format", "json", "--select", "empty-item"], monkeypatch, cwd=tmp_path).out)
    assert {f["rule"] for f in only} == {"empty-item"}
    rest = json.loads(
        run_inprocess(["--format", "json", *CORE, "--ignore", "empty-item"], monkeypatch, cwd=tmp_path).out
    )
    assert {f["rule"] for f in rest} == {"blank-lines"}


def test_unknown_rule_in_select_names_closest(tmp_path, monkeypatch):
    write(tmp_path, MESSY)
    result = run_inprocess(["--select", "empty-items"], monkeypatch, cwd=tmp_path)
    assert result.code == 2
    assert result.err.strip() == "awesome-lint: --select: unknown rule 'empty-items' (did you mean \"empty-item\"?)"


def test_statistics_counts_per_rule(tmp_path, monkeypatch):
    write(tmp_path, MESSY)
    result = run_inprocess(["--statistics", *CORE], monkeypatch, cwd=tmp_path)
    assert result.out.splitlines()[:2] == ["2\tblank-lines\t[*]", "1\tempty-item\t[*]"]


def test_list_rules_and_explain(monkeypatch):
    listing = run_inprocess(["--list-rules"], monkeypatch).out
    assert any(line.startswith("final-newline ") and "safe fix" in line for line in listing.splitlines())
    explained = run_inprocess(["--explain", "empty-item"], monkeypatch)
    assert explained.out.startswith("empty-item: a list item with nothing after its marker")
    assert "Presets: paper-list\n" in explained.out  # the awesome preset has awesome-list-item for it


def test_version_imports_nothing_heavy():
    code = (
        "import sys; from awesome_lint import cli; cli.main(['--version']); "
        "print(sorted(m for m in ('requests', 'mistune', 'yaml') if m in sys.modules))"
    )
    import subprocess
    import sys

    from conftest import ROOT

    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    ).stdout
    assert out.splitlines() == ["awesome-lint 0.1.0", "[]"]


def test_requests_not_imported_by_a_lint(tmp_path):
    code = "import sys; from awesome_lint import cli; cli.main([sys.argv[1]]); print('requests' in sys.modules)"
    import subprocess
    import sys

    from conftest import ROOT

    shutil.copy(EXAMPLE, tmp_path / "README.md")
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "README.md")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    ).stdout
    assert out.splitlines()[-1] == "False"


def test_default_path_is_readme(tmp_path, monkeypatch):
    result = run_inprocess([], monkeypatch, cwd=tmp_path)
    assert result.code == 2
    assert result.err.strip() == "awesome-lint: README.md: no such file"
