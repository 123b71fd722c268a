"""Entries: the papers or projects a list is made of, with their fields and spans.

An entry is a top-level item of a section's list, or a table row that holds links.

Which items are entries
    A top-level item (depth 0) that is not in a block quote, not empty, not a task-list item
    (``- [ ] todo``) and not a table-of-contents line (its only links point into the page and it has no
    other words). One extension: a *group item*, a short item without links of its own whose children
    carry links (``- **CVPR**`` or ``- <span id=..>**Year 2024**</span>`` with the papers nested below),
    is a heading in list form, so its children are the entries instead (recursively). The children of an
    entry are never entries.

Which rows are entries
    A body row (not the header) with at least one link that does not point into the page. The header
    names which cell holds the title (Title, Paper, Name ...), the venue (Venue, Conf, Conference/Journal,
    Pub ...), the year (Year, Date) and the description (Description, Summary).

Which paragraphs are entries
    Lists such as awesome-diffusion-categorized write one paper per paragraph (outside lists, quotes and
    tables): a first line that is only a bold title and a hard break (``**Title** \\``,
    ``**[Title](url)**<br>``, two trailing spaces or none), then lines of authors in italics, a venue line
    (``CVPR 2023. [[PDF](...)]``) or a link whose label is the venue (``[[CVPR 2025](arxiv url)]``), and
    links. The paragraph needs a second line and a link out of the page, and its section must be mostly
    such paragraphs (more than half of its paragraphs), so a bold lead-in to prose is not a paper. A comment
    line inside the paragraph (``<!-- [[Project](...)] -->``) does not end it. Its links leave out those on
    the authors line (a line wholly in italics): person names are not link labels. A comment line followed
    by a bold title line ends one paragraph entry and starts the next; a comment inside an entry names no venue.

Which headings are entries
    Lists such as MrNeRF's awesome-3D-gaussian-splatting write one paper per heading: ``### 1. [CVPR '24]
    Title``, then ``**Authors**: ...``, an abstract in ``<details>`` and a line of links. A heading counts when
    its body (up to the next heading) has a link out of the page, no list, table or quote, at most a few text
    lines and few words outside links; it must have no subheading unless it names authors, and more than half
    of the headings under the same parent must count (at least three, unless each names authors). Its
    ``section`` is that parent heading; its links are the heading's and the body's; the number is no title.

The fields (every span is exact, in offsets of ``Document.text``)
    ``links``
        scan_links over the entry's own text (an item's first paragraph; a row cell by cell).
    ``separators``
        the text between consecutive top-level links (an image inside a link's label is not top-level).
    ``title``
        the bold text that opens the entry (``**Title**``, ``(CVPR 2024) **Title**``), else the label of a
        link that opens it (``[Title](url) - ...``, also after a short ``NAME - `` prefix), else the text
        that opens it (emoji left out), up to the venue tag, the first link, a spaced dash, the end of
        its first line or the authors (``Title, G. Hinton and R. Salakhutdinov``). ``***Name:*** Title
        [[Paper]](...)`` gives "Title". In a table cell, a link gives the title only when it opens the cell
        (a link further on is in the description). Emphasis markers are outside the span; so is the
        punctuation that closes the title (``Title. [CVPR 2019]``), which is given as ``title_end`` (a
        field added to the contract) so a rule can still see and fix it.
    ``venue``
        the first venue tag outside the title and outside links, in one of these forms:

        - bracketed: ``[CVPR 2019]``, ``(CVPR 2019)``, ``[CVPR'19]``, ``(arXiv preprint 2022)``,
          ``(IEEE Transactions on X-2022)``, ``[Journal of Computer and Communications2017]`` (the year
          glued to the name: name "Journal of Computer and Communications", year "2017"), mismatched
          ``(CVPR 2019]``, a bare year ``(2014)`` (name ""), and a known venue without a year
          (``[arXiv]``, year ""). Up to three words after the year are qualifiers that stay in the tag's
          text but in neither its name nor its year: ``[ICCV 2019 Oral]`` is ICCV, 2019. The name must
          start with a capital or a digit, or be a known venue (``rules/venues.yaml``); a month, a season
          or a word like "since" or "updated" makes it a date, not a venue (``(Dec 2014)``). A bracket
          that is a failed link (``[x](not a url)``) or a link label (``[[arXiv]]``) is no tag;
        - emphasised: ``**CVPR 2024**``, ``*ICCV 2023*``, ``*ECCV* 2018`` (open and close are "");
        - a link label, in paragraph entries: ``[CVPR 2025](https://arxiv.org/...)`` (a known venue or one
          or two acronyms; a qualifier in parentheses, ``ACM MM 2024 (Oral)``, is left out);
        - plain, after the title only: ``CVPR 2018``, ``NeurIPS2022``, ``CVPR'24``, ``ACM MM 2020``,
          ``IEEE TNNLS 2020``, ``ICLR Workshop 2018`` (name "ICLR Workshop"). The name must be a known
          venue or look like one (one or two acronyms such as ``ESWC`` or ``NeurIPS``; glued to the year,
          only a known venue: ``VOC2012`` is a dataset), and the tag must stand as a field of its own: at
          the start of the text between links, or after ``,`` ``.`` ``;`` ``:`` ``|`` ``-`` ``*`` or
          ``(``, and followed by the end, white space or punctuation. So a number in a title is never a
          year, and "won the PyCon 2019 prize" is no tag. A bare year counts in plain text only as a
          comma- or bar-separated field (``, Mildenhall et al., 2020 |``) or right after the title
          (``**Title.** 2018.``). A two-digit year without "'" counts after a known venue only, and
          before punctuation or the line's end (``EMNLP 18.``; not "Top 10");
        - in a table's venue cell: the cell's text (``CVPR``, ``ArXiv 2026``, ``CVPR(2021)``); there the
          tag may have no year.
    ``year``
        the tag's year as a full year (``'19`` is 2019, ``'98`` is 1998: the latest year not after next
        year), else a table's Year or Date cell (``2024`` or ``2024-12-13``); else the inherited year (below,
        and ``year_inherited`` is set); else None.
    ``inherited_venue``, ``inherited_year``, ``year_inherited``
        the context the entry is filed under, nearest first: a venue tag on a nested line without links
        (``- Authors. *CVPR 2019*`` under the entry, when the entry has no tag of its own), the group items
        above it (``- **Year 2024**``, ``- **CVPR**``), the headings above it (``## 2019``, ``### CVPR 2024``,
        ``## ICCV``). A heading or group item counts only when its whole text is a year (``Year 2024``), a
        venue and a year, or a known venue: "Papers of 2019" or "Before 2020" names nothing. The spans are
        where the context is written, never in the entry's own text, so no rule edits a heading per entry.
        ``VenueTag.place`` says where ("heading", "group", "line"); ``context_venues`` lists each once.
    ``authors``
        the person names, so spelling and label rules leave them alone: an italic line in a paragraph entry
        or below an item's first paragraph, the ``**Authors**:`` line under a heading entry, a nested line
        without links that ends with the venue (``- A. Name, B. Name. *ICML 2019*``), and names after the title
        on its line (``(2014), A. Razavian et al.``, ``, Dellaert and Yen-Chen, Arxiv 2020``).
    ``description``
        the prose after the title's dash (``[name](url) - Description.``) or after a colon that closes a
        bold title (``**DFDC**: The ... dataset.``), without the links that trail it (badges and label
        links; a link that ends a sentence, "inspired by [x](...).", stays); None when nothing
        but a venue tag and links follow. In a table, the Description cell, or the text after the title
        in the title cell (``1) Title  This paper ...``).
"""

from __future__ import annotations

import re
import time  # the current year (datetime costs a millisecond to import)
import unicodedata
from functools import cache
from sys import intern

from .blocks import CODE, COMMENT, ITEM, QUOTE, TABLE, TEXT
from .inline import Link, scan_links
from .record import Record


class Span(Record):
    """A piece of the text: its offsets, and its text, read from ``source`` when asked (``text`` None)."""

    __slots__ = ("start", "end", "_text", "_source")
    _FIELDS = ("text", "start", "end")

    def __init__(self, text: str | None, start: int, end: int, source: str | None = None):
        self.start = start
        self.end = end
        self._text = text
        self._source = source

    @property
    def text(self) -> str:
        text = self._text
        return self._source[self.start : self.end] if text is None else text


class VenueTag(Record):
    """A venue/year tag such as ``[CVPR 2019]``, ``(NeurIPS 2022)``, ``*CVPR* 2024`` or ``CVPR'24``.

    Its strings are interned (``_venue_tag``): a list writes the same few tags thousands of times.
    """

    text: str  # the whole tag as written, brackets included
    start: int
    end: int
    name: str  # "CVPR" ("" when the tag is a bare year)
    name_start: int
    name_end: int
    year: str  # the year as written, "2019" or "19" ("" when absent)
    year_start: int
    year_end: int
    open: str  # the opening bracket, "[" "(" or ""
    close: str
    # Where a context tag is written: "heading" (``### CVPR 2024``), "group" (``- **CVPR**`` with the papers
    # nested below) or "line" (``- Authors. *CVPR 2019*`` under the entry); "" for an entry's own tag.
    place: str

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        text: str,
        start: int,
        end: int,
        name: str,
        name_start: int,
        name_end: int,
        year: str,
        year_start: int,
        year_end: int,
        open: str = "",
        close: str = "",
        place: str = "",
    ) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.name = name
        self.name_start = name_start
        self.name_end = name_end
        self.year = year
        self.year_start = year_start
        self.year_end = year_end
        self.open = open
        self.close = close
        self.place = place


