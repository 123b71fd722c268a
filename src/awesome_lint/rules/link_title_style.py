"""link-title-style: link, image and definition titles should be quoted one way, ``'title'`` in awesome lists.

As remark-lint's rule of the same name, with awesome-lint's setting (``'``); ``style`` may also be
``"``, ``()`` or ``consistent`` (the file's first title sets the style). The title is the optional
text after a URL: ``[name](https://example.com 'title')`` or ``[name]: https://example.com 'title'``.

The fix changes the two quotes; it is not offered when the title holds the expected quote character
(it would need escaping) nor for ``(title)`` (which mistune, the fixer's check, does not read) and,
under ``consistent``, it is safe only when the first style is also the file's most common one.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "link-title-style"
SUMMARY = "a link or definition title quoted with \" or () where ' is expected"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"style": "'"}

_CLOSERS = {'"': '"', "'": "'", ")": "()"}
_OPENERS = {'"': '"', "'": "'", "()": "("}
_SHOW = {'"': '`"`', "'": "`'`", "()": "`'('` and `')'`"}


def _definition_title_end(doc, definition) -> int | None:
    """The end of a definition's title (after its closing quote), or None without a title."""
    text = doc.text
    pos = text.index("]:", definition.start) + 2
    while text[pos] in " \t":
        pos += 1
    pos += len(definition.url) + (2 if text[pos] == "<" else 0)
    if not text[pos : definition.end].strip():
        return None
    return definition.end


def _title_ends(ctx) -> list[tuple[int, int, int]]:
    """(node start, node end, offset just after the closing title quote) of every titled link, image and definition,
    in document order."""
    doc, text = ctx.doc, ctx.doc.text
    found = []
    for node in _remark.phrasing_nodes(ctx, "link", "image"):
        if node.title:  # remark skips an empty title too
            end = node.end - 1  # before ")"
            while text[end - 1] in " \t\r\n":
                end -= 1
            found.append((node.start, node.end, end))
    for definition in doc.blocks.definitions:
        end = _definition_title_end(doc, definition)
        if end is not None:
            found.append((definition.start, definition.end, end))
    found.sort()
    return found


def _opener(text: str, closer_at: int, opener: str, limit: int) -> int | None:
    """The unescaped ``opener`` before ``closer_at`` that opens the title."""
    index = text.rfind(opener, limit, closer_at)
    while index > limit:
        backslashes = 0
        while text[index - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return index
        index = text.rfind(opener, limit, index)
    return None


def check(ctx):
    doc, text = ctx.doc, ctx.doc.text
    titles = [(start, end, title_end, _CLOSERS.get(text[title_end - 1])) for start, end, title_end in _title_ends(ctx)]
    titles = [entry for entry in titles if entry[3]]
    style = _remark.expected_style(ctx.options.get("style", OPTIONS["style"]), [(t[3], t[0]) for t in titles])
    if style.expected is None:
        return
    evidence = f" (the first title, line {doc.line_of(style.first)}, uses it)" if style.first is not None else ""
    for start, end, title_end, actual in titles:
        if actual == style.expected:
            continue
        fix = None
        open_at = _opener(text, title_end - 1, _OPENERS[actual], start)
        if open_at is not None and "()" not in (actual, style.expected):
            quote = style.expected
            if quote not in text[open_at + 1 : title_end - 1]:
                edits = (Edit(open_at, open_at + 1, quote), Edit(title_end - 1, title_end, quote))
                fix = Fix.safe(*edits) if style.unambiguous else Fix.unsafe(*edits)
        yield Diagnostic(
            start,
            end,
            f"Unexpected title markers {_SHOW[actual]}, expected {_SHOW[style.expected]}{evidence}",
            fix=fix,
        )
