"""--check-links from the command line: flags, the links: config section, output, fixes, the cache."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, run_inprocess
from linkserver import LinkServer, no_proxy_env

pytestmark = pytest.mark.usefixtures(no_proxy_env.__name__)

LINK_RULES = ["--select", "dead-link,link-error,unverifiable-link,redirected-link,archived-repo,missing-repo"]
CONFIG = "links:\n  allow-private: true\n  retries: 0\n  interval: 0\n  read-timeout: 2\n"


def write_list(tmp_path, server, paths, config: str = CONFIG):
    text = "# List\n\n" + "".join(f"- [item {i}]({server.url(path)}) - Item.\n" for i, path in enumerate(paths))
    (tmp_path / "README.md").write_text(text, encoding="utf-8")
    (tmp_path / ".awesome-lint.yaml").write_text(config, encoding="utf-8")


def test_dead_link_is_an_error_with_its_evidence(tmp_path, monkeypatch):
    with LinkServer() as server:
        write_list(tmp_path, server, ["/ok", "/missing", "/cloudflare"])
        result = run_inprocess(["--check-links", "--no-color", *LINK_RULES], monkeypatch, cwd=tmp_path)
    assert result.code == 1
    lines = [line for line in result.out.splitlines() if line.startswith("README.md:")]
    assert len(lines) == 2
    assert lines[0].startswith("README.md:4:12: dead-link dead link http://127.0.0.1:")
    assert lines[0].endswith("/missing: HTTP 404 Not Found")
    assert "README.md:5:12: unverifiable-link" in lines[1] and "bot-protection" in lines[1]
    assert (tmp_path / ".awesome-lint-cache" / "links.json").is_file()


def test_json_output_gives_final_url_status_and_time(tmp_path, monkeypatch):
    with LinkServer() as server:
        write_list(tmp_path, server, ["/moved-to-missing"])
        result = run_inprocess(["--check-links", "--format", "json", *LINK_RULES], monkeypatch, cwd=tmp_path)
        findings = json.loads(result.out)
        assert [f["rule"] for f in findings] == ["dead-link"]
        link = findings[0]["link"]
        assert link["final_url"] == server.url("/missing")
        assert link["status"] == 404
        assert isinstance(link["elapsed_ms"], int) and link["cached"] is False


def test_link_details_list_every_link_with_final_url_status_and_time(tmp_path, monkeypatch):
    with LinkServer() as server:
        write_list(tmp_path, server, ["/chain", "/missing", "/ok"])
        with (tmp_path / "README.md").open("a", encoding="utf-8") as readme:
            readme.write("- [top](#list) - Anchor.\n")
        args = ["--check-links", "--no-cache", "--format", "json", *LINK_RULES]
        plain = json.loads(run_inprocess(args, monkeypatch, cwd=tmp_path).out)
        result = run_inprocess([*args, "--link-details"], monkeypatch, cwd=tmp_path)
        items = json.loads(result.out)
    # without the flag, the array holds findings only, as before; with it, the same findings come first
    assert all("rule" in item for item in plain) and [f["rule"] for f in plain] == ["redirected-link", "dead-link"]
    findings, files = [i for i in items if "rule" in i], [i for i in items if "links" in i]
    assert items == findings + files
    assert [_without_time(f) for f in findings] == [_without_time(f) for f in plain]
    assert [f["path"] for f in files] == ["README.md"]
    links = files[0]["links"]
    assert [(link["line"], link["column"], link["kind"]) for link in links] == [
        (3, 12, "web"),
        (4, 12, "web"),
        (5, 12, "web"),
        (6, 9, "anchor"),
    ]
    chain, missing, ok, anchor = links
    assert chain["as_written"] == server.url("/chain") and chain["final_url"] == server.url("/ok")
    assert (chain["status"], chain["category"]) == (200, "ok")
    assert [hop["status"] for hop in chain["redirects"]] == [301, 308, 302]
    assert [hop["url"] for hop in chain["redirects"]] == [server.url(p) for p in ("/chain2", "/chain3", "/ok")]
    assert (missing["status"], missing["category"], missing["final_url"]) == (404, "dead", server.url("/missing"))
    assert (ok["status"], ok["redirects"]) == (200, [])
    for link in (chain, missing, ok):
        assert isinstance(link["elapsed_ms"], int) and link["elapsed_ms"] >= 0 and link["cached"] is False
    assert (anchor["category"], anchor["status"], anchor["final_url"]) == ("ok", None, "#list")


def _without_time(finding: dict) -> dict:
    return {**finding, "link": {**finding["link"], "elapsed_ms": None}}


def test_link_details_offline_marks_uncached_links_unchecked(tmp_path, monkeypatch):
    with LinkServer() as server:
        write_list(tmp_path, server, ["/ok"])
        run_inprocess(["--check-links", *LINK_RULES], monkeypatch, cwd=tmp_path)
        write_list(tmp_path, server, ["/ok", "/page/new"])
        args = ["--check-links", "--offline", "--format", "json", "--link-details", *LINK_RULES]
        items = json.loads(run_inprocess(args, monkeypatch, cwd=tmp_path).out)
        assert server.count("/page/new") == 0
    cached, new = items[-1]["links"]
    assert (cached["category"], cached["status"], cached["cached"]) == ("ok", 200, True)
    assert (new["category"], new["status"], new["cached"]) == ("unchecked", None, False)


def test_link_details_needs_json(tmp_path, monkeypatch):
    (tmp_path / "README.md").write_text("# List\n", encoding="utf-8")
    result = run_inprocess(["--check-links", "--link-details"], monkeypatch, cwd=tmp_path)
    assert result.code == 2 and "--link-details" in result.err and "--format json" in result.err
    result = run_inprocess(["--format", "json", "--link-details"], monkeypatch, cwd=tmp_path)
    assert result.code == 2 and result.err.strip() == "awesome-lint: error: --link-details needs --check-links"


def test_without_check_links_link_rules_say_nothing_and_nothing_is_sent(tmp_path, monkeypatch):
    with LinkServer() as server:
        write_list(tmp_path, server, ["/missing"])
        result = run_inprocess([*LINK_RULES], monkeypatch, cwd=tmp_path)
        assert result.code == 0 and server.total() == 0


def test_private_address_is_refused_without_allow_private(tmp_path, monkeypatch):
    with LinkServer() as server:
        write_list(tmp_path, server, ["/missing"], config="links: {retries: 0}\n")
        result = run_inprocess(["--check-links", *LINK_RULES], monkeypatch, cwd=tmp_path)
        assert server.total() == 0
        assert result.code == 0  # unverifiable-link is info
        assert "unverifiable-link" in result.out and "--allow-private" in result.out
        result = run_inprocess(["--check-links", "--allow-private", *LINK_RULES], monkeypatch, cwd=tmp_path)
        assert server.total() >= 1 and "dead-link" in result.out


def test_fix_rewrites_a_permanent_redirect_only_with_unsafe_fixes(tmp_path, monkeypatch):
    with LinkServer() as server:
        write_list(tmp_path, server, ["/moved"])
        readme = tmp_path / "README.md"
        result = run_inprocess(["--check-links", "--fix", *LINK_RULES], monkeypatch, cwd=tmp_path)
        assert "redirected-link" in result.out and server.url("/moved") in readme.read_text()
        result = run_inprocess(
            ["--check-links", "--fix", "--unsafe-fixes", "--no-cache", *LINK_RULES], monkeypatch, cwd=tmp_path
        )
        assert readme.read_text() == f"# List\n\n- [item 0]({server.url('/ok')}) - Item.\n"


def test_offline_uses_the_cache_and_sends_nothing(tmp_path, monkeypatch):
    with LinkServer() as server:
        write_list(tmp_path, server, ["/missing", "/page/new"])
        (tmp_path / "README.md").write_text(f"- [a]({server.url('/missing')})\n", encoding="utf-8")
        run_inprocess(["--check-links", *LINK_RULES], monkeypatch, cwd=tmp_path)
        sent = server.total()
        (tmp_path / "README.md").write_text(
            f"- [a]({server.url('/missing')})\n- [b]({server.url('/page/new')})\n", encoding="utf-8"
        )
        result = run_inprocess(["--check-links", "--offline", *LINK_RULES], monkeypatch, cwd=tmp_path)
        assert server.total() == sent
        assert "dead-link" in result.out and "[cached]" in result.out
        assert "1 web links not checked (--offline" in result.err


def test_cache_dir_flag(tmp_path, monkeypatch):
    with LinkServer() as server:
        write_list(tmp_path, server, ["/ok"])
        run_inprocess(["--check-links", "--cache-dir", "elsewhere", *LINK_RULES], monkeypatch, cwd=tmp_path)
        assert (tmp_path / "elsewhere" / "links.json").is_file()
        assert not (tmp_path / ".awesome-lint-cache").exists()


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("links: {per-host: 0}\n", "links.per-host must be at least 1, not 0"),
        ("links: {concurency: 3}\n", "links: unknown key 'concurency' (did you mean \"concurrency\"?)"),
        ("links: {exclude: ['(']}\n", "links.exclude: '(' is not a valid regular expression"),
        ("links: {accept: [abc]}\n", "links.accept must be a list of HTTP status codes"),
        ("links: {hosts: {example.org: {per-host: x}}}\n", "links.hosts.example.org.per-host must be a whole number"),
        ("links: {github-api: maybe}\n", "links.github-api must be auto, true or false"),
        ("links: [1]\n", "'links' must be a mapping"),
    ],
)
def test_bad_links_config_is_one_line_naming_the_key(tmp_path, monkeypatch, config, message):
    (tmp_path / "README.md").write_text("# List\n", encoding="utf-8")
    (tmp_path / ".awesome-lint.yaml").write_text(config, encoding="utf-8")
    result = run_inprocess([], monkeypatch, cwd=tmp_path)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and message in result.err


def test_link_flags_need_check_links(tmp_path, monkeypatch):
    (tmp_path / "README.md").write_text("# List\n", encoding="utf-8")
    result = run_inprocess(["--offline"], monkeypatch, cwd=tmp_path)
    assert result.code == 2 and result.err.strip() == "awesome-lint: error: --offline needs --check-links"


def test_network_code_is_imported_only_when_fetching(tmp_path):
    """A lint, and --check-links --offline, load no network code; only fetching loads requests and urllib3."""
    (tmp_path / "README.md").write_text("# List\n\n- [a](#list)\n- [b](http://127.0.0.1:9/x)\n", encoding="utf-8")
    code = (
        "import sys; from awesome_lint import cli; cli.main(sys.argv[1:]); "
        "print(*(m in sys.modules for m in ('requests', 'urllib3', 'awesome_lint.links.transport', 'tqdm')))"
    )
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}

    def imported(*args):
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=tmp_path)
        return out.stdout.splitlines()[-1]

    assert imported("README.md") == "False False False False"
    assert imported("README.md", "--check-links", "--offline") == "False False False False"
    # piped: no progress bar; the refused private address still goes through the transport's guard
    assert imported("README.md", "--check-links", "--no-cache") == "True True True False"


@pytest.mark.parametrize(
    ("old", "new", "applicability"),
    [
        ("http://example.org/a?b=1", "https://example.org/a?b=1", "safe"),
        ("http://example.org/a", "https://www.example.org/a", "unsafe"),
        ("http://example.org/a", "https://example.org/b", "unsafe"),
        ("https://example.org/a", "https://example.org/login?next=/a", "unsafe"),
    ],
)
def test_redirect_fix_is_safe_only_for_http_to_https(old, new, applicability):
    from awesome_lint.links.collect import WEB, DocLink
    from awesome_lint.rules import redirected_link

    fix = redirected_link._fix(DocLink(old, 10, 10 + len(old), 1, WEB), new)
    assert fix.applicability == applicability
    assert fix.edits[0].content == new and (fix.edits[0].start, fix.edits[0].end) == (10, 10 + len(old))


def test_archived_and_missing_repositories_through_a_fake_api(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_cli-test-token")
    with LinkServer() as server:
        config = (
            f"links:\n  allow-private: true\n  retries: 0\n  github-api: true\n  github-api-url: {server.url('/api')}\n"
        )
        text = (
            "# List\n\n- [old](https://github.com/owner/old) - Old.\n- [gone](https://github.com/owner/gone) - Gone.\n"
        )
        (tmp_path / "README.md").write_text(text, encoding="utf-8")
        (tmp_path / ".awesome-lint.yaml").write_text(config, encoding="utf-8")
        result = run_inprocess(["--check-links", "--format", "json", *LINK_RULES], monkeypatch, cwd=tmp_path)
        assert {path for path, _ in server.authorization} == {"/api/repos/owner/old", "/api/repos/owner/gone"}
    found = {(f["rule"], f["severity"], f["line"]) for f in json.loads(result.out)}
    assert found == {("archived-repo", "warning", 3), ("missing-repo", "error", 4)}
    assert result.code == 1


def test_deadline_reports_what_was_not_checked(tmp_path, monkeypatch):
    with LinkServer(slow_seconds=3.0) as server:
        write_list(
            tmp_path,
            server,
            ["/slow"],
            config=CONFIG.replace("read-timeout: 2", "read-timeout: 10") + "  deadline: 0.5\n",
        )
        result = run_inprocess(["--check-links", "--no-cache", *LINK_RULES], monkeypatch, cwd=tmp_path)
    assert "awesome-lint: 1 links not checked: the deadline passed" in result.err
    assert "unverifiable-link" in result.out and "deadline (0.5 s) ran out" in result.out
    assert result.code == 0  # unchecked is info, not an error
