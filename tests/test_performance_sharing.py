"""Work the rules share instead of repeating, and the collector pause around each file, counted (never timed).

- the block quote lines two awesome rules read are found once per document;
- the title keys ``double-link`` and ``duplicate-entry`` compare are computed once per entry;
- no cyclic garbage collection runs while a file is read, linted or fixed (the CLI pauses the collector
  for each file and turns it back on after);
- a plain lint does not load the fixer (nor the outline it checks headings with); a bad file still gets
  its one-line error.
"""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys

from awesome_lint import cli, identity
from awesome_lint.config import discover, resolve_rules
from awesome_lint.document import Document
from awesome_lint.linter import Context, lint_document
from awesome_lint.rules import _remark, all_rules
from awesome_lint.source import Source
from conftest import EXAMPLE, ROOT, run_inprocess

QUOTED = """\
# Quotes

> a quote
lazy line

>  two spaces
> > nested

- [Tool](https://example.com) - A tool.
  > quoted in an item
"""


def _count_calls(monkeypatch, module, name: str) -> list[int]:
    """Count the calls of ``module.name`` (it still runs: the count is taken on the way through)."""
    calls = [0]
    original = getattr(module, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def _lint(text: str, preset: str, select: tuple[str, ...] = ()):
    doc = Document(Source("README.md", text))
    config = discover(EXAMPLE)
    return doc, lint_document(doc, config, preset, resolve_rules(config, preset, select, ()))


def test_block_quote_lines_are_found_once_per_document(monkeypatch):
    calls = _count_calls(monkeypatch, _remark, "_find_quote_lines")
    select = ("blockquote-indentation", "no-blockquote-without-marker")
    doc, found = _lint(QUOTED, "awesome", select)
    assert {d.rule for d in found} == set(select)  # both rules read the quote lines, and found something
    assert calls[0] == 1
    assert _remark.quote_lines(doc) is _remark.quote_lines(doc)
    _lint(QUOTED, "awesome", select)  # another document: its own lines
    assert calls[0] == 2


def test_title_keys_are_computed_once_per_entry(monkeypatch):
    doc = Document(Source("README.md", EXAMPLE.read_text(encoding="utf-8")))
    titled = [entry for entry in doc.entries if entry.title is not None]
    assert len(titled) >= 20
    calls = _count_calls(monkeypatch, identity, "title_key")
    config = discover(EXAMPLE)
    base = Context(doc, config, "paper-list")
    rules = all_rules()
    for rule_id in ("double-link", "duplicate-entry"):
        list(rules[rule_id].check(base.for_rule(dict(rules[rule_id].options))))
        assert calls[0] == len(titled)  # the second rule computes none


def _collections_during(code, run) -> int:
    """How many collections started while ``code`` (a function's code object) was on the stack, during ``run()``."""
    inside = [0]

    def callback(phase, _info):
        frame = sys._getframe(1)
        while phase == "start" and frame is not None:
            if frame.f_code is code:
                inside[0] += 1
                break
            frame = frame.f_back

    gc.callbacks.append(callback)
    try:
        run()
    finally:
        gc.callbacks.remove(callback)
    return inside[0]


BIG = "# Big\n\n" + "".join(f"- Paper {n}. [CVPR 2020] [[Paper]](https://example.com/{n})\n" for n in range(3000))


def test_the_library_lint_of_a_big_list_collects_garbage_as_usual():
    """The control for the next test: the same work, outside the CLI's pause, does start collections."""
    assert gc.isenabled()
    assert _collections_during(lint_document.__code__, lambda: _lint(BIG, "paper-list")) > 0


def test_no_garbage_collection_runs_while_a_file_is_linted_or_fixed(tmp_path, monkeypatch):
    shutil.copyfile(EXAMPLE, tmp_path / "README.md")
    (tmp_path / "big.md").write_text(BIG, encoding="utf-8")
    process = cli._process.__code__
    assert gc.isenabled()
    for args in (["big.md", "README.md"], ["--fix", "README.md"]):
        assert _collections_during(process, lambda a=args: run_inprocess(a, monkeypatch, cwd=tmp_path)) == 0
        assert gc.isenabled()  # turned back on after each file
    gc.disable()
    try:
        assert _collections_during(process, lambda: run_inprocess(["big.md"], monkeypatch, cwd=tmp_path)) == 0
        assert not gc.isenabled()  # a collector the caller turned off stays off
    finally:
        gc.enable()


def _modules_after(args: list[str], cwd) -> tuple[str, str]:
    """Run the CLI in a fresh interpreter: (the fixer's modules it loaded, its stderr)."""
    code = (
        "import sys; from awesome_lint import cli; code = cli.main(sys.argv[1:]); "
        "print(sorted(m for m in ('awesome_lint.fix', 'awesome_lint.outline') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        check=False,
    )
    return done.stdout.splitlines()[-1], done.stderr


def test_a_plain_lint_does_not_load_the_fixer(tmp_path):
    shutil.copyfile(EXAMPLE, tmp_path / "README.md")
    for preset in ("paper-list", "awesome"):
        assert _modules_after(["--preset", preset, "README.md"], tmp_path)[0] == "[]"
    loaded, _err = _modules_after(["--fix", "README.md"], tmp_path)
    assert loaded == "['awesome_lint.fix', 'awesome_lint.outline']"
    (tmp_path / "bad.yaml").write_text("rules: [", encoding="utf-8")
    loaded, err = _modules_after(["--config", "bad.yaml", "README.md"], tmp_path)
    assert err.startswith("awesome-lint: ") and len(err.splitlines()) == 1, err  # the error path still works
