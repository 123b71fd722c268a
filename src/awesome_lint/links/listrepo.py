"""The list's own GitHub repository: which one it is, and what the GitHub API says about it.

Read by the ``awesome-github`` rule. Which repository: ``links.repository`` (``OWNER/REPO``) in the
config, else the ``origin`` remote of the git repository the list lives in (``https://github.com/...``,
``git@github.com:...`` or ``ssh://git@github.com/...``). With ``--check-links`` (not ``--offline``) the
link checker asks ``GET {api}/repos/OWNER/REPO`` once per repository and run (:meth:`LinkChecker.list_repo`)
and the CLI hands the answer to the rules in ``ctx.shared`` under :data:`REPO_KEY`. The token goes only
to the API, as for repository links (github.headers decides per URL, redirects included).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from . import github

if TYPE_CHECKING:  # config validation imports this module for OWNER_REPO only: keep it light
    from . import http

REPO_KEY = "links.list-repo"

_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})"
_REPO_NAME = r"[A-Za-z0-9._-]+?"
OWNER_REPO = re.compile(rf"({_NAME})/({_REPO_NAME})")
_REMOTE = re.compile(
    rf"(?:(?:https?|git|ssh)://(?:[^@/]+@)?(?:www\.)?github\.com(?::\d+)?/|(?:[^@/\s]+@)?github\.com:/?)"
    rf"({_NAME})/({_REPO_NAME})(?:\.git)?/?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class ListRepo:
    """What the GitHub API said about the list's repository; ``problem`` is set when it said nothing usable."""

    name: str  # OWNER/REPO as asked
    description: str = ""
    topics: tuple[str, ...] = ()
    has_topics: bool = False  # the answer carried a ``topics`` field (older API answers may not)
    license: str = ""  # the licence GitHub detected (its SPDX id or name), "" when none
    problem: str = ""  # why there is no answer: "not found", "HTTP 500", "timed out", ...


def parse_remote(url: str) -> tuple[str, str] | None:
    """(owner, repo) of a github.com git remote URL, https or ssh form; None for anything else."""
    match = _REMOTE.fullmatch(url.strip())
    if match is None or match.group(2) in (".", ".."):
        return None
    return match.group(1), match.group(2)


def origin_remote(folder: Path) -> str | None:
    """The URL of the ``origin`` remote of the git repository holding ``folder``, or None."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "config", "--get", "remote.origin.url"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return (done.stdout.strip() or None) if done.returncode == 0 else None


def repository_for(list_path: str, configured: str | None) -> tuple[tuple[str, str] | None, str]:
    """(owner, repo) of the list's repository, or None, and where it came from (for ``--verbose``)."""
    if configured:
        owner, _, repo = configured.partition("/")
        return (owner, repo), "links.repository"
    if list_path in ("<stdin>", "-"):
        return None, "the list is read from stdin and links.repository is not set"
    remote = origin_remote(Path(list_path).resolve().parent)
    if remote is None:
        return None, "no git origin remote beside the list and links.repository is not set"
    found = parse_remote(remote)
    if found is None:
        return None, f"the origin remote {remote} is not on github.com"
    return found, "the origin remote"


def fetch(session, settings, owner: str, repo: str) -> ListRepo:
    """Ask the GitHub API about OWNER/REPO, following its redirects (a renamed repository); never raises."""
    from . import http

    name = f"{owner}/{repo}"
    url = github.api_url(settings.github_api_url, owner, repo)
    timeout = (settings.connect_timeout, settings.read_timeout)
    for _ in range(settings.max_redirects + 1):
        headers = {"User-Agent": settings.user_agent, "Accept": "*/*"}
        headers.update(github.headers(settings.github_api_url, url))  # the token only under the API's URL
        reply = http.exchange(session, url, headers, timeout, use_head=False, read_json=True)
        if reply.status in http.REDIRECTS and reply.location:
            url = urljoin(url, reply.location.strip())
            continue
        return _interpret(name, reply)
    return ListRepo(name, problem=f"more than {settings.max_redirects} redirects")


def _interpret(name: str, reply: http.Reply) -> ListRepo:
    if reply.error is not None:
        return ListRepo(name, problem=reply.reason)
    if reply.status == 404:
        return ListRepo(name, problem="not found on GitHub (private, deleted or misspelt)")
    if github.rate_limited(reply.status or 0, reply.headers):
        return ListRepo(name, problem="the GitHub API's rate limit is spent (set GITHUB_TOKEN)")
    if reply.status != 200 or reply.body is None:
        return ListRepo(name, problem=f"HTTP {reply.status} {reply.reason}".strip())
    body = reply.body
    topics = body.get("topics")
    licence = body.get("license") if isinstance(body.get("license"), dict) else None
    return ListRepo(
        name=str(body.get("full_name") or name),
        description=str(body.get("description") or "").strip(),
        topics=tuple(str(topic) for topic in topics) if isinstance(topics, list) else (),
        has_topics=isinstance(topics, list),
        license=str((licence or {}).get("spdx_id") or (licence or {}).get("name") or "") if licence else "",
    )
