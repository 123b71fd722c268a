"""entry-format: an entry laid out unlike the list's other entries.

Three things are compared with what the list itself does:

- the separator between two labelled links of an item (``[Paper](…)  [Code](…)``), against its
  section's dominant separator, or the list's (the ``separator`` convention) when the section has too
  few entries to have one of its own; a separator pinned in the config applies everywhere. Only
  separators made of spaces and punctuation on one line are judged. When only white space differs
  (``"  "`` for ``" "``, ``"]["`` for ``"] ["``), the fix writes the expected one (safe: it changes
  form, not meaning); other differences (``"] "`` for ``"] ["``, a missing bracket) are reported without a fix;
- the order of labelled links: ``[Code]`` before ``[Paper]`` where at least ``min-share`` of the at least
  ``min-pairs`` entries with both put ``Paper`` first. No fix;
- a missing venue tag, in a section where at least ``venue-share`` of at least ``min-entries`` entries
  have one (an entry with a year somewhere in its text has a venue, only in a form not read as a tag,
  and is left alone; so is a table row, whose empty venue cell is the maintainer's "none"). No fix.

A link that only some entries have (Code, Project Page) is optional: its absence is never reported.
"""

from __future__ import annotations

import re
from collections import Counter

from ..diagnostics import Diagnostic, Edit, Fix
from ._quote import entry_span

ID = "entry-format"
SUMMARY = "an entry whose layout departs from the list's dominant pattern: separator, link order, venue tag"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"min-pairs": 10, "min-share": 0.9, "min-entries": 8, "venue-share": 0.9}

_YEAR = re.compile(r"(?<![\w/.-])(?:19[5-9]\d|20\d\d)(?![\w/-])")
_PLAIN_SEPARATOR = re.compile(r"[\s|/·•,;\[\]()-]{1,8}")


def check(ctx):
    doc = ctx.doc
    options = ctx.options
    entries = doc.entries
    share, least = ctx.conventions.min_share, ctx.conventions.min_entries
    label_of = ctx.conventions.label_of  # every link's label, found once per document
    yield from _separators(entries, ctx.conventions.separator, share, least, label_of)
    min_pairs, min_share = int(options.get("min-pairs", 10)), float(options.get("min-share", 0.9))
    yield from _link_order(entries, min_pairs, min_share, label_of)
    yield from _missing_venues(doc, entries, int(options.get("min-entries", 8)), float(options.get("venue-share", 0.9)))


# ---------------------------------------------------------------------------------------------- separators


def _separators(entries, convention, min_share: float, min_entries: int, label_of):
    """Separators unlike the section's own dominant one (a section may keep a style of its own), else
    unlike the list's. A pinned separator applies everywhere. Table rows are left out: their links sit
    in cells."""
    listed = [entry for entry in entries if entry.kind == "item"]
    by_section: dict = {}
    for entry in listed:
        by_section.setdefault(entry.section, []).append(entry)
    for members in by_section.values():
        wanted, evidence = _section_separator(members, convention, min_share, min_entries, label_of)
        if wanted is None:
            continue
        for entry in members:
            yield from _odd_separators(entry, wanted, evidence, label_of)


def _section_separator(members, convention, min_share: float, min_entries: int, label_of):
    """(separator, evidence) a section's entries are held to, or (None, "") when there is none."""
    if convention.pinned:
        return convention.value, "set in the config"
    counts: Counter = Counter()
    for entry in members:
        texts = {separator.text for separator in _labelled_separators(entry, label_of)}
        if len(texts) == 1:
            counts[texts.pop()] += 1
    total = sum(counts.values())
    if counts and total >= min_entries:
        value, count = counts.most_common(1)[0]
        if count >= min_share * total:
            return value, f"used by {count} of {total} entries in this section"
        return None, ""  # the section has no separator of its own: no rule to hold it to
    if convention.holds:
        return convention.value, f"used by {convention.evidence} of the list"
    return None, ""


