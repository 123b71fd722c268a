"""awesome-list-item: list items should read ``- [Name](https://url) - Description.``

As awesome-lint's rule of the same name. An item that starts with a link (or an image, emphasis or
code) is checked: the link must be an absolute URL with text, and a description after it must be
separated by `` - ``, start with a capital (or camelCase, a number, a quote), and end with ``.``,
``!``, ``?`` or ``…`` (a closing parenthesis or an emoji also pass when the description has punctuation).
Items that start with plain text are not checked. When the list has a ``## Contents`` section, only the
lists after the section that follows it are checked, as awesome-lint does.

Fixes, each offered only when it is unambiguous:

- a missing final period is added after a description that ends in a letter, a digit or ``)`` (safe);
- an en or em dash used as the separator becomes `` - `` (safe);
- a lower-case first word is capitalised: safe when the list itself writes that word capitalised
  elsewhere, unsafe otherwise (it may be a name spelled in lower case, such as ``webpack``);
- an empty item (``- ``) is removed, as ``empty-item`` does (safe).
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, Edit, Fix
from ..phrasing import Node, to_string
from . import _empty_items, _remark
from ._case import is_accepted_casing
from ._emoji import ends_with_emoji, remove_emoji
from ._url import is_absolute_url

ID = "awesome-list-item"
SUMMARY = "a list item that is not `[name](url) - Description.`"
SEVERITY = "error"
FIX = "safe"
OPTIONS: dict = {}

_LINK_CHILD_TYPES = {"emphasis", "inlineCode", "strong", "text"}
_DESCRIPTION_TYPES = {
    "emphasis",
    "footnoteReference",
    "html",
    "image",
    "inlineCode",
    "link",
    "linkReference",
    "strong",
    "text",
}
_SUFFIX_TYPES = {"emphasis", "html", "image", "link", "strong", "text"}
_LINKS = ("link", "linkReference")
_ALLOWED_IDENTIFIERS = {"npm"}

# Compiled once: each is tried on every item (re.match(r"...") looks the pattern up in a cache each time).
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+\b")
_SPACED_PARENTHESISED = re.compile(r"\s\([^)]+\)\s*")
_PARENTHESISED = re.compile(r"\([^)]+\)")
_ODD_SPACE_DASH = re.compile(r"[\s\u00a0]-[\s\u00a0]")
_SLASH_OR_LONG_DASH = re.compile(r"\s*[/\u2013\u2014]")
_DASH_THEN_CAPITAL = re.compile(r" - [A-Z]")
_LONG_DASH = re.compile(r"[ \t]*[\u2013\u2014][ \t]*(?=\S)")
_CODE_THEN_PUNCTUATION = re.compile(r"`.*[.!?…]*`[.!?…]*$")
_CODE_TEXT_CODE = re.compile(r"`.+`.+`.+$")
_PUNCTUATION_AFTER_QUOTE = re.compile(r"(?<=[\"”])[.!?…]+$")
_PUNCTUATION_AROUND_QUOTE = re.compile(r"[.!?…][\"”][.!?…]+$")
_FINAL_PUNCTUATION = re.compile(r"[.!?…][\"”]?$")
_PUNCTUATION = re.compile(r"[.!?…]")
_FINAL_PARENTHESIS = re.compile(r"\)\s*$")
_WORD_BREAK = re.compile(r"[- ;./']")
_FIRST_WORD = re.compile(r"[^- ;./']+")  # a run between _WORD_BREAK's characters
_SYMBOL_START = re.compile(r"[/@#$~&%]")
_DIGIT = re.compile(r"\d")
_QUOTE_OR_PARENTHESIS_START = re.compile(r"[\"'(]")


class _Evidence:
    """The document's text, and the words it writes capitalised (evidence for the casing fix)."""

    def __init__(self, source: str):
        self.source = source
        self._capitalised: set[str] | None = None

    @property
    def capitalised(self) -> set[str]:
        """Found on first use: only an item whose description starts in lower case needs them."""
        if self._capitalised is None:
            self._capitalised = _capitalised_words(self.source)
        return self._capitalised

    def same_as_source(self, node: Node, length: int) -> bool:
        """Whether a text node's first ``length`` characters are written literally (no escape or entity)."""
        return node.value[:length] == self.source[node.start : node.start + length]


