"""What the tool knows about venues, link labels and hosts: rules/*.yaml, extended by the config.

The shipped data lives in ``rules/venues.yaml``, ``rules/labels.yaml`` and ``rules/hosts.yaml``. A config's
``venues:``, ``labels:`` and ``hosts:`` keys use the same format and add to it (a config venue with the same
name replaces the shipped one). :func:`validate` checks a config's additions when the config is loaded, so
a mistake there is a one-line config error, never a rule crash.
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from urllib.parse import parse_qs, urlsplit

from . import data
from .record import Record

HELD_CYCLES = ("every", "odd", "even")
VENUE_KINDS = ("conference", "journal", "workshop", "preprint", "other")
VENUE_FIELDS = ("full", "aliases", "first", "held", "held-from", "held-until", "kind")
HOST_LISTS = ("code", "paper", "https")
REDIRECTOR_FIELDS = ("host", "path", "params")

_LABEL_NOISE = re.compile(r"[\s_\-.:]+")


def label_key(label: str) -> str:
    """The form labels are compared in: case-folded, without spaces, hyphens, underscores, dots or colons.

    ``Project Page``, ``ProjectPage`` and ``project-page`` all have the key ``projectpage``.
    """
    return _LABEL_NOISE.sub("", label).casefold()


_VENUE_PUNCT = re.compile(r"[,.;:]")
_PARENTHESISED = re.compile(r"\([^()]*\)")
_PARENTHESISED_WORD = re.compile(r"\(([^()\s]+)\)")  # "... Representations (ICLR) 2026": ICLR
_TRAILING_NOISE = re.compile(r"(?:[\s\W_]|(?<!\w)(?:19|20)\d\d(?!\w))+$")


def venue_key(name: str) -> str:
    """The form venue names are compared in: case-folded, commas, dots, colons and runs of spaces made one
    space (``Multimedia Tools Appl.`` and ``multimedia tools appl`` are the same)."""
    return " ".join(_VENUE_PUNCT.sub(" ", name).split()).casefold()


# ---------------------------------------------------------------------------------------------- venues


class Venue(Record):
    name: str
    full: str
    aliases: tuple[str, ...]
    first: int | None
    held: str  # every, odd or even
    held_from: int | None  # the cycle applies from this year (earlier editions were irregular)
    held_until: int | None  # ... and up to this year (held every year since)
    kind: str

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        name: str,
        full: str = "",
        aliases: tuple[str, ...] = (),
        first: int | None = None,
        held: str = "every",
        held_from: int | None = None,
        held_until: int | None = None,
        kind: str = "conference",
    ) -> None:
        self.name = name
        self.full = full
        self.aliases = aliases
        self.first = first
        self.held = held
        self.held_from = held_from
        self.held_until = held_until
        self.kind = kind

    def __hash__(self) -> int:  # a frozen value: not to be changed
        return hash(self._values())

    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *((self.full,) if self.full else ()))

    def off_year(self, year: int) -> bool:
        """Whether ``year`` falls outside the venue's odd/even cycle."""
        if self.held == "every":
            return False
        if self.held_from is not None and year < self.held_from:
            return False
        if self.held_until is not None and year > self.held_until:
            return False
        return (year % 2 == 1) != (self.held == "odd")


class VenueBook(Record):
    venues: dict[str, Venue]
    qualifiers: tuple[str, ...]
    prefixes: tuple[str, ...]  # publishers written before a venue name: "IEEE TNNLS" is TNNLS
    _by_spelling: dict[str, Venue]

    _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        venues: dict[str, Venue],
        qualifiers: tuple[str, ...] = (),
        prefixes: tuple[str, ...] = (),
        _by_spelling: dict[str, Venue] | None = None,
    ) -> None:
        self.venues = venues
        self.qualifiers = qualifiers
        self.prefixes = prefixes
        self._by_spelling = {} if _by_spelling is None else _by_spelling
        self.__post_init__()

    def __post_init__(self) -> None:
        for venue in self.venues.values():
            for spelling in venue.spellings():
                self._by_spelling.setdefault(venue_key(spelling), venue)
        # Longest first, so "Best Paper" is stripped before "Paper" would be.
        self.qualifiers = tuple(sorted(self.qualifiers, key=len, reverse=True))

    def base_name(self, name: str) -> str:
        """The venue name without trailing qualifiers, parenthesised remarks, years or symbols:
        ``CVPR Oral``, ``CVPR 2024 (Oral)`` and ``CVPR 2025(Highlight🚀)`` all give ``CVPR``."""
        name = _TRAILING_NOISE.sub("", _PARENTHESISED.sub(" ", name))
        name = " ".join(name.split())
        changed = True
        while changed and name:
            changed = False
            for qualifier in self.qualifiers:
                if name.casefold().endswith(" " + qualifier.casefold()):
                    name = name[: -len(qualifier) - 1].rstrip(" ,-")
                    changed = True
        return name

    def find(self, name: str) -> Venue | None:
        """The known venue a tag's name refers to (case-insensitive, qualifiers ignored), or None."""
        for candidate in (name, self.base_name(name), *_PARENTHESISED_WORD.findall(name)):
            key = venue_key(candidate)
            if key in self._by_spelling:
                return self._by_spelling[key]
            for prefix in self.prefixes:
                head = venue_key(prefix) + " "
                if key.startswith(head) and key[len(head) :] in self._by_spelling:
                    return self._by_spelling[key[len(head) :]]
        return None

    def spellings(self) -> dict[str, Venue]:
        """Every known spelling (case-folded) with its venue."""
        return dict(self._by_spelling)


