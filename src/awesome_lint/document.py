"""The parsed document every rule receives: text, lines, blocks and entries, all positioned.

A document is parsed once per lint pass; rules share it and never re-parse.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import overload

from . import blocks as blocks_module
from .inline import Link, scan_links
from .source import Source

_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without the spaces, tabs and line endings at the span's ends."""
    while start < end and text[start] in " \t\r\n":
        start += 1
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    return start, end


class Document:
    def __init__(self, source: Source):
        self.source = source
        self.path = source.path
        self.text = source.text
        self.line_starts: list[int] = []
        self.line_ends: list[int] = []  # offset of each line's end, before its line ending
        self._split_lines()
        # The scanner reads every line several times: it gets them as strings, which are let go after it.
        lines = [self.text[start:end] for start, end in zip(self.line_starts, self.line_ends, strict=True)]
        self.blocks = blocks_module.scan(self.text, lines, self.line_starts)
        self.lines = Lines(self.text, self.line_starts, self.line_ends)  # without line endings
        self._link_scans: dict[tuple[int, int], list[Link]] = {}

    def _split_lines(self) -> None:
        pos = 0
        for match in _LINE_BREAK.finditer(self.text):
            self.line_starts.append(pos)
            self.line_ends.append(match.start())
            pos = match.end()
        if pos < len(self.text) or not self.text:
            self.line_starts.append(pos)
            self.line_ends.append(len(self.text))

    # Shortcuts to the block structure.
    @property
    def headings(self) -> list[blocks_module.Heading]:
        return self.blocks.headings

    @property
    def items(self) -> list[blocks_module.ListItem]:
        return self.blocks.items

    @property
    def rows(self) -> list[blocks_module.TableRow]:
        return self.blocks.rows

    @property
    def comments(self) -> list[blocks_module.Comment]:
        return self.blocks.comments

    @cached_property
    def definitions(self) -> dict[str, blocks_module.Definition]:
        """Reference definitions by normalised label (the first definition wins, as in CommonMark)."""
        found: dict[str, blocks_module.Definition] = {}
        for definition in self.blocks.definitions:
            found.setdefault(normalize_label(definition.label), definition)
        return found

    def links_in(self, start: int, end: int) -> list[Link]:
        """The links in ``text[start:end]`` (``inline.scan_links`` with the document's definitions), scanned
        once per span: the entry extractor, the phrasing parser and ``typo`` read the same item text. The list
        is shared; do not change it. White space at the span's ends holds no link and changes none (a bare URL
        after it still follows white space), so it is left out of the key."""
        text = self.text
        key = start, end = trimmed_span(text, max(0, start), min(end, len(text)))
        links = self._link_scans.get(key)
        if links is None:
            links = self._link_scans[key] = scan_links(text, start, end, self.definitions)
        return links

    @cached_property
    def entries(self):
        from .entries import extract

        return extract(self)

    @property
    def eol(self) -> str:
        return self.source.eol

    @property
    def ends_with_newline(self) -> bool:
        return self.text.endswith(("\n", "\r"))

    def line_of(self, offset: int) -> int:
        """The 1-based line holding ``offset``."""
        return bisect.bisect_right(self.line_starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count characters.

        The end of a file that ends with a line ending is the start of the (empty) line after it, as
        editors number it; an offset inside a CRLF is the end of its line.
        """
        line = self.line_of(offset)
        line_end = self.line_ends[line - 1]
        if offset > line_end:
            if offset >= len(self.text):
                return line + 1, 1
            offset = line_end
        return line, offset - self.line_starts[line - 1] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """The offset of a 1-based line and column."""
        return self.line_starts[line - 1] + column - 1

    def section_of(self, line: int) -> int | None:
        """Index of the nearest heading at or above ``line``, or None."""
        index = bisect.bisect_right(self._heading_lines, line) - 1
        return index if index >= 0 else None

    @cached_property
    def _heading_lines(self) -> list[int]:
        return [heading.line for heading in self.headings]


class Lines(Sequence[str]):
    """The document's lines without their line endings, read from the text when asked, not stored: a second
    copy of the text, in one string per line, would cost more memory than the text itself."""

    __slots__ = ("_text", "_starts", "_ends")

    def __init__(self, text: str, starts: list[int], ends: list[int]):
        self._text = text
        self._starts = starts
        self._ends = ends

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(map(self._text.__getitem__, map(slice, self._starts[index], self._ends[index])))
        return self._text[self._starts[index] : self._ends[index]]

    def __iter__(self) -> Iterator[str]:
        return map(self._text.__getitem__, map(slice, self._starts, self._ends))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Lines, list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"Lines({list(self)!r})"


def normalize_label(label: str) -> str:
    """CommonMark's label matching: case-folded, inner white space collapsed."""
    return " ".join(label.split()).casefold()
