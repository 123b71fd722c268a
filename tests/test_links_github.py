"""GitHub repository links through a fake GitHub API on 127.0.0.1: archived, missing, renamed, the token."""

from __future__ import annotations

import pytest

from awesome_lint.document import Document
from awesome_lint.links import github
from awesome_lint.links.checker import LinkChecker
from awesome_lint.links.result import DEAD, OK
from awesome_lint.links.settings import LinkSettings
from awesome_lint.source import Source
from linkserver import LinkServer, no_proxy_env

pytestmark = pytest.mark.usefixtures(no_proxy_env.__name__)

TOKEN = "ghp_test-token-that-must-stay-home"


@pytest.fixture(scope="module")
def api_check():
    with LinkServer() as server, pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
        settings = LinkSettings(
            allow_private=True,
            cache=False,
            retries=0,
            interval=0.0,
            github_api="auto",  # on, because a token is set
            github_api_url=server.url("/api"),
        )
        urls = [
            "https://github.com/owner/repo",
            "https://github.com/owner/old",
            "https://github.com/owner/gone",
            "https://github.com/owner/renamed/",
            "https://github.com/owner/leaves-api",
            server.url("/ok"),
            server.url("/moved"),
        ]
        text = "# Repos\n\n" + "".join(f"- [r{i}]({url})\n" for i, url in enumerate(urls))
        report = LinkChecker(settings).check(Document(Source("README.md", text)))
        yield server, report


def test_archived_and_missing_repositories(api_check):
    _, report = api_check
    assert report.get("https://github.com/owner/old").repo.archived
    assert not report.get("https://github.com/owner/repo").repo.archived
    gone = report.get("https://github.com/owner/gone")
    assert (gone.category, gone.repo.missing) == (DEAD, True)


def test_renamed_repository_points_at_its_new_name(api_check):
    _, report = api_check
    renamed = report.get("https://github.com/owner/renamed/")
    assert renamed.category == OK
    assert renamed.repo.full_name == "owner/new-name"
    assert renamed.permanent_url == "https://github.com/owner/new-name"


def test_token_reaches_only_the_api(api_check):
    server, _ = api_check
    with_token = {path for path, auth in server.authorization if auth == f"Bearer {TOKEN}"}
    assert with_token and all(path.startswith("/api/") for path in with_token)
    # the API redirected /repos/owner/leaves-api to /ok, outside the API: no token there
    assert all(auth is None for path, auth in server.authorization if not path.startswith("/api/"))
    assert server.count("/ok") >= 2 and server.count("/moved") == 1


def test_repo_link_recognition():
    assert github.repo_of("https://github.com/owner/repo") == ("owner", "repo")
    assert github.repo_of("https://www.github.com/owner/repo.git") == ("owner", "repo")
    assert github.repo_of("https://github.com/owner/repo#readme") == ("owner", "repo")
    assert github.repo_of("https://github.com/owner/repo/tree/main/src") is None
    assert github.repo_of("https://github.com/topics/python") is None
    assert github.repo_of("https://gist.github.com/owner/abc") is None


def test_api_url_prefix_is_exact():
    base = "https://api.github.com"
    assert github.is_api_url(base, "https://api.github.com/repos/a/b")
    assert not github.is_api_url(base, "https://api.github.com.evil.example/repos/a/b")
    assert not github.is_api_url(base, "http://api.github.com/repos/a/b")
    assert not github.is_api_url("http://127.0.0.1:9/api", "http://127.0.0.1:9/apix/repos")


def test_no_token_without_api_host(monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    assert "Authorization" not in github.headers("https://api.github.com", "https://github.com/a/b")
    assert github.headers("https://api.github.com", "https://api.github.com/repos/a/b")["Authorization"].endswith(TOKEN)


def test_api_is_off_by_default_without_a_token(monkeypatch):
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    assert not github.use_api("auto")
    assert github.use_api("true")
