"""unverifiable-link: a link the checker could not verify, though readers may reach it.

Reported only with ``--check-links``, at info level, never as an error: many sites block link checkers
but serve people. It covers 401, 403, 999 (LinkedIn), 429 after retries, bot-protection pages such as
Cloudflare's challenge, links to private or loopback addresses (refused unless ``--allow-private``), and
links left unchecked when the run's deadline passed. Accept a status for a host with
``links: {hosts: {example.org: {accept: [403]}}}``.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ._link_check import checking_links

ID = "unverifiable-link"
SUMMARY = "a link the checker could not verify (401, 403, 429, bot protection, not allowed)"
SEVERITY = "info"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    if not checking_links(ctx):
        return
    from ..links.result import UNVERIFIABLE, checked_links, describe, shown

    for link, result in checked_links(ctx, UNVERIFIABLE):
        message = f"could not verify {shown(link.url)}: {describe(result)}"
        yield Diagnostic(link.url_start, link.url_end, message, data={"link": result.to_json()})
