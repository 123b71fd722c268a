"""awesome-spell-check: technology names spelled otherwise than their owners spell them.

As awesome-lint's rule of the same name, with its word list (``rules/spelling.yaml``): ``Javascript``
should be ``JavaScript``, ``Postgres`` should be ``PostgreSQL``, and so on. Words glued to ``-``, ``_``
or ``.`` (package names, file names) and URLs are left alone; each text is reported once per name.

The fix rewrites a spelling that differs from the right one only in letter case. It is safe when the
word is already capitalised somewhere (``Javascript``: the writer meant the name), and unsafe when it
is all lower case, which may be a command, a package or an identifier (``git``, ``docker``). A name in a
heading is reported but not fixed (a heading's anchor, and the links to it, would change).
"""

from __future__ import annotations

import re
import re._constants as _sre_constants  # the regular expression parser, to read each pattern's leading literal
import re._parser as _sre_parse
import string
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

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


@dataclass(frozen=True, slots=True)
class Literal:
    """The lower-case text every match of a pattern starts with ("" when unknown), and whether a match
    starts a word (the pattern opens with ``\\b`` or ``^`` before a word character)."""

    text: str
    starts_word: bool


# A rule: the right spelling, and its patterns, each with its leading literal.
SpellingRule = tuple[str, tuple[tuple[re.Pattern, Literal], ...]]

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # as re.IGNORECASE | re.ASCII
_ASCII_WORD = re.compile(r"[a-z0-9_]+")  # \w under re.ASCII, in lower case
_WORD_START = {_sre_constants.AT_BOUNDARY, _sre_constants.AT_BEGINNING, _sre_constants.AT_BEGINNING_STRING}


@cache
def _rules() -> tuple[SpellingRule, ...]:
    rules = []
    for entry in data.load("spelling").get("rules") or []:
        patterns = tuple(
            (re.compile(p, re.IGNORECASE | re.ASCII), _leading_literal(p)) for p in entry.get("patterns") or ()
        )
        rules.append((str(entry["value"]), patterns))
    return tuple(rules)


def _leading_literal(pattern: str) -> Literal:
    """``\\bnode\\.?js`` gives "node", at a word start. It lets the rule skip the hundreds of patterns that
    cannot match a text, with one look-up in an index of its words."""
    try:
        parsed = _sre_parse.parse(pattern, re.IGNORECASE | re.ASCII)
    except Exception:  # an unexpected pattern form: always run it
        return Literal("", False)
    literal: list[str] = []
    anchored = False
    for op, value in parsed.data:
        if op is _sre_constants.AT:  # zero width
            anchored = anchored or (not literal and value in _WORD_START)
            continue
        if op is not _sre_constants.LITERAL or not 0 < value < 128:
            break
        literal.append(chr(value).lower())
    text = "".join(literal)
    return Literal(text, anchored and _ASCII_WORD.match(text) is not None)


def _plain(value: str) -> str:
    """A text node's value as the patterns see it: URLs left out, white space collapsed."""
    segments = value.split()
    if ":" in value:  # a URL has a scheme
        segments = [segment for segment in segments if ":" not in segment or not is_absolute_url(segment)]
    return " ".join(segments)


def misspellings(value: str) -> list[tuple[str, str]]:
    """(as written, right spelling) for each name misspelled in a text node's value, once per name."""
    return misspellings_of([value])[0]


def misspellings_of(values: list[str]) -> list[list[tuple[str, str]]]:
    """misspellings() of each value. A pattern is tried only on the texts that hold its leading literal:
    most of the hundreds of names never occur in a list."""
    texts = _Texts([_plain(value) for value in values])
    rules = _rules()
    wanted: dict[int, dict[int, list[re.Pattern]]] = {}  # text index -> rule index -> its patterns to try
    for rule_index, (_right, patterns) in enumerate(rules):
        for pattern, literal in patterns:
            for text_index in texts.holding(literal):
                wanted.setdefault(text_index, {}).setdefault(rule_index, []).append(pattern)
    found: list[list[tuple[str, str]]] = [[] for _ in values]
    for text_index, by_rule in wanted.items():
        for rule_index in sorted(by_rule):
            right = rules[rule_index][0]
            hit = _first_hit(texts.texts[text_index], right, by_rule[rule_index])
            if hit is not None:
                found[text_index].append((hit, right))
    return found


class _Texts:
    """The texts to check, and which of them can hold a literal: a word index for literals that start a
    word, one substring search over all the texts for the others."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.lowered = [text.translate(_ASCII_LOWER) for text in texts]
        self._joined: tuple[str, list[int]] | None = None
        self._words: tuple[list[str], dict[str, list[int]]] | None = None

    def holding(self, literal: Literal):
        """Indices of the texts that contain the literal (where a match must start a word, as a word start)."""
        if not literal.text:
            return range(len(self.texts))
        if literal.starts_word:
            return self._by_word(literal.text)
        return self._by_search(literal.text)

    def _by_word(self, literal: str) -> set[int]:
        if self._words is None:
            index: dict[str, list[int]] = {}
            for number, text in enumerate(self.lowered):
                for word in set(_ASCII_WORD.findall(text)):
                    index.setdefault(word, []).append(number)
            self._words = sorted(index), index
        words, index = self._words
        head = _ASCII_WORD.match(literal).group()
        if head != literal:  # "c++": the word is exactly "c"
            return set(index.get(head, ()))
        found: set[int] = set()  # "node": any word starting with it ("nodejs")
        at = bisect_left(words, literal)
        while at < len(words) and words[at].startswith(literal):
            found.update(index[words[at]])
            at += 1
        return found

    def _by_search(self, literal: str) -> list[int]:
        if self._joined is None:
            joined = "\n".join(self.lowered)
            self._joined = joined, list(accumulate((len(text) + 1 for text in self.lowered), initial=0))
        joined, starts = self._joined
        found = []
        position = joined.find(literal)
        while position >= 0:
            index = bisect_right(starts, position) - 1
            found.append(index)
            position = joined.find(literal, starts[index + 1])
        return found


def _first_hit(text: str, right: str, patterns: list[re.Pattern]) -> str | None:
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
    text_nodes = [node for node in _remark.text_nodes(ctx) if node.value.strip()]
    values = list(dict.fromkeys(node.value for node in text_nodes))
    by_value = dict(zip(values, misspellings_of(values), strict=True))
    # Headings are reported but never fixed: the fixer keeps every heading as written (links point at them).
    heading_lines = {line for h in ctx.doc.headings for line in range(h.line, h.end_line + 1)}
    for node in text_nodes:
        for word, right in by_value[node.value]:
            start, end, fix = _fix(source, node.start, node.end, word, right)
            if fix is not None and ctx.doc.line_of(start) in heading_lines:
                fix = None
            yield Diagnostic(
                start,
                end,
                f'Text "{word}" should be written as "{right}" (if referring to the technology)',
                fix=fix,
            )