class _Report(Exception):
    def __init__(self, node: Node, message: str, fix: Fix | None = None):
        self.node, self.message, self.fix = node, message, fix


def checked_items(ctx) -> list[int]:
    """Indexes of the items awesome-lint checks: all, or those after the section following ``## Contents``."""
    doc = ctx.doc
    toc = _remark.contents_heading(ctx)
    if toc is None:
        return list(range(len(doc.items)))
    if toc + 1 >= len(doc.headings):
        return []
    after = doc.headings[toc + 1].line
    return [index for index, item in enumerate(doc.items) if item.line > after]


def check(ctx):
    doc = ctx.doc
    for paragraph in _remark.paragraphs(ctx):
        if paragraph.item is not None:
            continue
        nodes = _remark.nodes(ctx, paragraph.start, paragraph.end)
        if len(nodes) > 1 and nodes[0].type == "text" and nodes[0].value == "-" and nodes[1].type in _LINKS:
            yield Diagnostic(nodes[0].start, nodes[0].end, "List item marker must be followed by a space")
    evidence = _Evidence(doc.text)
    for index in checked_items(ctx):
        item = doc.items[index]
        nodes = _remark.item_nodes(ctx, index)
        if not nodes:
            end = doc.line_ends[item.line - 1]
            yield Diagnostic(item.marker_start, end, "Invalid list item", fix=_empty_items.removal(ctx, index))
            continue
        try:
            _check_item(nodes, evidence)
        except _Report as report:
            yield Diagnostic(report.node.start, report.node.end, report.message, fix=report.fix)


def _capitalised_words(text: str) -> set[str]:
    return set(_CAPITALISED_WORD.findall(text))


def _main_link(nodes: list[Node]) -> int:
    """The item's link: the first one followed by `` - ``, else the first link, else the first node."""
    for index, node in enumerate(nodes[:-1]):
        after = nodes[index + 1]
        if node.type in _LINKS and after.type == "text" and after.value.startswith(" - "):
            return index
    for index, node in enumerate(nodes):
        if node.type in _LINKS:
            return index
    return 0


def _check_item(nodes: list[Node], evidence: _Evidence) -> None:
    if nodes[0].type == "text":
        return
    index = _main_link(nodes)
    link, description = nodes[index], nodes[index + 1 :]
    if link.type == "linkReference":
        pass
    elif link.type != "link":
        raise _Report(link, "Invalid list item link")
    elif not is_absolute_url(link.url):
        raise _Report(link, "Invalid list item link URL")
    elif not to_string(link):
        raise _Report(link, "Invalid list item link text")
    else:
        for child in link.children:
            if child.type not in _LINK_CHILD_TYPES:
                raise _Report(child, "Invalid list item link")
    _check_description(description, evidence)


def _check_description(description: list[Node], evidence: _Evidence) -> None:
    if not description:
        return  # an item may leave its description off
    prefix, suffix = description[0], description[-1]
    text = to_string(description)
    if _special_case(text):
        return
    if prefix.type != "text" or not _valid_prefix(text, prefix.value):
        _check_separator(prefix, text, evidence)
        return
    if suffix.type not in _SUFFIX_TYPES:
        raise _Report(suffix, "List item description must end with proper punctuation")
    if suffix.type == "text" and not _valid_suffix(text, suffix.value):
        raise _Report(suffix, "List item description must end with proper punctuation", _period_fix(suffix, evidence))
    if prefix is suffix:
        _check_casing(prefix, evidence)
        return
    for node in description:
        if node.type not in _DESCRIPTION_TYPES:
            raise _Report(node, "List item description contains invalid markdown")


def _special_case(text: str) -> bool:
    if text.startswith(" - "):
        return False
    bare = remove_emoji(text).strip()
    return not bare or bool(_SPACED_PARENTHESISED.fullmatch(text)) or bool(_PARENTHESISED.fullmatch(bare))


