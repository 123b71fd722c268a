"""venue-year: a year a venue tag cannot have.

Reported, in this order (one finding per tag):

- a year after next year (papers are listed once accepted, at most a year ahead);
- a year before the venue was first held (``ICLR 2011``: ICLR began in 2013);
- a year outside the venue's cycle (ICCV is held in odd years since 1999, ECCV in even years);
- a year before the entry's own arXiv id (arXiv ``2004.01234`` dates from April 2020; a January id
  such as ``1801.01442`` may belong to a paper submitted in late December, so it allows 2017). For an arXiv
  tag (``[arXiv 2019]``) any earlier year is impossible. A paper published elsewhere may be posted to
  arXiv after its conference (a December NeurIPS paper in January), so for other venues the year may
  trail the arXiv id by ``arxiv-slack`` years (1 by default): ``CVPR 2018`` with arXiv ``2004.01234``
  is reported, ``CVPR 2019`` is not.

An entry filed under a year (a heading ``## 2019``, a group item ``- **Year 2024**``, its venue on a
nested line) is held to the same facts with that year: its own venue without a year (a table's ``ICCV``
cell), else the venue it is filed under (``### ICCV`` under ``## 2018``: reported once, on that heading),
and its arXiv id. These findings are at info level: a list may file papers by another year than the
venue's.

Venue data, with first years and cycles, lives in ``rules/venues.yaml``. There is no fix: the right year
is a fact only the maintainer can check.
"""

from __future__ import annotations

import time  # the current year (datetime costs a millisecond to import)

from ..conventions import parse_arxiv
from ..diagnostics import Diagnostic
from ._quote import entry_span, quote_title
from .venue_format import full_year

ID = "venue-year"
SUMMARY = "an impossible venue year: in the future, before the venue existed, in an off year, or before the arXiv id"
SEVERITY = "warning"
FIX = None
OPTIONS = {"arxiv-slack": 1}


def _arxiv_year(entry) -> tuple[int, str] | None:
    found = [parse_arxiv(link.url) for link in entry.links]
    found = [arxiv for arxiv in found if arxiv is not None]
    if not found:
        return None
    earliest = min(found, key=lambda arxiv: arxiv.earliest_year)
    return earliest.earliest_year, earliest.id


def problem(entry, year: int, book, this_year: int, slack: int = 0, name: str | None = None, arxiv=True) -> str | None:
    """Why ``year`` is impossible for the entry's venue tag (or the venue ``name``), or None."""
    name = entry.venue.name if name is None else name
    if year > this_year + 1:
        return f"{year} is after next year"
    venue = book.find(name) if name else None
    if venue is not None and venue.first is not None and year < venue.first:
        return f"{venue.name} was first held in {venue.first}"
    if venue is not None and venue.off_year(year):
        since = f" since {venue.held_from}" if venue.held_from else ""
        until = f" until {venue.held_until}" if venue.held_until else ""
        return f"{venue.name} is held in {venue.held} years{since}{until}, not in {year}"
    found = _arxiv_year(entry) if arxiv else None
    if venue is not None and venue.kind == "preprint":
        slack = 0  # a preprint tag is the arXiv date itself
    if found is not None and year + slack < found[0]:
        return f"the entry's arXiv id {found[1]} was assigned in {found[0]} or later, after {year}"
    return None


def check(ctx):
    doc = ctx.doc
    book = ctx.conventions.knowledge.venues
    this_year = time.localtime().tm_year
    slack = ctx.options["arxiv-slack"]
    reported: set[tuple[int, int]] = set()  # (venue, year) offsets of the headings already reported
    for entry in doc.entries:
        tag = entry.venue
        if tag is None or not tag.year.isdigit() or len(tag.year) not in (2, 4):
            if entry.year_inherited and entry.inherited_year is not None:
                yield from _filed_under(doc, entry, book, this_year, slack, reported)
            continue
        year = int(tag.year) if len(tag.year) == 4 else int(full_year(tag.year, this_year))
        why = problem(entry, year, book, this_year, slack)
        if why:
            yield Diagnostic(tag.year_start, tag.year_end, f'venue tag "{tag.text}": {why}')


def _filed_under(doc, entry, book, this_year: int, slack: int, reported: set):
    """The year an entry inherits from where it is filed, against its venue and its arXiv id (info level)."""
    year = entry.year
    written = entry.inherited_year
    where = f'filed under "{written.text}" (line {doc.line_of(written.start)})'
    own = entry.venue if entry.venue is not None and entry.venue.name else None
    if own is not None:
        why = problem(entry, year, book, this_year, slack, name=own.name)
        if why:
            yield Diagnostic(own.name_start, own.name_end, f'venue "{own.name}" {where}: {why}', max_severity="info")
        return
    context = entry.inherited_venue
    name = context.name if context is not None else ""
    if name:
        why = problem(entry, year, book, this_year, slack, name=name, arxiv=False)
        if why:  # a fact about the headings, not the entry: reported once, where the venue is written
            key = (context.name_start, written.start)
            if key not in reported:
                reported.add(key)
                message = f'venue "{name}" {where}: {why}'
                yield Diagnostic(context.name_start, context.name_end, message, max_severity="info")
            return
    why = problem(entry, year, book, this_year, slack, name=name)
    if why:
        start, end = entry_span(entry)
        title = quote_title(entry) or "this entry"
        yield Diagnostic(start, end, f"{title} is {where}, but {why}", max_severity="info")
