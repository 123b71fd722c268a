"""Links inside a span of Markdown text, each with exact offsets for its label and its URL.

The scanner follows CommonMark's inline rules for the constructs that matter to a list:

- inline links ``[label](url "title")`` and images ``![alt](src)``, with angle-bracket destinations,
  balanced parentheses, backslash escapes and nested brackets in labels (the "look for link or image"
  algorithm: the innermost ``]`` closes the nearest ``[``, and a link deactivates the ``[`` openers
  before it, so links never nest, while an image may sit inside a link's label);
- full, collapsed and shortcut reference links, which are links only when their label is defined;
- autolinks ``<scheme:...>`` and ``<user@host>``;
- bare ``http://`` and ``https://`` URLs, as GFM's autolink-literal extension finds them (a valid domain
  with at least one period, trailing ``?!.,:*_~`` and unbalanced ``)`` left out, an entity-like
  ``&name;`` at the end left out). Unlike GFM, a bare URL also stops at ``[`` and ``]``, as it does in
  practice when a bracket is a delimiter, and ``www.`` URLs without a scheme are not taken;
- nothing inside code spans, raw HTML tags or HTML comments.

Inline content never crosses a blank line, so the span is cut into paragraph-like chunks at blank lines
(an HTML comment may cross them). The scanner jumps from one special character to the next with one
compiled regex, so its cost grows with the number of brackets and backticks, not with the length of text.
It never raises on any input.
"""

from __future__ import annotations

import bisect
import re

from .record import Record


class Link(Record):
    """A link or image, with the offsets of the whole construct, its label and its URL.

    A list has tens of thousands of links, so a link stores little: ``label`` and ``url`` are read from
    the scanned text when asked (a link made with explicit strings, ``source`` None, keeps them), and the
    label's and the URL's ends are kept as sizes, small numbers that Python does not allocate one by one.
    """

    __slots__ = (
        "kind",
        "start",
        "end",
        "image",
        "title",
        "ref",
        "_source",
        "_label",
        "_url",
        "label_start",
        "_label_size",
        "url_start",
        "_url_size",
    )

    def __init__(
        self,
        kind: str,  # "inline" [l](u), "reference" [l][r] / [l][] / [l], "autolink" <u>, "bare" http://…
        start: int,  # offset of the whole construct ("[" or "![" or "<" or the URL's first char)
        end: int,  # offset just after it
        label: str | None,  # the label as written ("" for autolinks and bare URLs); None: from ``source``
        label_start: int,
        label_end: int,
        url: str | None,  # the destination as written (angle brackets removed), resolved for reference
        url_start: int,  # links; None: from ``source``. The offsets of the URL as written; for a reference
        url_end: int,  # link, those of the definition's URL
        image: bool = False,
        title: str | None = None,
        ref: str | None = None,  # the reference label of a reference link
        source: str | None = None,  # the text the offsets point into, for a label or URL given as None
    ):
        self.kind = kind
        self.start = start
        self.end = end
        self.image = image
        self.title = title
        self.ref = ref
        self._source = source
        self._label = label
        self._url = url
        self.label_start = label_start
        self._label_size = label_end - label_start
        self.url_start = url_start
        self._url_size = url_end - url_start

    @property
    def label_end(self) -> int:
        return self.label_start + self._label_size

    @property
    def url_end(self) -> int:
        return self.url_start + self._url_size

    @property
    def label(self) -> str:
        label = self._label
        if label is None:
            start = self.label_start
            return self._source[start : start + self._label_size]
        return label

    @property
    def url(self) -> str:
        url = self._url
        if url is None:
            start = self.url_start
            return self._source[start : start + self._url_size]
        return url

    _FIELDS = (
        "kind",
        "start",
        "end",
        "label",
        "label_start",
        "label_end",
        "url",
        "url_start",
        "url_end",
        "image",
        "title",
        "ref",
    )


_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

