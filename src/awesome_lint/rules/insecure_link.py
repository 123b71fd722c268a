"""insecure-link: an ``http://`` link to a host known to serve https.

Hosts such as arxiv.org, github.com and openaccess.thecvf.com serve every page over https and redirect
plain http there; the ``http://`` form costs a redirect and can be tampered with on the way. The hosts
known are listed in ``rules/hosts.yaml`` (``https:``); a config adds more under ``hosts: {https: [...]}``.
Other hosts are left alone: not every server has https.

The fix changes ``http`` to ``https``; it is safe for the hosts listed.
"""

from __future__ import annotations

from ..diagnostics import CHANGES_URLS, Diagnostic, Edit, Fix
from ..knowledge import host_of
from ._paper import entry_urls, written_url

ID = "insecure-link"
SUMMARY = "an http:// link to a host known to serve https (arxiv.org, github.com ...)"
SEVERITY = "info"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    hosts = ctx.conventions.knowledge.hosts
    for link in entry_urls(ctx.doc):
        written = written_url(ctx.doc, link)
        if written[:7].lower() != "http://":
            continue
        host = host_of(written)
        if not host or not hosts.serves_https(host):
            continue
        yield Diagnostic(
            link.url_start,
            link.url_end,
            f"http:// link to {host}, which serves https",
            fix=Fix.safe(Edit(link.url_start, link.url_start + 4, "https"), changes=frozenset({CHANGES_URLS})),
            data={"url": written},
        )
