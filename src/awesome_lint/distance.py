"""Edit distance for typo rules: optimal string alignment, so a swap of two neighbours counts once."""

from __future__ import annotations


def osa_distance(a: str, b: str, limit: int | None = None) -> int:
    """The optimal-string-alignment distance between ``a`` and ``b`` (insertions, deletions, substitutions
    and transpositions of adjacent characters). With ``limit``, any distance above it is returned as
    ``limit + 1`` early."""
    if a == b:
        return 0
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if limit is not None and min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[len(b)]


def is_plural_pair(a: str, b: str) -> bool:
    """Whether one word is the other plus "s" or "es" (``Paper``/``Papers``): a variant, not a typo."""
    short, long = sorted((a, b), key=len)
    return long in (short + "s", short + "es")


def is_slip(typed: str, meant: str) -> bool:
    """A slip of the fingers: two neighbouring letters swapped, a letter typed twice, or a letter left out.

    Short words (acronyms, labels like ``Code``) are judged by these alone: one changed letter usually
    makes another real word (SIST and UIST, page and rage), not a typo.
    """
    if len(typed) == len(meant):
        diff = [i for i, (a, b) in enumerate(zip(typed, meant, strict=True)) if a != b]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and typed[diff[0]] == meant[diff[1]]
    if len(typed) == len(meant) + 1:
        return any(typed[i] == typed[i - 1] and typed[:i] + typed[i + 1 :] == meant for i in range(1, len(typed)))
    if len(typed) + 1 == len(meant):
        return any(meant[:i] + meant[i + 1 :] == typed for i in range(len(meant)))
    return False
