"""archived-repo: a link to a GitHub repository its owners have archived.

Reported only with ``--check-links`` when the GitHub API is used (``GITHUB_TOKEN`` set, or
``links: {github-api: true}``). An archived repository is read-only: no fixes, no answers to issues.
The list may still want it, but its readers should know; a note such as "(archived)" or a maintained
fork is often better.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ._link_check import checking_links

ID = "archived-repo"
SUMMARY = "a link to an archived (read-only) GitHub repository"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    if not checking_links(ctx):
        return
    from ..links.result import checked_links, shown

    for link, result in checked_links(ctx):
        if result.repo is None or not result.repo.archived:
            continue
        message = f"{shown(link.url)}: the GitHub repository {result.repo.full_name} is archived (read-only)"
        yield Diagnostic(link.url_start, link.url_end, message, data={"link": result.to_json()})
