"""duplicate-entry: the same paper listed twice: the same title, or links to the same arXiv paper.

Titles are compared folded (case, punctuation, markup and Unicode forms ignored); arXiv links are compared
by paper id, whatever their form (abs or pdf, with or without a version). Each later copy is reported,
naming the line of the first. Two different titles linking one arXiv paper are reported as what they most
often are: a paper renamed between versions, or a link copied from the entry above.

Entries are compared within their section, and across the year sections of one topic (``#### 2022``
and ``#### 2021`` under one heading: a paper has one year). A paper filed under two topics is usually
there on purpose and is not reported; ``scope: document`` compares every entry with every other (by
key, so the cost stays linear). Titles shorter than ``min-title-words`` words are not compared (short
names such as "Survey" or "Code" repeat without being the same thing). No fix: which copy to keep, and
where, is the maintainer's call.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..identity import arxiv_id, comparison_scopes, entry_title_key
from ._quote import entry_span, quote_title

ID = "duplicate-entry"
SUMMARY = "the same paper listed twice: the same normalised title or the same arXiv id"
SEVERITY = "warning"
FIX = None
OPTIONS = {"scope": "section", "min-title-words": 3}


def check(ctx):
    doc = ctx.doc
    scopes = {} if ctx.options.get("scope") == "document" else comparison_scopes(doc)
    min_words = int(ctx.options.get("min-title-words", 3))
    first_by_title: dict = {}
    first_by_arxiv: dict = {}
    for entry in doc.entries:
        scope = scopes.get(entry.section)
        same_title = None
        if entry.title is not None:
            key = entry_title_key(ctx, entry)
            if len(key.split()) >= min_words:
                first = first_by_title.setdefault((scope, key), entry)
                same_title = first if first is not entry else None
        same_paper = None  # (the first entry, the arXiv id) of the first paper listed before
        for paper in sorted({arxiv_id(link.url) for link in entry.links} - {None}):
            first = first_by_arxiv.setdefault((scope, paper), entry)  # every paper is recorded, even after a hit
            if first is not entry and same_paper is None:
                same_paper = first, paper
        if same_title is not None:
            yield _diagnostic(doc, entry, same_title, "the same title")
        elif same_paper is not None and _titled_differently(ctx, entry, same_paper[0]):
            yield _wrong_link_or_duplicate(doc, entry, *same_paper)
        elif same_paper is not None:
            yield _diagnostic(doc, entry, same_paper[0], f"a link to the same arXiv paper {same_paper[1]}")


def _titled_differently(ctx, entry, first) -> bool:
    return (
        entry.title is not None
        and first.title is not None
        and entry_title_key(ctx, entry) != entry_title_key(ctx, first)
    )


def _wrong_link_or_duplicate(doc, entry, first, paper: str) -> Diagnostic:
    """Two titles, one arXiv paper: as often a link copied from the entry above as a paper listed twice."""
    start, end = entry_span(entry)
    other = f"{quote_title(first, 40)} on {_where(doc, first, entry)}"
    message = f"{quote_title(entry)} links the same arXiv paper {paper} as {other}"
    message += ": one paper under two titles, or a wrong link"
    return Diagnostic(start, end, message)


def _diagnostic(doc, entry, first, why: str) -> Diagnostic:
    start, end = entry_span(entry)
    title = quote_title(entry) or "this entry"
    return Diagnostic(start, end, f"{title} is listed twice: {why} as the entry on {_where(doc, first, entry)}")


def _where(doc, first, entry) -> str:
    where = f"line {first.line}"
    if first.section is not None and first.section != entry.section:
        where += f' (section "{doc.headings[first.section].text}")'
    return where
