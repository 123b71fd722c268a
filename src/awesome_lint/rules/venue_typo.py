"""venue-typo: a venue name misspelled against the known venues.

A venue tag whose name is not a known venue (``rules/venues.yaml`` plus the config's ``venues:``) but is
one edit away from exactly one (two for names of nine letters or more) is reported: ``CPVR`` for
``CVPR``, ``NeurlPS`` for ``NeurIPS``, ``InterSpeed`` for ``Interspeech``. Names under four letters are
too short to judge, and a name the list uses three times or more is taken to be a venue the data does
not know yet (add it under ``venues:`` in the config).

The fix replaces the name with the known spelling; it is safe when there is exactly one candidate.
Venues written where entries are filed (``## CPVR 2024``, a group item ``- **CPVR 2024**``) are checked
once each; one in a heading is not fixed (its anchor, and the links to it, would change).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from ..knowledge import venue_key
from ._paper import base_name_span, typo_candidates, venue_names, venue_tags

ID = "venue-typo"
SUMMARY = "a venue name misspelled against the known venues (CPVR, NeurlPS)"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"max-uses": 2}


def check(ctx):
    doc = ctx.doc
    book = ctx.conventions.knowledge.venues
    uses = venue_names(doc)
    for tag in venue_tags(doc):
        if not tag.name or uses[venue_key(tag.name)] > ctx.options["max-uses"]:
            continue
        found = typo_candidates(tag.name, book)
        if not found:
            continue
        start, end, base = base_name_span(tag, book)
        if len(found) > 1:
            names = ", ".join(f'"{name}"' for name in sorted(found))
            yield Diagnostic(start, end, f'venue "{base}" looks like a typo of one of {names}')
            continue
        venue, spelling = next(iter(found.values()))
        # a tag written in a heading loses its fix in the linter, as every heading edit does
        yield Diagnostic(
            start,
            end,
            f'venue "{base}" looks like a typo of "{spelling}" (a known venue)',
            fix=Fix.safe(Edit(start, end, spelling)),
            data={"venue": venue.name},
        )