class Entry(Record):
    kind: str  # "item", "row" or "paragraph"
    index: int  # index into Document.items or Document.rows; for a paragraph, its number among paragraph entries
    line: int
    end_line: int
    start: int  # offsets of the entry's own text (an item's first paragraph, or the whole row)
    end: int
    section: int | None  # index into Document.headings of the nearest heading above, None before any
    title: Span | None
    venue: VenueTag | None
    year: int | None  # the full year, from the venue tag or elsewhere in the entry
    links: list[Link]
    description: Span | None
    separators: list[Span]  # the text between consecutive links
    title_end: Span | None  # the "." "," ":" or ";" that closes the title, outside the title span
    # Context: the venue and year of the heading, group item or child line the entry is filed under. Their
    # spans are where they are written, never in the entry's own text, so no fix edits them per entry.
    inherited_venue: VenueTag | None
    inherited_year: Span | None  # the year as written there ("2019")
    year_inherited: bool  # ``year`` is the inherited year: the entry's own text gives none
    # The authors as written (an italic line, ``**Authors**: ...``, a nested ``- Authors. *Venue*`` line, a run
    # of names after the title): person names, so no spelling rule or label rule reads them.
    authors: list[Span]

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        kind: str,
        index: int,
        line: int,
        end_line: int,
        start: int,
        end: int,
        section: int | None,
        title: Span | None = None,
        venue: VenueTag | None = None,
        year: int | None = None,
        links: list[Link] | None = None,
        description: Span | None = None,
        separators: list[Span] | None = None,
        title_end: Span | None = None,
        inherited_venue: VenueTag | None = None,
        inherited_year: Span | None = None,
        year_inherited: bool = False,
        authors: list[Span] | None = None,
    ) -> None:
        self.kind = kind
        self.index = index
        self.line = line
        self.end_line = end_line
        self.start = start
        self.end = end
        self.section = section
        self.title = title
        self.venue = venue
        self.year = year
        self.links = [] if links is None else links
        self.description = description
        self.separators = [] if separators is None else separators
        self.title_end = title_end
        self.inherited_venue = inherited_venue
        self.inherited_year = inherited_year
        self.year_inherited = year_inherited
        self.authors = [] if authors is None else authors


class _Context(Record):
    """The venue and the year a heading, a group item or a child line names, for the entries filed under it."""

    venue: VenueTag | None
    year: Span | None

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(self, venue: VenueTag | None = None, year: Span | None = None) -> None:
        self.venue = venue
        self.year = year

    def __hash__(self) -> int:  # a frozen value: not to be changed
        return hash(self._values())

    def under(self, outer: _Context) -> _Context:
        """This context, with what it lacks taken from the context it is nested in."""
        if outer is _NO_CONTEXT:
            return self
        if self is _NO_CONTEXT:
            return outer  # most entries: nothing of their own (a context is never changed, so it is shared)
        return _Context(self.venue or outer.venue, self.year or outer.year)


_NO_CONTEXT = _Context()


# ---------------------------------------------------------------------------------------------- patterns

_YEAR4 = r"(?:19[5-9]\d|20\d\d)"
# The inside of a bracketed or emphasised tag: an optional name, a separator, a year, up to three
# qualifier words. The name starts with a letter or with digits glued to letters (3DV).
_TAG_BODY = re.compile(
    r"(?P<name>(?:\d+[^\W\d_]|[^\W\d_])[^\[\]()\n]{0,100}?)??"
    r"(?P<sep>[ \t]*['’]|[ \t]*[-–,:][ \t]*|[ \t]+|)"
    r"(?P<year>" + _YEAR4 + r"|(?<=['’])\d\d)"
    r"(?P<extra>(?:[ \t]*[,:&/+-]?[ \t]+[^\W\d_][\w-]*){0,3})[ \t]*"
)
_BRACKET_TAG = re.compile(r"[\[(]([^\[\]()\n]{1,160})[\])]")
_EMPH_TAG = re.compile(r"(?<![*_\w])(\*\*|__|\*|_)(?=[^\s*_])([^*_\n]{1,160}?)(?<=[^\s*_])\1(?![*_])")
_EMPH_NAME_YEAR = re.compile(
    r"(?<![*_\w])(\*\*|__|\*|_)(?=[^\s*_])([^*_\n\d]{1,100}?)(?<=[^\s*_])\1[ \t]*(" + _YEAR4 + r")(?![\d\w])"
)
# Something like a year: ``19xx``/``20xx``, ``'19``, or two digits after a word and a space (``EMNLP 18``). It
# opens with one character class, so the regex engine skips the text without digits or quotes in C.
_DIGIT = re.compile(r"\d")  # every year has one
_YEARISH = re.compile(r"[\d'’](?:(?<=1)9[5-9]\d|(?<=2)0\d\d|(?<=['’])\d\d|(?<=[A-Za-z][ \t]\d)\d(?!\w))")
# A plain year: four digits, ``'19``, or two digits after a space (``EMNLP 18``, taken for a known venue only).
_PLAIN_YEAR = re.compile(r"(?:(?<!\d)(" + _YEAR4 + r")|['’](\d\d)|(?<=[A-Za-z][ \t])(\d\d))(?![\w])")
_SHORT_YEAR_AFTER = frozenset(".,;:|)]\r\n")
_NAME_WORD = re.compile(r"[A-Za-z0-9][\w&.+/-]*$")
_ACRONYM = re.compile(r"(?:\d?[A-Z][A-Za-z0-9&+/-]*)$")
_PLAIN_BEFORE = frozenset(",.;:|-–—*(_[")
_PLAIN_AFTER = frozenset(" \t\r\n.,;:|)]*_")
_DASH = re.compile(r"[ \t]+[-–—][ \t]+")
_LEAD_NOISE = re.compile(r"\[[^\[\]\n]*\]|\([^()\n]*\)|<[^<>\n]*>")
_HTML_TAG = re.compile(r"<[^<>\n]*>")
_WORD = re.compile(r"[^\W_]+")
_NUMBERED = re.compile(r"\d{1,4}[).][ \t]+")
_DESC_LEAD = re.compile(r"(?:[ \t]*(?:[-–—:.,]|<br\s*/?>))*[ \t]*", re.IGNORECASE)
_CELL_BREAK = re.compile(r"[ \t]{2,}|<br\s*/?>", re.IGNORECASE)
_NAME_PAREN_YEAR = re.compile(r"(?P<name>[^\W\d_][^()\n]{0,80}?)[ \t]*\((?P<year>" + _YEAR4 + r")\)[ \t]*")
_DATE_YEAR = re.compile(r"(" + _YEAR4 + r")(?!\d)")
_EMPHASIS = ("***", "**", "__", "*", "_")
# The first line of a paragraph entry: a bold title alone, then a hard break (backslash, <br> or spaces).
_PARAGRAPH_HEAD = re.compile(
    r"(?P<bold>(?P<marker>\*\*|__)(?=\S)(?P<inner>.*?\S)(?P=marker))[.,;]?[ \t]*(?:\\|</?br[ \t]*/?>)?[ \t]*",
    re.IGNORECASE,
)
_ITALIC_LINE = re.compile(r"(?P<m>\*|_)(?![*_\s]).*\S(?<![*_])(?P=m)[ \t]*(?:\\|</?br[ \t]*/?>)?[ \t]*")
# Authors after a title: ", G. Hinton and R. Salakhutdinov", ", A. van den Oord et al.", ", J. Koushik [".
_AUTHORS = re.compile(
    r",[ \t]+(?:[A-Z]\.[ \t]?)+(?:(?:van|von|de|den|der|da|di|le|la)[ \t]+)*[A-Z][\w'’-]+"
    r"(?=[ \t]+et[ \t]+al\b|[ \t]+and[ \t]|[ \t]*[,.\[(]|[ \t]*$)"
)
# What stands between a title and the names after it: "(2014), ", ", ".
_NAMES_LEAD = re.compile(r"[ \t]*(?:\((?:19|20)\d\d\)[ \t]*)?,[ \t]*")
_ITALIC_LINE_END = re.compile(r"[ \t]*(?:\\|</?br[ \t]*/?>)?[ \t]*\Z", re.IGNORECASE)
_ET_AL = re.compile(r"\bet al\b")
_PARENTHESISED = re.compile(r"\([^()]*\)")
_NAME_SEPARATOR = re.compile(r",|\band\b|&")
_INITIALS = re.compile(r"[A-Z]\.(?:-?[A-Z]\.)*")
_NAME_PARTICLES = frozenset(("van", "von", "de", "den", "der", "da", "di", "le", "la", "du", "del", "dos", "bin"))
_OPEN_YEAR = re.compile(r"[ \t]*\((?:" + _YEAR4 + r")?\Z")
_YEAR_ONLY = re.compile(r"(?:(?i:year)[ \t:]*)?(?P<year>" + _YEAR4 + r")")
_EDGE_TAG = re.compile(r"<[^<>\n]*>[ \t]*\Z")
_TITLE_PUNCT = ".,:;"

