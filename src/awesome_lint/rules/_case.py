"""The word casings awesome-lint accepts at the start of a description (after the npm package ``case``)."""

from __future__ import annotations

import re


def is_accepted_casing(word: str) -> bool:
    """camelCase, Capital, CONSTANT, PascalCase or UPPER pass; lower and snake_case do not.

    ``case`` classifies the word with its ASCII word characters only, so other letters are dropped first.
    """
    cleaned = re.sub(r"[^A-Za-z0-9_]+", "", word)
    letters = cleaned.lstrip("_0123456789")
    if not letters:
        return False
    if letters[0].isupper():
        # Capital, PascalCase, UPPER and CONSTANT; "Foo_bar" reads as a sentence, which is not accepted.
        return not re.search(r"_[a-z]", cleaned) or cleaned.isupper()
    # Lower-case first: only camelCase (an upper-case letter later on) is accepted.
    return bool(re.search(r"[A-Z]", cleaned)) and "_" not in cleaned
