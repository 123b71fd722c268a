"""The work a run does, counted (never timed: the machine is shared): each text is scanned into a Document
once, linted once, its conventions inferred once, and the fixer's mistune verification runs only on a fix."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from awesome_lint import counters, diskcache
from awesome_lint.rules import all_rules
from conftest import EXAMPLE, ROOT, run_inprocess

ALL_RULES = ",".join(all_rules())


def counted(args: list[str], monkeypatch, cwd) -> tuple[int, dict]:
    before = counters.snapshot()
    result = run_inprocess(args, monkeypatch, cwd=cwd)
    assert result.code in (0, 1), result.err
    return result.code, counters.since(before)


@pytest.fixture
def seed(tmp_path):
    shutil.copyfile(EXAMPLE, tmp_path / "README.md")
    return tmp_path


@pytest.mark.parametrize("preset", ["paper-list", "awesome"])
def test_a_lint_with_every_rule_parses_the_file_once(seed, monkeypatch, preset):
    _code, counts = counted(["--preset", preset, "--select", ALL_RULES, "README.md"], monkeypatch, seed)
    assert counts[counters.LINT] == 1
    assert counts[counters.BLOCK_SCAN] == 1  # no rule builds a Document of its own
    assert counts[counters.CONVENTIONS] == 1  # shared by every rule that reads the conventions
    assert counts[counters.VERIFY_PARSE] == 0  # no mistune parse on the lint path


def test_auto_preset_parses_once_too(seed, monkeypatch):
    _code, counts = counted(["README.md"], monkeypatch, seed)
    assert (counts[counters.LINT], counts[counters.BLOCK_SCAN]) == (1, 1)
    assert counts[counters.CONVENTIONS] <= 1


def test_fix_parses_each_text_once(seed, monkeypatch):
    original = (seed / "README.md").read_text(encoding="utf-8")
    _code, counts = counted(["--fix", "README.md"], monkeypatch, seed)
    assert (seed / "README.md").read_text(encoding="utf-8") != original  # the seed has safe fixes
    passes = counts[counters.LINT]
    assert passes >= 2  # at least one pass that fixed something, and one that found nothing more
    # One Document per pass: the first pass reuses the file's, and the last pass's is the one reported.
    assert counts[counters.BLOCK_SCAN] == passes
    assert counts[counters.CONVENTIONS] == passes
    assert counts[counters.VERIFY_PARSE] == 2  # the text before and the text after, once each


def test_fix_with_nothing_to_fix_lints_once_and_never_verifies(seed, monkeypatch):
    counted(["--fix", "README.md"], monkeypatch, seed)
    _code, counts = counted(["--fix", "README.md"], monkeypatch, seed)  # already fixed
    assert (counts[counters.LINT], counts[counters.BLOCK_SCAN]) == (1, 1)
    assert counts[counters.VERIFY_PARSE] == 0


def test_a_lint_imports_no_markdown_parser(seed):
    """The lint path finds blocks with its own scanner: mistune (and markdown-it) stay unimported."""
    for preset in ("paper-list", "awesome"):
        assert {"mistune", "markdown_it"}.isdisjoint(what_a_lint_loaded(seed, preset)["watched"])


# ------------------------------------------------------------------------------------------ the data cache


@pytest.fixture
def data_cache(tmp_path, monkeypatch):
    """An empty data cache folder for this test, and in-memory caches cleared before and after."""
    from awesome_lint import data, misspellings
    from awesome_lint.rules import awesome_spell_check

    def clear():
        data.load.cache_clear()
        misspellings.shipped.cache_clear()
        awesome_spell_check._rules.cache_clear()

    folder = tmp_path / "cache"
    monkeypatch.setenv(diskcache.ENV, str(folder))
    clear()
    yield folder
    clear()


def builds(action) -> tuple[object, int]:
    """What ``action()`` returns, and how many data files (or the dictionary) it parsed instead of reading."""
    before = counters.snapshot()
    value = action()
    return value, counters.since(before)[counters.DATA_BUILD]


def test_yaml_data_is_parsed_once_then_read_from_the_cache(data_cache):
    from awesome_lint import data

    first, parsed = builds(lambda: data.load("venues"))
    assert parsed == 1 and first["venues"]
    assert len(list(data_cache.glob("data-venues-*.marshal"))) == 1
    data.load.cache_clear()  # a new run: only the cache file is left
    again, parsed = builds(lambda: data.load("venues"))
    assert parsed == 0
    assert again == first


def test_codespell_dictionary_is_split_once_then_read_shard_by_shard(data_cache):
    from awesome_lint import misspellings

    entries, parsed = builds(misspellings.codespell)
    assert parsed == 1 and isinstance(entries, misspellings.ShardedEntries)
    entries, parsed = builds(misspellings.codespell)  # the next run
    assert parsed == 0
    assert entries.get("teh") == "the"
    assert entries.get("recieve") == "receive"
    assert entries.get("paper") is None
    # Words that are not in it: the filter answers most of them without reading a shard (its bits are
    # set for about 6% of all hashes).
    before = counters.snapshot()
    assert all(entries.get(f"qz{n:04x}") is None for n in range(400))
    assert counters.since(before)[counters.DICTIONARY_SHARD] < 400 // 5


def test_a_short_list_reads_few_dictionary_shards(data_cache, seed, monkeypatch):
    from awesome_lint import misspellings

    counted(["--select", "typo", "README.md"], monkeypatch, seed)  # builds the cache
    misspellings.shipped.cache_clear()
    code, counts = counted(["--select", "typo", "README.md"], monkeypatch, seed)
    assert counts[counters.DATA_BUILD] == 0
    assert 0 < counts[counters.DICTIONARY_SHARD] < (1 << misspellings.SHARD_BITS) // 20  # a few of the 4096


def test_a_corrupt_or_stale_cache_file_is_rebuilt(data_cache):
    from awesome_lint import data

    expected, _ = builds(lambda: data.load("labels"))
    (path,) = data_cache.glob("data-labels-*.marshal")
    for damage in (b"", path.read_bytes()[:-7], b"ALDC" + bytes(4) + b"\x00garbage"):
        path.write_bytes(damage)
        data.load.cache_clear()
        value, parsed = builds(lambda: data.load("labels"))
        assert (value, parsed) == (expected, 1)
        data.load.cache_clear()
        assert builds(lambda: data.load("labels")) == (expected, 0)  # rewritten whole
    assert not list(data_cache.glob(".*.tmp"))  # no temporary file left behind


def test_a_cache_that_cannot_be_written_only_costs_time(data_cache, monkeypatch):
    from awesome_lint import data

    data_cache.write_text("a file, not a folder")
    first, parsed = builds(lambda: data.load("hosts"))
    data.load.cache_clear()
    again, parsed_again = builds(lambda: data.load("hosts"))
    assert (parsed, parsed_again) == (1, 1) and again == first
    monkeypatch.setenv(diskcache.ENV, "off")
    assert diskcache.folder() is None


def test_cached_and_uncached_runs_find_the_same(data_cache, seed, monkeypatch):
    args = ["--format", "json", "--preset", "awesome", "--select", "typo,awesome-spell-check", "README.md"]
    cold = run_inprocess(args, monkeypatch, cwd=seed).out
    warm = run_inprocess(args, monkeypatch, cwd=seed).out
    monkeypatch.setenv(diskcache.ENV, "off")
    from awesome_lint import misspellings

    misspellings.shipped.cache_clear()
    uncached = run_inprocess(args, monkeypatch, cwd=seed).out
    assert cold == warm == uncached
    assert '"rule": "typo"' in cold


def test_awesome_spell_check_compiles_only_the_patterns_a_list_may_match(data_cache, seed, monkeypatch):
    from awesome_lint.rules import awesome_spell_check

    counted(["--preset", "awesome", "--select", "awesome-spell-check", "README.md"], monkeypatch, seed)
    patterns = [pattern for _, rule_patterns in awesome_spell_check._rules() for pattern, _ in rule_patterns]
    compiled = sum(pattern._compiled is not None for pattern in patterns)
    assert len(patterns) > 300
    assert compiled < 20  # the seed holds the leading words of only a few of the ~330 patterns


def test_a_lint_with_a_warm_cache_imports_no_yaml(seed, tmp_path):
    """The shipped data comes from the cache: PyYAML is imported only to read a config file."""
    cache = {diskcache.ENV: str(tmp_path / "cache")}
    for preset in ("paper-list", "awesome"):  # the first runs fill the cache
        what_a_lint_loaded(seed, preset, cache)
    assert "yaml" not in what_a_lint_loaded(seed, "paper-list", cache)["watched"]


# ------------------------------------------------------------------------------------------ start-up

_WHAT_A_LINT_LOADED = """
import sys
from awesome_lint import cli
cli.main(['--preset', sys.argv[2], sys.argv[1]])
watched = [name for name in ('mistune', 'markdown_it', 'yaml', 'dataclasses', 'inspect', 'datetime', 'json')
           if name in sys.modules]
