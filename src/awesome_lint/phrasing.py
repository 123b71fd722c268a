"""Inline content as remark sees it: a small tree of phrasing nodes with offsets (mdast's names and shapes).

The awesome preset reproduces sindresorhus/awesome-lint, whose rules reason about mdast nodes ("the first
child of the paragraph is a link, the last is a text ending in a period"). This module gives those rules
the same view of an item's text, built on :mod:`awesome_lint.inline` for links and on CommonMark's
delimiter algorithm for emphasis:

- ``text`` (``value`` has escapes and entities resolved and soft line breaks kept as ``\\n``),
- ``link``, ``linkReference``, ``image``, ``imageReference`` (with ``children``, ``url`` and ``alt``),
- ``inlineCode``, ``html``, ``break``, ``emphasis``, ``strong``, ``delete``.

Offsets are character offsets into the document's text. Parsing never raises.
"""

from __future__ import annotations

import re
import unicodedata

from .inline import Link, scan_links
from .record import Record

PHRASING_CONTAINERS = ("link", "linkReference", "emphasis", "strong", "delete")
MAX_NESTING = 100  # emphasis nested deeper than this is kept as text


class Node(Record):
    type: str
    start: int
    end: int
    value: str  # text, inlineCode, html: the node's value; image: its alt text
    url: str
    children: list[Node]
    title: str | None  # link and image titles

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        type: str,
        start: int,
        end: int,
        value: str = "",
        url: str = "",
        children: list[Node] | None = None,
        title: str | None = None,
    ) -> None:
        self.type = type
        self.start = start
        self.end = end
        self.value = value
        self.url = url
        self.children = [] if children is None else children
        self.title = title


def to_string(nodes: Node | list[Node]) -> str:
    """mdast-util-to-string: the text content, image alt text included."""
    if isinstance(nodes, Node):
        nodes = [nodes]
    parts = []
    for node in nodes:
        if node.type in ("text", "inlineCode", "image", "imageReference"):
            parts.append(node.value)
        elif node.children:
            parts.append(to_string(node.children))
    return "".join(parts)


def parse(text: str, start: int, end: int, definitions=None, links: list[Link] | None = None) -> list[Node]:
    """The phrasing nodes of ``text[start:end]`` (a paragraph's, heading's or cell's inline content).

    ``links`` are the span's links when they were already scanned (``Document.links_in``), else they are
    scanned here; the list is only read."""
    if links is None:
        links = scan_links(text, start, end, definitions or {})
    return _parse_span(text, start, end, links, definitions or {})


# ------------------------------------------------------------------------------------------ atoms

# Where an atom may start: an escape, a code span, HTML, an emphasis delimiter run, or a line ending (a hard
# break is two or more spaces before one). A bare character class lets the regex engine skip plain text
# quickly; a pattern with the spaces in it would be tried at every space of the text.
_ATOM_START = re.compile(r"[\\`<*_~\r\n]")
_DELIMITER_RUN = {char: re.compile(re.escape(char) + "+") for char in "*_~"}
_BACKTICKS = re.compile(r"`+")
_HTML = re.compile(
    r"<!--(?:-?>|.*?-->)"
    r"|<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
    r"|</[A-Za-z][A-Za-z0-9-]*\s*>",
    re.DOTALL,
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_LINE_END = re.compile(r"[ \t]*(?:\r\n|\n|\r)[ \t]*")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
_NOT_PLAIN = re.compile(r"[\r\n\\&]")  # what text_value may change: line endings, escapes, entities


class _Delim(Record):
    char: str
    start: int
    count: int  # characters left unmatched
    original: int
    can_open: bool
    can_close: bool
    end: int  # current end of the unmatched run (the run shrinks from the inside as it is matched)

    __slots__ = _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        char: str,
        start: int,
        count: int,
        original: int,
        can_open: bool,
        can_close: bool,
        end: int,
    ) -> None:
        self.char = char
        self.start = start
        self.count = count
        self.original = original
        self.can_open = can_open
        self.can_close = can_close
        self.end = end


def _parse_span(text: str, start: int, end: int, links: list[Link], definitions) -> list[Node]:
    pieces: list = []  # Node (atomic), _Delim, or (start, end) text ranges
    delimiters = False  # whether any piece is a _Delim (most spans have no emphasis at all)
    pos = start
    if links:
        for link in _outermost(links, start, end):
            delimiters |= _scan_text(text, pos, link.start, pieces)
            pieces.append(_link_node(text, link, links, definitions))
            pos = link.end
    delimiters |= _scan_text(text, pos, end, pieces)
    if not delimiters:
        if len(pieces) == 1 and type(pieces[0]) is tuple:  # plain text: one text node
            return [Node("text", start, end, text_value(text[start:end]))]
        return _build_flat(text, pieces)
    return _build(text, pieces)


def _outermost(links: list[Link], start: int, end: int) -> list[Link]:
    found, last_end = [], -1
    for link in links:
        if link.start < start or link.end > end or link.start < last_end:
            continue
        found.append(link)
        last_end = link.end
    return found


