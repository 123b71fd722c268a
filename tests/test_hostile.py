"""Hostile input: huge files, pathological Markdown, bad encodings, odd files, failing writes, races, bad configs.

Every case must end in a normal lint (exit 0 or 1) or in one clear line on stderr with exit 2, never a
traceback, and never a half-written or lost file.

Linear time is checked by counting work, not by the clock: the Python lines executed (a ``sys.settrace``
hook) and the peak memory allocated (``tracemalloc``) by ``--fix --unsafe-fixes`` for the input at n/16,
n/8 and n/4, where n is the size named in the issue (a 100,000-character line, 10,000-deep nesting, 50,000
``*``, 100,000 unclosed brackets). Doubling n may at most double linear work, plus fixed costs; quadratic
work grows four times. The counts cover all Python code (the product, mistune, the standard library) but
not the inside of C functions such as a regex match; the peak memory catches what those build. The full
size n then runs untraced, and must end in a normal lint. The bound is a factor of 3 per doubling, not 2:
work capped per item (no-undefined-references reads at most 999 characters of each nested label) grows
faster than linear until it reaches its cap.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

import pytest

from awesome_lint import config as config_module
from awesome_lint.document import Document
from awesome_lint.rules import all_rules
from awesome_lint.source import MB, Source
from conftest import EXAMPLE, ROOT, run_inprocess
from invariants import check_fix_run, fix_run

LIST = (
    "# Tools\n\n- [Alpha](http://alpha.example) - The first tool.\n- \n- [Beta](https://beta.example) - The second.\n"
)


def assert_one_line_error(result, contains: str) -> None:
    assert result.code == 2, result
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert contains in lines[0], lines[0]


def fixed_by_api(text: str, preset: str = "awesome", unsafe: bool = False) -> bytes:
    source = Source("x.md", text)
    return source.encode(fix_run(source, preset, unsafe=unsafe).text)


# ------------------------------------------------------------------------------------------------ size


def _run_measured(args: list[str], cwd: Path, stdin=None) -> tuple[int, str, int]:
    """Run the CLI in a child process that reports its own peak memory (KB); returns (code, stderr, peak)."""
    probe = (
        "import sys\n"
        "from awesome_lint import cli\n"
        "code = cli.main(sys.argv[1:])\n"
        # VmHWM is this process's own peak: ru_maxrss would also count the forking pytest process's pages
        "peak = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')][0]\n"
        "sys.stderr.write(f'\\nPEAK {peak}\\n')\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("AWESOME_LINT_DEBUG", None)
    proc = subprocess.Popen(
        [sys.executable, "-c", probe, *args],
        cwd=cwd,
        stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    if stdin:
        try:
            for chunk in stdin:
                proc.stdin.write(chunk)
        except BrokenPipeError:
            pass  # the child stopped reading: the point of the test
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.close()
    err = proc.stderr.read().decode()
    code = proc.wait(timeout=600)
    message, _, peak = err.rpartition("\nPEAK ")
    return code, message.strip(), int(peak)


def test_a_200_megabyte_file_is_refused_without_being_read(tmp_path):
    huge = tmp_path / "huge.md"
    with huge.open("wb") as handle:
        handle.truncate(200 * MB)  # sparse: reading it would take 200 MB of memory
    code, err, peak_kb = _run_measured(["--fix", "huge.md"], tmp_path)
    assert code == 2
    assert err == "awesome-lint: huge.md: file is 200 MB, over the 32 MB limit (raise it with --max-size)"
    assert peak_kb < 150 * 1024  # Python and the package's modules; the file was never read
    assert huge.stat().st_size == 200 * MB


def test_stdin_is_read_only_up_to_the_limit(tmp_path):
    line = b"- [Project](https://example.com/p) - A project that does things.\n"
    chunks = (line * 16384 for _ in range(50))  # 50 x 1 MB, more than any limit here
    code, err, peak_kb = _run_measured(["--max-size", "4", "-"], tmp_path, stdin=chunks)
    assert code == 2
    assert err == "awesome-lint: <stdin>: input is over the 4 MB limit (raise it with --max-size)"
    assert peak_kb < 150 * 1024


def test_max_size_is_configurable(tmp_path, monkeypatch):
    text = "# Big\n\n" + "- [Project](https://example.com/p) - A project that does things.\n" * 40_000  # 2.6 MB
    (tmp_path / "big.md").write_text(text)
    result = run_inprocess(["--max-size", "2", "--fix", "big.md"], monkeypatch, cwd=tmp_path)
    assert_one_line_error(result, "big.md: file is 2.48 MB, over the 2 MB limit (raise it with --max-size)")
    assert (tmp_path / "big.md").read_text() == text
    result = run_inprocess(["--max-size", "3", "--select", "final-newline", "big.md"], monkeypatch, cwd=tmp_path)
    assert (result.code, result.err) == (0, "")


@pytest.mark.parametrize("value", ["0", "-1", "lots", "inf", "nan"])
def test_max_size_must_be_a_positive_number(tmp_path, monkeypatch, value):
    (tmp_path / "a.md").write_text(LIST)
    result = run_inprocess([f"--max-size={value}", "a.md"], monkeypatch, cwd=tmp_path)
    assert_one_line_error(result, "argument --max-size")


def test_a_20_megabyte_file_lints_in_bounded_memory(tmp_path):
    entry = "- [Project {}](https://example.com/p{}) - A project that does things.\n"
    text = "# Big\n\n" + "".join(entry.format(i, i) for i in range(20 * MB // len(entry)))
    (tmp_path / "big.md").write_text(text)
    size_kb = len(text) // 1024
    rules = "final-newline,blank-lines,empty-item,double-link,no-repeat-punctuation,insecure-link"
    code, err, peak_kb = _run_measured(["--select", rules, "--format", "json", "big.md"], tmp_path)
    assert (code, err) == (0, "")
    # Measured: about 39x the file's size (a few Python objects per line, block, entry and link), linear;
    # 46x before the entries kept offsets instead of copies of their labels, URLs and titles.
    assert peak_kb < 50 * size_kb


def _paper_list(size: int) -> str:
    """A seed-style paper list of about ``size`` bytes, one entry in 25 with an http:// GitHub link to fix."""
    lines, total, index = ["# Awesome Talking Heads\n\n## Papers\n\n"], 0, 0
    while total < size:
        code = f"http{'' if index % 25 == 0 else 's'}://github.com/user{index}/repo"
        line = (
            f"- Talking Head Synthesis with Neural Fields, part {index}. [CVPR {2015 + index % 10}]  "
            f"[Paper](https://arxiv.org/abs/2004.{index:05d})  [Code]({code})\n"
        )
        lines.append(line)
        total += len(line)
        index += 1
    return "".join(lines)


