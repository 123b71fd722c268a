"""entry-order: an entry out of its section's order (newest first, oldest first, or alphabetical).

Each section's order comes from the config (``conventions: {order: year-desc}``, or per heading) or is
inferred from the section itself (most of its entries keep it). An inferred order is reported on only
when the section keeps it far better than chance: at most half as many misplaced entries as the same
entries shuffled would have, and most steps between different years going the order's way (or almost
no misplaced entry at all). A section where nearly every paper is from 2023, or one filed roughly in the
order papers were added, stays quiet. Only the entries outside one longest ordered subsequence are
reported, not their neighbours, so one paper filed in the wrong place gives one finding. Entries
without a year (or title) are not judged. Findings under an inferred order are at info level; under an
order pinned in the config, at the rule's level (warning by default).

The fix moves each reported entry, with its nested items, to where the order puts it: after the entries
that come before it, so entries of the same year keep their order. It is safe when the order is pinned
in the config and unsafe when it is only inferred; there is no fix when the section's entries are not
one tight list (blank lines or other blocks between them) or some have no key to sort by. Paragraph
entries (a bold title line, then authors, venue and links) move as whole paragraphs: the blank lines
between them stay where they are, so the spacing is kept; there is no fix when anything but blank
lines stands between two of them. The section's fix is shown on its first finding, and fixes them all.
"""

from __future__ import annotations

import bisect
import random

from ..conventions import order_key, ordered_subsequence
from ..diagnostics import CHANGES_ORDER, Diagnostic, Edit, Fix
from ._quote import entry_span, quote_title

ID = "entry-order"
SUMMARY = "an entry out of its section's order (year descending, year ascending or alphabetical)"
SEVERITY = "warning"
FIX = "unsafe"
OPTIONS: dict = {}

# An inferred order counts only when the section keeps it far better than chance (its misplaced
# entries are at most CHANCE_SHARE of those a shuffled section would have), and either most of its
# steps between different keys go the order's way (STEP_SHARE), or it is almost perfectly kept
# (STRONG_CHANCE_SHARE: long sections with few distinct years have few steps at all).
CHANCE_SHARE = 0.5
STRONG_CHANCE_SHARE = 0.1
STEP_SHARE = 0.75
SHUFFLES = 8

_DESCRIBE = {
    "year-desc": "newest first",
    "year-asc": "oldest first",
    "alphabetical": "alphabetical",
}


def check(ctx):
    doc = ctx.doc
    conventions = ctx.conventions
    for section, entries in conventions.sections.items():
        order = conventions.order_of(section)
        if not order.holds or order.value not in _DESCRIBE:
            continue
        keyed = [(entry, order_key(entry, order.value)) for entry in entries]
        keyed = [(entry, key) for entry, key in keyed if key is not None]
        if len(keyed) < 2:
            continue
        keys = [key for _entry, key in keyed]
        descending = order.value == "year-desc"
        kept = set(ordered_subsequence(keys, descending=descending))
        if len(kept) == len(keys):
            continue
        if not order.pinned and not _clear(keys, len(kept), descending):
            continue
        movable = _movable(doc, entries) and len(keyed) == len(entries)
        yield from _findings(doc, section, order, keyed, kept, descending, movable)


def _clear(keys: list, kept: int, descending: bool) -> bool:
    """Whether a section shows its inferred order clearly enough to report the entries that break it."""
    rng = random.Random(len(keys))  # seeded: the same list always gets the same findings
    shuffled_kept = 0
    for _ in range(SHUFFLES):
        shuffled = keys[:]
        rng.shuffle(shuffled)
        shuffled_kept += len(ordered_subsequence(shuffled, descending=descending))
    by_chance = len(keys) - shuffled_kept / SHUFFLES
    if by_chance <= 0:
        return False
    share = (len(keys) - kept) / by_chance
    forward = sum(1 for a, b in zip(keys, keys[1:], strict=False) if (a > b if descending else a < b))
    backward = sum(1 for a, b in zip(keys, keys[1:], strict=False) if (a < b if descending else a > b))
    steps_forward = forward / (forward + backward) if forward + backward else 0.0
    return share <= CHANCE_SHARE and (steps_forward >= STEP_SHARE or share <= STRONG_CHANCE_SHARE)