def _link_node(text: str, link: Link, links: list[Link], definitions) -> Node:
    if link.kind in ("autolink", "bare"):
        child = Node("text", link.url_start, link.url_end, text_value(text[link.url_start : link.url_end]))
        return Node("link", link.start, link.end, url=link.url, children=[child])
    reference = link.kind == "reference"
    inner = [other for other in links if link.label_start <= other.start and other.end <= link.label_end]
    children = _parse_span(text, link.label_start, link.label_end, inner, definitions)
    if link.image:
        node_type = "imageReference" if reference else "image"
        return Node(node_type, link.start, link.end, value=to_string(children), url=link.url, title=link.title)
    node_type = "linkReference" if reference else "link"
    return Node(node_type, link.start, link.end, url=link.url, children=children, title=link.title)


def _scan_text(text: str, pos: int, end: int, pieces: list) -> bool:
    """Code spans, raw HTML, hard breaks and emphasis delimiters between ``pos`` and ``end``; the rest is text.
    Whether it found an emphasis delimiter run."""
    text_from = pos
    delimiters = False
    while pos < end:
        m = _ATOM_START.search(text, pos, end)
        if m is None:
            break
        i = m.start()
        char = text[i]
        node = None
        if char == "\\":
            if i + 1 >= end:
                break  # a backslash ending the span is text
            pos = i + 2 if text[i + 1] in _ESCAPABLE else i + 1
            continue
        if char == "`":
            run_end = _BACKTICKS.match(text, i, end).end()
            node = _code_span(text, i, run_end, end)
            if node is None:
                pos = run_end
                continue
        elif char == "<":
            html_match = _HTML.match(text, i, end)
            if html_match is None:
                pos = i + 1
                continue
            node = Node("html", i, html_match.end(), value=html_match.group())
        elif char in "*_~":
            run_end = _DELIMITER_RUN[char].match(text, i, end).end()
            if text_from < i:
                pieces.append((text_from, i))
            pieces.append(_delimiter(text, i, run_end))
            pos = text_from = run_end
            delimiters = True
            continue
        else:  # a line ending: a hard break when two or more spaces (from ``pos`` on) come before it
            spaces = i
            while spaces > pos and text[spaces - 1] == " ":
                spaces -= 1
            if i - spaces < 2:
                pos = i + 1
                continue
            line_end = _LINE_END.match(text, i, end)
            i, node = spaces, Node("break", spaces, line_end.end() if line_end else i)
        if text_from < i:
            pieces.append((text_from, i))
        pieces.append(node)
        pos = text_from = node.end
    if text_from < end:
        pieces.append((text_from, end))
    return delimiters


def _code_span(text: str, i: int, run_end: int, end: int) -> Node | None:
    size = run_end - i
    pos = run_end
    while True:
        j = text.find("`" * size, pos, end)
        if j < 0:
            return None
        k = j + size
        if k < end and text[k] == "`":
            pos = _BACKTICKS.match(text, k, end).end()
            continue
        code = re.sub(r"\r\n|\n|\r", " ", text[run_end:j])
        if code.startswith(" ") and code.endswith(" ") and code.strip(" "):
            code = code[1:-1]
        return Node("inlineCode", i, k, value=code)


def _is_punct(char: str) -> bool:
    return bool(char) and unicodedata.category(char)[0] in "PS"


def _delimiter(text: str, start: int, end: int) -> _Delim:
    char = text[start]
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    left = not after.isspace() and (not _is_punct(after) or before.isspace() or _is_punct(before))
    right = not before.isspace() and (not _is_punct(before) or after.isspace() or _is_punct(after))
    if char == "_":
        can_open = left and (not right or _is_punct(before))
        can_close = right and (not left or _is_punct(after))
    else:
        can_open, can_close = left, right
    if char == "~" and end - start > 2:
        can_open = can_close = False
    return _Delim(char, start, end - start, end - start, can_open, can_close, end)


# ------------------------------------------------------------------------------------------ emphasis


def _build(text: str, pieces: list) -> list[Node]:
    matches = _match_emphasis(pieces)  # (open_start, open_end, close_start, close_end, type)
    if not matches:  # no emphasis (most spans): every delimiter run is text
        return _build_flat(text, pieces)
    closing_at = {m[2]: m for m in matches}  # by offset, so each run looks up only its own characters
    opening_at = {m[0]: m for m in matches}
    root: list[Node] = []
    stack: list[tuple[Node | None, list[Node]]] = []
    current = root
    for piece in pieces:  # the tree is built as the pieces come, in one pass
        kind = type(piece)
        if kind is tuple:
            _append_text(text, piece[0], piece[1], current)
            continue
        if kind is not _Delim:
            current.append(piece)
            continue
        run = range(piece.start, piece.start + piece.original)
        # In offset order, as the run is walked: the closers by where they start, the outermost opener first.
        used_close = [closing_at[at] for at in run if at in closing_at]
        used_open = [opening_at[at] for at in run if at in opening_at]
        # Closers use the run's first characters, openers its last; unmatched ones stay text.
        for m in used_close:
            if stack:
                node, current = stack.pop()
                if node is None:
                    _append_text(text, m[2], m[3], current)
        first_free = max(m[3] for m in used_close) if used_close else piece.start
        last_free = min(m[0] for m in used_open) if used_open else piece.start + piece.original
        if first_free < last_free:
            _append_text(text, first_free, last_free, current)
        for m in used_open:
            if len(stack) >= MAX_NESTING:  # deeper emphasis stays text, so walks over the tree need no deep recursion
                stack.append((None, current))
                _append_text(text, m[0], m[1], current)
                continue
            node = Node(m[4], m[0], m[3])
            current.append(node)
            stack.append((node, current))
            current = node.children
    return [_finish_text(text, node) for node in root]


