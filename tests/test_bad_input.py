"""Bad input: one clear line on stderr, exit 2, no traceback, nothing written. Valid Markdown lints normally."""

from __future__ import annotations

import json

import pytest

from conftest import run

GOOD = "# L\n\n- [a](https://a.example) - A.\n"


def assert_one_line_error(result, contains: str):
    assert result.code == 2, result
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert contains in lines[0]


def test_missing_path(tmp_path):
    assert_one_line_error(run(["nope.md"], cwd=tmp_path), "nope.md: no such file")


def test_directory(tmp_path):
    assert_one_line_error(run(["."], cwd=tmp_path), "is a directory")


def test_binary_file(tmp_path):
    (tmp_path / "x.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run(["--fix", "x.md"], cwd=tmp_path)
    assert_one_line_error(result, "binary")
    assert (tmp_path / "x.md").read_bytes() == b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def test_invalid_utf8(tmp_path):
    (tmp_path / "x.md").write_bytes(b"# L\n\n- caf\xe9\n")
    assert_one_line_error(run(["--fix", "x.md"], cwd=tmp_path), "not valid UTF-8")
    assert (tmp_path / "x.md").read_bytes() == b"# L\n\n- caf\xe9\n"


def test_bad_file_among_good_ones_still_lints_the_good_ones(tmp_path):
    (tmp_path / "good.md").write_text("# L\n\n- \n")
    result = run(["--format", "json", "--select", "empty-item", "missing.md", "good.md"], cwd=tmp_path)
    assert result.code == 2
    assert [f["rule"] for f in json.loads(result.out)] == ["empty-item"]
    assert result.err.strip() == "awesome-lint: missing.md: no such file"


def test_empty_file_is_a_normal_lint(tmp_path):
    (tmp_path / "x.md").write_bytes(b"")
    result = run(["--format", "json", "--select", "empty-item,blank-lines,final-newline", "x.md"], cwd=tmp_path)
    assert (result.code, json.loads(result.out), result.err) == (0, [], "")


def test_twenty_megabyte_file_lints(tmp_path):
    line = "- [Project](https://example.com/p) - A project that does things.\n"
    (tmp_path / "big.md").write_text("# Big\n\n" + line * (20 * 1024 * 1024 // len(line)))
    result = run(["--format", "json", "--select", "empty-item,blank-lines,final-newline", "big.md"], cwd=tmp_path)
    assert result.code == 0, result.err
    assert json.loads(result.out) == []


def test_over_the_size_limit_is_refused(tmp_path):
    (tmp_path / "huge.md").write_bytes(b"a" * (33 * 1024 * 1024))
    assert_one_line_error(run(["huge.md"], cwd=tmp_path), "over the 32 MB limit")


def test_list_nested_500_deep(tmp_path):
    text = "# Deep\n\n" + "".join("  " * depth + "- item\n" for depth in range(500)) + "- \n"
    (tmp_path / "deep.md").write_text(text)
    result = run(["--format", "json", "--select", "empty-item,blank-lines,final-newline", "deep.md"], cwd=tmp_path)
    assert result.code == 0, result.err
    assert [f["line"] for f in json.loads(result.out)] == [503]


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("rules: [unclosed\n", "invalid YAML at line"),
        ("extends: paper-lists\n", "unknown preset 'paper-lists' in extends (did you mean \"paper-list\"?)"),
        ("rulez: {}\n", "unknown key 'rulez' (did you mean \"rules\"?)"),
        ("rules:\n  blank-line: off\n", "unknown rule 'blank-line' (did you mean \"blank-lines\"?)"),
        (
            "rules:\n  blank-lines: {level: warning, maxx: 2}\n",
            "has no option 'maxx' (did you mean \"max\"?)",
        ),
        ("rules:\n  blank-lines: loud\n", "has level 'loud'"),
        ("rules:\n  blank-lines: {max: many}\n", "option 'max' of rule 'blank-lines' must be an integer"),
        ("- a\n- b\n", "the config must be a mapping"),
    ],
)
def test_bad_config(tmp_path, config, message):
    (tmp_path / "README.md").write_text(GOOD + "\n\n\n")
    (tmp_path / ".awesome-lint.yaml").write_text(config)
    result = run(["--fix"], cwd=tmp_path)
    assert_one_line_error(result, message)
    assert (tmp_path / "README.md").read_text() == GOOD + "\n\n\n"


def test_unknown_preset_flag(tmp_path):
    (tmp_path / "README.md").write_text(GOOD)
    assert_one_line_error(run(["--preset", "fancy"], cwd=tmp_path), "invalid choice: 'fancy'")


def test_unknown_flag(tmp_path):
    assert_one_line_error(run(["--fixx"], cwd=tmp_path), "unrecognized arguments: --fixx")


def test_missing_config_file_flag(tmp_path):
    (tmp_path / "README.md").write_text(GOOD)
    assert_one_line_error(run(["--config", "none.yaml"], cwd=tmp_path), "none.yaml: config file not found")


def test_failed_write_leaves_no_partial_file(tmp_path):
    from awesome_lint.files import write_atomic
    from awesome_lint.source import InputError

    target = tmp_path / "README.md"
    target.mkdir()  # os.replace cannot put a file over a non-empty folder
    (target / "keep").write_text("x")
    with pytest.raises(InputError, match="cannot write"):
        write_atomic(str(target), b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]
    assert (target / "keep").read_text() == "x"
