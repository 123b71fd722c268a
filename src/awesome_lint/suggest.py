"""'Did you mean' hints for unknown names."""

from __future__ import annotations

from collections.abc import Iterable


def closest(name: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``name``, or None when nothing is close."""
    import difflib  # imported on a bad name only: every run imports this module

    matches = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """`` (did you mean "x"?)`` or an empty string."""
    best = closest(name, candidates)
    return f' (did you mean "{best}"?)' if best else ""