import json
modules = [name for name in sys.modules if name.startswith('awesome_lint')]
rules = sorted(name.rsplit('.', 1)[1] for name in modules
               if name.startswith('awesome_lint.rules.') and not name.rsplit('.', 1)[1].startswith('_'))
dataclasses = sorted(
    f'{name}.{value.__name__}' for name in modules for value in vars(sys.modules[name]).values()
    if isinstance(value, type) and value.__module__ == name and hasattr(value, '__dataclass_fields__'))
print(json.dumps({'rules': rules, 'modules': sorted(modules), 'dataclasses': dataclasses, 'watched': watched}))
"""


def what_a_lint_loaded(seed, preset: str, env: dict | None = None) -> dict:
    """What a plain lint of the seed loaded, in a fresh process: the rule and package modules, the dataclasses
    they define, and which of a few modules a lint should not need (``watched``) it imported."""
    out = subprocess.run(
        [sys.executable, "-c", _WHAT_A_LINT_LOADED, str(seed / "README.md"), preset],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "", **(env or {})},
        check=False,
    ).stdout
    return json.loads(out.splitlines()[-1])


@pytest.mark.parametrize("preset", ["paper-list", "awesome"])
def test_a_plain_lint_imports_only_the_rules_its_preset_enables(seed, preset):
    from awesome_lint.config import Config, resolve_rules

    enabled = sorted(rule_id.replace("-", "_") for rule_id in resolve_rules(Config(), preset))
    loaded = what_a_lint_loaded(seed, preset)
    assert loaded["rules"] == enabled
    assert len(enabled) < len(all_rules())


def test_a_lint_without_check_links_imports_no_link_checker(seed):
    """The link rules run on every lint but import the link modules only when links are checked."""
    from awesome_lint.config import Config, resolve_rules

    assert "dead-link" in resolve_rules(Config(), "paper-list")
    loaded = what_a_lint_loaded(seed, "paper-list")
    assert [name for name in loaded["modules"] if name.startswith("awesome_lint.links")] == []


def test_the_link_rules_ask_for_the_report_under_the_checkers_key():
    from awesome_lint.links import result
    from awesome_lint.rules import _link_check

    assert _link_check.REPORT_KEY == result.REPORT_KEY


@pytest.mark.parametrize("preset", ["paper-list", "awesome"])
def test_a_plain_lint_creates_no_dataclass(seed, preset):
    """Creating a dataclass costs about 0.3 ms at import: the modules every lint imports use plain classes.

    There were 49 before; the last 3 (entries.py) went with them the imports of dataclasses and inspect.
    """
    loaded = what_a_lint_loaded(seed, preset)
    assert loaded["dataclasses"] == []
    # a lint imports none of dataclasses, inspect, datetime (the year) and json
    assert {"dataclasses", "inspect", "datetime", "json"}.isdisjoint(loaded["watched"])


def test_each_links_label_is_found_once_per_lint(seed, monkeypatch):
    """Five label rules and the conventions read the labels; each label is made once, by conventions.infer."""
    from awesome_lint import conventions

    made = []

    class CountedLabel(conventions.Label):
        __slots__ = ()

        def __init__(self, text: str, start: int, end: int) -> None:
            made.append(start)
            super().__init__(text, start, end)

    monkeypatch.setattr(conventions, "Label", CountedLabel)  # label_of looks its class up on each call
    rules = "label-typo,label-style,link-label,double-link,entry-format"
    counted(["--preset", "paper-list", "--select", rules, "README.md"], monkeypatch, seed)
    assert len(made) == len(set(made)) > 10  # 15 labelled links; before the table, 120 labels were made
