"""awesome-github with --check-links: a real git repo with an origin remote, a fake GitHub API on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from awesome_lint.links import settings as link_settings
from awesome_lint.links.listrepo import parse_remote
from conftest import run_inprocess

TOKEN = "ghp_awesome-github-token-that-must-stay-home"
GOOD = {
    "description": "A curated list of awesome things",
    "topics": ["awesome", "awesome-list", "python"],
    "license": {"key": "cc0-1.0", "spdx_id": "CC0-1.0", "name": "Creative Commons Zero v1.0 Universal"},
}
REPOS = {  # OWNER/REPO -> the API's answer (GOOD with one thing changed)
    "owner/good": GOOD,
    "owner/no-description": {**GOOD, "description": None},
    "owner/no-awesome-topic": {**GOOD, "topics": ["awesome-list", "python"]},
    "owner/no-topics": {**GOOD, "topics": []},
    "owner/no-license": {**GOOD, "license": None},
}
LIST = "# Awesome Things\n\n> Things.\n\n## Contents\n\n- [Thing](https://example.org/thing) - A thing.\n"


class FakeGitHub:
    """/api/repos/OWNER/REPO answers from REPOS; /api/repos/owner/moved redirects outside the API."""

    def __init__(self):
        self.seen: list[tuple[str, str | None]] = []  # (path, Authorization header)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.api = f"http://127.0.0.1:{self.httpd.server_address[1]}/api"

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                server.seen.append((self.path, self.headers.get("Authorization")))
                name = self.path.removeprefix("/api/repos/").removeprefix("/elsewhere/repos/")
                if self.path == "/api/repos/owner/moved":
                    return self._send(301, b"", {"Location": "/elsewhere/repos/owner/good"})
                if name in REPOS:
                    body = {"full_name": name, "html_url": f"https://github.com/{name}", **REPOS[name]}
                    return self._send(200, json.dumps(body).encode(), {"Content-Type": "application/json"})
                return self._send(404, b'{"message": "Not Found"}', {"Content-Type": "application/json"})

            def _send(self, status: int, body: bytes, headers: dict) -> None:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def __enter__(self) -> FakeGitHub:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def paths(self) -> list[str]:
        return [path for path, _ in self.seen]


@pytest.fixture(scope="module")
def api():
    with FakeGitHub() as server:
        yield server


def make_list(folder, api_url: str, remote: str | None, extra_config: str = ""):
    """A git repo holding README.md, with ``remote`` as its origin, and a config pointing at the fake API."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    if remote:
        subprocess.run(["git", "-C", str(folder), "remote", "add", "origin", remote], check=True)
    (folder / "README.md").write_text(LIST, encoding="utf-8")
    config = f"links:\n  allow-private: true\n  retries: 0\n  cache: false\n  github-api-url: {api_url}\n{extra_config}"
    (folder / ".awesome-lint.yaml").write_text(config, encoding="utf-8")
    return folder


def findings(folder, monkeypatch, *flags: str):
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    args = ["--select", "awesome-github", "--format", "json", *flags, "README.md"]
    result = run_inprocess(args, monkeypatch, cwd=folder)
    assert result.code in (0, 1), result.err
    return [f["message"] for f in json.loads(result.out)], result


@pytest.mark.parametrize(
    ("repo", "expected"),
    [
        ("no-description", ["has no description"]),
        ("no-awesome-topic", ['should have "awesome" as a GitHub topic (its topics are awesome-list, python)']),
        ("no-topics", ['"awesome" as a GitHub topic (it has no topics)', '"awesome-list" as a GitHub topic']),
        ("no-license", ["no licence detected by GitHub"]),
        ("good", []),
    ],
)
def test_each_missing_thing_gives_its_finding(repo, expected, api, tmp_path, monkeypatch):
    folder = make_list(tmp_path / repo, api.api, f"https://github.com/owner/{repo}.git")
    messages, _ = findings(folder, monkeypatch, "--check-links", "--allow-private")
    assert len(messages) == len(expected)
    for message, part in zip(messages, expected, strict=True):
        assert f"the GitHub repository owner/{repo}" in message and part in message
    assert api.paths().count(f"/api/repos/owner/{repo}") == 1