# The next character that may start or end something, or the start of a bare URL. The pattern opens with
# one character class, so the regex engine skips plain text in C; the lookbehinds then say which it was.
_SPECIAL = re.compile(r"[\\`<\]\[!hH](?:(?<=[\\`<\]\[])|(?<=!)\[|(?<=[hH])(?i:ttps?://))")
_BARE_AFTER = frozenset("*_~(")  # GFM: a bare URL follows white space, one of these, or the span's start
_BLANK_LINE = re.compile(r"(?>\r\n|\n|\r)[ \t]*(?>\r\n|\n|\r)")
_BACKTICKS = re.compile(r"`+")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\x00-\x20]*)>")
_EMAIL_AUTOLINK = re.compile(
    r"<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
    r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>"
)
_HTML_TAG = re.compile(
    r"<[A-Za-z][A-Za-z0-9-]*+"
    r"(?>\s+[A-Za-z_:][A-Za-z0-9_.:-]*+(?>\s*=\s*(?>[^\s\"'=<>`]++|'[^']*+'|\"[^\"]*+\"))?)*+"
    r"\s*/?>"
    r"|</[A-Za-z][A-Za-z0-9-]*+\s*>"
    r"|<\?.*?\?>"
    r"|<![A-Za-z][^>]*+>"
    r"|<!\[CDATA\[.*?\]\]>",
    re.DOTALL,
)
_LINE_GAP = re.compile(r"[ \t]*(?:\r\n|\r|\n)?[ \t]*")
_ANGLE_DEST = re.compile(r"<((?:[^<>\n\r\\]|\\.)*+)>")
_RAW_DEST_RUN = re.compile(r"[^\x00-\x20()\\]+")
_TITLE = {
    '"': re.compile(r'"((?:[^"\\]|\\.)*+)"', re.DOTALL),
    "'": re.compile(r"'((?:[^'\\]|\\.)*+)'", re.DOTALL),
    "(": re.compile(r"\(((?:[^()\\]|\\.)*+)\)", re.DOTALL),
}
_REF_LABEL = re.compile(r"\[((?:[^\\\[\]]|\\.){0,999})\]", re.DOTALL)
_PLAIN_LABEL = re.compile(r"(?:[^\\\[\]]|\\.){0,999}", re.DOTALL)
_BARE_BODY = re.compile(r"[^\s<>`\[\]]*")
_BARE_DOMAIN = re.compile(r"(?i:https?://)([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+)")
_ENTITY_TAIL = re.compile(r"&[A-Za-z0-9]+;$")
_DEFINITION = re.compile(r"\[(?:[^\\\[\]]|\\.)*\]:[ \t]*(?:\r\n|\r|\n)?[ \t]*(?:<([^<>\n\r]*)>|(\S+))")
_TRAILING_PUNCT = "?!.,:*_~"
_MAX_PAREN_DEPTH = 32  # nesting of parentheses in a destination, as cmark limits it


def _normalize(label: str) -> str:
    """Reference label matching, as document.normalize_label: case-folded, inner white space collapsed."""
    return " ".join(label.split()).casefold()


def scan_links(text: str, start: int = 0, end: int | None = None, definitions=None) -> list[Link]:
    """The links in ``text[start:end]``, in order. Links inside code spans are not links."""
    n = len(text)
    end = n if end is None or end > n else end
    start = max(0, start)
    if start >= end or _SPECIAL.search(text, start, end) is None:
        return []  # every link starts at a "[", "![", "<" or "http(s)://": text without one has none
    scanner = _Scanner(text, start, end, definitions or {})
    scanner.run(start)
    return scanner.result()


