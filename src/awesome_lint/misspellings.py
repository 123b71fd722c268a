"""The misspelling dictionary the ``typo`` rule checks words against.

Its core is codespell's dictionary (``codespell_lib/data/dictionary.txt`` in the ``codespell`` package, a
dependency), one ``misspelling->correction`` a line, with several comma-separated candidates when the right
one depends on the sentence. ``rules/typos.yaml`` adds misspellings seen in paper lists (``papres``) and
removes words that are right in them. As in codespell, the data says whether a fix is safe: exactly one
candidate, and no reason given for leaving it alone.
"""

from __future__ import annotations

import importlib.util
import marshal
import re
import zlib
from functools import cache
from itertools import accumulate
from pathlib import Path

from . import counters, data, diskcache
from .record import Record

CODESPELL_SOURCE = "codespell's dictionary"
LIST_SOURCE = "rules/typos.yaml"


class Correction(Record):
    candidates: tuple[str, ...]
    source: str  # where the entry comes from, for messages
    reason: str  # codespell's reason for not fixing automatically, when it gives one

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, candidates: tuple[str, ...], source: str, reason: str = "") -> None:
        self.candidates = candidates
        self.source = source
        self.reason = reason

    def __hash__(self) -> int:  # a frozen value: not to be changed
        return hash(self._values())

    @property
    def safe(self) -> bool:
        return len(self.candidates) == 1 and not self.reason


def parse_line(line: str, source: str = CODESPELL_SOURCE) -> tuple[str, Correction] | None:
    """One dictionary line, ``teh->the`` or ``abd->and, bad,``; None for a line that is not an entry."""
    word, arrow, rhs = line.strip().partition("->")
    if not arrow or not word or not rhs.strip():
        return None
    if "," not in rhs:
        return word.casefold(), Correction((rhs.strip(),), source)
    parts = [part.strip() for part in rhs.split(",")]
    reason = ""
    if parts[-1] and len(parts) > 1 and not rhs.rstrip().endswith(","):
        reason = parts.pop()  # codespell: text after the last comma is why the fix is not automatic
    candidates = tuple(part for part in parts if part)
    return (word.casefold(), Correction(candidates, source, reason)) if candidates else None


def _codespell_file() -> Path | None:
    """codespell's dictionary.txt, found without importing ``codespell_lib`` (its ``__init__`` loads its
    whole command line); None without codespell."""
    try:
        spec = importlib.util.find_spec("codespell_lib")
        path = Path(spec.submodule_search_locations[0]) / "data" / "dictionary.txt"
    except (ImportError, AttributeError, TypeError, IndexError):
        return None
    return path if path.is_file() else None


def _codespell_entries(path: Path) -> dict[str, str]:
    """codespell's dictionary as {misspelling: the text after the arrow}; parsed further only on a hit.
    Raises OSError or UnicodeDecodeError when the file cannot be read."""
    text = path.read_text(encoding="utf-8")
    one_arrow_a_line = text.count("->") == text.count("\n") and not re.search(r"->[^\n]*->", text)
    if one_arrow_a_line and text.endswith("\n") and "\r" not in text:
        parts = text.replace("->", "\n").split("\n")  # misspelling, rest, misspelling, rest… (all in C)
        return dict(zip(parts[0:-1:2], parts[1:-1:2], strict=True))
    return dict(line.split("->", 1) for line in text.splitlines() if "->" in line)


# A word's CRC-32 picks its shard (the top SHARD_BITS bits) and its bit in a filter of all the words (the
# low FILTER_BITS bits). About 16 words a shard: a short list looks up a few hundred words and reads few
# shards; the filter (128 KB) answers most look-ups of words that are not misspellings without any shard.
SHARD_BITS, FILTER_BITS = 12, 20


def _hash(key: str) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass"))


