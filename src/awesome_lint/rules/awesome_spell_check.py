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
from bisect import bisect_left, bisect_right
from functools import cache
from itertools import accumulate

from .. import data
from ..diagnostics import Diagnostic, Edit, Fix
from ..record import Record
from . import _remark
from ._url import is_absolute_url

ID = "awesome-spell-check"
SUMMARY = "a technology name misspelled against the list of known spellings"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}

_WORD_BREAK = frozenset("-_.")


class Literal(Record):
    """The lower-case text every match of a pattern starts with ("" when unknown), whether a match starts
    a word (the pattern opens with ``\\b`` or ``^`` before a word character), and other lower-case texts
    every match holds (``\\busing\\s+(?P<hit>parcel\\b)`` starts with "using" and holds "parcel")."""

    text: str
    starts_word: bool
    also: tuple[str, ...]

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, text: str, starts_word: bool, also: tuple[str, ...] = ()) -> None:
        self.text = text
        self.starts_word = starts_word
        self.also = also

    def __hash__(self) -> int:  # a frozen value: not to be changed
        return hash(self._values())


# A rule: the right spelling, and its patterns, each with its leading literal.
SpellingRule = tuple[str, tuple[tuple["_Pattern", Literal], ...]]

_ASCII_WORD = re.compile(r"[a-z0-9_]+")  # \w under re.ASCII, in lower case


_PLAIN_WORD = re.compile(r"\\b([a-z0-9]+)\\b")  # a pattern that is one word between word boundaries
_ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


class _Pattern:
    """A pattern, compiled on first use: most of the hundreds of names never occur in a list. Half of them
    are one word (``\\bkotlin\\b``): those are found with ``str.find``, never compiled (compiling costs
    about as much as the search, for every pattern a list may match)."""

    __slots__ = ("source", "word", "_compiled")

    def __init__(self, source: str):
        self.source = source
        plain = _PLAIN_WORD.fullmatch(source)
        self.word = plain.group(1) if plain else None
        self._compiled: re.Pattern | None = None

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self.source, re.IGNORECASE | re.ASCII)
        return self._compiled


@cache
def _rules() -> tuple[SpellingRule, ...]:
    return tuple(
        (
            right,
            tuple((_Pattern(source), Literal(text, starts, tuple(also))) for source, text, starts, also in patterns),
        )
        for right, patterns in data.derived("spelling", "literals", _with_literals, __file__)
    )


def _with_literals(raw: dict) -> list:
    """[(right spelling, [(pattern, its literal's text, starts_word, also)])]: cached, since reading the
    literals means parsing every pattern."""
    rules = []
    for entry in raw.get("rules") or []:
        patterns = []
        for pattern in entry.get("patterns") or ():
            literal = _literals(pattern)
            patterns.append((pattern, literal.text, literal.starts_word, list(literal.also)))
        rules.append((str(entry["value"]), patterns))
    return rules


def _literals(pattern: str) -> Literal:
    """``\\bnode\\.?js`` gives "node", at a word start, and also "js". They let the rule skip the hundreds of
    patterns that cannot match a text, with one look-up in an index of its words."""
    import re._constants as sre_constants  # the regular expression parser: only when the cache is built
    import re._parser as sre_parse

    try:
        items = list(sre_parse.parse(pattern, re.IGNORECASE | re.ASCII).data)
    except Exception:  # an unexpected pattern form: always run it
        return Literal("", False)
    word_start = {sre_constants.AT_BOUNDARY, sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING}
    anchored = False
    while items and items[0][0] is sre_constants.AT:  # zero width
        anchored = anchored or items[0][1] in word_start
        items.pop(0)
    runs = _literal_runs(items, sre_constants)
    leading = runs.pop(0) if runs and runs[0][0] == 0 else (0, "")
    text = leading[1]
    return Literal(text, anchored and _ASCII_WORD.match(text) is not None, tuple(run for _, run in runs))


def _literal_runs(items: list, sre_constants) -> list[tuple[int, str]]:
    """(index of its first item, text) of each run of ASCII literals in a sequence every match goes through
    in full: the pattern's top level and the groups in it (not alternatives, repeats or look-arounds)."""
    runs: list[tuple[int, str]] = []
    current: list[str] = []
    first = 0
    for index, (op, value) in enumerate(items):
        if op is sre_constants.LITERAL and 0 < value < 128:
            if not current:
                first = index
            current.append(chr(value).lower())
            continue
        if current:
            runs.append((first, "".join(current)))
            current = []
        if op is sre_constants.SUBPATTERN:  # a group: (id, add flags, del flags, its items)
            runs += [(index + 1, run) for _, run in _literal_runs(list(value[3].data), sre_constants)]
    if current:
        runs.append((first, "".join(current)))
    return runs


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
    """misspellings() of each value. A pattern is tried only on the texts that hold its literals: most of
    the hundreds of names never occur in a list."""
    rules = _rules()
    texts = _Texts([_plain(value) for value in values], [literal for _, patterns in rules for _, literal in patterns])
    wanted: dict[int, dict[int, list[_Pattern]]] = {}  # text index -> rule index -> its patterns to try
    for rule_index, (_right, patterns) in enumerate(rules):
        for pattern, literal in patterns:
            for text_index in texts.holding(literal):
                wanted.setdefault(text_index, {}).setdefault(rule_index, []).append(pattern)
    found: list[list[tuple[str, str]]] = [[] for _ in values]
    for text_index, by_rule in wanted.items():
        for rule_index in sorted(by_rule):
            right = rules[rule_index][0]
            hit = _first_hit(texts.texts[text_index], texts.lowered[text_index], right, by_rule[rule_index])
            if hit is not None:
                found[text_index].append((hit, right))
    return found


