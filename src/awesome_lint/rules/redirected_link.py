"""redirected-link: a link that permanently redirects (301 or 308) to another URL.

Reported only with ``--check-links``. The link works, but the site says the resource has moved for
good, so the list should point at the new address; a GitHub repository renamed since is reported the
same way (through the GitHub API). The fix rewrites the URL to the redirect's target (keeping the
link's ``#fragment``). It is safe only for ``http://`` to ``https://`` on the same host, path and query;
any other move is unsafe (a site may redirect a dead page to its home page or to a login page), so
check the target first. A redirect that only adds or drops a trailing slash is not reported.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..diagnostics import CHANGES_URLS, Diagnostic, Edit, Fix
from ._link_check import checking_links

ID = "redirected-link"
SUMMARY = "a link that permanently redirects (301, 308) to another URL"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}

_DEFAULT_PORTS = {"http": 80, "https": 443}


def check(ctx):
    if not checking_links(ctx):
        return
    from ..links.result import OK, checked_links, shown

    for link, result in checked_links(ctx, OK):
        if not result.permanent_url:
            continue
        target = _with_fragment(result.permanent_url, link.target)
        if _same(link.target, target):
            continue
        via = "the GitHub API says the repository moved" if result.repo else "permanent redirect"
        message = f"{shown(link.url)} moved to {shown(target)} ({via})"
        yield Diagnostic(link.url_start, link.url_end, message, fix=_fix(link, target), data={"link": result.to_json()})


def _with_fragment(new: str, old: str) -> str:
    fragment = urlsplit(old).fragment
    if fragment and new and "#" not in new:
        return f"{new}#{fragment}"
    return new


def _parts(url: str):
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port if parts.port not in (None, _DEFAULT_PORTS.get(scheme)) else None
    return scheme, (parts.hostname or "").lower(), port, parts.path or "/", parts.query, parts.fragment


def _same(old: str, new: str) -> bool:
    """The same URL, up to case of scheme and host, default ports, and a trailing slash."""
    try:
        a, b = _parts(old), _parts(new)
    except ValueError:
        return False
    return a[:3] == b[:3] and a[3].rstrip("/") == b[3].rstrip("/") and a[4:] == b[4:]


def _only_https(old: str, new: str) -> bool:
    """http://host/path?query to https://host/path?query, nothing else changed."""
    try:
        a, b = _parts(old), _parts(new)
    except ValueError:
        return False
    return a[0] == "http" and b[0] == "https" and a[1:] == b[1:]


def _fix(link, target: str) -> Fix | None:
    """The edit of the URL as written; none when it is written with escapes or the target cannot be written."""
    if link.url != link.target or any(c.isspace() or c in "<>\"'`" for c in target):
        return None
    if target.count("(") != target.count(")"):
        return None
    edit = Edit(link.url_start, link.url_end, target)
    changes = frozenset({CHANGES_URLS})
    return Fix.safe(edit, changes=changes) if _only_https(link.target, target) else Fix.unsafe(edit, changes=changes)
