"""venue-unknown: a venue the data does not know, used only once in the list.

A venue name that is neither in ``rules/venues.yaml`` (nor the config's ``venues:``) nor written by any
other entry of the list may be a typo the data cannot correct, an abbreviation readers will not know, or
simply a venue the data lacks. It is reported at info level, as a question rather than an error. A name
that ``venue-typo`` can correct is left to that rule.

To silence it for a real venue, add the venue to the config::

    venues:
      MMAC: {full: Multimedia and Affective Computing, first: 2015}
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..knowledge import venue_key
from ._paper import base_name_span, typo_candidates, venue_names, venue_tags

ID = "venue-unknown"
SUMMARY = "a venue the data does not know and the list uses only once"
SEVERITY = "info"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    doc = ctx.doc
    book = ctx.conventions.knowledge.venues
    uses = venue_names(doc)
    for tag in venue_tags(doc):
        if not tag.name or uses[venue_key(tag.name)] != 1:
            continue
        if book.find(tag.name) is not None or typo_candidates(tag.name, book):
            continue
        start, end, base = base_name_span(tag, book)
        yield Diagnostic(start, end, f'venue "{base}" is not a known venue, and no other entry of this list uses it')