_TITLE_HEADERS = ("title", "paper", "papers", "paper title", "name", "project", "method", "model", "dataset")
_VENUE_HEADERS = ("venue", "conf", "journal", "pub", "booktitle", "proceedings")
_YEAR_HEADERS = ("year", "date", "time")
_DESCRIPTION_HEADERS = ("description", "summary", "abstract", "notes", "tl;dr", "tldr")

_GROUP_MAX_WORDS = 6
_HEADING_BODY_LINES = 8  # a paper under a heading: an authors line, a comment, a line of links
_HEADING_BODY_WORDS = 30  # words outside links and the authors line: a short comment, not prose
# "**Authors**: A. Name, B. Name" or "Authors: ..." on a line of its own.
_AUTHORS_FIELD = re.compile(r"[ \t]*(?:\*\*|__)?(?:Authors?)(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)?[ \t]*:)[ \t]*", re.I)

# First words that make "NAME YEAR" a date or a note rather than a venue: (Dec 2014), (Spring 2011),
# **Year 2024**, (Updated 2019).
# fmt: off
_NOT_VENUE = frozenset((
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
    "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "spring", "summer", "fall", "autumn", "winter", "year", "years", "season", "week", "month", "day", "today",
    "since", "until", "updated", "update", "released", "release", "version", "edition", "published",
    "copyright", "circa", "from", "before", "after", "last", "first",
))
# fmt: on


@cache
def _known_venues() -> frozenset[str]:
    """Every venue name, alias and full name from rules/venues.yaml, case-folded."""
    names: set[str] = set()
    try:
        from . import data

        venues = data.load("venues").get("venues") or {}
    except Exception:  # the data file is optional here: without it, acronyms still count
        venues = {}
    for key, raw in venues.items():
        names.add(_fold(str(key)))
        if isinstance(raw, dict):
            for alias in raw.get("aliases") or ():
                names.add(_fold(str(alias)))
            if raw.get("full"):
                names.add(_fold(str(raw["full"])))
    names.discard("")
    return frozenset(names)


@cache
def _qualifiers() -> frozenset[str]:
    """Words after a venue name that qualify the paper (Oral, Workshop ...), case-folded."""
    try:
        from . import data

        words = data.load("venues").get("qualifiers") or ()
    except Exception:
        words = ()
    return frozenset(_fold(str(word)) for word in words) | {"workshop", "workshops", "oral", "spotlight"}


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


@cache  # one int object per year, shared by the entries
def full_year(year: str) -> int | None:
    """A year as written in a tag as a full year: "2019" is 2019; "19" is 2019 and "98" is 1998."""
    if len(year) == 4 and year.isdigit():
        return int(year)
    if len(year) == 2 and year.isdigit():
        next_year = time.localtime().tm_year + 1
        value = 2000 + int(year)
        return value if value <= next_year else value - 100
    return None


# ---------------------------------------------------------------------------------------------- extract


def extract(doc) -> list[Entry]:
    """The entries of a document, in order."""
    return _Extractor(doc).run()