def test_ssh_remote_and_finding_on_the_title(api, tmp_path, monkeypatch):
    folder = make_list(tmp_path / "ssh", api.api, "git@github.com:owner/no-description.git")
    _, result = findings(folder, monkeypatch, "--check-links")
    found = json.loads(result.out)
    assert [(f["rule"], f["line"]) for f in found] == [("awesome-github", 1)]


def test_configured_repository_wins_over_the_origin(api, tmp_path, monkeypatch):
    extra = "  repository: owner/no-license\n"
    folder = make_list(tmp_path / "configured", api.api, "https://github.com/owner/good", extra)
    messages, _ = findings(folder, monkeypatch, "--check-links")
    assert len(messages) == 1 and "owner/no-license: no licence" in messages[0]


def test_token_reaches_only_the_api(api, tmp_path, monkeypatch):
    folder = make_list(tmp_path / "moved", api.api, "https://github.com/owner/moved")
    before = len(api.seen)
    messages, _ = findings(folder, monkeypatch, "--check-links")
    assert messages == []  # the redirect's target, outside the API, is a good repository
    asked = api.seen[before:]
    assert [path for path, _ in asked] == ["/api/repos/owner/moved", "/elsewhere/repos/owner/good"]
    assert asked[0][1] == f"Bearer {TOKEN}" and asked[1][1] is None


def test_offline_and_unknown_repositories_stay_silent_and_verbose_says_why(api, tmp_path, monkeypatch):
    folder = make_list(tmp_path / "quiet", api.api, "https://github.com/owner/no-description")
    before = len(api.seen)
    messages, result = findings(folder, monkeypatch, "--verbose")
    assert messages == [] and "skipped offline (they need the network): awesome-github" in result.err
    messages, result = findings(folder, monkeypatch, "--check-links", "--offline", "--verbose")
    assert messages == [] and "awesome-github skipped" in result.err
    elsewhere = make_list(tmp_path / "gitlab", api.api, "https://gitlab.com/owner/no-description.git")
    messages, result = findings(elsewhere, monkeypatch, "--check-links", "--verbose")
    assert messages == [] and "is not on github.com" in result.err
    nowhere = make_list(tmp_path / "no-remote", api.api, None)
    messages, result = findings(nowhere, monkeypatch, "--check-links", "--verbose")
    assert messages == [] and "no git origin remote" in result.err
    assert len(api.seen) == before  # none of these asked the API


def test_missing_repository_stays_silent(api, tmp_path, monkeypatch):
    folder = make_list(tmp_path / "missing", api.api, "https://github.com/owner/deleted")
    messages, result = findings(folder, monkeypatch, "--check-links", "--verbose")
    assert messages == [] and "gave no answer about owner/deleted: not found" in result.err


def test_remote_forms():
    assert parse_remote("https://github.com/owner/repo.git") == ("owner", "repo")
    assert parse_remote("https://user@github.com/owner/repo") == ("owner", "repo")
    assert parse_remote("git@github.com:owner/awesome.list.git") == ("owner", "awesome.list")
    assert parse_remote("ssh://git@github.com/owner/repo.git") == ("owner", "repo")
    assert parse_remote("https://gitlab.com/owner/repo.git") is None
    assert parse_remote("https://github.com.evil.example/owner/repo") is None
    assert parse_remote("/srv/git/repo.git") is None


def test_repository_setting_is_validated():
    assert link_settings.parse({"repository": "owner/awesome-x"}).repository == "owner/awesome-x"
    for bad in ("owner", "https://github.com/owner/repo", "a/b/c", 3):
        with pytest.raises(link_settings.LinkSettingsError, match="links.repository"):
            link_settings.parse({"repository": bad})
