"""Conventions a list follows, inferred from the list itself (config can pin any of them).

A convention is a value most entries share: the spelling of a link label, the form of venue tags, the
separator between links, whether titles end with a period, the order of each section, the form of arXiv
links. It counts only when at least ``min-share`` (75%) of at least ``min-entries`` (5) entries follow it;
otherwise it is "not established" and the rules that depend on it say nothing.

Every rule reaches the result through ``ctx.conventions`` (computed once per document). The API:

- :class:`Dominant` is one convention: ``value`` (None when not established), ``count``, ``total``,
  ``pinned``, ``holds`` and ``evidence`` (a phrase for messages: "37 of 40 entries").
- :class:`Conventions` has ``labels`` (:class:`LabelUsage`), ``venue_brackets``, ``venue_space``,
  ``venue_full_year``, ``separator``, ``title_period``, ``arxiv_form``, ``arxiv_version``,
  :meth:`Conventions.order_of` for a section's order, ``sections`` (the entries of each section) and
  ``knowledge`` (venues, labels and hosts, the config's additions merged in).
- :func:`label_of` gives a link's label as the label rules see it; :func:`ordered_subsequence` the
  entries that keep an order (``entry-order`` flags the others); :func:`order_key` the key an order sorts by.

Config pins conventions under ``conventions:``; :func:`validate_pins` checks that mapping when the config
is loaded::

    conventions:
      order: year-desc            # or {"*": year-desc, "Datasets": alphabetical, "Surveys": none}
      title-period: false
      separator: "  "
      venue-brackets: "[]"        # "[]", "()" or "none"
      venue-space: true
      venue-full-year: true
      arxiv-form: abs             # abs or pdf
      arxiv-version: false
      labels: [ProjectPage, Code] # the spelling to use for each of these labels
      min-share: 0.75
      min-entries: 5
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from typing import Generic, TypeVar

from . import counters
from . import knowledge as knowledge_module
from .knowledge import Knowledge, label_key
from .record import Record

T = TypeVar("T")

MIN_SHARE = 0.75
MIN_ENTRIES = 5
ORDERS = ("year-desc", "year-asc", "alphabetical", "none")
BRACKETS = ("[]", "()", "none")
ARXIV_FORMS = ("abs", "pdf")
ALPHABETICAL_MIN = 8

PIN_KEYS = {
    "order": "a section order: year-desc, year-asc, alphabetical or none (or a mapping of heading to order)",
    "title-period": "true or false: whether titles end with a period",
    "separator": "the text between two links of an entry, e.g. '  ' or ' | '",
    "venue-brackets": "'[]', '()' or 'none': how venue tags are bracketed",
    "venue-space": "true or false: a space between venue name and year",
    "venue-full-year": "true or false: four-digit years in venue tags",
    "arxiv-form": "abs or pdf: the form of arXiv links",
    "arxiv-version": "true or false: arXiv links carry a version (v1, v2 ...)",
    "labels": "a list of link labels in the spelling to use, e.g. [ProjectPage, Code]",
    "min-share": "the share of entries (0.5 to 1) a convention needs, 0.75 by default",
    "min-entries": "the number of entries (at least 2) a convention needs, 5 by default",
}


# ---------------------------------------------------------------------------------------------- Dominant


class Dominant(Generic[T], Record):
    """One convention: the value most entries follow, with the counts behind it.

    ``value`` is None when no value reaches the threshold (or there is too little evidence).
    ``count`` of ``total`` entries follow ``value``; ``pinned`` means the config set it.
    """

    value: T | None
    count: int
    total: int
    pinned: bool

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, value: T | None = None, count: int = 0, total: int = 0, pinned: bool = False) -> None:
        self.value = value
        self.count = count
        self.total = total
        self.pinned = pinned

    def __hash__(self) -> int:  # a frozen value: not to be changed
        return hash(self._values())

    @property
    def holds(self) -> bool:
        """Whether there is a convention to check against (an order pinned to ``none`` is none)."""
        return self.value is not None and self.value != "none"

    @property
    def evidence(self) -> str:
        """A phrase for messages: ``set in the config`` or ``37 of 40 entries``."""
        if self.pinned:
            return "set in the config"
        return self.share_of("entries")

    def share_of(self, noun: str) -> str:
        """Like :attr:`evidence`, counting something other than entries: ``share_of("links")``."""
        if self.pinned:
            return "set in the config"
        return f"{self.count} of {self.total} {noun}"


def dominant(counts: Counter, total: int, min_share: float = MIN_SHARE, min_entries: int = MIN_ENTRIES) -> Dominant:
    """The most common value of ``counts`` when it holds at least ``min_share`` of at least ``min_entries``."""
    if not counts or total < min_entries:
        return Dominant(None, 0, total)
    value, count = counts.most_common(1)[0]
    if count < min_share * total:
        return Dominant(None, count, total)
    return Dominant(value, count, total)


# ---------------------------------------------------------------------------------------------- labels

_LABEL_TRIM = " \t*_`[]"
_LABEL_OK = re.compile(r"[A-Za-z][A-Za-z0-9 .&+'/-]*")
MAX_LABEL_WORDS = 4
MAX_LABEL_CHARS = 30


class Label(Record):
    """A link's label as the label rules see it: the inner text (``[[Code]](…)`` and ``[**Code**](…)`` give
    ``Code``), with its offsets in the document."""

    text: str
    start: int
    end: int

    _FIELDS = tuple(__annotations__)
    __slots__ = (*_FIELDS, "key")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.key = label_key(text)  # what labels are compared by; the rules ask for it many times per label

    def __hash__(self) -> int:  # a frozen value: not to be changed
        return hash(self._values())


def label_of(link, entry=None) -> Label | None:
    """The label of one of an entry's links, or None when the link has no short plain-text label.

    Images, autolinks, bare URLs and the entry's title link are not labelled links; neither is a label
    with emoji or markup inside, nor one longer than four words.
    """
    label_start, label_end = link.label_start, link.label_end  # computed properties: read once
    if link.image or link.kind in ("autolink", "bare") or label_end <= label_start:
        return None
    if entry is not None and entry.title is not None and label_start <= entry.title.start < label_end:
        return None
    if entry is not None and any(span.start <= link.start < span.end for span in entry.authors):
        return None  # a person's name linked to their homepage is no label
    raw = link.label
    inner = raw.strip(_LABEL_TRIM)
    if not inner or not _LABEL_OK.fullmatch(inner):
        return None
    if len(inner) > MAX_LABEL_CHARS or len(inner.split()) > MAX_LABEL_WORDS:
        return None
    offset = label_start + raw.index(inner)
    return Label(inner, offset, offset + len(inner))


class LabelUsage(Record):
    """How often the list writes each label, and each spelling of it."""

    spellings: dict[str, Counter]  # key -> Counter of spellings
    pinned: dict[str, str]  # key -> spelling from the config
    min_share: float
    min_entries: int

    _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        spellings: dict[str, Counter] | None = None,
        pinned: dict[str, str] | None = None,
        min_share: float = MIN_SHARE,
        min_entries: int = MIN_ENTRIES,
    ) -> None:
        self.spellings = {} if spellings is None else spellings
        self.pinned = {} if pinned is None else pinned
        self.min_share = min_share
        self.min_entries = min_entries

    def add(self, label: Label) -> None:
        self.spellings.setdefault(label.key, Counter())[label.text] += 1

    def count(self, spelling: str) -> int:
        """How many times the list writes this exact spelling."""
        return self.spellings.get(label_key(spelling), Counter()).get(spelling, 0)

    def key_count(self, label: str) -> int:
        """How many times the list writes this label, in any spelling."""
        return sum(self.spellings.get(label_key(label), Counter()).values())

    def label_keys(self) -> list[str]:
        """Every label key the list uses."""
        return list(self.spellings)

    def most_used(self, key: str) -> str | None:
        """The list's most used spelling of a label key (whether or not it is a convention)."""
        if key in self.pinned:
            return self.pinned[key]
        counts = self.spellings.get(key)
        return counts.most_common(1)[0][0] if counts else None

    def dominant(self, key: str) -> Dominant[str]:
        """The list's convention for spelling this label key (``projectpage`` -> ``ProjectPage``)."""
        if key in self.pinned:
            return Dominant(self.pinned[key], pinned=True)
        counts = self.spellings.get(key, Counter())
        return dominant(counts, sum(counts.values()), self.min_share, self.min_entries)