class _Extractor:
    def __init__(self, doc):
        self.doc = doc
        self.text: str = doc.text
        self.definitions = doc.definitions
        self.known = _known_venues()
        self.qualifiers = _qualifiers()

    def run(self) -> list[Entry]:
        found: list[Entry] = []
        groups: dict[int, _Context] = {}  # id(entry) -> the context of the group items it is filed under
        self._items(found, groups)
        self._rows(found)
        self._paragraphs(found)
        self._headings(found)
        found.sort(key=lambda entry: entry.start)
        self._attach_context(found, groups)
        return found

    # ------------------------------------------------------------------ items

    def _items(self, found: list[Entry], groups: dict[int, _Context]) -> None:
        items = self.doc.items
        children: list[list[int]] = [[] for _ in items]
        for index, item in enumerate(items):
            parent = item.parent
            if parent is not None and 0 <= parent < len(items) and parent != index:
                children[parent].append(index)
        links_in = self.doc.links_in  # scanned once per span, shared with the phrasing parser

        def links_of(index: int) -> list[Link]:
            item = items[index]
            return links_in(item.content_start, item.text_end)

        linked_below: dict[int, bool] = {}

        def has_links_below(index: int) -> bool:
            """Whether an item or any item nested in it holds a link out of the page."""
            known = linked_below.get(index)
            if known is None:
                known = any(not _is_anchor(link) for link in links_of(index))
                if not known:
                    stack = list(children[index])
                    while stack and not known:
                        kid = stack.pop()
                        known = any(not _is_anchor(link) for link in links_of(kid))
                        stack.extend(children[kid])
                linked_below[index] = known
            return known

        pending = [(index, _NO_CONTEXT) for index, item in enumerate(items) if item.depth == 0]
        seen: set[int] = set()
        while pending:
            index, context = pending.pop()
            if index in seen:
                continue
            seen.add(index)
            item = items[index]
            if item.in_quote or item.checkbox is not None:
                continue
            start, end = item.content_start, item.text_end
            if end <= start or not self.text[start:end].strip():
                continue
            links = links_of(index)
            if links and all(_is_anchor(link) for link in links) and not self._words_outside(start, end, links):
                continue  # a table of contents line
            if children[index] and self._is_group(start, end, links, children[index], has_links_below):
                inner = self._context_of(start, end, "group").under(context)
                pending.extend((kid, inner) for kid in children[index])
                continue
            entry = self._item_entry(index, item, links)
            self._item_authors(entry, item, children[index], links_of)
            if entry.venue is None:
                context = self._child_context(children[index], links_of).under(context)
            if context is not _NO_CONTEXT:
                groups[id(entry)] = context
            found.append(entry)

    def _words_outside(self, start: int, end: int, links: list[Link]) -> bool:
        text = self.text
        pos = start
        for link in _top_level(links):
            if _WORD.search(_HTML_TAG.sub("", text[pos : link.start])):
                return True
            pos = max(pos, link.end)
        return bool(_WORD.search(_HTML_TAG.sub("", text[pos:end])))

    def _is_group(self, start, end, links, kids, has_links_below) -> bool:
        """A short item without links of its own whose children carry links: a heading in list form."""
        if any(not _is_anchor(link) for link in links):
            return False
        words = _WORD.findall(_HTML_TAG.sub(" ", self.text[start:end]))
        if len(words) > _GROUP_MAX_WORDS:
            return False
        return any(has_links_below(kid) for kid in kids)

    def _item_entry(self, index: int, item, links: list[Link]) -> Entry:
        doc = self.doc
        start, end = item.content_start, item.text_end
        entry = Entry(
            kind="item",
            index=index,
            line=item.line,
            end_line=_same_or(item.line, doc.line_of(max(start, end - 1))) if end > start else item.line,
            start=start,
            end=end,
            section=doc.section_of(item.line),
            links=links,
        )
        top = _top_level(links)
        entry.separators = self._separators(top)
        self._fields(entry, start, end, top)
        return entry

    # ------------------------------------------------------------------ fields of an item

    def _fields(self, entry: Entry, start: int, end: int, top: list[Link]) -> None:
        text = self.text
        gaps = _gaps(start, end, top)
        first_link = top[0].start if top else end
        title: tuple[int, int] | None = None
        title_outer: tuple[int, int] | None = None  # the title with its emphasis markers or link

        lead = _skip_noise(text, start, first_link)
        # 1. a bold title that opens the entry, after tags, notes and emoji.
        bold = self._opening_bold(start, first_link)
        if bold is not None:
            title, title_outer = bold
        # 2. a link that opens the entry (or follows a short "NAME - " prefix).
        elif top and self._opens_with_link(start, top[0]):
            link = top[0]
            inner = _unwrap(text, link.label_start, link.label_end)
            if inner is not None and not link.image and _WORD.search(text[inner[0] : inner[1]]):
                title, title_outer = inner, (link.start, link.end)

        yearish = _YEARISH.search(text, start, end) is not None  # no year, no tag: skip the searches
        tag = self._strong_tag(gaps, title_outer, yearish)
        if title is None:
            # 3. the text that opens the entry, up to the tag, the first link or a spaced dash.
            t_start, t_end = lead, first_link
            if tag is not None and tag.start < first_link:
                if not text[lead : tag.start].strip() or _only_noise(text, lead, tag.start):
                    t_start = _skip_noise(text, tag.end, first_link)
                else:
                    t_end = tag.start
            dash = _DASH.search(text, t_start, t_end)
            if dash is not None:
                t_end = dash.start()
            line_end = _first_line_end(text, t_start, t_end)
            if line_end is not None and text[t_start:line_end].strip():
                t_end = line_end
            authors = _AUTHORS.search(text, t_start, t_end)
            if authors is not None:  # "Title, G. Hinton and R. Salakhutdinov": the authors are not the title
                t_end = authors.start()
                opened = _OPEN_YEAR.search(text, t_start, t_end)  # "Title (2014, C. Dong et al.)"
                if opened is not None:
                    t_end = opened.start()
            inner = _unwrap(text, t_start, t_end)
            if inner is not None and _WORD.search(text[inner[0] : inner[1]]):
                title = inner
                title_outer = (t_start, _rstrip(text, t_start, t_end))
        if title is not None:
            title, mark = _split_title_end(text, title, title_outer)
            if title is not None:
                entry.title = _span(text, title[0], title[1])
            entry.title_end = mark
        after_title = entry.title_end.end if entry.title_end else title_outer[1] if title_outer else start
        if tag is None and yearish:
            tag = self._plain_tag(gaps, after_title)
        if tag is not None:
            entry.venue = tag
            entry.year = full_year(tag.year)
        entry.description = self._description(entry, start, end, top, gaps, after_title, title_outer)
        if title_outer is not None:
            self._inline_authors(entry, after_title, end, top)

    def _inline_authors(self, entry: Entry, after: int, end: int, top: list[Link]) -> None:
        """The names that follow a title on its line: ``**Title** (2014), A. Razavian et al. [[pdf]](...)``,
        ``[Title](url), A. Name, B. Name, Arxiv 2024 |``, ``**Title**, First Author et al. [[Paper]]``."""
        text = self.text
        lead = _NAMES_LEAD.match(text, after, end)
        if lead is not None:
            a = lead.end()
        elif entry.title_end is not None and entry.title_end.text == "," and entry.title_end.end == after:
            a = _skip_spaces(text, after, end)  # "**Title**, Jinlu Zhang et al.": the comma closed the title
        else:
            return
        b = end
        following = next((link.start for link in top if link.start >= a), None)
        if following is not None:
            b = following
        tag = entry.venue
        if tag is not None and a <= tag.start < b:
            b = tag.start
        line_end = _first_line_end(text, a, b)
        if line_end is not None:
            b = line_end
        while b > a and text[b - 1] in " \t,.;:|([":
            b -= 1
        if b > a and _looks_like_names(text[a:b]):
            entry.authors.append(_span(text, a, b))

    def _item_authors(self, entry: Entry, item, kids: list[int], links_of) -> None:
        """Authors written below an item's first paragraph: a line wholly in italics (``*Jie Zhou, Ganqu
        Cui.*``), or a nested line without links that ends with the venue (``- A. Name, B. Name. *ICML 2019*``)."""
        doc, text = self.doc, self.text
        first_kid = doc.items[kids[0]].line if kids else item.end_line + 1
        for number in range(doc.line_of(item.text_end) + 1, first_kid):
            if doc.blocks.line_kinds[number - 1] != TEXT:
                continue
            start, end = doc.line_starts[number - 1], doc.line_ends[number - 1]
            start = _skip_spaces(text, start, end)
            if _ITALIC_LINE.fullmatch(text, start, end):
                entry.authors.append(self._italic_span(start, end))
        for kid in kids:
            child = doc.items[kid]
            start, end = child.content_start, child.text_end
            if end <= start or any(not _is_anchor(link) for link in links_of(kid)):
                continue
            if _YEARISH.search(text, start, end) is None:
                continue
            tag = self._strong_tag(_gaps(start, end, []), None)
            if tag is None or tag.start <= start:
                continue
            b = tag.start
            while b > start and text[b - 1] in " \t,.;:":
                b -= 1
            if b > start and _looks_like_names(text[start:b]):
                entry.authors.append(_span(text, start, b))

    def _opening_bold(self, start: int, limit: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """``**Title**`` at the start of the entry, possibly after tags, notes and emoji."""
        text = self.text
        pos = text.find("**", start, limit)
        if pos < 0:
            pos = text.find("__", start, limit)
            if pos < 0:
                return None
        marker = text[pos : pos + 2]
        if not _only_noise(text, start, pos):
            return None
        three = text.startswith(marker[0] * 3, pos)
        width = 3 if three else 2
        close = text.find(marker[0] * width, pos + width, limit)
        if close < 0:
            return None
        inner_start, inner_end = pos + width, close
        content = text[inner_start:inner_end]
        if not content.strip() or len(content) > 500:
            return None
        if _tag_body(content.strip()):
            return None  # **CVPR 2024** is a tag, not a title
        outer = (pos, close + width)
        rest_start = _skip_spaces(text, outer[1], limit)
        if content.rstrip().endswith(":") and rest_start < limit and text[rest_start].isalnum():
            # ***Name:*** Title of the paper [[Paper]](...): the bold part names the method.
            t_end = limit
            dash = _DASH.search(text, rest_start, limit)
            if dash is not None:
                t_end = dash.start()
            inner = _unwrap(text, rest_start, t_end)
            if inner is None:
                return None
            return inner, (rest_start, _rstrip(text, rest_start, t_end))
        inner = _unwrap(text, inner_start, inner_end)
        if inner is None:
            return None
        return inner, outer

    def _opens_with_link(self, start: int, link: Link) -> bool:
        text = self.text
        if _only_noise(text, start, link.start, allow_tags=False):
            return True
        # "ACGAN - [Title](url)": a short name and a dash before the link.
        prefix = text[start : link.start]
        stripped = prefix.rstrip()
        if not stripped.endswith(("-", "–", "—", ":")):
            return False
        return len(stripped[:-1].split()) <= 2 and prefix != stripped

    # ------------------------------------------------------------------ venue tags

    def _strong_tag(self, gaps, title_outer, yearish: bool = True) -> VenueTag | None:
        """The first bracketed or emphasised tag outside links and the title."""
        text = self.text
        if not yearish:  # only a yearless bracketed tag is possible: [arXiv]
            for g_start, g_end in gaps:
                for a, b in _minus(g_start, g_end, title_outer):
                    if text.find("[", a, b) < 0 and text.find("(", a, b) < 0:
                        continue
                    for m in _BRACKET_TAG.finditer(text, a, b):
                        tag = self._bracket_tag(m)
                        if tag is not None:
                            return tag
            return None
        for g_start, g_end in gaps:
            for a, b in _minus(g_start, g_end, title_outer):
                best: VenueTag | None = None
                for m in _BRACKET_TAG.finditer(text, a, b):
                    best = self._bracket_tag(m)
                    if best is not None:
                        break
                limit = best.start if best is not None else b
                for pattern in (_EMPH_NAME_YEAR, _EMPH_TAG):
                    for m in pattern.finditer(text, a, limit):
                        tag = self._emphasis_tag(m, pattern is _EMPH_NAME_YEAR)
                        if tag is not None:
                            best, limit = tag, tag.start
                            break
                if best is not None:
                    return best
        return None

    def _bracket_tag(self, m: re.Match) -> VenueTag | None:
        text = self.text
        c_start, c_end = m.span(1)
        if text[m.start()] == "[" and text.startswith("(", m.end()):
            return None  # [label](broken destination): a link that failed, not a tag
        if text[m.start() - 1 : m.start()] == "[" and text.startswith("]", m.end()):
            return None  # [[arXiv]]: the label style of a link
        tag = self._body(c_start, c_end, m.start(), m.end())
        if tag is None:
            inner = _unwrap(text, c_start, c_end)
            if inner is None or _fold(text[inner[0] : inner[1]]) not in self.known:
                return None
            n_start, n_end = inner
            tag = _venue_tag(text, m.start(), m.end(), n_start, n_end, n_end, n_end)
        tag.open, tag.close = text[m.start()], text[m.end() - 1]
        return tag

    def _emphasis_tag(self, m: re.Match, split: bool) -> VenueTag | None:
        text = self.text
        if split:  # *ECCV* 2018
            n_start, n_end = m.span(2)
            name = text[n_start:n_end]
            if not self._name_ok(name, strict=True):
                return None
            y_start, y_end = m.span(3)
            return _venue_tag(text, m.start(), m.end(), n_start, n_end, y_start, y_end)
        return self._body(m.start(2), m.end(2), m.start(), m.end(), need_name=True)

    def _body(self, c_start: int, c_end: int, t_start: int, t_end: int, need_name=False) -> VenueTag | None:
        """A tag whose inside is text[c_start:c_end] (a name and a year), the whole tag t_start..t_end."""
        text = self.text
        while c_start < c_end and text[c_start] in " \t":
            c_start += 1
        while c_end > c_start and text[c_end - 1] in " \t":
            c_end -= 1
        m = _tag_body(text, c_start, c_end)
        if m is None:
            return None
        y_start, y_end = m.span("year")
        if m.group("name") is not None:
            n_start, n_end = m.span("name")
            name = text[n_start:n_end]
            if not self._name_ok(name, strict=False):
                return None
        elif need_name:
            return None
        else:
            n_start = n_end = y_start
            name = ""
        return _venue_tag(text, t_start, t_end, n_start, n_end, y_start, y_end)

    def _name_ok(self, name: str, strict: bool) -> bool:
        """Whether ``name`` can be a venue: known, or capitalised (strict: known or an acronym)."""
        name = name.strip()
        if not name or len(name) > 100 or len(name.split()) > 10:
            return False
        folded = _fold(name)
        if folded.split()[0].rstrip(".,") in _NOT_VENUE:
            return False
        if folded in self.known or folded.split()[0] in self.known:
            return True
        if strict:
            words = name.split()
            return len(words) <= 6 and words[0][0].isupper()
        return name[0].isupper() or name[0].isdigit()

    def _plain_tag(self, gaps, after: int) -> VenueTag | None:
        """``CVPR 2018``, ``NeurIPS2022`` or ``CVPR'24`` standing as a field of its own after the title."""
        text = self.text
        for g_start, g_end in gaps:
            a = max(g_start, after)
            if a >= g_end:
                continue
            for m in _PLAIN_YEAR.finditer(text, a, g_end):
                short = m.group(3) is not None  # EMNLP 18
                y_start, y_end = m.span(1 if m.group(1) is not None else 3 if short else 2)
                if y_end < g_end and text[y_end] not in (_SHORT_YEAR_AFTER if short else _PLAIN_AFTER):
                    continue
                tag = self._plain_name(a, m.start(), y_start, y_end, m.end())
                if short and tag is not None and _fold(tag.name) not in self.known:
                    continue  # "Top 10", "ES 6": only a known venue takes a two-digit year without "'"
                if tag is None and m.group(1) is not None:
                    tag = self._plain_year(a, g_end, y_start, y_end, after)
                if tag is not None:
                    return tag
        return None

    def _plain_year(self, a: int, b: int, y_start: int, y_end: int, after: int) -> VenueTag | None:
        """A bare year as a field of its own: ``, Mildenhall et al., 2020 |`` or ``**Title.** 2018.``."""
        text = self.text
        p = y_start
        while p > a and text[p - 1] in " \t":
            p -= 1
        right_after_title = not text[after:p].strip("*_ \t")
        if not right_after_title and (p == a or text[p - 1] not in ",|;"):
            return None
        q = y_end
        while q < b and text[q] in " \t":
            q += 1
        if q < b and text[q] not in ",|;.)\r\n":
            return None
        return _venue_tag(text, y_start, y_end, y_start, y_start, y_start, y_end)

    def _plain_name(self, a: int, m_start: int, y_start: int, y_end: int, m_end: int) -> VenueTag | None:
        text = self.text
        pos = m_start
        while pos > a and text[pos - 1] in " \t":
            pos -= 1
        if pos > a and text[pos - 1] == "-" and y_start == m_start:
            pos -= 1
            while pos > a and text[pos - 1] in " \t":
                pos -= 1
        name_end = pos
        # Up to four words before the year: the longest run that is a known venue, else one acronym.
        words: list[tuple[int, int]] = []
        p = name_end
        while len(words) < 4 and p > a:
            m = _NAME_WORD.search(text, a, p)
            if m is None:
                break
            words.append((m.start(), m.end()))
            p = m.start()
            if p > a and text[p - 1] not in " \t":
                break
            while p > a and text[p - 1] in " \t":
                p -= 1
        if not words:
            return None
        glued = name_end == y_start  # NeurIPS2022: only a known venue may be glued to its year
        first = 0
        if len(words) > 1 and _fold(text[words[0][0] : words[0][1]]) in self.qualifiers:
            first = 1  # ICLR Workshop 2018: the venue is before the qualifier, the name spans both
        core_end = words[first][1]
        for count in range(len(words), first, -1):
            n_start = words[count - 1][0]
            core = text[n_start:core_end]
            acceptable = _fold(core) in self.known
            if not acceptable and not glued and count - first <= 2:
                acceptable = all(_is_acronym(text[w_start:w_end]) for w_start, w_end in words[first:count])
            if not acceptable:
                continue
            q = n_start
            while q > a and text[q - 1] in " \t":
                q -= 1
            if q > a and text[q - 1] not in _PLAIN_BEFORE and text[q - 1] not in "\r\n":
                continue
            return _venue_tag(text, n_start, m_end, n_start, name_end, y_start, y_end)
        return None

    # ------------------------------------------------------------------ description and separators

    def _description(self, entry, start, end, top, gaps, after_title, title_outer) -> Span | None:
        text = self.text
        if title_outer is None:
            return None
        d_start = None
        for g_start, g_end in gaps:
            if g_end <= after_title:
                continue
            a = max(g_start, after_title)
            if entry.title_end is not None and entry.title_end.text == ":" and a == entry.title_end.end:
                d_start = a
                break
            dash = _DASH.search(text, a, g_end)
            if dash is None and text[a:g_end].strip() in ("-", "–", "—"):
                dash_end = g_end
            elif dash is not None and not text[a : dash.start()].strip(" \t[]()|,"):
                dash_end = dash.end()
            else:
                if text[a:g_end].strip(" \t[]()|,"):
                    return None
                continue
            d_start = dash_end
            break
        if d_start is None:
            return None
        d_end = end
        # Leave out the links that trail the description (labels, badges), and what lies between them.
        for link in reversed(top):
            if link.start < d_start:
                break
            between = text[link.end : d_end]
            if between.strip(" \t\r\n[]()|,.;:-–—"):
                break
            if not link.image and "![" not in link.label and _continues_prose(text, d_start, link.start):
                break  # "inspired by [blessed-contrib](...)." is part of the sentence
            d_end = link.start
        d_start = _skip_spaces(text, d_start, d_end)
        d_end = _rstrip(text, d_start, d_end)
        while d_end > d_start and text[d_end - 1] in "[(|,":
            d_end = _rstrip(text, d_start, d_end - 1)
        if d_end <= d_start:
            return None
        rest = text[d_start:d_end]
        tag = entry.venue
        if tag is not None and d_start <= tag.start and tag.end <= d_end:
            rest = text[d_start : tag.start] + text[tag.end : d_end]
        if not _WORD.search(_HTML_TAG.sub("", rest)):
            return None
        return _span(text, d_start, d_end)

    def _separators(self, top: list[Link]) -> list[Span]:
        text = self.text
        return [_span(text, a.end, b.start) for a, b in zip(top, top[1:], strict=False)]

    # ------------------------------------------------------------------ paragraphs

    def _paragraphs(self, found: list[Entry]) -> None:
        """Entries written one per paragraph: a bold title line, then lines of authors, venue and links.

        Taken only in sections where most paragraphs have that shape, so that a bold lead-in to prose
        (``**Note**`` on a line of its own) is not taken for a paper.
        """
        doc = self.doc
        paragraphs: dict[int | None, int] = {}
        candidates: dict[int | None, list] = {}
        for first, last in self._split_at_comments(_paragraph_blocks(doc)):
            section = doc.section_of(first)
            paragraphs[section] = paragraphs.get(section, 0) + 1
            head = self._paragraph_head(first) if last > first else None
            if head is None:
                continue
            end = _rstrip(self.text, head[0], doc.line_ends[last - 1])
            links = doc.links_in(head[0], end)
            if any(not _is_anchor(link) for link in links):
                candidates.setdefault(section, []).append((first, last, end, head, links))
        number = 0
        for section, members in candidates.items():
            if 2 * len(members) <= paragraphs[section]:
                continue  # most of the section is prose: a bold line there is a lead-in, not a paper
            for first, last, end, head, links in members:
                found.append(self._paragraph_entry(number, first, last, end, head, links, section))
                number += 1

    def _split_at_comments(self, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The paragraphs, with a comment line followed by a bold title line taken as the border between two
        paragraph entries: ``[[Code](...)]``, ``<!-- ... -->``, ``**Next Title** \\`` with no blank line
        (an HTML comment ends the paragraph before it, so the title opens a new one)."""
        kinds = self.doc.blocks.line_kinds
        split: list[tuple[int, int]] = []
        for first, last in blocks:
            start = first
            previous_text = first
            for number in range(first + 1, last + 1):
                if kinds[number - 1] != TEXT:
                    continue
                if kinds[number - 2] == COMMENT and self._paragraph_head(number) is not None:
                    split.append((start, previous_text))
                    start = number
                previous_text = number
            split.append((start, last))
        return split

    def _paragraph_head(self, number: int) -> tuple[int, tuple[int, int], tuple[int, int]] | None:
        """(start, title, bold) of a line that is only a bold title and a hard break: ``**Title** \\``,
        ``**[Title](url)**<br>``, ``**Title**`` with two trailing spaces or none."""
        text = self.text
        pos = _skip_noise(text, self.doc.line_starts[number - 1], self.doc.line_ends[number - 1])
        m = _PARAGRAPH_HEAD.fullmatch(text, pos, self.doc.line_ends[number - 1])
        if m is None:
            return None
        marker = m.group("marker")
        i_start, i_end = m.span("inner")
        if marker in text[i_start:i_end]:
            return None  # "**A** and **B**": two bold runs, not one title
        inner = _unwrap(text, i_start, i_end)
        if inner is None:
            return None
        links = scan_links(text, inner[0], inner[1], self.definitions)
        if links and links[0].start == inner[0] and links[0].end == inner[1] and not links[0].image:
            inner = _unwrap(text, links[0].label_start, links[0].label_end)  # **[Title](url)**
            if inner is None:
                return None
        content = text[inner[0] : inner[1]]
        if not _WORD.search(content) or content.endswith(":") or _tag_body(content):
            return None  # "**Note:**" introduces text; "**CVPR 2024**" is a tag
        return pos, inner, m.span("bold")

    def _paragraph_entry(self, number, first, last, end, head, links, section) -> Entry:
        text = self.text
        start, title, outer = head
        entry = Entry(
            kind="paragraph",
            index=number,
            line=first,
            end_line=last,
            start=start,
            end=end,
            section=section,
            links=links,
        )
        title, mark = _split_title_end(text, title, outer)
        if title is not None:
            entry.title = _span(text, title[0], title[1])
        entry.title_end = mark
        top = _top_level(links)
        # Links sit one per line, or several on the venue line: only separators on one line say anything.
        entry.separators = [span for span in self._separators(top) if "\n" not in span.text and "\r" not in span.text]
        gaps = self._without_comments(_gaps(start, end, top), first, last)
        tags = [tag for tag in (self._label_tag(link) for link in top if link.start >= outer[1]) if tag is not None]
        strong = self._strong_tag(gaps, outer, _YEARISH.search(text, start, end) is not None)
        if strong is not None:
            tags.append(strong)
        tag = min(tags, key=lambda tag: tag.start) if tags else None
        if tag is None and _YEARISH.search(text, outer[1], end) is not None:
            tag = self._plain_tag(gaps, entry.title_end.end if entry.title_end else outer[1])
        if tag is not None:
            entry.venue = tag
            entry.year = full_year(tag.year)
        authors = self._authors_lines(first + 1, last)
        entry.authors = [self._italic_span(_skip_spaces(text, a, b), b) for a, b in authors]
        if authors:
            # Person names are not link labels: links on the authors line are left out of the entry's links.
            entry.links = [link for link in links if not any(a <= link.start < b for a, b in authors)]
        return entry

    def _without_comments(self, gaps: list[tuple[int, int]], first: int, last: int) -> list[tuple[int, int]]:
        """The gaps without the comments on lines first..last: a commented-out ``[[ICCV 2023](...)]`` names
        no venue."""
        kinds = self.doc.blocks.line_kinds
        if COMMENT not in kinds[first - 1 : last]:
            return gaps
        holes = [(c.start, c.end) for c in self.doc.comments if first <= c.line and c.end_line <= last]
        for hole in holes:
            gaps = [part for a, b in gaps for part in _minus(a, b, hole)]
        return gaps

    def _italic_span(self, start: int, end: int) -> Span:
        """The text of a line wholly in italics, without its markers and its hard break."""
        text = self.text
        end = _ITALIC_LINE_END.search(text, start, end).start()
        inner = _unwrap(text, start, end) or (start, end)
        return _span(text, inner[0], inner[1])

    def _authors_lines(self, first: int, last: int) -> list[tuple[int, int]]:
        """Offsets of the lines of a paragraph entry that are wholly in italics: the authors
        (``*[Ayush Tewari](https://...), Ohad Fried.*<br>``)."""
        doc = self.doc
        found = []
        for number in range(first, last + 1):
            start, end = doc.line_starts[number - 1], doc.line_ends[number - 1]
            if _ITALIC_LINE.fullmatch(self.text, _skip_spaces(self.text, start, end), end):
                found.append((start, end))
        return found

    def _label_tag(self, link: Link) -> VenueTag | None:
        """A link whose label is a venue tag: ``[CVPR 2025](https://arxiv.org/abs/...)``, the paper's link
        named by where it appeared. A qualifier in parentheses (``ACM MM 2024 (Oral)``) is left out."""
        if link.image or link.kind not in ("inline", "reference"):
            return None
        text = self.text
        if _DIGIT.search(text, link.label_start, link.label_end) is None:
            return None  # most labels ("Paper", "Code"): no year can be in them
        inner = _unwrap(text, link.label_start, link.label_end)
        if inner is None or _YEARISH.search(text, inner[0], inner[1]) is None:
            return None
        a, b = inner
        if text[b - 1] == ")":
            paren = text.rfind("(", a, b)
            if paren > a:
                b = _rstrip(text, a, paren)
        tag = self._body(a, b, a, b, need_name=True)
        if tag is None or not self._venue_like(tag.name):
            return None
        return tag

    def _venue_like(self, name: str) -> bool:
        """A known venue (``ACM MM``, ``ICLR Workshop``), or one or two acronyms (``TPAMI``, ``IEEE TIP``)."""
        if _fold(name) in self.known:
            return True
        words = name.split()
        while len(words) > 1 and _fold(words[-1]) in self.qualifiers:
            words.pop()
        if _fold(" ".join(words)) in self.known:
            return True
        return 0 < len(words) <= 2 and all(_is_acronym(word) for word in words)

    # ------------------------------------------------------------------ headings

    def _headings(self, found: list[Entry]) -> None:
        """Entries written one per heading: ``### 1. [CVPR '24] Title``, then an authors line and a line of
        links before the next heading (MrNeRF's awesome-3D-gaussian-splatting).

        A heading counts when its body (up to the next heading) holds a link out of the page, no list, table
        or paragraph entry, and only a few lines of text; when it has headings below it, its body must also
        name the authors. Most headings under the same parent must look so, and at least three of them unless
        each names its authors: a lone "## License" with a link in its text is not a paper.
        """
        doc = self.doc
        headings = doc.headings
        if not headings:
            return
        taken = {doc.section_of(entry.line) for entry in found}
        kinds = doc.blocks.line_kinds
        parents = _heading_parents(headings)
        siblings: dict[int | None, int] = {}
        candidates: dict[int | None, list[tuple[int, list[Link], int, list[Span]]]] = {}
        for index, heading in enumerate(headings):
            parent = parents[index]
            siblings[parent] = siblings.get(parent, 0) + 1
            if index in taken:
                continue
            following = headings[index + 1] if index + 1 < len(headings) else None
            body_end = following.line - 1 if following is not None else len(doc.lines)
            body = self._heading_body(heading.end_line + 1, body_end, kinds)
            if body is None:
                continue
            links, last, authors = body
            if following is not None and following.level > heading.level and not authors:
                continue  # a heading with headings below it names a section, unless it names authors
            if any(not _is_anchor(link) for link in links):
                candidates.setdefault(parent, []).append((index, links, last, authors))
        for parent, members in candidates.items():
            if 2 * len(members) <= siblings[parent]:
                continue
            if len(members) < 3 and not all(authors for *_rest, authors in members):
                continue
            for index, links, last, authors in members:
                entry = self._heading_entry(index, parent, links, last)
                entry.authors = authors
                found.append(entry)

    def _heading_body(self, first: int, last: int, kinds: list[str]) -> tuple[list[Link], int, list[Span]] | None:
        """The links of the text lines between a heading and the next one, the last line that holds text and
        the authors (``**Authors**: ...``); None when the body holds a list, a table or more text than a
        paper's few lines."""
        doc = self.doc
        text = self.text
        links: list[Link] = []
        authors: list[Span] = []
        text_lines = prose_words = 0
        last_text = 0
        in_details = False  # an abstract in <details>, split by a blank line into HTML and text
        for number in range(first, last + 1):
            kind = kinds[number - 1]
            if kind in (ITEM, TABLE, QUOTE, CODE):
                return None
            line = doc.lines[number - 1]
            if "<details" in line or "</details" in line:
                in_details = line.rfind("<details") > line.rfind("</details")
                continue
            if kind != TEXT or in_details:
                continue
            text_lines += 1
            if text_lines > _HEADING_BODY_LINES:
                return None
            last_text = number
            start, end = doc.line_starts[number - 1], doc.line_ends[number - 1]
            line_links = doc.links_in(start, end)  # a paragraph of its own: shared with the phrasing parse
            links.extend(line_links)
            m = _AUTHORS_FIELD.match(text, start, end)
            if m is not None and _rstrip(text, m.end(), end) > m.end():
                a_end = _rstrip(text, m.end(), end)
                authors.append(_span(text, m.end(), a_end))
                continue
            for a, b in _gaps(start, end, _top_level(line_links)):
                prose_words += len(_WORD.findall(_HTML_TAG.sub(" ", text[a:b])))
            if prose_words > _HEADING_BODY_WORDS:
                return None  # prose under a heading ("## License ... To the extent possible"), not a paper
        if not last_text:
            return None
        return links, last_text, authors

    def _heading_entry(self, index: int, parent: int | None, body_links: list[Link], last: int) -> Entry:
        doc = self.doc
        text = self.text
        heading = doc.headings[index]
        start = heading.start
        numbered = _NUMBERED.match(text, start, heading.end)  # "1. Title": the number is not the title
        if numbered is not None:
            start = numbered.end()
        own_links = doc.links_in(start, heading.end)
        following = index + 1 < len(doc.headings)
        end_line = doc.headings[index + 1].line - 1 if following else len(doc.lines)
        entry = Entry(
            kind="heading",
            index=index,
            line=heading.line,
            end_line=end_line,
            start=start,
            end=_rstrip(text, start, doc.line_ends[last - 1]),
            section=parent,
            links=own_links + body_links,
        )
        top = _top_level(own_links)
        self._fields(entry, start, heading.end, top)
        entry.description = None
        entry.separators = [
            span for span in self._separators(_top_level(body_links)) if "\n" not in span.text and "\r" not in span.text
        ]
        return entry

    # ------------------------------------------------------------------ context

    def _context_of(self, start: int, end: int, place: str) -> _Context:
        """The venue and year a heading or a group item names: ``2019``, ``Year 2024``, ``CVPR 2024``,
        ``**AAAI**``. Nothing else counts: "Papers of 2019" or "Before 2020" names no year."""
        text = self.text
        core = _core(text, start, end)
        if core is None:
            return _NO_CONTEXT
        a, b = core
        if text[b - 1] == ":":  # "## 2024:"
            b = _rstrip(text, a, b - 1)
            if b <= a:
                return _NO_CONTEXT
        m = _YEAR_ONLY.fullmatch(text, a, b)
        if m is not None:
            y_start, y_end = m.span("year")
            return _Context(None, _span(text, y_start, y_end))
        if _YEARISH.search(text, a, b) is not None:
            tag = self._body(a, b, a, b, need_name=True)
            if tag is None or full_year(tag.year) is None or not self._venue_like(tag.name):
                return _NO_CONTEXT
            tag.place = place
            return _Context(tag, _span(text, tag.year_start, tag.year_end))
        name = text[a:b]
        if _fold(name) in self.known and (_is_acronym(name) or _fold(name) == "arxiv"):
            # "## ICCV", "- **arXiv**"; not "## Science" or "## Machine Learning", topics that journals share
            return _Context(_venue_tag(text, a, b, a, b, b, b, place=place), None)
        return _NO_CONTEXT

    def _child_context(self, kids: list[int], links_of) -> _Context:
        """A venue tag on a line nested under an entry: ``- Authors. *CVPR 2019*`` below ``- Title [[pdf]](...)``.

        Only a child without links of its own counts (one with links is a paper or a resource of its own).
        """
        text = self.text
        for kid in kids:
            item = self.doc.items[kid]
            start, end = item.content_start, item.text_end
            links = links_of(kid)
            if end <= start or any(not _is_anchor(link) for link in links):
                continue
            if _YEARISH.search(text, start, end) is None:
                continue
            tag = self._strong_tag(_gaps(start, end, _top_level(links)), None)
            if tag is not None and full_year(tag.year) is not None:
                tag.place = "line"
                return _Context(tag if tag.name else None, _span(text, tag.year_start, tag.year_end))
        return _NO_CONTEXT

    def _attach_context(self, found: list[Entry], groups: dict[int, _Context]) -> None:
        """Give each entry the venue and year of the group items and headings it is filed under."""
        headings = self._heading_contexts()
        for entry in found:
            context = groups.get(id(entry), _NO_CONTEXT)
            if entry.section is not None:
                context = context.under(headings[entry.section])
            if context.venue is None and context.year is None:
                continue
            entry.inherited_venue = context.venue
            entry.inherited_year = context.year
            if entry.year is None and context.year is not None:
                entry.year = full_year(context.year.text)
                entry.year_inherited = True

    def _heading_contexts(self) -> list[_Context]:
        """Each heading's context, with what the headings above it (lower levels) name."""
        contexts: list[_Context] = []
        stack: list[tuple[int, _Context]] = []  # (level, context) of the headings this one is under
        for heading in self.doc.headings:
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            outer = stack[-1][1] if stack else _NO_CONTEXT
            context = self._context_of(heading.start, heading.end, "heading").under(outer)
            contexts.append(context)
            stack.append((heading.level, context))
        return contexts

    # ------------------------------------------------------------------ tables

    def _rows(self, found: list[Entry]) -> None:
        rows = self.doc.rows
        if not rows:
            return
        text = self.text
        headers: dict[int, list[str]] = {}
        for row in rows:
            if row.header and row.table not in headers:
                headers[row.table] = [_header_name(text[a:b]) for a, b in row.cells]
        columns: dict[int, tuple] = {}
        for index, row in enumerate(rows):
            if row.header:
                continue
            links: list[Link] = []
            cell_links: list[list[Link]] = []
            for a, b in row.cells:
                found_links = self.doc.links_in(a, b)
                cell_links.append(found_links)
                links.extend(found_links)
            if not any(not _is_anchor(link) for link in links):
                continue
            if row.table not in columns:
                columns[row.table] = _columns(headers.get(row.table, []))
            entry = Entry(
                kind="row",
                index=index,
                line=row.line,
                end_line=row.line,
                start=row.start,
                end=row.end,
                section=self.doc.section_of(row.line),
                links=links,
            )
            entry.separators = self._separators(_top_level(links))
            self._row_fields(entry, row, cell_links, columns[row.table])
            found.append(entry)

    def _row_fields(self, entry: Entry, row, cell_links: list[list[Link]], columns: tuple) -> None:
        text = self.text
        title_col, venue_col, year_col, desc_col = columns
        cells = row.cells
        if title_col is None or title_col >= len(cells):
            # No named title column: the first cell that holds a link, if the row opens with one.
            title_col = next((i for i, links in enumerate(cell_links) if links), None)
        if title_col is not None and title_col < len(cells):
            a, b = cells[title_col]
            top = [link for link in _top_level(cell_links[title_col]) if not link.image]
            title = None
            opening = top[0] if top and _opens_cell(text, a, top[0]) else None
            if opening is not None and _WORD.search(text[opening.label_start : opening.label_end]):
                title = _unwrap(text, opening.label_start, opening.label_end)
            elif a < b and opening is None:
                # No link opens the cell: the title is its text (a link further on is in the description).
                title = self._text_cell_title(entry, a, b, desc_col is None)
            if title is not None and _WORD.search(text[title[0] : title[1]]):
                entry.title = _span(text, title[0], title[1])
        if venue_col is not None and venue_col < len(cells):
            entry.venue = self._cell_tag(*cells[venue_col])
            if entry.venue is not None:
                entry.year = full_year(entry.venue.year)
        if entry.year is None and year_col is not None and year_col < len(cells):
            a, b = cells[year_col]
            m = _DATE_YEAR.match(text, _skip_spaces(text, a, b), b)
            if m is not None:
                entry.year = int(m.group(1))
        if desc_col is not None and desc_col < len(cells):
            a, b = cells[desc_col]
            if a < b and _WORD.search(text[a:b]):
                entry.description = _span(text, a, b)

    def _text_cell_title(self, entry: Entry, a: int, b: int, want_description: bool) -> tuple[int, int] | None:
        """The title in a cell without links: ``1) Title  This paper ...`` or ``9) **Title** - a dataset``."""
        text = self.text
        t_start = a
        numbered = _NUMBERED.match(text, a, b)
        if numbered is not None:
            t_start = numbered.end()
        bold = self._opening_bold(t_start, b)
        if bold is not None:
            title, outer = bold
            rest = outer[1]
        else:
            t_end = b
            brk = _CELL_BREAK.search(text, t_start, b)
            dash = _DASH.search(text, t_start, brk.start() if brk is not None else b)
            if dash is not None:
                t_end, rest = dash.start(), dash.start()
            elif brk is not None:
                t_end, rest = brk.start(), brk.end()
            else:
                rest = b
            title = _unwrap(text, t_start, t_end)
            outer = (t_start, t_end)
        if title is None:
            return None
        title, mark = _split_title_end(text, title, outer)
        entry.title_end = mark
        if want_description and rest < b:
            m = _DESC_LEAD.match(text, rest, b)
            d_start = m.end() if m is not None else rest
            d_end = _rstrip(text, d_start, b)
            if d_end > d_start and _WORD.search(text[d_start:d_end]):
                entry.description = _span(text, d_start, d_end)
        return title

    def _cell_tag(self, a: int, b: int) -> VenueTag | None:
        """The venue cell of a table row: ``CVPR``, ``ArXiv 2026``, ``CVPR(2021)``, ``[CVPR 2019]``."""
        text = self.text
        inner = _unwrap(text, a, b)
        if inner is None:
            return None
        a, b = inner
        m = _BRACKET_TAG.fullmatch(text, a, b)
        if m is not None:
            return self._bracket_tag(m)
        tag = self._body(a, b, a, b)
        if tag is not None:
            return tag
        m = _NAME_PAREN_YEAR.fullmatch(text, a, b)
        if m is not None:
            n_start, n_end = m.span("name")
            y_start, y_end = m.span("year")
            return _venue_tag(text, a, b, n_start, n_end, y_start, y_end)
        name = text[a:b]
        if _WORD.search(name) and "](" not in name and len(name) <= 80 and name[0].isalpha():
            if name.casefold() in ("n/a", "na", "none", "tbd", "todo"):
                return None
            return _venue_tag(text, a, b, a, b, b, b)
        return None


def context_venues(entries: list[Entry]) -> list[VenueTag]:
    """The venue tags the entries are filed under (headings, group items, nested lines), each once, in order
    of where they are written: the place to check them, not once per entry under them."""
    found: dict[int, VenueTag] = {}
    for entry in entries:
        tag = entry.inherited_venue
        if tag is not None:
            found.setdefault(tag.start, tag)
    return [found[start] for start in sorted(found)]


# ---------------------------------------------------------------------------------------------- helpers


def _tag_body(text: str, start: int = 0, end: int | None = None) -> re.Match | None:
    """``_TAG_BODY.fullmatch``, with text that holds no year ruled out first: the tag's year is a ``_YEARISH``
    match (``19xx``, ``20xx``, or two digits after a quote, which may stand just before ``start``), and the
    lazy name of ``_TAG_BODY`` costs far more to try than the search."""
    end = len(text) if end is None else end
    if _YEARISH.search(text, max(start - 1, 0), end) is None:
        return None
    return _TAG_BODY.fullmatch(text, start, end)


def _is_anchor(link: Link) -> bool:
    """A link into the page itself: ``#intro`` or ``./#intro``."""
    return link.url.startswith(("#", "./#"))


def _opens_cell(text: str, start: int, link: Link) -> bool:
    """Whether a table cell opens with ``link``, after a number (``1)``), emoji or emphasis markers."""
    numbered = _NUMBERED.match(text, start, link.start)
    if numbered is not None:
        start = numbered.end()
    return _only_noise(text, start, link.start, allow_tags=False)


def _continues_prose(text: str, start: int, pos: int) -> bool:
    """Whether the text before ``pos`` runs into it as prose (a word or a comma, not a number or a bracket)."""
    while pos > start and text[pos - 1] in " \t\r\n":
        pos -= 1
    return pos > start and (text[pos - 1].isalpha() or text[pos - 1] == ",")


def _looks_like_names(run: str) -> bool:
    """Whether ``run`` is a list of person names: "A. Razavian et al.", "Jinlu Zhang et al.",
    "Sanjeev Arora, Hrishikesh Khandeparkar, and Nikunj Saunshi" (two names or more, each of capitalised
    words), "M. Zeiler and R. Fergus"."""
    run = _HTML_TAG.sub("", run).replace("*", "").strip(" \t.,;")
    if not run or len(run) > 1000:
        return False
    if _ET_AL.search(run):
        return True
    run = _PARENTHESISED.sub("", run)  # (*: Equal contribution)
    names = [name.strip() for name in _NAME_SEPARATOR.split(run) if name.strip()]
    return len(names) >= 2 and all(_is_name(name) for name in names)


def _is_name(name: str) -> bool:
    """One to five capitalised words or initials, particles aside: "Ben Mildenhall", "R. Fergus", "van Dijk"."""
    words = [word for word in name.split() if word.casefold() not in _NAME_PARTICLES]
    if not 1 <= len(words) <= 5:
        return False
    return all(_INITIALS.fullmatch(word) or (word[0].isupper() and not word.isupper()) for word in words)


def _is_acronym(word: str) -> bool:
    """CVPR, NeurIPS, T-PAMI, 3DV, ACMMM: a short word with at least two capitals."""
    if not word or len(word) > 12 or not _ACRONYM.match(word):
        return False
    return sum(1 for c in word if c.isupper()) >= 2


def _top_level(links: list[Link]) -> list[Link]:
    """The links not inside another link's label (an image in a badge link is inside)."""
    top: list[Link] = []
    outer_end = -1
    for link in links:
        if link.start < outer_end:
            continue
        top.append(link)
        outer_end = link.end
    return top


def _gaps(start: int, end: int, top: list[Link]) -> list[tuple[int, int]]:
    gaps = []
    pos = start
    for link in top:
        if link.start > pos:
            gaps.append((pos, link.start))
        pos = max(pos, link.end)
    if pos < end:
        gaps.append((pos, end))
    return gaps


def _minus(a: int, b: int, hole: tuple[int, int] | None) -> list[tuple[int, int]]:
    """The range a..b without the range ``hole``."""
    if hole is None or hole[1] <= a or hole[0] >= b:
        return [(a, b)]
    parts = []
    if hole[0] > a:
        parts.append((a, hole[0]))
    if hole[1] < b:
        parts.append((hole[1], b))
    return parts


def _venue_tag(
    text: str, start: int, end: int, name_start: int, name_end: int, year_start: int, year_end: int, place: str = ""
) -> VenueTag:
    """The tag text[start:end], its name and its year at the offsets given, with interned strings."""
    return VenueTag(
        intern(text[start:end]),
        start,
        end,
        intern(text[name_start:name_end]),
        name_start,
        name_end,
        intern(text[year_start:year_end]),
        year_start,
        year_end,
        place=place,
    )


def _same_or(number: int, other: int) -> int:
    """``other``, as the object ``number`` when they are equal: an entry of 100,000 keeps one int fewer each."""
    return number if other == number else other


def _span(text: str, start: int, end: int) -> Span:
    """The span text[start:end], which reads its text from ``text`` when asked."""
    return Span(None, start, end, text)


def _skip_spaces(text: str, pos: int, limit: int) -> int:
    while pos < limit and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return end


def _is_noise_char(c: str) -> bool:
    """White space, and the emoji, symbols and marks that decorate the start of an entry (⭐, ⚠️, 🔥)."""
    if c in " \t\r\n":
        return True
    return c > "\x7f" and unicodedata.category(c)[0] in "SMCZ"


def _skip_noise(text: str, pos: int, limit: int) -> int:
    while pos < limit and _is_noise_char(text[pos]):
        pos += 1
    return pos


def _only_noise(text: str, start: int, end: int, allow_tags: bool = True) -> bool:
    """Whether text[start:end] holds no words: only emoji, symbols and (if allowed) bracketed notes."""
    if start >= end:
        return True
    chunk = text[start:end]
    chunk = _LEAD_NOISE.sub("", chunk) if allow_tags else _HTML_TAG.sub("", chunk)
    return not any(c.isalnum() for c in chunk)


def _first_line_end(text: str, start: int, end: int) -> int | None:
    for newline in ("\n", "\r"):
        pos = text.find(newline, start, end)
        if pos >= 0:
            return pos
    return None


def _unwrap(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The range without surrounding white space and matching emphasis markers (``**Title**``)."""
    start = _skip_spaces(text, start, end)
    end = _rstrip(text, start, end)
    if end > start and text[start] not in "*_":
        return start, end  # every emphasis marker starts with "*" or "_"
    changed = True
    while changed and end > start:
        changed = False
        for marker in _EMPHASIS:
            width = len(marker)
            if end - start > 2 * width and text.startswith(marker, start) and text.startswith(marker, end - width):
                start, end = start + width, end - width
                start = _skip_spaces(text, start, end)
                end = _rstrip(text, start, end)
                changed = True
                break
    if end <= start:
        return None
    return start, end


def _paragraph_blocks(doc) -> list[tuple[int, int]]:
    """(first, last) lines of the paragraphs outside lists, block quotes and tables, each from its first to
    its last line of text. A comment line inside a paragraph (``<!-- [[Project](...)] -->``) does not end it."""
    kinds = doc.blocks.line_kinds
    inside = [0] * (len(kinds) + 2)  # +1 where a top-level item starts, -1 after it ends
    for item in doc.items:
        if item.depth == 0:
            inside[item.line] += 1
            inside[item.end_line + 1] -= 1
    blocks: list[tuple[int, int]] = []
    depth = 0
    first = last = 0
    for number, kind in enumerate(kinds, start=1):
        depth += inside[number]
        if depth == 0 and kind == TEXT:
            first = first or number
            last = number
        elif depth == 0 and kind == COMMENT and first:
            continue
        elif first:
            blocks.append((first, last))
            first = 0
    if first:
        blocks.append((first, last))
    return blocks


def _heading_parents(headings) -> list[int | None]:
    """The index of the heading each heading is under (the nearest one above with a lower level)."""
    parents: list[int | None] = []
    stack: list[int] = []
    for index, heading in enumerate(headings):
        while stack and headings[stack[-1]].level >= heading.level:
            stack.pop()
        parents.append(stack[-1] if stack else None)
        stack.append(index)
    return parents


def _core(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A heading's or group item's text without the HTML tags and emphasis around it:
    ``<span id="y2024">**Year 2024**</span>`` gives ``Year 2024``."""
    changed = True
    while changed and start < end:
        changed = False
        start, end = _skip_spaces(text, start, end), _rstrip(text, start, end)
        m = _HTML_TAG.match(text, start, end)
        if m is not None:
            start, changed = m.end(), True
        m = _EDGE_TAG.search(text, start, end)
        if m is not None and m.start() >= start:
            end, changed = m.start(), True
        inner = _unwrap(text, start, end)
        if inner is not None and inner != (start, end):
            start, end = inner
            changed = True
    return (start, end) if start < end else None


def _split_title_end(text, title, outer) -> tuple[tuple[int, int] | None, Span | None]:
    """Move the punctuation that closes a title out of it: inside (``**Title.**``) or just after."""
    t_start, t_end = title
    c = text[t_end - 1]
    if c in _TITLE_PUNCT and not (c == "." and text[t_end - 2 : t_end - 1] == "."):
        mark = t_end - 1  # one int object for the mark's start and, most often, the title's end
        end = _rstrip(text, t_start, mark)
        if end > t_start:
            return (t_start, end), _span(text, mark, t_end)
        return None, _span(text, mark, t_end)
    after = outer[1] if outer is not None else t_end
    if after < len(text) and text[after] in _TITLE_PUNCT:
        return title, _span(text, after, after + 1)
    return title, None


def _header_name(cell: str) -> str:
    cell = _HTML_TAG.sub("", cell)
    return " ".join(cell.replace("*", " ").replace("_", " ").split()).casefold()


def _columns(names: list[str]) -> tuple:
    """(title, venue, year, description) column indexes from a table's header names."""

    def first(test) -> int | None:
        return next((i for i, name in enumerate(names) if name and test(name)), None)

    title = first(lambda n: n in _TITLE_HEADERS or "title" in n.split())
    venue = first(lambda n: any(word in n for word in _VENUE_HEADERS))
    year = first(lambda n: any(n == word or n.startswith(word + " ") for word in _YEAR_HEADERS))
    description = first(lambda n: any(n == word or n.startswith(word) for word in _DESCRIPTION_HEADERS))
    if title is not None and title in (venue, year, description):
        title = None
    return title, venue, year, description