def _odd_separators(entry, wanted: str, evidence: str, label_of):
    if not _PLAIN_SEPARATOR.fullmatch(wanted) or "\n" in wanted:
        return
    for separator in _labelled_separators(entry, label_of):
        text = separator.text
        if text == wanted or "\n" in text or not _PLAIN_SEPARATOR.fullmatch(text):
            continue  # a separator across lines is about indentation, not about separators
        fix = None
        if "".join(text.split()) == "".join(wanted.split()):  # only white space differs: a change of form
            fix = Fix.safe(Edit(separator.start, separator.end, wanted))
        yield Diagnostic(
            separator.start,
            separator.end,
            f"links separated by {text!r}, unlike {wanted!r} ({evidence})",
            fix=fix,
        )


def _labelled_separators(entry, label_of):
    """The separators that lie between two labelled links (not around the title link or prose links)."""
    labelled = [label_of(link) is not None for link in entry.links]
    for separator in entry.separators:
        before = [i for i, link in enumerate(entry.links) if link.end <= separator.start]
        if not before:
            continue
        i = before[-1]
        if i + 1 < len(entry.links) and labelled[i] and labelled[i + 1]:
            yield separator


# ---------------------------------------------------------------------------------------------- link order


def _label_sequence(entry, label_of) -> list[tuple[str, object]]:
    """(label key, label) of the entry's labelled links, first occurrence of each key only."""
    seen, found = set(), []
    for link in entry.links:
        label = label_of(link)
        if label is not None and label.key not in seen:
            seen.add(label.key)
            found.append((label.key, label))
    return found


def _link_order(entries, min_pairs: int, min_share: float, label_of):
    sequences = [_label_sequence(entry, label_of) for entry in entries]
    before: Counter = Counter()  # (a, b) -> entries where a comes before b
    for sequence in sequences:
        for i, (a, _label) in enumerate(sequence):
            for b, _other in sequence[i + 1 :]:
                before[(a, b)] += 1
    for sequence in sequences:
        yield from _misordered(sequence, before, min_pairs, min_share)


def _misordered(sequence, before: Counter, min_pairs: int, min_share: float):
    """One finding per entry at most: its first label that comes before one the list puts earlier."""
    for i, (a, label) in enumerate(sequence):
        for b, other in sequence[i + 1 :]:
            usual, unusual = before[(b, a)], before[(a, b)]
            total = usual + unusual
            if total >= min_pairs and usual >= min_share * total:
                yield Diagnostic(
                    label.start,
                    label.end,
                    f'"{label.text}" link comes before "{other.text}", '
                    f"unlike {usual} of {total} entries with both links",
                )
                return


# ---------------------------------------------------------------------------------------------- venue tags


def _missing_venues(doc, entries, min_entries: int, share: float):
    sections: dict = {}
    for entry in entries:
        sections.setdefault(entry.section, []).append(entry)
    for section, members in sections.items():
        tagged = sum(1 for entry in members if entry.venue is not None)
        if len(members) < min_entries or tagged < share * len(members) or tagged == len(members):
            continue
        where = f'section "{doc.headings[section].text}"' if section is not None else "this section"
        for entry in members:
            if entry.venue is None and entry.kind == "item" and not _has_year(doc, entry):
                start, end = entry_span(entry)
                message = f"no venue tag found, unlike {tagged} of {len(members)} entries in {where}"
                yield Diagnostic(start, end, message)


def _has_year(doc, entry) -> bool:
    """Whether the entry's text (its URLs left out) holds a year: then it has a venue written in a form
    the entry model does not read (``J.Chem.Inf.Model. 2005.``), which is not a missing one."""
    text, position, pieces = doc.text, entry.start, []
    for link in entry.links:
        pieces.append(text[position : max(position, link.url_start)])
        position = max(position, link.url_end)
    pieces.append(text[position : entry.end])
    return bool(_YEAR.search(" ".join(pieces)))