# ---------------------------------------------------------------------------------------------- arXiv

ARXIV_URL = re.compile(
    r"(?i)^(?P<prefix>(?:https?://)?(?:www\.|export\.)?arxiv\.org/)(?P<form>abs|pdf)/"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?P<version>v\d+)?(?P<suffix>\.pdf)?(?P<rest>[/?#].*)?$"
)


class ArxivLink(Record):
    prefix: str  # "https://arxiv.org/"
    form: str  # "abs" or "pdf"
    id: str  # "2004.01234" or "cs/0701001"
    version: str  # "v2" or ""
    suffix: str  # ".pdf" or ""
    rest: str  # anything after (rare: "#page=3")

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, prefix: str, form: str, id: str, version: str, suffix: str, rest: str) -> None:
        self.prefix = prefix
        self.form = form
        self.id = id
        self.version = version
        self.suffix = suffix
        self.rest = rest

    def __hash__(self) -> int:  # a frozen value: not to be changed
        return hash(self._values())

    @property
    def year(self) -> int:
        """The year the id was assigned: ``2004.01234`` is 2020, ``cs/0701001`` is 2007."""
        digits = self.id.split("/")[-1][:2] if "/" in self.id else self.id[:2]
        yy = int(digits)
        return 1900 + yy if yy >= 91 else 2000 + yy

    @property
    def earliest_year(self) -> int:
        """The earliest year the paper can have been submitted. An id is assigned when a paper is announced,
        so one submitted in late December gets a January id: ``1801.01442`` may be a 2017 paper."""
        month = self.id.split("/")[-1][2:4] if "/" in self.id else self.id[2:4]
        return self.year - 1 if month == "01" else self.year

    def url(self, form: str, version: bool, suffix: bool) -> str:
        """This link rewritten to a form: ``abs`` or ``pdf``, with or without its version and ``.pdf``."""
        tail = self.version if version else ""
        ending = ".pdf" if form == "pdf" and suffix else ""
        return f"{self.prefix}{form}/{self.id}{tail}{ending}{self.rest}"


