"""A small stand-in for the emoji-regex package: whether text ends with an emoji, and removing emoji."""

from __future__ import annotations

import re

# Pictographs, dingbats, symbols and the joiners, selectors and modifiers that build emoji sequences.
_EMOJI_CHAR = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf\u23e9-\u23f3"
    "\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf\u2934\u2935\u2b05-\u2b07"
    "\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)
_EMOJI = re.compile(
    f"(?:[{_EMOJI_CHAR}]|[0-9#*]\ufe0f?\u20e3|[\U0001f1e6-\U0001f1ff]{{2}})"
    f"[\ufe0f\U0001f3fb-\U0001f3ff]*(?:\u200d[{_EMOJI_CHAR}][\ufe0f\U0001f3fb-\U0001f3ff]*)*"
)


def ends_with_emoji(text: str) -> bool:
    ends = [match.end() for match in _EMOJI.finditer(text)]
    return bool(ends) and ends[-1] >= len(text)


def remove_emoji(text: str) -> str:
    return _EMOJI.sub("", text)
