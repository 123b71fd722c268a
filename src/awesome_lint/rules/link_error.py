"""link-error: a link that could not be checked because the server failed.

Reported only with ``--check-links``: a timeout, a reset connection or a 5xx status that lasted through
every retry (with exponential backoff), another 4xx status such as 400, a TLS error, or more redirects
than the limit. The link may work again later; errors are never cached, so the next run tries again.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ._link_check import checking_links

ID = "link-error"
SUMMARY = "a link whose server failed (timeout, reset, 5xx after retries, other 4xx)"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    if not checking_links(ctx):
        return
    from ..links.result import ERROR, checked_links, describe, shown

    for link, result in checked_links(ctx, ERROR):
        message = f"link {shown(link.url)} failed: {describe(result)}"
        yield Diagnostic(link.url_start, link.url_end, message, data={"link": result.to_json()})
