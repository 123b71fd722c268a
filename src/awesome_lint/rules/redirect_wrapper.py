"""redirect-wrapper: a URL wrapped by a redirector that carries the real target in its query.

Links copied from search results or social sites often go through a redirector such as
``https://www.google.com/url?...&url=<target>`` or ``https://l.facebook.com/l.php?u=<target>``. They
leak tracking data, break when the redirector changes, and hide where the link goes. The redirectors
known are listed in ``rules/hosts.yaml`` (``redirectors:``, with the query parameter that carries the
target); a config adds more under ``hosts: {redirectors: [...]}``.

The fix replaces the URL with its decoded target (spaces and unbalanced parentheses percent-encoded so
the Markdown still parses). It is safe: the link goes where it went, without the detour.
"""

from __future__ import annotations

from ..diagnostics import CHANGES_URLS, Diagnostic, Edit, Fix
from ..knowledge import host_of, markdown_safe_url
from ._paper import entry_urls, written_url

ID = "redirect-wrapper"
SUMMARY = "a URL wrapped by a redirector that carries the target in its query (google.com/url ...)"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    hosts = ctx.conventions.knowledge.hosts
    for link in entry_urls(ctx.doc):
        written = written_url(ctx.doc, link)
        target = hosts.unwrap(written)
        if target is None:
            continue
        fix = None
        if "\\" not in written and "&amp;" not in written:  # escapes or entities: the target may be misread
            fix = Fix.safe(
                Edit(link.url_start, link.url_end, markdown_safe_url(target)), changes=frozenset({CHANGES_URLS})
            )
        yield Diagnostic(
            link.url_start,
            link.url_end,
            f"link goes through the redirector {host_of(written)}; its target is {target}",
            fix=fix,
            data={"url": written, "target": target},
        )