def _venue(name: str, raw: dict) -> Venue:
    return Venue(
        name=name,
        full=str(raw.get("full") or ""),
        aliases=tuple(str(alias) for alias in raw.get("aliases") or ()),
        first=raw.get("first"),
        held=raw.get("held") or "every",
        held_from=raw.get("held-from"),
        held_until=raw.get("held-until"),
        kind=raw.get("kind") or "conference",
    )


# ---------------------------------------------------------------------------------------------- labels


class LabelBook(Record):
    kinds: dict[str, tuple[str, ...]]  # kind -> labels in their usual spelling
    _by_key: dict[str, tuple[str, str]]  # key -> (spelling, kind)

    _FIELDS = tuple(__annotations__)

    def __init__(self, kinds: dict[str, tuple[str, ...]], _by_key: dict[str, tuple[str, str]] | None = None) -> None:
        self.kinds = kinds
        self._by_key = {} if _by_key is None else _by_key
        self.__post_init__()

    def __post_init__(self) -> None:
        for kind, labels in self.kinds.items():
            for label in labels:
                self._by_key.setdefault(label_key(label), (label, kind))

    def kind_of(self, label: str) -> str | None:
        """The kind of a label (``paper``, ``code``, ``project`` ...), or None for a label the data does not know."""
        found = self._by_key.get(label_key(label))
        return found[1] if found else None

    def spelling(self, label: str) -> str | None:
        """The data's usual spelling of a known label, or None."""
        found = self._by_key.get(label_key(label))
        return found[0] if found else None

    def keys(self) -> set[str]:
        return set(self._by_key)


# ---------------------------------------------------------------------------------------------- hosts


def host_of(url: str) -> str:
    """The host of an http(s) URL, lower-cased, without ``www.`` and port; "" when there is none."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return _strip_www(host.lower())


def _strip_www(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


def host_matches(host: str, pattern: str) -> bool:
    """``example.org`` matches itself; ``*.example.org`` its subdomains; ``google.*`` any google TLD."""
    pattern = _strip_www(pattern.lower())
    if any(c in pattern for c in "*?["):
        return fnmatchcase(host, pattern)
    return host == pattern


class Redirector(Record):
    host: str
    path: str
    params: tuple[str, ...]

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, host: str, path: str, params: tuple[str, ...]) -> None:
        self.host = host
        self.path = path
        self.params = params

    def __hash__(self) -> int:  # a frozen value: not to be changed
        return hash(self._values())


class HostBook(Record):
    code: tuple[str, ...]
    paper: tuple[str, ...]
    https: tuple[str, ...]
    redirectors: tuple[Redirector, ...]

    _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        code: tuple[str, ...] = (),
        paper: tuple[str, ...] = (),
        https: tuple[str, ...] = (),
        redirectors: tuple[Redirector, ...] = (),
    ) -> None:
        self.code = code
        self.paper = paper
        self.https = https
        self.redirectors = redirectors
        # host -> verdict, per question: a list names the same few hosts thousands of times
        self._verdicts: dict = {}

    def is_code_host(self, host: str) -> bool:
        return self._matches("code", self.code, host)

    def is_paper_host(self, host: str) -> bool:
        return self._matches("paper", self.paper, host)

    def serves_https(self, host: str) -> bool:
        return self._matches("https", self.https, host)

    def _matches(self, question: str, patterns: tuple[str, ...], host: str) -> bool:
        key = (question, patterns, host)  # the patterns too, so a changed book never answers from the cache
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = any(host_matches(host, pattern) for pattern in patterns)
        return verdict

    def unwrap(self, url: str) -> str | None:
        """The target a redirector URL carries (decoded), or None when ``url`` is not a known redirector."""
        if "?" not in url:  # every redirector carries its target in the query
            return None
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.scheme.lower() not in ("http", "https"):
            return None
        host = host_of(url)
        for redirector in self.redirectors:
            if not host_matches(host, redirector.host) or not fnmatchcase(parts.path or "/", redirector.path):
                continue
            query = parse_qs(parts.query, keep_blank_values=True)
            for param in redirector.params:
                values = query.get(param)
                target = values[0].strip() if values else ""
                if re.match(r"(?i)https?://[^/\s]", target):  # a search query in ``q`` is not a target
                    return target
        return None


# ---------------------------------------------------------------------------------------------- together


class Knowledge(Record):
    venues: VenueBook
    labels: LabelBook
    hosts: HostBook

    _FIELDS = tuple(__annotations__)

    def __init__(self, venues: VenueBook, labels: LabelBook, hosts: HostBook) -> None:
        self.venues = venues
        self.labels = labels
        self.hosts = hosts


def load(extra: dict | None = None) -> Knowledge:
    """The shipped data, extended by a config's ``venues:``, ``labels:`` and ``hosts:`` (already validated)."""
    extra = extra or {}
    venue_data = data.load("venues")
    raw_venues = dict(venue_data.get("venues") or {})
    raw_venues.update(extra.get("venues") or {})
    venues = VenueBook(
        {str(name): _venue(str(name), raw or {}) for name, raw in raw_venues.items()},
        tuple(venue_data.get("qualifiers") or ()),
        tuple(venue_data.get("prefixes") or ()),
    )

    kinds: dict[str, list[str]] = {}
    for source in (data.load("labels").get("labels") or {}, extra.get("labels") or {}):
        for kind, labels in source.items():
            kinds.setdefault(str(kind), []).extend(str(label) for label in labels or ())
    labels = LabelBook({kind: tuple(values) for kind, values in kinds.items()})

    host_data, host_extra = data.load("hosts"), extra.get("hosts") or {}
    lists = {name: (*(host_data.get(name) or ()), *(host_extra.get(name) or ())) for name in HOST_LISTS}
    redirectors = tuple(
        Redirector(str(raw["host"]), str(raw.get("path") or "/"), tuple(str(p) for p in raw.get("params") or ()))
        for raw in (*(host_data.get("redirectors") or ()), *(host_extra.get("redirectors") or ()))
    )
    hosts = HostBook(lists["code"], lists["paper"], lists["https"], redirectors)
    return Knowledge(venues, labels, hosts)