def _ascii_lower(text: str) -> str:
    """``text`` with A-Z lowered and every other character kept, as re.IGNORECASE | re.ASCII compares
    (``bytes.lower`` lowers ASCII only, in C; ``str.translate`` would look up each character)."""
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


# bytes.translate's table for _ascii_words: the characters of _ASCII_WORD kept, every other byte a space.
_WORD_BYTES = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 or c == 95 else 32 for c in range(256))


def _ascii_words(lowered: str) -> list[str]:
    """``_ASCII_WORD.findall(lowered)`` for a text lowered by _ascii_lower (no A-Z left), split in C: every
    character outside [a-z0-9_] becomes a space (a non-ASCII one is first a "?")."""
    return lowered.encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii").split()


class _Texts:
    """The texts to check, and which of them can hold a literal: a word index for literals that start a
    word, one substring search over all the texts for the others, and a substring test of each candidate
    for the other literals a match holds."""

    def __init__(self, texts: list[str], literals: list[Literal]):
        self.texts = texts
        self.lowered = [_ascii_lower(text) for text in texts]
        self._joined: tuple[str, list[int]] | None = None
        self._words, self._index = self._word_index([literal.text for literal in literals if literal.starts_word])

    def holding(self, literal: Literal):
        """Indices of the texts that contain the literals (where a match must start a word, as a word start)."""
        if not literal.text:
            found = range(len(self.texts))
        elif literal.starts_word:
            found = self._by_word(literal.text)
        else:
            found = self._by_search(literal.text)
        for also in literal.also:
            found = [index for index in found if also in self.lowered[index]]
        return found

    def _word_index(self, literals: list[str]) -> tuple[list[str], dict[str, list[int]]]:
        """The sorted words of all the texts, and the texts holding each word that some literal asks for
        (indexing only those keeps the work per text to one set intersection)."""
        word_sets = [set(_ascii_words(text)) for text in self.lowered] if literals else []
        words = sorted(set().union(*word_sets))
        asked: set[str] = set()
        for literal in literals:
            asked.update(self._matching(words, literal))
        index: dict[str, list[int]] = {}
        if asked:
            for number, word_set in enumerate(word_sets):
                for word in word_set & asked if len(word_set) > len(asked) else asked & word_set:
                    index.setdefault(word, []).append(number)
        return words, index

    @staticmethod
    def _matching(words: list[str], literal: str) -> list[str]:
        head = _ASCII_WORD.match(literal).group()
        if head != literal:  # "c++": the word is exactly "c"
            return [head]
        found = []  # "node": any word starting with it ("nodejs")
        at = bisect_left(words, literal)
        while at < len(words) and words[at].startswith(literal):
            found.append(words[at])
            at += 1
        return found

    def _by_word(self, literal: str) -> set[int]:
        found: set[int] = set()
        for word in self._matching(self._words, literal):
            found.update(self._index.get(word, ()))
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


def _hits(text: str, lowered: str, lazy: _Pattern):
    """(start, end) of each match of the pattern (of its "hit" group, when it has one) in ``text``."""
    if lazy.word is not None:
        yield from _word_spans(lowered, lazy.word)
        return
    pattern = lazy.compiled
    group = "hit" if "hit" in pattern.groupindex else 0
    for match in pattern.finditer(text):
        yield match.span(group)


def _word_spans(lowered: str, word: str):
    """The spans ``re.finditer(rf"\\b{word}\\b", text, re.IGNORECASE | re.ASCII)`` finds, for a lower-case
    ``word`` of ASCII letters and digits, read from ``lowered = _ascii_lower(text)`` (the same offsets)."""
    size = len(lowered)
    at = lowered.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or lowered[at - 1] not in _ASCII_WORD_CHARS) and (
            end == size or lowered[end] not in _ASCII_WORD_CHARS
        ):
            yield at, end
            at = lowered.find(word, end)
        else:
            at = lowered.find(word, at + 1)


def _first_hit(text: str, lowered: str, right: str, patterns: list[_Pattern]) -> str | None:
    for lazy in patterns:
        for start, end in _hits(text, lowered, lazy):
            word = text[start:end]
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
