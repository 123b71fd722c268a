"""The word casings awesome-lint accepts at the start of a description (after the npm package ``case``)."""

from __future__ import annotations

import re

_NOT_WORD = re.compile(r"[^A-Za-z0-9_]+")
_UNDERSCORE_LOWER = re.compile(r"_[a-z]")
_UPPER = re.compile(r"[A-Z]")


def is_accepted_casing(word: str) -> bool:
    """camelCase, Capital, CONSTANT, PascalCase or UPPER pass; lower and snake_case do not.

    ``case`` classifies the word with its ASCII word characters only, so other letters are dropped first.
    """
    cleaned = _NOT_WORD.sub("", word)
    letters = cleaned.lstrip("_0123456789")
    if not letters:
        return False
    if letters[0].isupper():
        # Capital, PascalCase, UPPER and CONSTANT; "Foo_bar" reads as a sentence, which is not accepted.
        return not _UNDERSCORE_LOWER.search(cleaned) or cleaned.isupper()
    # Lower-case first: only camelCase (an upper-case letter later on) is accepted.
    return bool(_UPPER.search(cleaned)) and "_" not in cleaned