def test_the_document_model_holds_offsets_not_copies():
    """The document and its entries keep offsets into the text, not copies of it: no string per line, and
    titles, labels, URLs and venue tags read from the text when asked (or interned, for the tags). Measured
    on 1 MB, 6,870 entries of two links each: the document 2.3x the text (3.7x with a string per line), the
    entries 1,530 bytes each (2,270 with copies)."""
    text = _paper_list(1 * MB)
    source = Source("x.md", text)
    assert Document(source).entries  # the venue data and the patterns, loaded once
    tracemalloc.start()
    try:
        doc = Document(source)
        parsed = tracemalloc.get_traced_memory()[0]
        entries = doc.entries
        extracted = tracemalloc.get_traced_memory()[0] - parsed
    finally:
        tracemalloc.stop()
    assert len(entries) > 6000 and all(len(entry.links) == 2 for entry in entries)
    assert entries[0].links[1].url == "http://github.com/user0/repo" and entries[0].title.text.startswith("Talking")
    assert parsed < 2.8 * len(text), parsed / len(text)
    assert extracted < 1850 * len(entries), extracted / len(entries)


def test_fixing_holds_about_one_document_at_a_time(tmp_path):
    """--fix parses the text again after each changing pass and verifies the result with mistune. The first
    document's entries are let go before the next parse, and mistune's tokens are counted one block at a
    time, so the fix peaks near the lint (measured on 2 MB: lint 65 MB, fix 87 MB; before, 149 MB)."""
    text = _paper_list(2 * MB)
    rules = "insecure-link,empty-item,blank-lines,final-newline"
    (tmp_path / "lint.md").write_text(text)
    (tmp_path / "fix.md").write_text(text)
    code, err, lint_kb = _run_measured(["--select", rules, "--format", "json", "lint.md"], tmp_path)
    assert (code, err) == (0, "")
    code, err, fix_kb = _run_measured(["--select", rules, "--fix", "fix.md"], tmp_path)
    assert (code, err) == (0, "")
    assert (tmp_path / "fix.md").read_text() == text.replace("http://github.com", "https://github.com")
    assert fix_kb < 1.6 * lint_kb, (lint_kb, fix_kb)


