"""awesome-github: the list's GitHub repository needs a description, topics and a licence (needs the network).

As awesome-lint's rule of the same name: through the GitHub API, the list's own repository should have a
description, the ``awesome`` and ``awesome-list`` topics, and a licence GitHub detects. The repository is
``links.repository`` (``OWNER/REPO``) in the config, else the ``origin`` remote of the git repository the
list lives in. Only with ``--check-links``: the link checker asks the API once (the token, when
``GITHUB_TOKEN`` is set, goes only to the API; ``links: {github-api: false}`` turns this off). Offline, or
when the repository is unknown or the API gives no answer, the rule says nothing; ``--verbose`` says why.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ._link_check import checking_links

ID = "awesome-github"
SUMMARY = "the GitHub repository's description, topics and licence (needs the network: skipped offline)"
SEVERITY = "error"
FIX = None
OPTIONS: dict = {}
NETWORK = True  # runs only with --check-links online; the CLI names it under --verbose otherwise

TOPICS = ("awesome", "awesome-list")


def check(ctx):
    if not checking_links(ctx):  # the repository is asked for with the links
        return
    from ..links.listrepo import REPO_KEY

    repo = ctx.shared.get(REPO_KEY)
    if repo is None or repo.problem:
        return
    start, end = _anchor(ctx.doc)
    where = f"the GitHub repository {repo.name}"
    if not repo.description:
        yield Diagnostic(start, end, f"{where} has no description (set it in the repository's About box)")
    if repo.has_topics:
        present = f"its topics are {', '.join(repo.topics)}" if repo.topics else "it has no topics"
        for topic in TOPICS:
            if topic not in repo.topics:
                yield Diagnostic(start, end, f'{where} should have "{topic}" as a GitHub topic ({present})')
    if not repo.license:
        yield Diagnostic(start, end, f"{where}: no licence detected by GitHub (add a LICENSE file)")


def _anchor(doc) -> tuple[int, int]:
    """The list's first heading (its title), else its first line: the finding is about the whole list."""
    if doc.headings:
        return doc.headings[0].start, doc.headings[0].end
    first_line_end = doc.text.find("\n")
    return 0, len(doc.text) if first_line_end < 0 else first_line_end