class _Scanner:
    __slots__ = ("text", "start", "end", "definitions", "links", "bare", "_no_closer", "_def_spans")

    def __init__(self, text: str, start: int, end: int, definitions):
        self.text = text
        self.start = start
        self.end = end
        self.definitions = definitions
        self.links: list[Link] = []
        self.bare: list[tuple[int, int]] = []
        self._no_closer: dict[int, int] = {}  # backtick run length -> chunk end with no closer left
        self._def_spans: dict[int, tuple[int, int]] = {}

    def run(self, pos: int) -> None:
        text, end = self.text, self.end
        while pos < end:
            blank = _blank_line(text, pos, end)
            chunk_end = blank.start() if blank else end
            pos = self._chunk(pos, chunk_end)
            if pos > chunk_end:  # an HTML comment ran past the chunk: resume after it
                continue
            if blank is None:
                return
            # A blank line's final line ending may begin another blank line.
            after = blank.end()
            after -= 2 if text.startswith("\r\n", after - 2) else 1
            pos = max(after, pos + 1)

    def _chunk(self, pos: int, chunk_end: int) -> int:
        """Scan one chunk; return where scanning stopped (beyond chunk_end after a long comment)."""
        text = self.text
        openers: list[list] = []  # [start, label_start, image]
        inactive_below = 0  # "[" openers below this index in ``openers`` can no longer form links
        bare_floor = pos
        search = _SPECIAL.search
        while True:
            m = search(text, pos, chunk_end)
            if m is None:
                return chunk_end
            i = m.start()
            c = text[i]
            if c == "\\":
                pos = i + 2 if i + 1 < chunk_end and text[i + 1] in _ASCII_PUNCT else i + 1
            elif c == "`":
                pos = self._code_span(i, chunk_end)
            elif c == "<":
                pos = self._angle(i, chunk_end)
                if pos > chunk_end:
                    return pos
            elif c == "[":
                openers.append([i, i + 1, False])
                pos = i + 1
            elif c == "!":
                openers.append([i, i + 2, True])
                pos = i + 2
            elif c == "]":
                pos = i + 1
                if not openers:
                    continue
                index = len(openers) - 1
                o_start, label_start, image = openers.pop()
                active = image or index >= inactive_below
                inactive_below = min(inactive_below, index)
                if not active:
                    continue
                link = self._close(o_start, label_start, i, image, chunk_end)
                if link is None:
                    continue
                self.links.append(link)
                pos = link.end
                if not image:
                    inactive_below = len(openers)
            else:  # a bare URL
                if i >= bare_floor and (i == self.start or text[i - 1] in _BARE_AFTER or text[i - 1].isspace()):
                    url_end = self._bare_end(i, chunk_end)
                    if url_end > i:
                        self.bare.append((i, url_end))
                        bare_floor = url_end
                pos = m.end()

    def _code_span(self, i: int, chunk_end: int) -> int:
        text = self.text
        run = _BACKTICKS.match(text, i, chunk_end)
        size = run.end() - i
        if self._no_closer.get(size, -1) >= chunk_end:
            return run.end()
        pos = run.end()
        needle = "`" * size
        while True:
            j = text.find(needle, pos, chunk_end)
            if j < 0:
                self._no_closer[size] = chunk_end
                return run.end()
            k = j + size
            if k < chunk_end and text[k] == "`":  # a longer run: skip it whole
                pos = _BACKTICKS.match(text, k, chunk_end).end()
                continue
            return k

    def _angle(self, i: int, chunk_end: int) -> int:
        """An autolink, an HTML comment or a raw HTML tag at ``i``; return where to continue."""
        text = self.text
        if text.startswith("<!--", i):
            if text.startswith(">", i + 4):
                return i + 5
            if text.startswith("->", i + 4):
                return i + 6
            j = text.find("-->", i + 4, self.end)
            return j + 3 if j >= 0 else i + 1
        m = _AUTOLINK.match(text, i, chunk_end)
        if m is None:
            m = _EMAIL_AUTOLINK.match(text, i, chunk_end)
        if m is not None:
            url_start, url_end = m.span(1)
            self.links.append(
                Link("autolink", i, m.end(), "", url_start, url_start, None, url_start, url_end, source=text)
            )
            return m.end()
        m = _HTML_TAG.match(text, i, chunk_end)
        return m.end() if m is not None else i + 1

    def _close(self, o_start: int, label_start: int, i: int, image: bool, chunk_end: int) -> Link | None:
        """Try to form a link or image whose label runs from ``label_start`` to the ``]`` at ``i``."""
        text = self.text
        after = i + 1
        following = text[after] if after < chunk_end else ""
        if following == "(":
            link = self._inline_tail(o_start, label_start, i, image, chunk_end)
            if link is not None:
                return link
        if not self.definitions:
            return None
        # A reference label is at most 999 characters (CommonMark), which also keeps this linear.
        label = text[label_start:i] if i - label_start <= 999 else None
        plain = label is not None and bool(label.strip()) and _PLAIN_LABEL.fullmatch(label) is not None
        if following == "[":
            m = _REF_LABEL.match(text, after, chunk_end)
            if m is not None:
                ref = m.group(1)
                if ref.strip():  # full [label][ref]
                    return self._reference(o_start, label_start, i, image, ref, m.end())
                if plain:  # collapsed [label][]
                    return self._reference(o_start, label_start, i, image, label, m.end())
                return None
        if plain:  # shortcut [label]
            return self._reference(o_start, label_start, i, image, label, after)
        return None

    def _reference(self, o_start, label_start, i, image, ref, link_end) -> Link | None:
        definition = self.definitions.get(_normalize(ref))
        if definition is None:
            return None
        url_start, url_end = self._definition_url_span(definition)
        return Link(
            "reference",
            o_start,
            link_end,
            None,
            label_start,
            i,
            getattr(definition, "url", ""),  # the definition's, as it resolves it
            url_start,
            url_end,
            image=image,
            ref=ref,
            source=self.text,
        )

    def _definition_url_span(self, definition) -> tuple[int, int]:
        d_start = getattr(definition, "start", 0)
        d_end = getattr(definition, "end", d_start)
        cached = self._def_spans.get(d_start)
        if cached is not None:
            return cached
        span = (d_start, d_end)
        m = _DEFINITION.search(self.text, d_start, max(d_start, d_end))
        if m is not None:
            span = m.span(1) if m.group(1) is not None else m.span(2)
        self._def_spans[d_start] = span
        return span

    def _inline_tail(self, o_start, label_start, i, image, chunk_end) -> Link | None:
        """Parse ``(destination "title")`` after the ``]`` at ``i``."""
        text = self.text
        p = i + 2
        if p < chunk_end and text[p] in " \t\r\n":
            p = _LINE_GAP.match(text, p, chunk_end).end()
        if p >= chunk_end:
            return None
        if text[p] == "<":
            m = _ANGLE_DEST.match(text, p, chunk_end)
            if m is None:
                return None
            url_start, url_end = m.span(1)
            p = m.end()
        else:
            url_start = p
            depth = 0
            while p < chunk_end:
                run = _RAW_DEST_RUN.match(text, p, chunk_end)
                if run is not None:
                    p = run.end()
                    if p >= chunk_end:
                        break
                c = text[p]
                if c == "\\":
                    p += 2 if p + 1 < chunk_end and text[p + 1] in _ASCII_PUNCT else 1
                elif c == "(":
                    depth += 1
                    if depth > _MAX_PAREN_DEPTH:
                        return None
                    p += 1
                elif c == ")":
                    if depth == 0:
                        break
                    depth -= 1
                    p += 1
                else:  # white space or a control character
                    break
            if depth:
                return None
            url_end = p = min(p, chunk_end)
        title = None
        q = p
        if q < chunk_end and text[q] in " \t\r\n":
            q = _LINE_GAP.match(text, q, chunk_end).end()
        if q < chunk_end and q > p and text[q] in _TITLE:
            m = _TITLE[text[q]].match(text, q, chunk_end)
            if m is None:
                return None
            title = m.group(1)
            q = _LINE_GAP.match(text, m.end(), chunk_end).end()
        if q >= chunk_end or text[q] != ")":
            return None
        return Link(
            "inline",
            o_start,
            q + 1,
            None,
            label_start,
            i,
            None,
            url_start,
            url_end,
            image=image,
            title=title,
            source=text,
        )

    def _bare_end(self, i: int, chunk_end: int) -> int:
        """The end of a bare URL starting at ``i``, or ``i`` when there is none."""
        text = self.text
        end = _BARE_BODY.match(text, i, chunk_end).end()
        return _trim_bare(text, i, end)

    def result(self) -> list[Link]:
        links = self.links
        links.sort(key=_start_key)
        if not self.bare:
            return links
        starts = [link.start for link in links]
        text = self.text
        for b_start, b_end in self.bare:
            k = bisect.bisect_right(starts, b_start) - 1
            if k >= 0 and links[k].end > b_start:
                continue  # inside a link (its label, usually)
            if k + 1 < len(starts) and starts[k + 1] < b_end:
                b_end = _trim_bare(text, b_start, starts[k + 1])
                if b_end <= b_start:
                    continue
            links.append(Link("bare", b_start, b_end, "", b_start, b_start, None, b_start, b_end, source=text))
        links.sort(key=_start_key)
        return links


