"""awesome-spell-check: technology names spelled otherwise than their owners spell them.

As awesome-lint's rule of the same name, with its word list (``rules/spelling.yaml``): ``Javascript``
should be ``JavaScript``, ``Postgres`` should be ``PostgreSQL``, and so on. Words glued to ``-``, ``_``
or ``.`` (package names, file names) and URLs are left alone; each text is reported once per name.

The fix rewrites a spelling that differs from the right one only in letter case. It is safe when the
word is already capitalised somewhere (``Javascript``: the writer meant the name), and unsafe when it
is all lower case, which may be a command, a package or an identifier (``git``, ``docker``).
"""

from __future__ import annotations

import re
from functools import cache

from .. import data
from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark
from ._url import is_absolute_url

ID = "awesome-spell-check"
SUMMARY = "a technology name misspelled against the list of known spellings"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}

_WORD_BREAK = frozenset("-_.")


@cache
def _rules() -> tuple[tuple[str, tuple[re.Pattern, ...]], ...]:
    rules = []
    for entry in data.load("spelling").get("rules") or []:
        patterns = tuple(re.compile(p, re.IGNORECASE | re.ASCII) for p in entry.get("patterns") or ())
        rules.append((str(entry["value"]), patterns))
    return tuple(rules)


def misspellings(value: str) -> list[tuple[str, str]]:
    """(as written, right spelling) for each name misspelled in a text node's value, once per name."""
    segments = [segment for segment in value.split() if not is_absolute_url(segment)]
    if not segments:
        return []
    text = " ".join(segments)
    found = []
    for right, patterns in _rules():
        hit = _first_hit(text, right, patterns)
        if hit is not None:
            found.append((hit, right))
    return found


def _first_hit(text: str, right: str, patterns: tuple[re.Pattern, ...]) -> str | None:
    for pattern in patterns:
        for match in pattern.finditer(text):
            group = "hit" if "hit" in pattern.groupindex else 0
            word, start, end = match.group(group), match.start(group), match.end(group)
            if word == right:
                continue
            before = text[start - 1] if start > 0 else ""
            after = text[end] if end < len(text) else ""
            if before in _WORD_BREAK or after in _WORD_BREAK:
                continue
            return word
    return None


def _fix(source: str, start: int, end: int, word: str, right: str) -> tuple[int, int, Fix | None]:
    """The word's span in the source (or the node's) and a fix when only the letter case differs."""
    spots = [m.start() for m in re.finditer(rf"(?<![\w.\-]){re.escape(word)}(?![\w.\-])", source[start:end])]
    if len(spots) != 1:
        return start, end, None
    word_start = start + spots[0]
    fix = None
    if word.lower() == right.lower() and word != right:
        edit = Edit(word_start, word_start + len(word), right)
        fix = Fix.unsafe(edit) if word.islower() else Fix.safe(edit)
    return word_start, word_start + len(word), fix


def check(ctx):
    source = ctx.doc.text
    cache_by_value: dict[str, list[tuple[str, str]]] = {}
    for node in _remark.text_nodes(ctx):
        if not node.value.strip():
            continue
        if node.value not in cache_by_value:
            cache_by_value[node.value] = misspellings(node.value)
        for word, right in cache_by_value[node.value]:
            start, end, fix = _fix(source, node.start, node.end, word, right)
            yield Diagnostic(
                start,
                end,
                f'Text "{word}" should be written as "{right}" (if referring to the technology)',
                fix=fix,
            )
