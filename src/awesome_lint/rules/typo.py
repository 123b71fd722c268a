"""typo: a misspelled word in a heading, a paragraph, a description or a title.

Words are looked up in codespell's misspelling dictionary (shipped by the ``codespell`` package) and in
``rules/typos.yaml``, which adds misspellings seen in paper lists (``papres``) and drops words that are
right in them. Only plain words are checked: nothing inside URLs, code spans, HTML, emoji shortcodes, or
tokens with digits, dots, slashes or underscores (names of tools and files), nor mixed-case words
(``PorjectPage`` is a label, for ``label-typo``).

The fix is safe when the dictionary gives exactly one correction, in the case the word was written in.
Words in titles are reported but never fixed (a title is the paper's, and it may coin words), nor are
words in headings (the heading's anchor, and every link to it, would change). Options: ``words``, extra
misspellings (``{recieved: received}``, comma-separated candidates allowed); ``ignore``, words to accept.
"""

from __future__ import annotations

import re

from ..blocks import QUOTE, TEXT
from ..diagnostics import HEADING_NOT_FIXED, Diagnostic, Edit, Fix
from ..misspellings import match_case, shipped

ID = "typo"
SUMMARY = "a misspelled word in headings, prose, descriptions and titles"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"words": {}, "ignore": []}

# Where a word sits decides whether it may be fixed.
PROSE, TITLE, HEADING = "prose", "title", "heading"

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
_HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][^<>]*>", re.DOTALL)
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_CHUNK = re.compile(r"\S+")
_EDGE_PUNCT = "\"'“”‘’()[]{}<>*_~.,;:!?|"
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# A URL: "http://", "https://" or "www." at the start of a word (no word character before it), then up to a
# space, bracket or quote. It opens with one character class (and the word check after it), so the regex
# engine skips the text without "h" or "w" in C.
_URL = re.compile(r"[hHwW](?<!\w.)(?:(?<=[hH])(?i:ttps?://)|(?<=[wW])(?i:ww\.))[^\s<>()\[\]\"']+")
_LETTERS_ONLY = bytes(c if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))  # a bytes.translate table
# Each thing _hidden masks starts with one of these: "[" or "<" (links, HTML), "`" (code), ":" (URLs, shortcodes).
_MASK_TRIGGER = re.compile(r"[\[<`:]")
# Short words are names and abbreviations more often than misspellings: "nd-array", "Nam", "Gool".
MIN_LOWER = 4
MIN_CAPITALISED = 6


def check(ctx):
    doc = ctx.doc
    options = ctx.options
    dictionary = shipped()
    if options.get("words") or options.get("ignore"):
        dictionary = dictionary.extended(options.get("words") or {}, options.get("ignore") or (), "the config")
    listed = _Listed(dictionary)
    seen: set[int] = set()
    passed: list[tuple[int, int]] = []  # (start, end) of the spans with no word in the dictionary
    names = None
    seen.update(_author_words(doc, listed))  # person names are no misspellings ("Shoule Wu")
    for start, end, where in _spans(doc):
        # The words of the masked text are words of the text as written too (masking blanks whole tokens:
        # links, code, HTML and shortcodes start and end at non-letters), so most spans are passed over
        # without masking them (the costly part: it finds the links).
        if not listed.any_of(_word_set(doc.text, start, end)):
            passed.append((start, end))
            continue
        masked = _masked(doc, start, end)
        if not listed.any_of(set(_WORD.findall(masked))):
            passed.append((start, end))  # most spans: their words are listed only if needed below
            continue
        for word, word_start in _words(doc.text, masked, start):
            if word_start in seen:
                continue
            seen.add(word_start)
            correction = dictionary.get(word)
            if correction is None or _word_start_in(passed, word_start, doc):
                continue
            if names is None:
                names = _url_words(doc.text)
            if word.casefold() in names:
                continue  # the list links to it by this name: a project, not a typo
            yield _diagnostic(word, word_start, correction, where)


def _author_words(doc, listed: _Listed) -> set[int]:
    """The offsets of the listed words in the entries' authors (``Entry.authors``)."""
    found: set[int] = set()
    for entry in doc.entries:
        for span in entry.authors:
            if listed.any_of(_word_set(doc.text, span.start, span.end)):
                found.update(at for _word, at in _words(doc.text, _masked(doc, span.start, span.end), span.start))
    return found


def _word_set(text: str, start: int, end: int) -> set[str]:
    """``set(_WORD.findall(text, start, end))``. Without an apostrophe in the span every token is a run of
    letters: the span with every other character made a space (a character outside ASCII is first one "?"),
    split in C, which costs less than the pattern's search (and, span by span, no copy of the whole text)."""
    if text.find("'", start, end) < 0 and text.find("’", start, end) < 0:
        return set(text[start:end].encode("ascii", "replace").translate(_LETTERS_ONLY).decode("ascii").split())
    return set(_WORD.findall(text, start, end))


def _url_words(text: str) -> set[str]:
    """The words of every URL in the text, case-folded (``github.com/ratatui/ratatui`` gives ``ratatui``)."""
    # The runs of ASCII letters, lower-cased (for ASCII, casefold), with bytes.translate rather than a regex:
    # a list has thousands of URLs. Any other character, "?" once encoded, separates words.
    urls = "\n".join(_URL.findall(text)).encode("ascii", "replace")
    return set(urls.translate(_LETTERS_ONLY).lower().decode("ascii").split())