def parse_arxiv(url: str) -> ArxivLink | None:
    """An arXiv abs or pdf URL, taken apart; None for anything else."""
    m = ARXIV_URL.match(url.strip())
    if m is None:
        return None
    return ArxivLink(m["prefix"], m["form"].lower(), m["id"], m["version"] or "", m["suffix"] or "", m["rest"] or "")


# ---------------------------------------------------------------------------------------------- order


def order_key(entry, order: str, text: str = ""):
    """The value ``order`` sorts an entry by (its year, or its title folded), or None when it has none."""
    if order in ("year-desc", "year-asc"):
        return entry.year
    if order == "alphabetical":
        if entry.title is None:
            return None
        return _alpha_key(entry.title.text)
    return None


def _alpha_key(title: str) -> str:
    # Accents folded away, as a reader sorts: "Hélène" goes between "Hector" and "Henry".
    plain = title
    if not title.isascii():  # an ASCII title has no accent to fold
        plain = "".join(c for c in unicodedata.normalize("NFKD", title) if not unicodedata.combining(c))
    return _LEADING_NON_ALNUM.sub("", plain).casefold()


_LEADING_NON_ALNUM = re.compile(r"^[^0-9A-Za-z]+")


def ordered_subsequence(keys: list, descending: bool = False) -> list[int]:
    """Positions of one longest subsequence of ``keys`` in order (ties allowed), earliest choices first.

    ``entry-order`` flags the entries outside it rather than their neighbours.
    """
    tails: list = []  # tails[k]: the smallest (or largest, descending) last key of an ordered run of k+1
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(keys)
    for i, key in enumerate(keys):
        probe = _Reverse(key) if descending else key
        k = bisect.bisect_right(tails, probe)
        if k == len(tails):
            tails.append(probe)
            tail_index.append(i)
        else:
            tails[k] = probe
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k else -1
    result = []
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        result.append(i)
        i = previous[i]
    return result[::-1]


class _Reverse(Record):
    key: object

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, key: object) -> None:
        self.key = key

    def __hash__(self) -> int:  # a frozen value: not to be changed
        return hash(self._values())

    def __lt__(self, other: _Reverse) -> bool:
        return other.key < self.key


def infer_order(entries: list, min_share: float = MIN_SHARE, min_entries: int = MIN_ENTRIES) -> Dominant[str]:
    """The order a section's entries follow: year-desc, year-asc or alphabetical; value None when none holds.

    Each order counts only the entries that have its key (a year, a title). Year orders need two different
    years and win over alphabetical, as paper lists usually sort by year. Alphabetical needs at least 8
    titles, since a handful of titles is often in order by chance.
    """
    found = []
    for order in ("year-desc", "year-asc", "alphabetical"):
        if order == "alphabetical" and found:
            break  # a year order wins over alphabetical: no need to count the titles
        keys = [key for key in (order_key(entry, order) for entry in entries) if key is not None]
        needed = max(min_entries, ALPHABETICAL_MIN) if order == "alphabetical" else min_entries
        if len(keys) < needed or len(set(keys)) < 2:
            continue
        kept = len(ordered_subsequence(keys, descending=order == "year-desc"))
        if kept >= min_share * len(keys):
            found.append(Dominant(order, kept, len(keys)))
    pool = [d for d in found if d.value != "alphabetical"] or found
    if not pool:
        return Dominant(None, 0, len(entries))
    return max(pool, key=lambda d: d.count / d.total)