# ----------------------------------------------------------------------------------- linear work

# name -> (builder of the text for a size n, n): n is the size the issue names.
PATHOLOGICAL = {
    "long-line-prose": (lambda n: "# T\n\n- [a](https://a.example) - " + "word " * (n // 5) + "\n", 100_000),
    "long-line-url": (lambda n: "# T\n\n- [a](https://a.example/" + "x" * n + ") - A.\n", 100_000),
    "long-table-row": (lambda n: "# T\n\n| a | b |\n|---|---|\n|" + " x |" * (n // 4) + "\n", 100_000),
    "nested-lists": (lambda n: "# T\n\n" + "- " * n + "x\n", 10_000),
    "nested-ordered-lists": (lambda n: "# T\n\n" + "1. " * n + "x\n", 10_000),
    "nested-quotes": (lambda n: "# T\n\n" + "> " * n + "x\n", 10_000),
    "nested-quoted-lists": (lambda n: "# T\n\n" + "> - " * (n // 2) + "x\n", 10_000),
    "nested-brackets": (lambda n: "# T\n\n- " + "[" * n + "a" + "](b)" * n + "\n", 10_000),
    "nested-emphasis": (lambda n: "# T\n\n- " + "*a " * n + "b" + " c*" * n + "\n", 10_000),
    "star-run": (lambda n: "# T\n\n- " + "*" * n + "\n", 50_000),
    "star-alternating": (lambda n: "# T\n\nsome " + "*a" * (n // 2) + "\n", 50_000),
    "underscore-run": (lambda n: "# T\n\n- x " + "_" * n + " y\n", 50_000),
    "unclosed-brackets": (lambda n: "# T\n\n- " + "[" * n + "\n", 100_000),
    "unclosed-links": (lambda n: "# T\n\n- " + "[a](" * (n // 4) + "\n", 100_000),
    "unclosed-parentheses": (lambda n: "# T\n\n- [a](" + "(" * n + "\n", 100_000),
    "unclosed-code-spans": (lambda n: "# T\n\n- " + "`a" * (n // 2) + "\n", 100_000),
    "unclosed-html": (lambda n: "# T\n\n- " + "<a " * (n // 3) + "\n", 100_000),
    "unclosed-comments": (lambda n: "# T\n\n- " + "<!--" * (n // 4) + "\n", 100_000),
    "many-entries": (
        lambda n: "# T\n\n" + "".join(f"- [P{i:06}](https://e.example/{i}) - Tool {i}.\n" for i in range(n)),
        8_000,
    ),
}


class _LineCounter:
    """A trace function counting every Python line executed (and every call)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, frame, event, arg):
        self.count += 1
        return self


def _measure(path: Path, preset: str, monkeypatch) -> tuple[int, int]:
    """(lines executed, peak bytes allocated) of ``--fix --unsafe-fixes`` on ``path``."""
    counter = _LineCounter()
    previous = sys.gettrace()
    tracemalloc.start()
    sys.settrace(counter)
    try:
        result = run_inprocess(
            ["--preset", preset, "--fix", "--unsafe-fixes", "--format", "json", str(path)], monkeypatch
        )
    finally:
        sys.settrace(previous)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert result.code in (0, 1), result.err
    assert result.err == ""
    json.loads(result.out)
    return counter.count, peak


def _growth(values: list[int]) -> float:
    """The largest factor by which a doubling of n multiplied the work (at most 2 when linear, 4 when quadratic)."""
    return max(values[1] / max(values[0], 1), values[2] / max(values[1], 1))


@pytest.mark.parametrize("preset", ["paper-list", "awesome"])
@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_input_takes_linear_work(name, preset, tmp_path, monkeypatch):
    build, n = PATHOLOGICAL[name]
    path = tmp_path / "list.md"
    path.write_text(build(8))
    _measure(path, preset, monkeypatch)  # load data files and caches first
    lines, peaks = [], []
    for size in (n // 16, n // 8, n // 4):
        path.write_text(build(size))
        counted, peak = _measure(path, preset, monkeypatch)
        lines.append(counted)
        peaks.append(peak)
    assert _growth(lines) < 3, f"lines executed at n/16, n/8, n/4: {lines}"
    assert _growth(peaks) < 3, f"peak memory at n/16, n/8, n/4: {peaks}"
    check_fix_run(fix_run(Source("list.md", build(n // 16)), preset))  # nothing is lost

    path.write_text(build(n))  # and the full size, untraced, ends in a normal lint
    result = run_inprocess(["--preset", preset, "--fix", "--unsafe-fixes", "--format", "json", str(path)], monkeypatch)
    assert (result.code in (0, 1), result.err) == (True, "")


# ------------------------------------------------------------------------------------------ encodings


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"# L\n\n" + b"- [a](https://a.example) - A.\n" * 1000 + b"- b\x00\n", "binary file (it contains NUL bytes)"),
        (b"# L\n\n- caf\xc3\xa9\n- caf\xe9\n", "not valid UTF-8 (byte 18: b'\\xe9')"),
        (b"# L\n\n- \xed\xa0\x80 surrogate\n", "not valid UTF-8"),
        ("\ufeff# L\n\n- a\n".encode("utf-16-le"), "the file is UTF-16, not UTF-8; save it as UTF-8"),
        ("# L\n\n- a\n".encode("utf-16"), "the file is UTF-16, not UTF-8; save it as UTF-8"),
        ("# L\n\n- a\n".encode("utf-16-be"), "the file is UTF-16, not UTF-8; save it as UTF-8"),
        ("# L\n\n- a\n".encode("utf-32"), "the file is UTF-32, not UTF-8; save it as UTF-8"),
    ],
    ids=["nul", "latin1", "surrogate", "utf16-le-bom", "utf16-bom", "utf16-be-no-bom", "utf32"],
)
def test_undecodable_files_are_refused_in_one_line(tmp_path, monkeypatch, data, message):
    (tmp_path / "x.md").write_bytes(data)
    result = run_inprocess(["--fix", "--unsafe-fixes", "x.md"], monkeypatch, cwd=tmp_path)
    assert_one_line_error(result, message)
    assert (tmp_path / "x.md").read_bytes() == data


# ------------------------------------------------------------------------------------------- symlinks


def test_fixing_a_symlink_writes_its_target_and_keeps_the_link(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    target = tmp_path / "docs" / "list.md"
    target.write_text(LIST)
    link = tmp_path / "README.md"
    link.symlink_to(Path("docs") / "list.md")  # relative, as in a repository
    chain = tmp_path / "ALIAS.md"
    chain.symlink_to("README.md")  # a link to a link
    result = run_inprocess(["--preset", "awesome", "--fix", "ALIAS.md"], monkeypatch, cwd=tmp_path)
    assert result.err == ""
    assert link.is_symlink() and os.readlink(link) == str(Path("docs") / "list.md")
    assert chain.is_symlink() and os.readlink(chain) == "README.md"
    assert target.read_bytes() == fixed_by_api(LIST)
    assert target.read_bytes() != LIST.encode()
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["list.md"]


def test_a_dangling_symlink_is_refused(tmp_path, monkeypatch):
    (tmp_path / "README.md").symlink_to("gone.md")
    result = run_inprocess(["--fix"], monkeypatch, cwd=tmp_path)
    assert_one_line_error(result, "README.md: no such file")
    assert (tmp_path / "README.md").is_symlink()


# --------------------------------------------------------------------------------- failing writes


def test_a_list_nested_too_deeply_to_verify_is_refused_in_one_line(tmp_path, monkeypatch):
    # 900 nested empty items: the scanner reads them (it nests 1000 deep) and empty-item removes them in one
    # fix, but mistune, which the verifier parses with, recurses a few calls per level and gives up near 140.
    text = "# T\n\n" + "".join(" " * (2 * depth) + "-\n" for depth in range(900))
    path = tmp_path / "README.md"
    path.write_text(text)
    result = run_inprocess(["--preset", "paper-list", "--fix"], monkeypatch, cwd=tmp_path)
    assert_one_line_error(result, "refusing to write the fixes: the list nests too deeply")
    assert path.read_text() == text


def test_a_read_only_file_is_left_untouched(tmp_path, monkeypatch):
    # The tests may run as root, for whom chmod 444 does not stop a write: the tool itself refuses a file
    # without its owner's write bit.
    path = tmp_path / "README.md"
    path.write_text(LIST)
    path.chmod(0o444)
    result = run_inprocess(["--preset", "awesome", "--fix"], monkeypatch, cwd=tmp_path)
    assert_one_line_error(result, "README.md: the file is read-only; it was not changed")
    assert path.read_text() == LIST
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_the_file_mode_is_kept(tmp_path, monkeypatch):
    path = tmp_path / "README.md"
    path.write_text(LIST)
    path.chmod(0o640)
    result = run_inprocess(["--preset", "awesome", "--fix"], monkeypatch, cwd=tmp_path)
    assert result.err == ""
    assert path.read_bytes() == fixed_by_api(LIST)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def _raise(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    ("module", "function", "code"),
    [
        (tempfile, "mkstemp", errno.ENOSPC),  # no room for the temporary file
        (os, "fsync", errno.EIO),  # the data cannot be flushed
        (os, "chmod", errno.EPERM),  # the mode cannot be copied
        (os, "replace", errno.ENOSPC),  # the final rename fails
    ],
    ids=["mkstemp", "fsync", "chmod", "replace"],
)
def test_a_failing_write_leaves_the_original_intact(tmp_path, monkeypatch, module, function, code):
    """Failure injection: the disk fills up (or the OS refuses) in the middle of the atomic write."""
    path = tmp_path / "README.md"
    path.write_text(LIST)
    monkeypatch.setattr(module, function, _raise(code))
    result = run_inprocess(["--preset", "awesome", "--fix"], monkeypatch, cwd=tmp_path)
    assert_one_line_error(result, f"README.md: cannot write: {os.strerror(code)}; the file was not changed")
    assert path.read_text() == LIST
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]  # no temporary file left behind


# ---------------------------------------------------------------------------------------- concurrency


def test_concurrent_fixes_never_interleave(tmp_path):
    """Processes fixing the same file at once, some with unsafe fixes: the file ends as one complete result."""
    text = EXAMPLE.read_text(encoding="utf-8")
    safe = fixed_by_api(text, "paper-list")
    unsafe = fixed_by_api(text, "paper-list", unsafe=True)
    assert safe != text.encode() and unsafe != safe
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("AWESOME_LINT_DEBUG", None)
    for round_number in range(3):
        path = tmp_path / "README.md"
        path.write_text(text, encoding="utf-8")
        procs = [
            subprocess.Popen(
                [sys.executable, "-m", "awesome_lint", "--preset", "paper-list", "--fix", "--exit-zero"]
                + (["--unsafe-fixes"] if index % 2 else [])
                + ["README.md"],
                cwd=tmp_path,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            for index in range(4)
        ]
        errors = [proc.communicate(timeout=300)[1].decode() for proc in procs]
        assert [proc.returncode for proc in procs] == [0, 0, 0, 0], errors
        assert path.read_bytes() in (safe, unsafe), f"round {round_number}: a mixed or partial file"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]


# ---------------------------------------------------------------------------------------------- config


def _config_error(tmp_path, monkeypatch, config: str, message: str) -> None:
    (tmp_path / "README.md").write_text(LIST)
    (tmp_path / ".awesome-lint.yaml").write_text(config)
    result = run_inprocess(["--fix"], monkeypatch, cwd=tmp_path)
    assert_one_line_error(result, message)
    assert (tmp_path / "README.md").read_text() == LIST


@pytest.mark.parametrize(
    "tag",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        "!!python/name:os.system",
        '!!python/object/new:subprocess.Popen [["touch", "{marker}"]]',
        "!!python/module:os",
    ],
)
def test_yaml_tags_that_build_objects_are_rejected(tmp_path, monkeypatch, tag):
    marker = tmp_path / "pwned"
    config = "rules:\n  blank-lines: " + tag.format(marker=marker) + "\n"
    _config_error(tmp_path, monkeypatch, config, "invalid YAML at line 2")
    assert not marker.exists()


def _laughs(levels: int) -> str:
    """The "billion laughs": each level a list of nine aliases of the one before, 9**levels values in all."""
    chain = "[&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"
    for level in range(1, levels + 1):
        chain += f", &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]"
    return chain + "]"


@pytest.mark.parametrize("where", ["rules:\n  typo:\n    ignore: {}\n", "links:\n  exclude: {}\n", "venues: {}\n"])
def test_billion_laughs_is_refused(tmp_path, monkeypatch, where):
    _config_error(tmp_path, monkeypatch, where.format(_laughs(9)), "expands to more than 100,000 values")


def test_a_few_aliases_are_fine(tmp_path, monkeypatch):
    config = "rules:\n  typo:\n    ignore: &words [foo, bar]\n  awesome-spell-check: {}\n"
    (tmp_path / ".awesome-lint.yaml").write_text(config + "links:\n  exclude: *words\n")
    assert config_module.load_file(tmp_path / ".awesome-lint.yaml").extra["links"]["exclude"] == ["foo", "bar"]


def test_deeply_nested_config_is_refused(tmp_path, monkeypatch):
    _config_error(tmp_path, monkeypatch, "rules: " + "[" * 50_000 + "]" * 50_000 + "\n", "nested too deeply")


def _wrong_value(default):
    """A value of the wrong type for an option with this default."""
    if isinstance(default, bool):
        return "yes"
    if isinstance(default, int | float):
        return True  # YAML's true is an int to Python; it must not pass as a number
    if isinstance(default, str):
        return 3
    if isinstance(default, list):
        return [{"nested": 1}] if default else "text"
    if isinstance(default, dict):
        return ["a", "list"]
    raise AssertionError(f"no wrong value for {default!r}")


_EXPECTED = {bool: "true or false", int: "an integer", float: "a number", str: "a string", dict: "a mapping"}


def _option_params():
    return [
        pytest.param(rule.id, name, default, id=f"{rule.id}.{name}")
        for rule in all_rules().values()
        for name, default in rule.options.items()
        if default is not None
    ]


@pytest.mark.parametrize(("rule_id", "option", "default"), _option_params())
def test_every_option_rejects_a_wrong_type(rule_id, option, default):
    value = _wrong_value(default)
    with pytest.raises(config_module.ConfigError) as raised:
        config_module.from_mapping({"rules": {rule_id: {option: value}}}, Path("cfg.yaml"))
    message = str(raised.value)
    expected = "a list" if isinstance(default, list) else _EXPECTED[type(default)]
    assert f"option {option!r} of rule {rule_id!r} must be {expected}" in message
    assert message.startswith("cfg.yaml: ") and "\n" not in message


def test_a_wrong_option_type_fails_the_run_in_one_line(tmp_path, monkeypatch):
    _config_error(
        tmp_path,
        monkeypatch,
        "rules:\n  blank-lines: {max: true}\n",
        "option 'max' of rule 'blank-lines' must be an integer, not True",
    )


def test_every_rule_accepts_its_own_defaults():
    for rule in all_rules().values():
        config_module.from_mapping({"rules": {rule.id: dict(rule.options)}}, None)
