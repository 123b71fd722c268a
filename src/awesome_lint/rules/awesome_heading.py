"""awesome-heading: one main heading, of level 1, in title case.

As awesome-lint's rule of the same name: the list has exactly one level-1 heading (an HTML heading
or a centred ``<div>`` with an image at the very top counts as one), written in title case
("Awesome Static Site Generators"). A first heading of a lower level is reported too.
"""

from __future__ import annotations

import re

from ..blocks import HTML
from ..diagnostics import Diagnostic
from . import _remark

ID = "awesome-heading"
SUMMARY = "the list's main heading is missing, repeated, not of level 1 or not in title case"
SEVERITY = "error"
FIX = None
OPTIONS: dict = {}

# The npm package ``case`` (which awesome-lint uses): its symbols, and the words title case keeps small.
_SYMBOLS = "\x20-\x26\x28-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e\xa0-\xbf\xd7\xf7"
_LOWER = "a-z\xdf-\xf6\xf8-\xff"
_UPPER = "A-Z\xc0-\xd6\xd8-\xde"
_IMPROPER = re.compile(r"\b(A|An|And|As|At|But|By|En|For|If|In|Of|On|Or|The|To|Vs?\.?|Via)\b")
_HOLE = re.compile(r"[^\s]\s[^\s]")
_FILL = re.compile(f"[{_SYMBOLS}]+(.|$)")
_ROOM = re.compile(f"[{_SYMBOLS}]")
_RELAX = re.compile(f"([^{_UPPER}])([{_UPPER}]*)([{_UPPER}])(?=[^{_UPPER}]|$)")
_CAPITALIZE = re.compile(f"(^|[{_SYMBOLS}])([{_LOWER}])")
_ALL_UPPER = re.compile(f"^[^{_LOWER}]+$")


def _prep(text: str) -> str:
    if _ALL_UPPER.match(text):
        text = text.lower()
    if not _HOLE.search(text):
        holey = _FILL.sub(lambda m: " " + m.group(1) if m.group(1) else "", text)
        if _HOLE.search(holey):
            text = holey
    if not _ROOM.search(text):
        text = _RELAX.sub(lambda m: f"{m.group(1)} {m.group(2) + ' ' if m.group(2) else ''}{m.group(3)}", text)
    return text


def _capital(text: str) -> str:
    return _CAPITALIZE.sub(lambda m: m.group(1) + m.group(2).upper(), _prep(text))


def _title(text: str) -> str:
    capital = _capital(text)
    last_space = capital.rfind(" ")
    return _IMPROPER.sub(lambda m: m.group().lower() if 0 < m.start() < last_space else m.group(), capital)


def is_title_case(text: str) -> bool:
    """Title case as awesome-lint judges it (``case``'s title or capital form); a file extension at the
    end keeps its own case (``Awesome Node.js``)."""
    if text == _title(text) or (text == _capital(text) and not _ALL_UPPER.match(text)):
        return True
    extension = re.match(r"^(.+?)((?:\.[a-z\d]{1,10})+)$", text, re.IGNORECASE)
    if extension and not re.match(r"\.\d", extension.group(2)):
        return _title(extension.group(1)) + extension.group(2) == text
    return False


def _html_heading_first(doc) -> bool:
    first = next((number for number, line in enumerate(doc.lines, 1) if line.strip()), None)
    if first is None or doc.blocks.line_kinds[first - 1] != HTML:
        return False
    end = first
    while end < len(doc.lines) and doc.blocks.line_kinds[end] == HTML:
        end += 1
    block = "\n".join(doc.lines[first - 1 : end])
    lower = block.lower()
    centred = 'align="center"' in lower or "align='center'" in lower
    return bool(re.search(r"<h[1-6][\s>]", block, re.IGNORECASE)) or (centred and "<img" in lower)


def check(ctx):
    doc = ctx.doc
    count = 1 if _html_heading_first(doc) else 0
    first = next((number for number, line in enumerate(doc.lines, 1) if line.strip()), None)
    for heading in doc.headings:
        if heading.level > 1:
            if heading.line != first:
                continue
            yield Diagnostic(heading.start, heading.end, "Main list heading must be of depth 1")
        for node in _remark.heading_nodes(ctx, heading):
            if node.type == "text" and not is_title_case(node.value):
                yield Diagnostic(heading.start, heading.end, "Main heading must be in title case")
        count += 1
        if count > 1:
            yield Diagnostic(heading.start, heading.end, "List can only have one heading")
    if count == 0:
        yield Diagnostic(0, 0, "Missing main list heading")
