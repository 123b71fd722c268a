"""label-typo: a link label misspelled against the list's own labels or the known ones.

A label such as ``PorjectPage`` is a typo when it is one edit (two, for labels of eight letters or more)
away from exactly one label that ``rules/labels.yaml`` (and the config's ``labels:``) knows, or that the
list itself uses more often (and at least three times). Labels of five letters or fewer count only
slips (two letters swapped, one doubled or left out: ``Cdoe``, ``Papr``), since one changed letter
usually makes another word (``Page`` and ``rage``). Case, spaces and hyphens are ignored (those are
``label-style``), plurals are variants (``Paper``/``Papers``), and labels with digits (``CVPR 2024``)
are never typos of one another.

The fix replaces the label with the list's own spelling of the candidate (or the data's, when the list
never writes it); it is safe when there is exactly one candidate. With several, the message names them
and there is no fix.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, Edit, Fix
from ..distance import is_plural_pair, is_slip, osa_distance
from ._paper import labelled_links

ID = "label-typo"
SUMMARY = "a link label misspelled against the list's own labels or the known ones"
SEVERITY = "error"
FIX = "safe"
OPTIONS = {"min-length": 4}

_DIGIT = re.compile(r"\d")
SHORT_LABEL = 5
MIN_OWN_USES = 3


def _limit(key: str) -> int:
    return 1 if len(key) < 8 else 2


def targets(own: dict[str, int], known: set[str]) -> set[str]:
    """The labels a typo may be corrected to: the known ones, and the list's own used three times or more."""
    return known | {key for key, uses in own.items() if uses >= MIN_OWN_USES}


def candidates(key: str, own: dict[str, int], known: set[str], pool: set[str], min_length: int) -> list[str]:
    """The label keys ``key`` may be a typo of, from ``pool``: known ones, or the list's own used more often."""
    if len(key) < min_length or _DIGIT.search(key) or key in known:
        return []
    used = own.get(key, 0)
    limit = _limit(key)
    found = []
    for other in pool:
        if other == key or _DIGIT.search(other) or abs(len(other) - len(key)) > limit:
            continue
        if other not in known and own.get(other, 0) <= used:
            continue  # a label only the list knows must be its more common spelling
        if other in known and other not in own and used > 2:
            continue  # a label the list uses often is the list's own word, not a slip
        if is_plural_pair(key, other):
            continue
        if len(key) <= SHORT_LABEL and not is_slip(key, other):
            continue  # Page/rage, Paper/pager, Code/Cite: one changed letter makes another word
        if osa_distance(key, other, limit) <= limit:
            found.append(other)
    return sorted(found)


def check(ctx):
    conv = ctx.conventions
    usage, book = conv.labels, conv.knowledge.labels
    own = {key: usage.key_count(key) for key in usage.label_keys()}
    known = book.keys()
    pool = targets(own, known)
    cache: dict[str, list[str]] = {}
    for _entry, _link, label in labelled_links(ctx):
        key = label.key
        if key not in cache:
            cache[key] = candidates(key, own, known, pool, ctx.options["min-length"])
        found = cache[key]
        if not found:
            continue
        spellings = [usage.most_used(k) or book.spelling(k) or k for k in found]
        if len(found) > 1:
            listed = ", ".join(f'"{s}"' for s in spellings)
            yield Diagnostic(label.start, label.end, f'label "{label.text}" looks like a typo of one of {listed}')
            continue
        best, spelling = found[0], spellings[0]
        times = usage.count(spelling)
        evidence = f"used {times}× in this list" if times else "a known label"
        yield Diagnostic(
            label.start,
            label.end,
            f'label "{label.text}" looks like a typo of "{spelling}" ({evidence})',
            fix=Fix.safe(Edit(label.start, label.end, spelling)),
            data={"candidate": spelling, "key": best},
        )
