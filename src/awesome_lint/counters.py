"""How often the expensive steps of a run happened: block scans, convention inferences, verification parses.

Tests assert these counts (a lint scans the file's blocks once; a fix pass once more), which stay exact on a
busy machine where timings do not. The benchmark may show them too. Counting costs one dict update per step.

    before = counters.snapshot()
    ...                                   # run something
    counters.since(before)["blocks.scan"] # how many block scans it made
"""

from __future__ import annotations

from collections import Counter

LINT = "lint"  # a lint pass: every enabled rule run over one document
BLOCK_SCAN = "blocks.scan"  # a Document built: the text's block structure found
CONVENTIONS = "conventions.infer"  # a list's conventions inferred
VERIFY_PARSE = "fix.verify-parse"  # a full mistune parse, done by the fixer's verification
DATA_BUILD = "data.build"  # shipped data parsed (YAML, codespell's dictionary) instead of read from diskcache
DICTIONARY_SHARD = "dictionary.shard"  # one shard of the misspelling dictionary unmarshalled

_counts: Counter[str] = Counter()


def count(step: str) -> None:
    _counts[step] += 1


def snapshot() -> Counter[str]:
    """The counts so far, to subtract from later ones."""
    return Counter(_counts)


def since(before: Counter[str]) -> Counter[str]:
    """The counts added since ``before`` (a step that did not happen counts 0)."""
    return Counter({step: n - before[step] for step, n in _counts.items() if n - before[step]})