# ---------------------------------------------------------------------------------------------- the whole


class Conventions(Record):
    """Everything inferred about one list, config pins applied. Every rule gets it as ``ctx.conventions``."""

    knowledge: Knowledge
    labels: LabelUsage
    venue_brackets: Dominant[str]  # "[]", "()" or "none"
    venue_space: Dominant[bool]  # a space between venue name and year
    venue_full_year: Dominant[bool]  # four-digit years
    separator: Dominant[str]  # the text between two links of an entry
    title_period: Dominant[bool]  # titles end with "."
    arxiv_form: Dominant[str]  # "abs" or "pdf"
    arxiv_version: Dominant[bool]  # arXiv links carry "vN"
    arxiv_pdf_suffix: Dominant[bool]  # pdf links end in ".pdf"
    sections: dict[int | None, list]  # heading index -> its entries, in order
    orders: dict[int | None, Dominant[str]]
    min_share: float
    min_entries: int
    link_labels: dict[int, Label | None]  # id(link) -> label_of(link, its entry), for every entry's links

    _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        knowledge: Knowledge,
        labels: LabelUsage,
        venue_brackets: Dominant[str],
        venue_space: Dominant[bool],
        venue_full_year: Dominant[bool],
        separator: Dominant[str],
        title_period: Dominant[bool],
        arxiv_form: Dominant[str],
        arxiv_version: Dominant[bool],
        arxiv_pdf_suffix: Dominant[bool],
        sections: dict[int | None, list] | None = None,
        orders: dict[int | None, Dominant[str]] | None = None,
        min_share: float = MIN_SHARE,
        min_entries: int = MIN_ENTRIES,
        link_labels: dict[int, Label | None] | None = None,
    ) -> None:
        self.knowledge = knowledge
        self.labels = labels
        self.venue_brackets = venue_brackets
        self.venue_space = venue_space
        self.venue_full_year = venue_full_year
        self.separator = separator
        self.title_period = title_period
        self.arxiv_form = arxiv_form
        self.arxiv_version = arxiv_version
        self.arxiv_pdf_suffix = arxiv_pdf_suffix
        self.sections = {} if sections is None else sections
        self.orders = {} if orders is None else orders
        self.min_share = min_share
        self.min_entries = min_entries
        self.link_labels = {} if link_labels is None else link_labels

    def label_of(self, link) -> Label | None:
        """``label_of(link, entry)`` for a link of one of the document's entries, computed once per document
        (six rules ask for the labels: some 30,000 calls on a paper list of 6,000 links)."""
        return self.link_labels[id(link)]  # the document keeps its links alive: ids are not reused

    def order_of(self, section: int | None) -> Dominant[str]:
        """The order of a section's entries (``section`` is an index into ``doc.headings``, or None)."""
        return self.orders.get(section, Dominant())


def infer(doc, config) -> Conventions:
    """The conventions of ``doc``: inferred from its entries, then the config's ``conventions:`` pins on top."""
    counters.count(counters.CONVENTIONS)
    extra = getattr(config, "extra", {}) or {}
    pins = extra.get("conventions") or {}
    min_share = float(pins.get("min-share", MIN_SHARE))
    min_entries = int(pins.get("min-entries", MIN_ENTRIES))

    def most(counts: Counter, total: int | None = None) -> Dominant:
        return dominant(counts, sum(counts.values()) if total is None else total, min_share, min_entries)

    entries = list(doc.entries)
    labels = LabelUsage(min_share=min_share, min_entries=min_entries)
    brackets, spaces, full_years = Counter(), Counter(), Counter()
    separators, periods = Counter(), Counter()
    forms, versions, suffixes = Counter(), Counter(), Counter()
    separated = 0
    sections: dict[int | None, list] = {}
    link_labels: dict[int, Label | None] = {}
    for entry in entries:
        sections.setdefault(entry.section, []).append(entry)
        for link in entry.links:
            label = link_labels[id(link)] = label_of(link, entry)
            if label is not None:
                labels.add(label)
            arxiv = parse_arxiv(link.url)
            if arxiv is not None:
                forms[arxiv.form] += 1
                versions[bool(arxiv.version)] += 1
                if arxiv.form == "pdf":
                    suffixes[bool(arxiv.suffix)] += 1
        _count_venue(entry.venue, brackets, spaces, full_years)
        if entry.separators:
            separated += 1
            texts = {span.text for span in entry.separators}
            if len(texts) == 1:
                separators[texts.pop()] += 1
        if entry.title is not None:
            ends = entry.title.text.rstrip()[-1:]
            if ends and ends not in "?!":  # the closing "." is outside the title span, in title_end
                periods[ends == "." or (entry.title_end is not None and entry.title_end.text == ".")] += 1

    conventions = Conventions(
        knowledge=knowledge_module.load(extra),
        labels=labels,
        venue_brackets=most(brackets),
        venue_space=most(spaces),
        venue_full_year=most(full_years),
        separator=most(separators, separated),
        title_period=most(periods),
        arxiv_form=most(forms),
        arxiv_version=most(versions),
        arxiv_pdf_suffix=most(suffixes),
        sections=sections,
        orders={section: infer_order(items, min_share, min_entries) for section, items in sections.items()},
        min_share=min_share,
        min_entries=min_entries,
        link_labels=link_labels,
    )
    if pins:
        _apply_pins(conventions, pins, doc)
    return conventions


