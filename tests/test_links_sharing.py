"""What the workers share: one connection pool per host, the environment read once per origin, and a
scheduler that wakes one worker per change instead of all of them. Counts only, no timings."""

from __future__ import annotations

import threading
import time

import pytest

from awesome_lint.document import Document
from awesome_lint.links import http, transport
from awesome_lint.links.checker import LinkChecker
from awesome_lint.links.result import OK
from awesome_lint.links.schedule import Scheduler
from awesome_lint.links.settings import LinkSettings
from awesome_lint.source import Source
from linkserver import LinkServer, no_proxy_env

pytestmark = pytest.mark.usefixtures(no_proxy_env.__name__)

FAST = {"allow_private": True, "cache": False, "retries": 0, "connect_timeout": 1.0, "read_timeout": 5.0}


def links_doc(urls: list[str]) -> Document:
    text = "# Links\n\n" + "".join(f"- [link {i}]({url})\n" for i, url in enumerate(urls))
    return Document(Source(text=text, path="README.md"))


def test_a_host_gets_no_more_connections_than_its_limit_whatever_the_workers():
    """8 workers, 2 requests in flight per host: at most 2 connections, reused by whichever worker sends.

    The gap is longer than an answer, so the next request usually goes out from another worker than the
    last one (one connection per worker gave 7 or 8 here)."""
    with LinkServer(busy_seconds=0.02) as server:
        checker = LinkChecker(LinkSettings(**{**FAST, "concurrency": 8, "per_host": 2, "interval": 0.03}))
        report = checker.check(links_doc([server.url(f"/busy/{i}") for i in range(24)]))
        checker.close()
        assert [result.category for result in report.results.values()] == [OK] * 24
        assert server.total() == 24
        assert 1 <= server.connections <= 2


def test_connections_are_kept_across_documents_until_close():
    with LinkServer() as server:
        checker = LinkChecker(LinkSettings(**{**FAST, "concurrency": 1, "interval": 0.0}))
        checker.check(links_doc([server.url("/page/1")]))
        checker.check(links_doc([server.url("/page/2")]))
        checker.close()
        assert server.total() == 2 and server.connections == 1


def test_the_environment_is_read_once_per_origin():
    """Five requests to one server and three to another: two entries, one per scheme, host and port."""
    with LinkServer() as first, LinkServer() as second:
        pool = transport.new_pool(allow_private=True, hosts=4, per_host=1)
        session = transport.new_session(allow_private=True, pool=pool)
        headers = {"User-Agent": "test"}
        urls = [first.url(f"/page/{i}") for i in range(5)] + [second.url(f"/page/{i}") for i in range(3)]
        replies = [http.exchange(session, url, headers, (1.0, 5.0)) for url in urls]
        pool.close()
        assert [reply.status for reply in replies] == [200] * 8
        assert sorted(pool.environment) == sorted(
            ("http", url.split("/")[2]) for url in (first.url("/"), second.url("/"))
        )


def test_the_environment_kept_per_origin_still_sends_a_proxied_host_to_its_proxy(monkeypatch):
    """NO_PROXY names one server by host and port: requests to it go direct, and to the other server on the
    same host, another port, through HTTP_PROXY (a port where nothing listens, so they fail)."""
    with LinkServer() as direct, LinkServer() as proxied:
        direct_url, proxied_url = (server.url("/ok").replace("127.0.0.1", "localhost") for server in (direct, proxied))
        monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
        monkeypatch.setenv("NO_PROXY", direct_url.split("/")[2])
        pool = transport.new_pool(allow_private=True, hosts=4, per_host=1)
        session = transport.new_session(allow_private=True, pool=pool)
        replies = [http.exchange(session, url, {}, (1.0, 5.0)) for url in [direct_url, proxied_url] * 2]
        pool.close()
        assert [reply.status for reply in replies] == [200, None, 200, None]
        assert direct.total() == 2 and proxied.total() == 0
        assert len(pool.environment) == 2


def test_idle_workers_are_woken_one_at_a_time():
    """16 workers, 40 tasks over 4 hosts with a gap: about one wake-up per task, not one per worker per change."""
    tasks, workers = 40, 16
    scheduler = Scheduler(lambda host: 2, lambda host: 0.005, deadline=time.monotonic() + 60)
    for n in range(tasks):
        scheduler.add(f"host{n % 4}.example", n)
    scheduler.no_more()
    done = []

    def work() -> None:
        while (taken := scheduler.take()) is not None:
            host, task = taken
            time.sleep(0.01)  # the exchange: the worker is away, the others idle
            scheduler.release(host)
            done.append(task)
            scheduler.finish()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    assert scheduler.wait_done()
    for thread in threads:
        thread.join(10)
    assert sorted(done) == list(range(tasks))
    # waking every idle worker on every change and every timeout (notify_all) gave about 300 here
    assert scheduler.wakeups <= 2 * tasks
