"""What the fixer's verifier compares: the link targets and heading texts of a text, as mistune reads them.

mistune is a parser independent of the product's own block scanner and inline parser, so a fix that loses a
link or a heading through a bug they share still shows. Where mistune 3 parts from CommonMark/GFM in a way
a fix can run into, its reading is repaired here, narrowly, so that the verifier does not refuse a fix that
changed nothing it cares about (each repair is proven on markdown-it-py's reading in tests/test_outline.py):

* a link destination with balanced parentheses, ``[a](https://x.org/Talk_(film))``: mistune ends the URL at
  the first ``)`` and reads the rest of the destination, the title and the closing ``)`` as text after the
  link. The URL is completed from that text, and the text is dropped (a title is not a heading's text);
* a table with a row of fewer cells than its header: mistune's table plugin reads no table at all, but a
  paragraph, and a ``-`` line under it makes that paragraph a setext heading. A "heading" whose second line
  is a delimiter row with as many cells as its first line is such a table, never a heading in GFM, and is
  left out;
* list items over a ``-`` line (``  -`` or ``  - paper`` then ``-``, after an indented code block): mistune
  reads a setext heading. A "heading" whose first line starts with a list marker is, to CommonMark, a list
  item (a paragraph cannot start with one), and is left out too.
"""

from __future__ import annotations

import re
from collections import Counter

from . import counters

_LIST_MARKER = re.compile(r"\s*(?:[-+*]|\d{1,9}[.)])(?:\s|$)")  # a list item's start
_DELIMITER_ROW = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
_TITLE_AND_CLOSE = re.compile(
    r"""(?:[ \t\n]+(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\)))?[ \t\n]*\)"""
)


def outline(text: str) -> tuple[Counter, Counter]:
    """The link targets and heading texts of a Markdown text, each counted."""
    import mistune

    counters.count(counters.VERIFY_PARSE)
    markdown = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough"])
    links: Counter = Counter()
    headings: Counter = Counter()

    def count(_rendered, state) -> None:
        for block in state.tokens:
            _count_block(markdown, state, block, links, headings)

    markdown.renderer = count
    markdown(text)
    return links, headings


def _count_block(markdown, state, block: dict, links: Counter, headings: Counter) -> None:
    """Count a block's links and headings, parsing the inline text of one leaf block at a time and dropping it
    once counted (as mistune's own rendering would parse it): the token tree of a 20 MB list is never whole."""
    stack = [block]
    while stack:
        token = stack.pop()
        if "children" in token:
            stack.extend(token.pop("children"))
            continue
        if "text" not in token:
            continue
        inline = markdown.inline(token.pop("text").strip(" \r\n\t\f"), state.env)
        if token.get("type") == "heading" and not _is_misread({**token, "children": inline}):
            _complete_parenthesised_urls(inline)
            headings[plain({"children": inline})] += 1
        _count_links(inline, links)


def _count_links(tokens: list[dict], links: Counter) -> None:
    _complete_parenthesised_urls(tokens)
    stack = list(tokens)
    while stack:
        token = stack.pop()
        children = token.get("children") or []
        _complete_parenthesised_urls(children)
        if token.get("type") in ("link", "image"):
            links[token.get("attrs", {}).get("url", "")] += 1
        stack.extend(children)


def plain(token: dict) -> str:
    """A token's text: its own raw text, or its children's, a soft break as a line ending."""
    if "raw" in token:
        return token["raw"]
    if token.get("type") == "softbreak":
        return "\n"
    return "".join(plain(child) for child in token.get("children") or ())


def _is_misread(heading: dict) -> bool:
    """A "heading" mistune reads where GFM reads a table or list items."""
    if heading.get("style") != "setext":
        return False
    return bool(_LIST_MARKER.match(plain(heading))) or _is_misread_table(heading)


def _is_misread_table(heading: dict) -> bool:
    """A setext heading whose second line is a table's delimiter row (``|---|---|``): a table to GFM."""
    if heading.get("style") != "setext":
        return False
    lines = plain(heading).split("\n")
    if len(lines) < 2 or not _DELIMITER_ROW.fullmatch(lines[1]) or "|" not in lines[0] + lines[1]:
        return False
    return _cells(lines[0]) == _cells(lines[1])  # GFM: a header row has as many cells as the delimiter row


def _cells(row: str) -> int:
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return len(re.split(r"(?<!\\)\|", row))


def _complete_parenthesised_urls(children: list[dict]) -> None:
    """Where mistune cut a link's URL at its first ``)``, put the rest of the destination back into the URL and
    take it, the title and the closing ``)`` out of the text that follows (in place; idempotent)."""
    for index, token in enumerate(children[:-1]):
        if token.get("type") not in ("link", "image") or token.get("completed"):
            continue
        attrs = token.get("attrs") or {}
        url = attrs.get("url", "")
        opened = url.count("(") - url.count(")") - 1  # after the ")" mistune took as the link's end
        texts = []  # the text tokens that follow (mistune splits text at "_" and "*")
        for following in children[index + 1 :]:
            if following.get("type") != "text":
                break
            texts.append(following)
        if opened < 0 or not texts:
            continue
        rest = "".join(following.get("raw", "") for following in texts)
        end = _destination_end(rest, opened)
        close = _TITLE_AND_CLOSE.match(rest, end)
        if close is None:
            continue
        attrs["url"] = url + ")" + rest[:end]
        token["completed"] = True
        taken = close.end()
        for following in texts:
            raw = following.get("raw", "")
            following["raw"] = raw[min(taken, len(raw)) :]
            taken -= min(taken, len(raw))


def _destination_end(rest: str, opened: int) -> int:
    """Where a destination that goes on in ``rest`` ends: at white space, or at a ``)`` closing no ``(``."""
    for position, char in enumerate(rest):
        if char.isspace() or ord(char) < 32:
            return position
        if char == "(":
            opened += 1
        elif char == ")":
            if opened == 0:
                return position
            opened -= 1
    return len(rest)
