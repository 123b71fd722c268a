"""Small helpers the entry rules share: quoting an entry in a message, the span a finding points at, and
whether an item is a paper or project at all."""

from __future__ import annotations

MAX_CHARS = 60


def quote_title(entry, limit: int = MAX_CHARS) -> str:
    """The entry's title in quotes, cut with an ellipsis past ``limit`` characters ("" when it has none)."""
    if entry.title is None:
        return ""
    title = " ".join(entry.title.text.split())
    if len(title) > limit:
        title = title[: limit - 1].rstrip() + "…"
    return f'"{title}"'


def entry_span(entry) -> tuple[int, int]:
    """The span a finding about a whole entry points at: its title when it has one, else its own text."""
    if entry.title is not None:
        return entry.title.start, entry.title.end
    return entry.start, entry.end


def is_listing(entry) -> bool:
    """Whether an entry lists a paper or a project (it has a link or a venue tag), rather than being a
    note such as "- Not committed for a long time (2~3 years)." among a section's items."""
    return bool(entry.links) or entry.venue is not None