# ---------------------------------------------------------------------------------------------- validation


def validate(extra: dict) -> None:
    """Check a config's ``venues:``, ``labels:`` and ``hosts:``; raise ValueError with a one-line message."""
    if "venues" in extra:
        _validate_venues(extra["venues"])
    if "labels" in extra:
        _validate_labels(extra["labels"])
    if "hosts" in extra:
        _validate_hosts(extra["hosts"])


def _validate_venues(venues: dict) -> None:
    from .suggest import did_you_mean

    for name, raw in venues.items():
        where = f"venues: {name!r}"
        if raw is None:
            continue
        if not isinstance(raw, dict):
            raise ValueError(f"{where} must be a mapping such as {{first: 2013, held: odd}}")
        for key, value in raw.items():
            if key not in VENUE_FIELDS:
                raise ValueError(f"{where} has unknown field {key!r}{did_you_mean(str(key), VENUE_FIELDS)}")
            if key in ("first", "held-from", "held-until") and (isinstance(value, bool) or not isinstance(value, int)):
                raise ValueError(f"{where}: {key!r} must be a year, not {value!r}")
            if key == "held" and value not in HELD_CYCLES:
                raise ValueError(f"{where}: 'held' must be one of {', '.join(HELD_CYCLES)}, not {value!r}")
            if key == "kind" and value not in VENUE_KINDS:
                raise ValueError(f"{where}: 'kind' must be one of {', '.join(VENUE_KINDS)}, not {value!r}")
            if key == "aliases" and not _is_list_of_str(value):
                raise ValueError(f"{where}: 'aliases' must be a list of names")
            if key == "full" and not isinstance(value, str):
                raise ValueError(f"{where}: 'full' must be a string")


def _validate_labels(labels: dict) -> None:
    for kind, values in labels.items():
        if not _is_list_of_str(values):
            raise ValueError(f"labels: {kind!r} must be a list of labels, e.g. {kind}: [Code, Source Code]")


def _validate_hosts(hosts: dict) -> None:
    from .suggest import did_you_mean

    valid = (*HOST_LISTS, "redirectors")
    for key, value in hosts.items():
        if key not in valid:
            raise ValueError(f"hosts: unknown key {key!r}{did_you_mean(str(key), valid)}")
        if key != "redirectors":
            if not _is_list_of_str(value):
                raise ValueError(f"hosts: {key!r} must be a list of host names")
            continue
        if not isinstance(value, list):
            raise ValueError("hosts: 'redirectors' must be a list of {host: ..., path: ..., params: [...]}")
        for item in value:
            if not isinstance(item, dict) or not isinstance(item.get("host"), str):
                raise ValueError(f"hosts: redirector {item!r} needs a 'host'")
            unknown = [k for k in item if k not in REDIRECTOR_FIELDS]
            if unknown:
                raise ValueError(f"hosts: redirector {item['host']!r} has unknown field {unknown[0]!r}")
            if not _is_list_of_str(item.get("params") or []):
                raise ValueError(f"hosts: redirector {item['host']!r}: 'params' must be a list of query parameters")


def _is_list_of_str(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def markdown_safe_url(url: str) -> str:
    """A URL as it can stand in a Markdown link destination: spaces, angle brackets, quotes and unbalanced
    parentheses percent-encoded (they would end or break the destination)."""
    out = []
    depth = 0
    for c in url:
        if c in ' <>\t\n\r"`':
            out.append(f"%{ord(c):02X}")
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                out.append("%29")
                continue
            depth -= 1
        out.append(c)
    result = "".join(out)
    if depth:  # an unclosed "(": escape them all
        result = result.replace("(", "%28")
    return result
