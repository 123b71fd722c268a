"""missing-repo: a link to a GitHub repository that does not exist (any more).

Reported only with ``--check-links`` when the GitHub API is used (``GITHUB_TOKEN`` set, or
``links: {github-api: true}``): the API answered 404 for ``OWNER/REPO``. The repository was deleted,
made private, or renamed so long ago that GitHub no longer redirects. A renamed repository that still
redirects is reported by redirected-link, with its new name.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ._link_check import checking_links

ID = "missing-repo"
SUMMARY = "a link to a GitHub repository that does not exist (deleted, private or renamed)"
SEVERITY = "error"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    if not checking_links(ctx):
        return
    from ..links.result import checked_links, shown

    for link, result in checked_links(ctx):
        if result.repo is None or not result.repo.missing:
            continue
        message = f"{shown(link.url)}: the GitHub repository {result.repo.full_name} is {result.reason}"
        yield Diagnostic(link.url_start, link.url_end, message, data={"link": result.to_json()})