def _diagnostic(word: str, start: int, correction, where: str) -> Diagnostic:
    candidates = [match_case(word, candidate) for candidate in correction.candidates]
    named = " or ".join(f'"{candidate}"' for candidate in candidates)
    message = f'"{word}" looks like a misspelling of {named} ({correction.source})'
    fix = None
    if where == TITLE:
        message += "; titles are not fixed automatically"
    elif where == HEADING:
        message += HEADING_NOT_FIXED
    elif correction.safe:
        fix = Fix.safe(Edit(start, start + len(word), candidates[0]))
    elif correction.reason:
        message += f"; not fixed automatically: {correction.reason}"
    return Diagnostic(start, start + len(word), message, fix=fix)


def _spans(doc):
    """(start, end, where) of the text to check: headings and titles first, so their words keep that status."""
    for heading in doc.headings:
        yield heading.start, heading.end, HEADING
    entry_items = set()
    prose = []
    for entry in doc.entries:
        if entry.kind == "item":
            entry_items.add(entry.index)
        if entry.title is not None:
            yield entry.title.start, entry.title.end, TITLE
        if entry.description is not None:
            prose.append((entry.description.start, entry.description.end))
    for index, item in enumerate(doc.items):
        if index not in entry_items:
            prose.append((item.content_start, item.text_end))
    kinds = doc.blocks.line_kinds
    for number, kind in enumerate(kinds, start=1):
        if kind in (TEXT, QUOTE):
            prose.append((doc.line_starts[number - 1], doc.line_ends[number - 1]))
    for start, end in prose:
        yield start, end, PROSE


class _Listed:
    """Which words are in the dictionary, asked of many spans at once: each distinct word is looked up
    once, and a span is ruled out with one set operation. Every word ``_words`` yields is also found by
    ``_WORD.findall``, so a span none of whose ``_WORD`` tokens is listed holds no misspelling."""

    def __init__(self, dictionary):
        self._dictionary = dictionary
        self._asked: set[str] = set()
        self._listed: set[str] = set()
        self._by_key: dict[str, bool] = {}  # the dictionary looks words up case-folded: "Paper" and "paper" once

    def any_of(self, words: set[str]) -> bool:
        new = words - self._asked
        if new:
            self._asked |= new
            self._listed.update(word for word in new if self._is_listed(word))
        return not self._listed.isdisjoint(words)

    def _is_listed(self, word: str) -> bool:
        key = word.casefold()
        listed = self._by_key.get(key)
        if listed is None:
            listed = self._by_key[key] = self._dictionary.get(word) is not None
        return listed


def _word_start_in(passed: list[tuple[int, int]], offset: int, doc) -> bool:
    """Whether a span passed over earlier had a word starting at ``offset`` (it would have been seen first)."""
    return any(
        start <= offset < end and any(at == offset for _, at in _words(doc.text, _masked(doc, start, end), start))
        for start, end in passed
    )


def _masked(doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` with URLs, link syntax, code, HTML and shortcodes blanked out."""
    text = doc.text
    if _MASK_TRIGGER.search(text, start, end) is None:
        return text[start:end]  # no link, code span, HTML or shortcode can start without one of them
    pieces, position = [], start
    for lo, hi in sorted(_hidden(doc, start, end)):
        lo, hi = max(lo, position), min(hi, end)
        if lo < hi:
            pieces += [text[position:lo], " " * (hi - lo)]
            position = hi
    pieces.append(text[position:end])
    return "".join(pieces)


def _words(text: str, masked_text: str, start: int):
    """(word, offset) of the plain words of a span, given its masked text (see ``_masked``)."""
    for chunk in _CHUNK.finditer(masked_text):
        token = chunk.group()
        stripped = token.strip(_EDGE_PUNCT)
        if not stripped:
            continue
        offset = start + chunk.start() + token.index(stripped)
        position = 0
        for part in stripped.split("-"):
            after = offset + position + len(part)
            elided = text[after : after + 1] in ("'", "’")  # "Everybody's Talkin'"
            if _WORD.fullmatch(part) and _plain_case(part) and not elided:
                yield part, offset + position
            position += len(part) + 1


def _plain_case(word: str) -> bool:
    """A long enough lower-case or Capitalised word; ALL-CAPS and mixed-case words are acronyms, names, labels."""
    letters = word.replace("'", "").replace("’", "")
    if letters.islower():
        return len(letters) >= MIN_LOWER
    return len(letters) >= MIN_CAPITALISED and letters[0].isupper() and letters[1:].islower()


def _hidden(doc, start: int, end: int):
    """Spans inside [start, end) that are not prose: URLs and link syntax, code spans, HTML, shortcodes."""
    text = doc.text
    for link in doc.links_in(start, end):  # scanned once per span, shared with the entries
        if link.kind in ("autolink", "bare") or link.image:
            yield link.start, link.end
        else:
            yield link.label_end, link.end
    segment = text[start:end]
    for pattern in (_CODE_SPAN, _HTML, _SHORTCODE):
        for m in pattern.finditer(segment):
            yield start + m.start(), start + m.end()
