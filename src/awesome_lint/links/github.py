"""GitHub repositories through the GitHub API: archived (archived-repo) and missing (missing-repo) ones.

A link to ``https://github.com/OWNER/REPO`` (a repository's front page) is checked with
``GET {api}/repos/OWNER/REPO`` when the API is on (``links.github-api``: ``auto`` uses it when
``GITHUB_TOKEN`` is set). The token goes only to URLs under the API base URL, redirects included: the
headers are built for each request from its own URL, and the session carries no credentials.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

from .. import data
from .result import DEAD, OK, RepoInfo

_NAME = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})"
_REPO = re.compile(rf"https?://(?:www\.)?github\.com/({_NAME})/([A-Za-z0-9._-]+?)(?:\.git)?/?(?:[?#].*)?", re.I)


def repo_of(url: str) -> tuple[str, str] | None:
    """(owner, repo) when ``url`` is a repository's front page on github.com, else None."""
    match = _REPO.fullmatch(url)
    if match is None:
        return None
    owner, repo = match.groups()
    if owner.lower() in _not_owners() or repo in (".", ".."):
        return None
    return owner, repo


def _not_owners() -> frozenset[str]:
    return frozenset(name.lower() for name in data.load("links").get("github-not-owners") or ())


def token() -> str | None:
    return os.environ.get("GITHUB_TOKEN") or None


def use_api(setting: str) -> bool:
    """Whether to ask the API: "true", "false", or "auto" (when a token is set)."""
    return setting == "true" or (setting == "auto" and token() is not None)


def api_url(base: str, owner: str, repo: str) -> str:
    return f"{base}/repos/{owner}/{repo}"


def is_api_url(base: str, url: str) -> bool:
    """Whether ``url`` lies under the API base URL (same scheme, host, port and path prefix)."""
    try:
        api, target = urlsplit(base), urlsplit(url)
    except ValueError:
        return False
    if (api.scheme.lower(), api.netloc.lower()) != (target.scheme.lower(), target.netloc.lower()):
        return False
    prefix = api.path.rstrip("/")
    return target.path == prefix or target.path.startswith(prefix + "/")


def headers(base: str, url: str) -> dict[str, str]:
    """Headers for a request to ``url``: the API's, and the token only when ``url`` is under ``base``."""
    if not is_api_url(base, url):
        return {}
    found = {"Accept": "application/vnd.github+json", "X-GitHub-Api-Version": "2022-11-28"}
    secret = token()
    if secret:
        found["Authorization"] = f"Bearer {secret}"
    return found


def rate_limited(status: int, response_headers) -> bool:
    return status in (403, 429) and response_headers.get("x-ratelimit-remaining") == "0"


def interpret(status: int, body: dict | None, owner: str, repo: str) -> tuple[str, str, RepoInfo]:
    """(category, reason, repo info) for the API's final answer about OWNER/REPO."""
    name = f"{owner}/{repo}"
    if status == 404:
        return DEAD, "not found on GitHub (deleted, private, or renamed long ago)", RepoInfo(name, missing=True)
    body = body or {}
    full_name = str(body.get("full_name") or name)
    info = RepoInfo(full_name, archived=bool(body.get("archived")), html_url=str(body.get("html_url") or ""))
    return OK, "repository found", info