def _valid_prefix(text: str, prefix_text: str) -> bool:
    return prefix_text.startswith(" - ") or (ends_with_emoji(prefix_text) and text == prefix_text)


def _check_separator(prefix: Node, text: str, evidence: _Evidence) -> None:
    value = prefix.value if prefix.type == "text" else ""
    if _ODD_SPACE_DASH.match(value):
        raise _Report(prefix, "List item link and description separated by invalid whitespace")
    if _SLASH_OR_LONG_DASH.match(value):
        raise _Report(
            prefix,
            "List item link and description separated by invalid en-dash or em-dash",
            _dash_fix(prefix, evidence),
        )
    if _DASH_THEN_CAPITAL.search(text):
        return  # an image or a second link before the description: good enough
    raise _Report(prefix, "List item link and description must be separated with a dash")


def _dash_fix(prefix: Node, evidence: _Evidence) -> Fix | None:
    """`` – `` or ``—`` right after the link becomes `` - `` (only when the raw text starts with the dash)."""
    match = _LONG_DASH.match(prefix.value)
    if match is None or not evidence.same_as_source(prefix, match.end()):
        return None
    return Fix.safe(Edit(prefix.start, prefix.start + match.end(), " - "))


def _valid_suffix(text: str, suffix_text: str) -> bool:
    if _CODE_THEN_PUNCTUATION.match(text):
        return bool(_CODE_TEXT_CODE.match(text))
    if _PUNCTUATION_AFTER_QUOTE.search(text):
        return not _PUNCTUATION_AROUND_QUOTE.search(text)
    if _FINAL_PUNCTUATION.search(text):
        return True
    if not _PUNCTUATION.search(text):
        tokens = _words(text)
        if len(tokens) > 2 or not ends_with_emoji(tokens[-1] if tokens else ""):
            return False
    if _FINAL_PARENTHESIS.search(suffix_text):
        return True
    return ends_with_emoji(suffix_text)


def _period_fix(suffix: Node, evidence: _Evidence) -> Fix | None:
    raw = evidence.source[suffix.start : suffix.end].rstrip()
    if not raw or not (raw[-1].isalnum() or raw[-1] == ")"):
        return None
    end = suffix.start + len(raw)
    return Fix.safe(Edit(end, end, "."))


def _words(text: str) -> list[str]:
    return [word for word in _WORD_BREAK.split(text) if word]


def _check_casing(prefix: Node, evidence: _Evidence) -> None:
    stripped = prefix.value[3:]
    first_word = _FIRST_WORD.search(stripped)  # the first of _words(stripped)
    if first_word is None:
        raise _Report(prefix, "List item description must start with a non-empty string")
    first = first_word.group()
    if _SYMBOL_START.match(stripped.strip()):
        return
    if not _has_case(first):
        return
    if is_accepted_casing(first) or _DIGIT.search(first) or _QUOTE_OR_PARENTHESIS_START.match(first):
        return
    if first in _ALLOWED_IDENTIFIERS:
        return
    raise _Report(prefix, "List item description must start with valid casing", _capital_fix(prefix, first, evidence))


def _has_case(word: str) -> bool:
    """awesome-lint checks casing only for text that starts with a Latin letter, or has Greek or Cyrillic."""
    first = word[0]
    latin = first.isalpha() and (first.isascii() or "LATIN" in _name(first))
    return latin or any("GREEK" in _name(c) or "CYRILLIC" in _name(c) for c in word)


def _name(char: str) -> str:
    import unicodedata

    return unicodedata.name(char, "")


def _capital_fix(prefix: Node, word: str, evidence: _Evidence) -> Fix | None:
    offset = prefix.value.find(word, 3)
    if offset < 0 or not word[0].islower() or not word.isalpha():
        return None
    if not evidence.same_as_source(prefix, offset + 1):
        return None
    start = prefix.start + offset
    edit = Edit(start, start + 1, word[0].upper())
    return Fix.safe(edit) if word.capitalize() in evidence.capitalised else Fix.unsafe(edit)
