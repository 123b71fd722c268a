"""title-format: a title with underscores for spaces, stray spaces, or an end unlike the list's titles.

- Underscores for spaces: ``Generating_Talking_Face_Landmarks_from_Speech``, a title of four or more
  words joined by underscores and no space (a file name pasted as a title), unless one of the entry's
  links has it in its URL (then it is a repository's name). The fix puts spaces back; it is unsafe, as
  the underscores may be a name's own.
- Stray spaces: two or more spaces between words, or a space before ``,`` ``.`` ``:`` ``;`` ``?`` ``!``.
  The fix removes them (safe).
- The final period: when the list's titles end without one (the ``title-period`` convention, inferred
  from most titles or pinned in the config), a title that ends with one, and the other way round. The
  fix removes or adds the period (safe). Titles ending in ``?`` ``!``, an ellipsis or an abbreviation
  (``U.S.``, ``et al.``) are left alone, and so is a title closed by another mark (``Title, *CVPR*``).

Notes among a section's items (no link and no venue tag) are not titles and are not checked.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, Edit, Fix
from ._quote import is_listing

ID = "title-format"
SUMMARY = "a title with underscores for spaces, stray spaces, or trailing punctuation unlike the list's titles"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}

_SNAKE = re.compile(r"[^\W_]+(?:_[^\W_]+){3,}")  # four or more words
_DOUBLE_SPACE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\w)[ \t]+(?=[,.:;?!](?:\s|$))")
_ENDS_FREE = ("?", "!", "..", "…")
_ABBREVIATION_END = re.compile(r"\.\w{1,3}\.$|\b(?:al|etc|vs|Inc|Ltd|Co)\.$")  # "U.S.", "et al."


def check(ctx):
    period = ctx.conventions.title_period
    for entry in ctx.doc.entries:
        title = entry.title
        if title is None or not title.text.strip() or not is_listing(entry):
            continue
        found = [*_underscores(entry), *_stray_spaces(title)]
        if period.holds:
            found += _final_period(entry, period)
        yield from _keep_references(entry, found)


def _keep_references(entry, diagnostics):
    """A title that is the label of a collapsed or shortcut reference (``[Title][]``, ``[Title]``) is also its
    reference: an edit there would point the link at another definition, or none. Such findings lose their fix."""
    labels = [
        (link.label_start, link.label_end)
        for link in entry.links
        if link.kind == "reference" and link.ref == link.label
    ]
    for diagnostic in diagnostics:
        edits = diagnostic.fix.edits if diagnostic.fix else ()
        if any(start <= edit.start and edit.end <= end for edit in edits for start, end in labels):
            diagnostic.fix = None
        yield diagnostic


def _underscores(entry):
    title = entry.title
    text = title.text.strip()
    if " " in text or not _SNAKE.fullmatch(text):
        return
    if any(text.casefold() in link.url.casefold() for link in entry.links):
        return  # the name of the repository it links to (``ydl_api_ng``), not a title with its spaces lost
    offset = title.start + title.text.index(text)
    spaced = text.replace("_", " ")
    yield Diagnostic(
        offset,
        offset + len(text),
        f'title uses underscores for spaces: "{text}"',
        fix=Fix.unsafe(Edit(offset, offset + len(text), spaced)),
    )


def _stray_spaces(title):
    for pattern, what in ((_DOUBLE_SPACE, "more than one space between words"), (_SPACE_BEFORE_PUNCT, None)):
        for m in pattern.finditer(title.text):
            start, end = title.start + m.start(), title.start + m.end()
            if what is None:
                punct = title.text[m.end()]
                message = f'title has a space before "{punct}"'
                replacement = ""
            else:
                message = f"title has {what}"
                replacement = " "
            yield Diagnostic(start, end, message, fix=Fix.safe(Edit(start, end, replacement)))


def _final_period(entry, period):
    """The closing period, which the entry model keeps outside the title span (``title_end``)."""
    title, closing = entry.title, entry.title_end
    text = title.text.rstrip()
    written = text + (closing.text if closing is not None else "")
    if not text or written.endswith(_ENDS_FREE) or _ABBREVIATION_END.search(written):
        return
    has_period = written.endswith(".")
    if has_period == period.value or (closing is not None and closing.text != "."):
        return  # as the list writes it, or closed by a field separator ("Title, *CVPR* 2019")
    if period.pinned:
        evidence = "the config says titles end with a period" if period.value else "the config says they do not"
    elif period.value:
        evidence = f"{period.evidence} end with one"
    else:
        evidence = f"{period.evidence} end without one"
    if has_period:
        if closing is not None:
            start, end = closing.start, closing.end
        else:  # a period the title span kept, after an abbreviation
            end = title.start + len(text)
            start = end - 1
        message = f"title ends with a period, unlike the list's titles ({evidence})"
        yield Diagnostic(start, end, message, fix=Fix.safe(Edit(start, end, "")))
    else:
        end = title.start + len(text)
        message = f"title does not end with a period, unlike the list's titles ({evidence})"
        yield Diagnostic(end - 1, end, message, fix=Fix.safe(Edit(end, end, ".")))
