"""dead-link: a link whose target is gone.

Reported only with ``--check-links``. A web link is dead when the server answers 404 Not Found or 410 Gone
(after any redirects), when its host name does not resolve, when the connection is refused, or when its
redirects loop. Without the network, a relative link is dead when its file is missing, an in-page
``#anchor`` when no heading has that GitHub anchor, and a ``mailto:`` link when its address is malformed.
A repository link checked through the GitHub API is reported by missing-repo instead.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ._link_check import checking_links

ID = "dead-link"
SUMMARY = "a link whose target is gone (404, 410, no such host, refused, missing file or anchor)"
SEVERITY = "error"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    if not checking_links(ctx):
        return
    from ..links.result import DEAD, checked_links, describe, shown

    for link, result in checked_links(ctx, DEAD):
        if result.repo is not None and result.repo.missing:
            continue
        message = f"dead link {shown(link.url)}: {describe(result)}"
        yield Diagnostic(link.url_start, link.url_end, message, data={"link": result.to_json()})
