"""Helpers the paper-list rules share: walking labelled links and link URLs, and venue look-ups.

Not a rule (the leading underscore keeps it out of the registry).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..conventions import Label
from ..distance import is_slip, osa_distance
from ..entries import context_venues
from ..knowledge import Venue, VenueBook, venue_key


def labelled_links(ctx) -> Iterator[tuple[object, object, Label]]:
    """(entry, link, label) for every link of every entry that has a short plain-text label."""
    conventions = ctx.conventions  # which holds every link's label
    for entry in ctx.doc.entries:
        for link in entry.links:
            label = conventions.label_of(link)
            if label is not None:
                yield entry, link, label


def entry_urls(doc) -> Iterator[object]:
    """Every link of every entry with a URL, each URL span once (links sharing a definition count once)."""
    seen: set[int] = set()
    for entry in doc.entries:
        for link in entry.links:
            if not link.url or link.url_end <= link.url_start or link.url_start in seen:
                continue
            seen.add(link.url_start)
            yield link


def written_url(doc, link) -> str:
    """The URL exactly as it stands in the text (the span a fix edits)."""
    return doc.text[link.url_start : link.url_end]


# ---------------------------------------------------------------------------------------------- venues

_HAS_LETTER = re.compile(r"[A-Za-z]")
SHORT_NAME = 5


def venue_tags(doc) -> Iterator[object]:
    """Every venue tag written in the list: each entry's own, then each heading, group item or nested line
    that entries are filed under (``### CVPR 2024``), once per place it is written."""
    for entry in doc.entries:
        if entry.venue is not None:
            yield entry.venue
    yield from context_venues(doc.entries)


def venue_names(doc) -> Counter:
    """How many tags use each venue name (compared case-folded, qualifiers kept)."""
    return Counter(venue_key(tag.name) for tag in venue_tags(doc) if tag.name)


def typo_candidates(name: str, book: VenueBook) -> dict[str, tuple[Venue, str]]:
    """Known venues ``name`` is one or two edits away from: {venue name: (venue, the spelling matched)}.

    Names under four letters are too short to judge. Short names (up to five letters, mostly acronyms)
    allow only slips: a swap of two neighbours, a doubled or a missing letter (``CPVR``, ``ICCCV``): one changed letter
    usually makes another real acronym (SIST and UIST, ICME and ICML). Longer names allow one edit, names
    of nine letters or more two.
    """
    key = venue_key(book.base_name(name))
    if len(key) < 4 or not _HAS_LETTER.search(key) or book.find(name) is not None:
        return {}
    limit = 1 if len(key) < 9 else 2
    found: dict[str, tuple[Venue, str, int]] = {}
    for spelling, venue in book.spellings().items():
        if abs(len(spelling) - len(key)) > limit:
            continue
        distance = osa_distance(key, spelling, limit)
        if distance <= limit and (len(key) > SHORT_NAME or is_slip(key, spelling)):
            current = found.get(venue.name)
            original = next(s for s in venue.spellings() if venue_key(s) == spelling)
            if current is None or distance < current[2]:
                found[venue.name] = (venue, original, distance)
    return {name: (venue, spelling) for name, (venue, spelling, _d) in found.items()}


def base_name_span(venue_tag, book: VenueBook) -> tuple[int, int, str]:
    """The offsets and text of a tag's venue name without trailing qualifiers (``CPVR`` of ``CPVR Oral``)."""
    base = book.base_name(venue_tag.name)
    offset = venue_tag.name.find(base) if base else -1
    if offset < 0:
        return venue_tag.name_start, venue_tag.name_end, venue_tag.name
    start = venue_tag.name_start + offset
    return start, start + len(base), base
