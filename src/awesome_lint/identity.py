"""When two links, or two entries, are the same thing: URL keys, arXiv ids and title keys.

``double-link`` compares links by :func:`url_key`; ``duplicate-entry`` compares entries by
:func:`title_key` and :func:`arxiv_id`. Both only build dictionaries of keys, so the cost stays linear.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# arxiv.org/abs/2004.01234v2, arxiv.org/pdf/2004.01234.pdf, export.arxiv.org/abs/cs/0701001, arxiv.org/html/…
_ARXIV = re.compile(
    r"(?i)^(?:[a-z]+://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html|format)/"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?/?(?:[?#].*)?$"
)
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_TITLE_NOISE = re.compile(r"[\W_]+")
# Most links: http(s), a host of letters, digits, dots and dashes, no port, user, query or fragment. For
# them urlsplit gives the host (lower-cased) and the rest as the path, which this pattern reads faster.
_PLAIN_HTTP = re.compile(r"https?://([A-Za-z0-9.\-]+)((?:/[^?#\t\r\n]*)?)")


def arxiv_id(url: str) -> str | None:
    """The arXiv id a URL points at, without its version (``2004.01234``), or None."""
    m = _ARXIV.match(url.strip())
    return m["id"].lower() if m else None


def url_key(url: str) -> str | None:
    """The form two URLs are compared in, or None for a link that is not a web URL (anchors, mail, paths).

    The scheme, a leading ``www.``, a default port, a trailing slash and the case of the host are
    ignored; every arXiv abs, pdf or versioned form of a paper is ``arxiv:<id>``. Query and fragment are
    kept: ``page.html#a`` and ``page.html#b`` may well be two different things.
    """
    url = url.strip().strip("<>")
    paper = arxiv_id(url)
    if paper:
        return f"arxiv:{paper}"
    plain = _PLAIN_HTTP.fullmatch(url)
    if plain is not None:
        return plain.group(1).lower().removeprefix("www.") + plain.group(2).rstrip("/")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    if port is not None and str(port) != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    key = host + path
    if parts.query:
        key += "?" + parts.query
    if parts.fragment:
        key += "#" + parts.fragment
    return key


def title_key(title: str) -> str:
    """A title folded for comparison: Unicode-normalised, case-folded, punctuation and markup dropped."""
    folded = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(_TITLE_NOISE.sub(" ", folded).split())


def entry_title_key(ctx, entry) -> str | None:
    """``title_key`` of an entry's title (None without a title), computed once per document and shared by
    the rules that compare titles (``double-link`` and ``duplicate-entry``) through ``ctx.shared``."""
    keys = ctx.shared.get("title_keys")
    if keys is None:
        keys = ctx.shared["title_keys"] = {}
    key = keys.get(id(entry), keys)  # the dict itself stands for "not computed yet"
    if key is keys:
        key = keys[id(entry)] = title_key(entry.title.text) if entry.title is not None else None
    return key


_YEAR_HEADING = re.compile(r"^\W*(?:[A-Za-z]+\W+){0,2}(?:19|20)\d\d(?:\W+[A-Za-z]+){0,2}\W*$")


def is_year_heading(text: str) -> bool:
    """``2021``, ``Before 2020``, ``Year 2024``, ``2023 (Latest)``: a heading that files entries by year."""
    return bool(_YEAR_HEADING.match(text.strip()))


def comparison_scopes(doc) -> dict:
    """For each section (index into ``doc.headings``, or None), the scope its entries are compared in.

    A section is its own scope, except that the year sections under one parent heading share one (a
    paper has one year, so the same paper under "2022" and under "2021" is a mistake, while the same
    paper under two topics is usually filed there on purpose). One pass with a stack of open headings.
    """
    scopes: dict = {None: None}
    open_headings: list[int] = []  # indices of the headings enclosing the current one
    for index, heading in enumerate(doc.headings):
        while open_headings and doc.headings[open_headings[-1]].level >= heading.level:
            open_headings.pop()
        parent = open_headings[-1] if open_headings else None
        scopes[index] = ("years", parent) if is_year_heading(heading.text) else index
        open_headings.append(index)
    return scopes