def _split(entries: dict[str, str]) -> tuple[bytes, tuple[int, ...], bytes]:
    """The entries as (the filter's bits, the offsets of the shards, the shards: marshalled dicts)."""
    shards: list[dict[str, str]] = [{} for _ in range(1 << SHARD_BITS)]
    bits = bytearray(1 << (FILTER_BITS - 3))
    for key, rhs in entries.items():
        crc = _hash(key)
        shards[crc >> (32 - SHARD_BITS)][key] = rhs
        low = crc & ((1 << FILTER_BITS) - 1)
        bits[low >> 3] |= 1 << (low & 7)
    blobs = [marshal.dumps(shard) for shard in shards]
    return bytes(bits), tuple(accumulate((len(blob) for blob in blobs), initial=0)), b"".join(blobs)


class ShardedEntries:
    """codespell's entries as cached by :mod:`diskcache` (see ``_split``): a shard is unmarshalled on its
    first look-up, so a short list never pays for the whole dictionary."""

    def __init__(self, bits: bytes, offsets: tuple[int, ...], blob: bytes):
        self._bits = bits
        self._offsets = offsets
        self._blob = memoryview(blob)
        self._loaded: dict[int, dict[str, str]] = {}

    def get(self, key: str) -> str | None:
        crc = _hash(key)
        low = crc & ((1 << FILTER_BITS) - 1)
        if not self._bits[low >> 3] >> (low & 7) & 1:
            return None  # no entry has this bit: not in the dictionary
        shard = crc >> (32 - SHARD_BITS)
        table = self._loaded.get(shard)
        if table is None:
            counters.count(counters.DICTIONARY_SHARD)
            table = self._loaded[shard] = marshal.loads(self._blob[self._offsets[shard] : self._offsets[shard + 1]])
        return table.get(key)


def codespell() -> ShardedEntries | dict[str, str]:
    """codespell's entries: split into shards once, then read from the data cache."""
    path = _codespell_file()
    if path is None:
        return {}
    # This module is a source too: a change to the layout ``_split`` writes invalidates the cached copy.
    sources = (path, Path(__file__))
    try:
        if diskcache.folder() is None:  # no cache to keep the shards in: the plain dict is quicker to build
            return _codespell_entries(path)
        return ShardedEntries(
            *diskcache.cached("codespell-dictionary", sources, lambda: _split(_codespell_entries(path)))
        )
    except (OSError, UnicodeDecodeError):  # unreadable (and so not cached): the list's own words only
        return {}


class Dictionary:
    """Misspellings by case-folded word: codespell's, then rules/typos.yaml's and a config's on top."""

    def __init__(self, raw: ShardedEntries | dict[str, str], extra: dict[str, Correction], ignore: set[str]):
        self._raw = raw
        self._extra = extra
        self._ignore = ignore

    def get(self, word: str) -> Correction | None:
        key = word.casefold()
        if key in self._ignore:
            return None
        if key in self._extra:
            return self._extra[key]
        rhs = self._raw.get(key)
        if rhs is None:
            return None
        parsed = parse_line(f"{key}->{rhs}")
        return parsed[1] if parsed else None

    def extended(self, words: dict, ignore, source: str) -> Dictionary:
        """This dictionary with a config's own corrections and ignored words."""
        extra = {**self._extra, **corrections(words, source)}
        return Dictionary(self._raw, extra, self._ignore | {str(word).casefold() for word in ignore})


@cache
def shipped() -> Dictionary:
    """codespell's dictionary with rules/typos.yaml applied."""
    extra = data.load("typos")
    ignore = {str(word).casefold() for word in extra.get("ignore") or ()}
    return Dictionary(codespell(), corrections(extra.get("corrections") or {}, LIST_SOURCE), ignore)


def corrections(mapping: dict, source: str) -> dict[str, Correction]:
    """``{misspelling: "fix"}`` or ``{misspelling: "fix1, fix2"}`` as written in YAML or a config."""
    found = {}
    for word, fixes in mapping.items():
        candidates = tuple(part.strip() for part in str(fixes).split(",") if part.strip())
        if candidates:
            found[str(word).casefold()] = Correction(candidates, source)
    return found


def match_case(word: str, correction: str) -> str:
    """The correction written in the case of the misspelled word (``Teh`` gives ``The``, ``TEH`` gives ``THE``)."""
    if word.isupper() and len(word) > 1:
        return correction.upper()
    if word[:1].isupper():
        return correction[:1].upper() + correction[1:]
    return correction
