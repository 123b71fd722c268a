"""``--stats``: what a list holds, for maintainers who would rather look than read.

Entries per section, papers per year as a bar chart drawn in the terminal, the top venues, the share of
entries with a code link, and the newest and oldest entries; as text, JSON (``--format json``) or a
Markdown table to paste into the README (``--format markdown``). Everything comes from the parsed
entries; nothing is linted.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field

from . import knowledge
from .document import Document

TOP_VENUES = 10
EXTREMES = 3  # newest and oldest entries shown
BAR_WIDTH = 40  # cells of the longest bar
_EIGHTHS = " ▏▎▍▌▋▊▉"


@dataclass
class Section:
    heading: str
    level: int
    line: int
    entries: int  # entries directly under this heading
    total: int  # with those of its subsections
    depth: int = 0  # how many headings enclose this one


@dataclass
class EntryRef:
    title: str
    year: int
    venue: str
    line: int


@dataclass
class ListStats:
    path: str
    entries: int
    sections: list[Section] = field(default_factory=list)
    years: dict[int, int] = field(default_factory=dict)  # year: entries, ascending
    undated: int = 0
    venues: list[tuple[str, int]] = field(default_factory=list)  # most used first
    with_code: int = 0
    newest: list[EntryRef] = field(default_factory=list)
    oldest: list[EntryRef] = field(default_factory=list)

    @property
    def section_count(self) -> int:
        """Sections that hold entries themselves (a title heading over everything does not count)."""
        return sum(1 for section in self.sections if section.entries)

    @property
    def code_share(self) -> float:
        return self.with_code / self.entries if self.entries else 0.0


# ---------------------------------------------------------------------------------------------- counting


def compute(doc: Document, extra: dict | None = None) -> ListStats:
    """The statistics of one list; ``extra`` is a config's venues, labels and hosts."""
    book = knowledge.load(extra)
    entries = doc.entries
    stats = ListStats(path=doc.path, entries=len(entries))
    stats.sections = _sections(doc)
    years = Counter(entry.year for entry in entries if entry.year is not None)
    stats.years = dict(sorted(years.items()))
    stats.undated = sum(1 for entry in entries if entry.year is None)
    venues = Counter(_venue_name(book, entry) for entry in entries if entry.venue is not None and entry.venue.name)
    stats.venues = sorted(venues.items(), key=lambda item: (-item[1], item[0].casefold()))[:TOP_VENUES]
    stats.with_code = sum(1 for entry in entries if any(is_code_link(book, link) for link in entry.links))
    dated = [entry for entry in entries if entry.year is not None]
    # Ties keep document order: the first of the newest year is the one a maintainer put on top.
    stats.newest = [_ref(doc, e) for e in sorted(dated, key=lambda e: -e.year)[:EXTREMES]]
    stats.oldest = [_ref(doc, e) for e in sorted(dated, key=lambda e: e.year)[:EXTREMES]]
    return stats


def _sections(doc: Document) -> list[Section]:
    """Every heading that holds entries (directly or in a subsection), in document order."""
    direct = Counter(entry.section for entry in doc.entries)
    sections = [Section("(before the first heading)", 0, 1, direct[None], direct[None])] if direct[None] else []
    headings = doc.headings
    enclosing: list[int] = []  # levels of the headings above that enclose the current one
    for index, heading in enumerate(headings):
        while enclosing and enclosing[-1] >= heading.level:
            enclosing.pop()
        depth = len(enclosing)
        enclosing.append(heading.level)
        total = direct[index]
        for later in range(index + 1, len(headings)):  # the subsections: until a heading as high as this one
            if headings[later].level <= heading.level:
                break
            total += direct[later]
        if total:
            sections.append(Section(heading.text, heading.level, heading.line, direct[index], total, depth))
    return sections


def _venue_name(book: knowledge.Knowledge, entry) -> str:
    """The venue's canonical name when the venue data knows the spelling (NIPS is NeurIPS), else as written."""
    venue = book.venues.find(entry.venue.name)
    return venue.name if venue is not None else book.venues.base_name(entry.venue.name)


def is_code_link(book: knowledge.Knowledge, link) -> bool:
    """A link to code: a code label (Code, GitHub …), or, whatever its label, a URL on a code host."""
    if link.image:
        return False
    return book.labels.kind_of(link.label) == "code" or book.hosts.is_code_host(knowledge.host_of(link.url))


def _ref(doc: Document, entry) -> EntryRef:
    if entry.title is not None and entry.title.text.strip():
        title = entry.title.text.strip()
    else:
        title = " ".join(doc.text[entry.start : entry.end].split())
    venue = entry.venue.text if entry.venue is not None else ""
    return EntryRef(title=title, year=entry.year, venue=venue, line=entry.line)


# ---------------------------------------------------------------------------------------------- output