def _findings(doc, section, order, keyed, kept, descending, movable):
    heading = f'section "{doc.headings[section].text}"' if section is not None else "the list's first section"
    how = _DESCRIBE[order.value]
    basis = "set in the config" if order.pinned else f"{order.evidence} keep it"
    kept_positions = sorted(kept)
    probes = [_probe(keyed[i][1], descending) for i in kept_positions]
    slots = {
        p: bisect.bisect_right(probes, _probe(key, descending)) for p, (_e, key) in enumerate(keyed) if p not in kept
    }
    fix = _reorder(doc, keyed, kept_positions, slots, descending, order.pinned) if movable else None
    for position, slot in slots.items():
        entry, key = keyed[position]
        neighbour = keyed[kept_positions[slot - 1]][0] if slot else keyed[kept_positions[0]][0]
        relation = "after" if slot else "before"
        shown = key if order.value != "alphabetical" else quote_title(entry)
        message = (
            f"{shown} is out of order in {heading}, which is {how} ({basis}); "
            f"it belongs {relation} line {neighbour.line}"
        )
        start, end = entry_span(entry)
        # an order inferred from the list is a guess: at most info; a pinned order takes the rule's level
        yield Diagnostic(start, end, message, fix=fix, max_severity=None if order.pinned else "info")
        fix = None  # the section's one fix rides on its first finding (a copy on each: findings x section in JSON)


def _probe(key, descending: bool):
    """The value bisect compares: years are negated for a newest-first order."""
    return -key if descending else key


# ---------------------------------------------------------------------------------------------- the fix


def _movable(doc, entries) -> bool:
    """Whether the entries are one tight run of siblings: each starts on the line after the last one ends."""
    parents = set()
    for entry in entries:
        if entry.kind == "item":
            parents.add(("item", doc.items[entry.index].parent))
        elif entry.kind == "row":
            parents.add(("row", doc.rows[entry.index].table))
        else:
            parents.add((entry.kind, None))
    if len(parents) != 1:
        return False
    for a, b in zip(entries, entries[1:], strict=False):
        after = _last_line(doc, a) + 1
        if a.kind == "paragraph":  # paragraphs: one or more blank lines between them, and nothing else
            if b.line == after or any(doc.lines[n - 1].strip() for n in range(after, b.line)):
                return False
        elif b.line != after:
            return False
    return _last_line(doc, entries[-1]) < len(doc.lines) or doc.ends_with_newline


def _last_line(doc, entry) -> int:
    """The entry's last line, its nested items included (``Entry.end_line`` ends with its own text)."""
    if entry.kind == "item":
        return max(entry.end_line, doc.items[entry.index].end_line)
    return entry.end_line


def _lines(doc, entry) -> tuple[int, int]:
    """Offsets of the entry's whole lines, nested items and the final line ending included."""
    last = _last_line(doc, entry)
    start = doc.line_starts[entry.line - 1]
    end = doc.line_starts[last] if last < len(doc.lines) else len(doc.text)
    return start, end


def _reorder(doc, keyed, kept_positions, slots, descending, pinned) -> Fix:
    """One edit over the section's entries: the ordered ones stay, each other one moves to its slot.

    The section's first finding carries it, and it settles them all: a copy on every finding made the JSON
    report grow as findings times the section's size (996 findings in a 530 KB section: 539 MB).
    """
    moving: dict[int, list] = {}
    for position in sorted(slots, key=lambda p: (slots[p], _probe(keyed[p][1], descending), p)):
        moving.setdefault(slots[position], []).append(keyed[position][0])
    sequence = []
    for slot in range(len(kept_positions) + 1):
        if slot:
            sequence.append(keyed[kept_positions[slot - 1]][0])
        sequence.extend(moving.get(slot, ()))
    spans = [_lines(doc, entry) for entry, _key in keyed]
    pieces = []
    for position, entry in enumerate(sequence):
        if position:  # what stood between the entries stays (blank lines between paragraph entries)
            pieces.append(doc.text[spans[position - 1][1] : spans[position][0]])
        pieces.append(doc.text[slice(*_lines(doc, entry))])
    start, end = spans[0][0], spans[-1][1]
    content = "".join(pieces)
    make = Fix.safe if pinned else Fix.unsafe
    return make(Edit(start, end, content), changes=frozenset({CHANGES_ORDER}))
