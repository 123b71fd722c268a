"""The link cache: a second run makes no request for a cached link; errors are never cached; bad files."""

from __future__ import annotations

import json

import pytest

from awesome_lint.document import Document
from awesome_lint.links.cache import FILE_NAME, LinkCache
from awesome_lint.links.checker import LinkChecker
from awesome_lint.links.result import OK, LinkResult
from awesome_lint.links.settings import LinkSettings
from awesome_lint.source import Source
from linkserver import LinkServer, no_proxy_env

pytestmark = pytest.mark.usefixtures(no_proxy_env.__name__)

PATHS = ["/ok", "/missing", "/moved", "/cloudflare", "/always-503"]


def _run(server, cache_dir, **overrides):
    settings = LinkSettings(
        allow_private=True, cache_dir=cache_dir, retries=0, interval=0.0, read_timeout=0.5, **overrides
    )
    text = "".join(f"- [x]({server.url(path)})\n" for path in PATHS)
    checker = LinkChecker(settings)
    report = checker.check(Document(Source("README.md", text)))
    assert checker.close() is None
    return checker, report


def test_second_run_within_ttl_makes_no_request_for_cached_links(tmp_path):
    with LinkServer() as server:
        _run(server, tmp_path)
        before = {path: server.count(path) for path in PATHS}
        checker, report = _run(server, tmp_path)
        for path in ("/ok", "/missing", "/moved", "/cloudflare"):
            assert server.count(path) == before[path], path
            assert report.get(server.url(path)).cached
        assert server.count("/always-503") == before["/always-503"] + 1  # errors are never cached
        assert checker.stats.cached == 4
        assert report.get(server.url("/moved")).permanent_url == server.url("/ok")  # the redirect is kept


def test_expired_entries_are_checked_again(tmp_path):
    with LinkServer() as server:
        _run(server, tmp_path)
        before = server.count("/cloudflare")
        _, report = _run(server, tmp_path, cache_ttl=0.0)
        assert server.count("/cloudflare") > before
        assert not report.get(server.url("/cloudflare")).cached


def test_corrupt_or_foreign_cache_file_is_ignored_and_rebuilt(tmp_path):
    with LinkServer() as server:
        for content in ("{not json", json.dumps({"format": "someone else's", "entries": {}}), "\x00\xff"):
            (tmp_path / FILE_NAME).write_text(content, encoding="utf-8", errors="surrogateescape")
            checker, report = _run(server, tmp_path)
            assert report.get(server.url("/ok")).category == OK
            rebuilt = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))
            assert server.url("/ok") in rebuilt["entries"]


def test_malformed_entry_is_skipped(tmp_path):
    cache = LinkCache(tmp_path, ttl=100)
    cache.entries = {"http://a.example/": {"url": 3, "category": "nonsense"}}
    assert cache.get("http://a.example/") is None


def test_only_cacheable_results_are_written(tmp_path):
    cache = LinkCache(tmp_path, ttl=100)
    cache.put(
        "http://a.example/", LinkResult("http://a.example/", OK, "fine", 200, checked_at=cache.now, cacheable=True)
    )
    cache.put("http://b.example/", LinkResult("http://b.example/", "error", "timed out", checked_at=cache.now))
    assert cache.save()
    entries = json.loads((tmp_path / FILE_NAME).read_text())["entries"]
    assert list(entries) == ["http://a.example/"]
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]  # no temporary file left behind