def _blank_line(text: str, pos: int, end: int) -> re.Match | None:
    """The first blank line in text[pos:end]. It starts at a line ending: most spans (one line) have none,
    which two ``find`` calls tell faster than the regex."""
    newline = text.find("\n", pos, end)
    carriage = text.find("\r", pos, end)
    if newline < 0 and carriage < 0:
        return None
    first = newline if carriage < 0 else carriage if newline < 0 else min(newline, carriage)
    return _BLANK_LINE.search(text, first, end)


def _start_key(link: Link) -> int:
    return link.start


def _trim_bare(text: str, start: int, end: int) -> int:
    """GFM's end of an extended autolink: trailing punctuation and unbalanced ")" are left out."""
    unbalanced = None  # how many more ")" than "(" the URL holds, counted once
    while end > start:
        c = text[end - 1]
        if c in _TRAILING_PUNCT:
            end -= 1
        elif c == ")":
            if unbalanced is None:
                url = text[start:end]
                unbalanced = url.count(")") - url.count("(")
            if unbalanced <= 0:
                break
            unbalanced -= 1
            end -= 1
        elif c == ";":
            m = _ENTITY_TAIL.search(text, start, end)
            if m is None:
                break
            end = m.start()
        else:
            break
    m = _BARE_DOMAIN.match(text, start, end)
    if m is None:
        return start
    # No underscore in the last two segments of the domain.
    if "_" in ".".join(m.group(1).rsplit(".", 2)[-2:]):
        return start
    return end