def _build_flat(text: str, pieces: list) -> list[Node]:
    """``_build`` for pieces none of whose delimiter runs matched: the nodes, and text between them."""
    root: list[Node] = []
    last = None  # the text node the next text range may extend
    for piece in pieces:
        kind = type(piece)
        if kind is tuple:
            start, end = piece
        elif kind is _Delim:
            start, end = piece.start, piece.start + piece.original
        else:  # an atomic node (no text node among them)
            root.append(piece)
            last = None
            continue
        if start >= end:
            continue
        if last is not None and last.end == start:
            last.end = end
        else:
            last = Node("text", start, end)
            root.append(last)
    for node in root:  # the atomic nodes are finished already (a link's children when it was built)
        if node.type == "text":
            node.value = text_value(text[node.start : node.end])
    return root


def _match_emphasis(pieces: list) -> list[tuple[int, int, int, int, str]]:
    """CommonMark's delimiter run matching, in linear time: matched-out delimiters leave a linked list
    (``previous``), and a closer that found no opener bounds the search of later closers of its kind
    (CommonMark's ``openers_bottom``), so ``*a*a*a…`` or ``[*`` × n never rescan the whole run."""
    delims = [piece for piece in pieces if isinstance(piece, _Delim)]
    matches = []
    previous = list(range(-1, len(delims) - 1))  # the nearest delimiter before each one still in play
    bottom: dict[tuple, int] = {}  # per kind of closer: no opener for it at or below this index
    index = 0
    while index < len(delims):
        closer = delims[index]
        if not closer.can_close or closer.count == 0:
            index += 1
            continue
        kind_of_closer = (closer.char, closer.count if closer.char == "~" else closer.original % 3, closer.can_open)
        floor = bottom.get(kind_of_closer, -1)
        found = None
        back = previous[index]
        while back > floor:
            opener = delims[back]
            if opener.char != closer.char or not opener.can_open or opener.count == 0:
                back = previous[back]
                continue
            if closer.char == "~":
                if opener.count != closer.count:
                    back = previous[back]
                    continue
            elif _rule_of_three(opener, closer):
                back = previous[back]
                continue
            found = back
            break
        if found is None:
            bottom[kind_of_closer] = max(floor, previous[index])
            index += 1
            continue
        opener = delims[found]
        if closer.char == "~":
            used, kind = closer.count, "delete"
        else:
            used = 2 if opener.count >= 2 and closer.count >= 2 else 1
            kind = "strong" if used == 2 else "emphasis"
        open_end = opener.start + opener.count
        close_start = closer.end - closer.count
        matches.append((open_end - used, open_end, close_start, close_start + used, kind))
        opener.count -= used
        closer.count -= used
        between = previous[index]
        while between > found:
            delims[between].count = 0  # delimiters inside a match can no longer match outside it
            between = previous[between]
        previous[index] = found if opener.count else previous[found]  # unlink them (and a spent opener)
        if closer.count == 0:
            index += 1
    return matches


def _rule_of_three(opener: _Delim, closer: _Delim) -> bool:
    """CommonMark: a run that can both open and close does not match one whose lengths add up to a multiple
    of 3, unless both lengths are multiples of 3."""
    both = opener.can_close or closer.can_open
    return both and (opener.original + closer.original) % 3 == 0 and bool(opener.original % 3 or closer.original % 3)


def _append_text(text: str, start: int, end: int, nodes: list[Node]) -> None:
    if start >= end:
        return
    if nodes and nodes[-1].type == "text" and nodes[-1].end == start:
        nodes[-1].end = end
    else:
        nodes.append(Node("text", start, end))


def _finish_text(text: str, node: Node) -> Node:
    if node.type == "text":
        node.value = text_value(text[node.start : node.end])
    elif node.type not in ("link", "linkReference"):  # a link's children were finished when it was built
        for child in node.children:
            _finish_text(text, child)
    return node


def text_value(raw: str) -> str:
    """A text node's value: backslash escapes and entities resolved, soft line breaks kept as ``\\n``."""
    if _NOT_PLAIN.search(raw) is None:
        return raw  # most text: no line ending, escape or entity to resolve
    value = _LINE_END.sub("\n", raw) if "\n" in raw or "\r" in raw else raw
    if "\\" in value:
        value = _ESCAPED.sub(r"\1", value)
    if "&" not in value:
        return value
    import html  # only for text with an entity-like "&"

    return _ENTITY.sub(lambda m: html.unescape(m.group()), value)