def _count_venue(venue, brackets: Counter, spaces: Counter, full_years: Counter) -> None:
    if venue is None or not venue.year:
        return
    brackets[(venue.open + venue.close) or "none"] += 1
    full_years[len(venue.year) == 4] += 1
    if venue.name and venue.name_end <= venue.year_start:
        between = venue.text[venue.name_end - venue.start : venue.year_start - venue.start]
        if between in ("", " "):  # "CVPR'19" or "CVPR, 2019" say nothing about spacing
            spaces[between == " "] += 1


_PIN_FIELDS = {
    "title-period": "title_period",
    "separator": "separator",
    "venue-brackets": "venue_brackets",
    "venue-space": "venue_space",
    "venue-full-year": "venue_full_year",
    "arxiv-form": "arxiv_form",
    "arxiv-version": "arxiv_version",
}


def _apply_pins(conventions: Conventions, pins: dict, doc) -> None:
    for key, attribute in _PIN_FIELDS.items():
        if key in pins:
            setattr(conventions, attribute, Dominant(pins[key], pinned=True))
    for spelling in pins.get("labels") or ():
        conventions.labels.pinned[label_key(spelling)] = spelling
    order = pins.get("order")
    if order is None:
        return
    if isinstance(order, str):
        by_heading, default = {}, order
    else:
        by_heading = {" ".join(str(k).split()).casefold(): v for k, v in order.items() if k != "*"}
        default = order.get("*")
    for section in conventions.sections:
        heading = doc.headings[section].text if section is not None else ""
        value = by_heading.get(" ".join(heading.split()).casefold(), default)
        if value is not None:
            conventions.orders[section] = Dominant(value, pinned=True)


# ---------------------------------------------------------------------------------------------- validation


def validate_pins(pins) -> None:
    """Check a config's ``conventions:`` mapping; raise ValueError with a one-line message naming the key."""
    from .suggest import did_you_mean

    if not isinstance(pins, dict):
        raise ValueError("'conventions' must be a mapping, e.g. {order: year-desc, title-period: false}")
    for key, value in pins.items():
        where = f"conventions: {key!r}"
        if key not in PIN_KEYS:
            raise ValueError(f"conventions: unknown key {key!r}{did_you_mean(str(key), PIN_KEYS)}")
        problem = _pin_problem(key, value)
        if problem:
            raise ValueError(f"{where} {problem}; expected {PIN_KEYS[key]}")


def _pin_problem(key: str, value) -> str | None:
    if key in ("title-period", "venue-space", "venue-full-year", "arxiv-version"):
        return None if isinstance(value, bool) else f"is {value!r}"
    if key == "separator":
        return None if isinstance(value, str) and value else f"is {value!r}"
    if key == "venue-brackets":
        return None if value in BRACKETS else f"is {value!r}"
    if key == "arxiv-form":
        return None if value in ARXIV_FORMS else f"is {value!r}"
    if key == "labels":
        ok = isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value)
        return None if ok else f"is {value!r}"
    if key == "min-share":
        ok = isinstance(value, int | float) and not isinstance(value, bool) and 0.5 <= value <= 1
        return None if ok else f"is {value!r}"
    if key == "min-entries":
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 2
        return None if ok else f"is {value!r}"
    if key == "order":
        if isinstance(value, str):
            return None if value in ORDERS else f"is {value!r}"
        if isinstance(value, dict):
            bad = [v for v in value.values() if v not in ORDERS]
            return f"has {bad[0]!r} for a section" if bad else None
        return f"is {value!r}"
    return None
