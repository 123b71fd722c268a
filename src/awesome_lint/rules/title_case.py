"""title-case: a title in ALL CAPS, or all in lower case, in a list whose titles are not.

Only titles of at least three words are judged, so names (``BERT``, ``awesome-go``) and short titles are
left alone. The rule speaks only in a list where at least ``min-share`` of at least ``min-entries`` such
titles are in mixed case: a list that writes its titles in capitals (or in lower case) has chosen that.
The message counts the list's titles. No fix: only the paper knows which words are acronyms and names.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic
from ._quote import is_listing

ID = "title-case"
SUMMARY = "a title in ALL CAPS or all lower case, in a list whose titles are not"
SEVERITY = "warning"
FIX = None
OPTIONS = {"min-entries": 5, "min-share": 0.75}

UPPER, LOWER, MIXED = "upper", "lower", "mixed"
MIN_WORDS = 3
_LONG_WORD = 6  # letters: longer than most acronyms (SLAM, NeRF, GS-ICP's parts)
_LETTER = re.compile(r"[^\W\d_]")
_LETTERS = re.compile(r"[^\W\d_]+")  # runs of _LETTER: joined, the same letters in a few matches


def case_of(title: str) -> str | None:
    """``upper``, ``lower`` or ``mixed``; None for a title too short to judge.

    Words are what white space separates, so ``google-java-format`` and ``nlp.stanford.edu`` are one
    word (names, not titles); a title is upper (or lower) case when no letter of it is of the other case.
    """
    words = [word for word in title.split() if _LETTER.search(word)]
    if len(words) < MIN_WORDS or not title.lstrip()[:1].isalnum():  # "/c/selfhosted on lemmy.world"
        return None
    letters = "".join(_LETTERS.findall(title))
    if letters.isupper():
        # "RGBD GS-ICP SLAM" is a row of acronyms, not a title in capitals: those have a long word
        parts = re.split(r"[^\w]+", title)
        return UPPER if any(len(part) >= _LONG_WORD for part in parts) else None
    if letters.islower():
        return LOWER
    return MIXED


def check(ctx):
    min_entries = int(ctx.options.get("min-entries", 5))
    min_share = float(ctx.options.get("min-share", 0.75))
    titled = [entry for entry in ctx.doc.entries if entry.title is not None and is_listing(entry)]
    judged = [(entry, case_of(entry.title.text)) for entry in titled]
    judged = [(entry, case) for entry, case in judged if case is not None]
    total = len(judged)
    mixed = sum(1 for _entry, case in judged if case == MIXED)
    if total < min_entries or mixed < min_share * total:
        return
    words = {UPPER: "in ALL CAPS", LOWER: "all in lower case"}
    for entry, case in judged:
        if case != MIXED:
            message = f"title is {words[case]}, unlike {mixed} of {total} titles in this list"
            yield Diagnostic(entry.title.start, entry.title.end, message)