def bar(value: int, largest: int, width: int = BAR_WIDTH, unicode: bool = True) -> str:
    """A horizontal bar, ``value / largest`` of ``width`` cells, in eighths of a cell when unicode is allowed."""
    if largest <= 0 or value <= 0:
        return ""
    if not unicode:
        return "#" * max(1, round(value * width / largest))
    eighths = max(1, round(value * width * 8 / largest))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def _short(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(stats: ListStats, unicode: bool = True) -> list[str]:
    lines = [f"{stats.path}: {stats.entries} entries in {stats.section_count} sections", ""]
    if stats.sections:
        lines.append("Entries per section")
        width = max(len(_short(s.heading, 50)) + 2 * s.depth for s in stats.sections)
        for section in stats.sections:
            name = "  " * section.depth + _short(section.heading, 50)
            lines.append(f"  {name:<{width}}  {section.total:>5}")
        lines.append("")
    if stats.years:
        lines.append("Papers per year" + (f" ({stats.undated} entries without a year)" if stats.undated else ""))
        largest = max(stats.years.values())
        width = len(str(largest))
        for year, count in _year_rows(stats.years):
            lines.append(f"  {year}  {count:>{width}} {bar(count, largest, unicode=unicode)}".rstrip())
        lines.append("")
    else:
        lines += ["Papers per year: no entry has a year", ""]
    if stats.venues:
        lines.append("Top venues")
        width = max(len(name) for name, _ in stats.venues)
        lines += [f"  {name:<{width}}  {count:>5}" for name, count in stats.venues]
        lines.append("")
    lines.append(f"Code links: {stats.with_code} of {stats.entries} entries ({stats.code_share:.0%})")
    for label, refs in (("Newest", stats.newest), ("Oldest", stats.oldest)):
        if refs:
            lines.append("")
            lines.append(label)
            lines += [f"  {ref.year}  {_short(ref.title)}  (line {ref.line})" for ref in refs]
    return lines


def _year_rows(years: dict[int, int]) -> list[tuple[int, int]]:
    """Every year from the first to the last, so gaps show, unless the span is too long to be readable."""
    first, last = min(years), max(years)
    if last - first >= 40:
        return list(years.items())
    return [(year, years.get(year, 0)) for year in range(first, last + 1)]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(stats: ListStats) -> list[str]:
    """Tables to paste into the README (no headings, so they do not disturb its table of contents)."""
    lines = [
        "| Entries | Sections | With code | Years |",
        "|--:|--:|--:|:--|",
        f"| {stats.entries} | {stats.section_count} | {stats.with_code} ({stats.code_share:.0%}) | "
        f"{_year_span(stats)} |",
    ]
    if stats.years:
        largest = max(stats.years.values())
        lines += ["", "| Year | Papers | |", "|--:|--:|:--|"]
        lines += [f"| {year} | {count} | {bar(count, largest, 20)} |" for year, count in _year_rows(stats.years)]
    if stats.venues:
        lines += ["", "| Venue | Papers |", "|:--|--:|"]
        lines += [f"| {_cell(name)} | {count} |" for name, count in stats.venues]
    if stats.sections:
        lines += ["", "| Section | Entries |", "|:--|--:|"]
        lines += [f"| {'&emsp;' * s.depth}{_cell(s.heading)} | {s.total} |" for s in stats.sections]
    return lines


def _year_span(stats: ListStats) -> str:
    if not stats.years:
        return "-"
    first, last = min(stats.years), max(stats.years)
    return str(first) if first == last else f"{first}–{last}"


def to_dict(stats: ListStats) -> dict:
    result = asdict(stats)
    result["years"] = {str(year): count for year, count in stats.years.items()}
    result["venues"] = [{"name": name, "entries": count} for name, count in stats.venues]
    result["code_share"] = round(stats.code_share, 4)
    result["section_count"] = stats.section_count
    return result


def main(paths: list[str], fmt: str, out, fixed_config=None) -> int:
    """``awesome-lint --stats``: 0 when every file was read, 2 (one line on stderr) when one was not.

    Each file's config (or ``fixed_config``, from --config) adds its venues, labels and hosts.
    """
    import sys
    from pathlib import Path

    from . import config as config_module
    from . import files
    from .source import InputError

    reports = []
    for path in paths:
        config = fixed_config or config_module.discover(Path.cwd() / "stdin.md" if path == "-" else Path(path))
        try:
            reports.append(compute(Document(files.read(path)), config.extra))
        except InputError as err:
            print(f"awesome-lint: {err}", file=sys.stderr)
            return 2
    if fmt == "json":
        json.dump([to_dict(stats) for stats in reports], out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    unicode = "utf" in (getattr(out, "encoding", None) or "utf-8").casefold()
    for index, stats in enumerate(reports):
        if index:
            out.write("\n")
        body = render_markdown(stats) if fmt == "markdown" else render_text(stats, unicode)
        if fmt == "markdown" and len(reports) > 1:
            body = [f"**{stats.path}**", "", *body]
        out.write("\n".join(body) + "\n")
    return 0
