"""venue-format: a malformed venue tag.

Reported, each against the list's own convention for venue tags (inferred from at least 75% of at least
five tags, or pinned under ``conventions:`` in the config):

- a missing space before the year (``NeurIPS2022``, ``Communications2017``) where tags have one;
- a two-digit year (``CVPR'19``, ``CVPR 19``) where tags use full years;
- brackets that do not pair (``(CVPR 2019]``), or the other kind of bracket than the list uses
  (``(CVPR 2019)`` in a list of ``[CVPR 2019]``).

The fixes insert the space, write the full year (``19`` is 2019, ``98`` is 1998) or rewrite the
brackets. They are safe when unambiguous; a bracket fix that would turn the tag into a link (a ``(`` or
``[`` right after it) is not offered.

A venue written where entries are filed (a heading ``### CVPR2024``, a group item, a nested ``*ICML 2019*``
line) is checked once, where it is written; a tag in a heading is not fixed (its anchor would change).
"""

from __future__ import annotations

import time  # the current year (datetime costs a millisecond to import)

from ..diagnostics import Diagnostic, Edit, Fix
from ._paper import venue_tags

ID = "venue-format"
SUMMARY = "a malformed venue tag: no space before the year, a short year, unbalanced brackets"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}

_PAIRS = {"[": "]", "(": ")"}


def full_year(short: str, today: int | None = None) -> str:
    """A two-digit year as four digits: the latest year not after next year (``19`` is 2019, ``98`` 1998)."""
    next_year = (today or time.localtime().tm_year) + 1
    year = 2000 + int(short)
    return str(year if year <= next_year else year - 100)


def _missing_space(doc, tag, conv) -> Diagnostic | None:
    if not tag.name or tag.name_end != tag.year_start or not tag.name[-1:].isalpha():
        return None
    convention = conv.venue_space
    if not convention.holds or convention.value is not True:
        return None
    return Diagnostic(
        tag.start,
        tag.end,
        f'venue tag "{tag.text}" has no space before the year, unlike this list\'s tags ({convention.evidence})',
        fix=Fix.safe(Edit(tag.year_start, tag.year_start, " ")),
    )


def _short_year(doc, tag, conv) -> Diagnostic | None:
    if len(tag.year) != 2 or not tag.year.isdigit():
        return None
    convention = conv.venue_full_year
    if not convention.holds or convention.value is not True:
        return None
    year = full_year(tag.year)
    start, content = tag.year_start, year
    between = doc.text[tag.name_end : tag.year_start] if tag.name else ""
    if tag.name and between in ("'", "’", " '", " ’"):  # CVPR'19 -> CVPR 2019, following the list's spacing
        space = " " if conv.venue_space.value is not False else ""
        start, content = tag.name_end, space + year
    return Diagnostic(
        tag.start,
        tag.end,
        f'venue tag "{tag.text}" has a two-digit year; this list writes full years ({convention.evidence})',
        fix=Fix.safe(Edit(start, tag.year_end, content)),
    )


def _brackets(doc, tag, conv) -> Diagnostic | None:
    convention = conv.venue_brackets
    pair = tag.open + tag.close
    mismatched = bool(tag.open) and _PAIRS.get(tag.open) != tag.close
    other_kind = (
        pair in ("[]", "()") and convention.holds and convention.value in ("[]", "()") and pair != convention.value
    )
    if not (mismatched or other_kind):
        return None
    fix = None
    if convention.holds and convention.value in ("[]", "()") and tag.close and _can_rebracket(doc, tag):
        open_, close = convention.value
        fix = Fix.safe(Edit(tag.start, tag.start + 1, open_), Edit(tag.end - 1, tag.end, close))
    if mismatched:
        expected = _PAIRS.get(tag.open, "")
        message = f'venue tag "{tag.text}" opens with "{tag.open}" but closes with "{tag.close or "nothing"}"'
        if not tag.close:
            message = f'venue tag "{tag.text}" opens with "{tag.open}" and is never closed with "{expected}"'
    else:
        message = f'venue tag "{tag.text}" uses "{pair}"; this list writes "{convention.value}" ({convention.evidence})'
    return Diagnostic(tag.start, tag.end, message, fix=fix)


def _can_rebracket(doc, tag) -> bool:
    """A tag written ``[...]`` right before ``(`` or ``[`` would become a link: no safe fix then."""
    after = doc.text[tag.end : tag.end + 1]
    return (
        doc.text[tag.start : tag.start + 1] == tag.open
        and doc.text[tag.end - 1 : tag.end] == tag.close
        and after not in ("(", "[", ":")
    )


def check(ctx):
    doc, conv = ctx.doc, ctx.conventions
    for tag in venue_tags(doc):
        if not tag.year:
            continue
        for checker in (_missing_space, _short_year, _brackets):
            diagnostic = checker(doc, tag, conv)
            if diagnostic is not None:  # a heading's tag loses its fix in the linter, as every heading edit does
                yield diagnostic
