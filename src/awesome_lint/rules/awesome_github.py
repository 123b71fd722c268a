"""awesome-github: the list's GitHub repository needs a description, topics and a licence (needs the network).

awesome-lint checks, through the GitHub API, that the repository has a description, the ``awesome``
and ``awesome-list`` topics and a licence. This tool makes no network requests while linting, so the
rule is registered (its id is known, and ``<!--lint disable awesome-github-->`` comments are honoured)
but skipped; ``--verbose`` says so. It belongs with the online link checker (``--check-links``).
"""

from __future__ import annotations

ID = "awesome-github"
SUMMARY = "the GitHub repository's description, topics and licence (needs the network: skipped offline)"
SEVERITY = "error"
FIX = None
OPTIONS: dict = {}
NETWORK = True  # skipped by the offline linter; the CLI names it under --verbose


def check(ctx):
    return iter(())
