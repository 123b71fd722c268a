"""The link checker against a real threaded HTTP server on 127.0.0.1: classification, requests, limits."""

from __future__ import annotations

import pytest

from awesome_lint.document import Document
from awesome_lint.links import http
from awesome_lint.links.checker import LinkChecker, Task
from awesome_lint.links.result import DEAD, ERROR, OK, UNVERIFIABLE, LinkResult
from awesome_lint.links.schedule import Scheduler
from awesome_lint.links.settings import HostSettings, LinkSettings
from awesome_lint.source import Source
from linkserver import BIG_BODY, LinkServer, free_port, make_certificate, no_proxy_env

pytestmark = pytest.mark.usefixtures(no_proxy_env.__name__)

FAST = {
    "allow_private": True,  # the test server is on 127.0.0.1
    "cache": False,
    "retries": 1,
    "retry_wait": 0.01,
    "connect_timeout": 1.0,
    "read_timeout": 0.3,
    "interval": 0.0,
}

ROUTES = {  # path -> (category, final status)
    "/ok": (OK, 200),
    "/missing": (DEAD, 404),
    "/gone": (DEAD, 410),
    "/moved": (OK, 200),
    "/moved308": (OK, 200),
    "/chain": (OK, 200),
    "/temporary": (OK, 200),
    "/loop-a": (DEAD, 301),
    "/moved-to-missing": (DEAD, 404),
    "/rate-limited": (UNVERIFIABLE, 429),
    "/rate-limited-long": (UNVERIFIABLE, 429),
    "/rate-limited-date": (UNVERIFIABLE, 429),
    "/unauthorized": (UNVERIFIABLE, 401),
    "/linkedin": (UNVERIFIABLE, 999),
    "/busy-once": (OK, 200),
    "/flaky": (OK, 200),
    "/always-503": (ERROR, 503),
    "/slow": (ERROR, None),
    "/reset": (ERROR, None),
    "/no-head": (OK, 200),
    "/cloudflare": (UNVERIFIABLE, 403),
    "/big": (OK, 200),
}


def document(text: str, path: str = "README.md") -> Document:
    return Document(Source(path, text))


def links_doc(urls: list[str]) -> Document:
    return document("# Links\n\n" + "".join(f"- [link {i}]({url})\n" for i, url in enumerate(urls)))


@pytest.fixture(scope="module")
def checked():
    """Every route checked once, together, as a list would be."""
    with LinkServer() as server:
        refused = f"http://127.0.0.1:{free_port()}/nothing-listens"
        checker = LinkChecker(LinkSettings(**FAST))
        report = checker.check(links_doc([server.url(path) for path in ROUTES] + [refused]))
        yield server, report, refused, checker


@pytest.mark.parametrize("path", list(ROUTES))
def test_each_route_is_classified(checked, path):
    server, report, _, _ = checked
    result = report.get(server.url(path))
    category, status = ROUTES[path]
    assert (result.category, result.status) == (category, status), result.reason


def test_refused_connection_is_dead(checked):
    _, report, refused, _ = checked
    result = report.get(refused)
    assert result.category == DEAD
    assert "refused" in result.reason


def test_permanent_redirects_give_their_target(checked):
    server, report, _, _ = checked
    assert report.get(server.url("/moved")).permanent_url == server.url("/ok")
    assert report.get(server.url("/moved308")).permanent_url == server.url("/ok")
    # 301 then 308 then 302: the permanent part of the chain ends at /chain3
    assert report.get(server.url("/chain")).permanent_url == server.url("/chain3")
    assert report.get(server.url("/temporary")).permanent_url == ""
    assert [status for status, _ in report.get(server.url("/chain")).redirects] == [301, 308, 302]


def test_redirect_loop_names_the_loop(checked):
    server, report, _, _ = checked
    assert "redirect loop" in report.get(server.url("/loop-a")).reason


def test_retries_count_requests(checked):
    server, _, _, _ = checked
    assert server.count("/flaky") == 2  # 503, then 200 on the retry
    assert server.count("/busy-once") == 2  # 429 with Retry-After: 0, then 200
    assert server.count("/always-503") == 2  # the first try and one retry (retries: 1)
    assert server.count("/rate-limited") == 2
    assert server.count("/rate-limited-long") == 1  # Retry-After: 3600 is over the cap: no retry
    assert server.count("/rate-limited-date") == 1  # the same, as an HTTP date an hour ahead
    assert server.count("/gone") <= 2  # a 410 is final: HEAD (and GET, as HEAD may be mishandled), no retry


def test_timeouts_and_resets_are_retried_then_reported(checked):
    server, report, _, _ = checked
    assert server.count("/slow") == 2
    assert report.get(server.url("/slow")).attempts == 2
    assert "timed out" in report.get(server.url("/slow")).reason
    assert "reset" in report.get(server.url("/reset")).reason


def test_head_refused_falls_back_to_get(checked):
    server, report, _, _ = checked
    assert server.requests[("GET", "/no-head")] == 1
    assert report.get(server.url("/no-head")).category == OK


def test_bot_protection_page_is_unverifiable_not_an_error(checked):
    _, report, _, _ = checked
    result = next(r for key, r in report.results.items() if key.endswith("/cloudflare"))
    assert "bot-protection" in result.reason


def test_large_body_is_not_downloaded(checked):
    server, _, _, _ = checked
    assert server.requests[("GET", "/big")] == 1
    assert server.big_bytes_sent < BIG_BODY // 4


def test_results_carry_time_and_final_url(checked):
    server, report, _, _ = checked
    facts = report.get(server.url("/moved")).to_json()
    assert facts["final_url"] == server.url("/ok")
    assert facts["status"] == 200
    assert facts["elapsed_ms"] >= 0 and facts["cached"] is False


def test_per_host_limit_holds():
    with LinkServer(busy_seconds=0.1) as server:
        checker = LinkChecker(LinkSettings(**{**FAST, "per_host": 3, "read_timeout": 5.0}))
        report = checker.check(links_doc([server.url(f"/busy/{i}") for i in range(15)]))
        assert all(result.category == OK for result in report.results.values())
        assert server.count("/busy/0") >= 1
        assert 1 <= server.max_in_flight <= 3
        assert checker.max_in_flight["127.0.0.1"] <= 3


def test_per_host_override_from_settings():
    from awesome_lint.links.settings import parse

    settings = parse({"per-host": 4, "hosts": {"example.org": {"per-host": 1, "interval": 2}}})
    assert settings.per_host_limit("docs.example.org") == 1
    assert settings.interval_for("example.org") == 2
    assert settings.per_host_limit("example.com") == 4


def test_deadline_ends_the_run_and_reports_unchecked():
    with LinkServer(slow_seconds=3.0) as server:
        settings = LinkSettings(**{**FAST, "per_host": 1, "read_timeout": 10.0, "deadline": 0.5, "retries": 0})
        checker = LinkChecker(settings)
        urls = [server.url("/slow"), server.url("/slow?again")]
        report = checker.check(links_doc(urls))
        assert len(report.results) == 2
        unchecked = [r for r in report.results.values() if "deadline" in r.reason]
        assert unchecked and all(r.category == UNVERIFIABLE for r in unchecked)
        assert checker.stats.unchecked == len(unchecked)


def test_a_wait_the_deadline_cuts_short_gives_no_verdict():
    """A slow page whose wait the deadline ended is unchecked, never a "timed out" error (a race on a busy CI)."""
    from awesome_lint.links.transport import new_session

    with LinkServer(slow_seconds=3.0) as server:
        checker = LinkChecker(LinkSettings(**{**FAST, "read_timeout": 10.0, "deadline": 0.4}))
        url = server.url("/slow")
        outcome, _ = checker._step(new_session(True), "127.0.0.1", Task(key=url, current=url))
        assert not isinstance(outcome, LinkResult) and not isinstance(outcome, float)
        # a genuine read timeout, far from the deadline, is a verdict
        checker = LinkChecker(LinkSettings(**{**FAST, "retries": 0}))
        outcome, _ = checker._step(new_session(True), "127.0.0.1", Task(key=url, current=url))
        assert isinstance(outcome, LinkResult) and outcome.category == ERROR and "timed out" in outcome.reason


def test_only_lines_limits_the_links_checked():
    with LinkServer() as server:
        doc = document(f"# L\n\n- [a]({server.url('/page/a')})\n- [b]({server.url('/page/b')})\n")
        report = LinkChecker(LinkSettings(**FAST)).check(doc, only_lines={4})
        assert list(report.results) == [server.url("/page/b")]
        assert server.count("/page/a") == 0 and server.count("/page/b") == 1


def test_excluded_links_are_not_fetched():
    with LinkServer() as server:
        settings = LinkSettings(**{**FAST, "exclude": ("/page/private",)})
        report = LinkChecker(settings).check(links_doc([server.url("/page/private"), server.url("/page/public")]))
        assert server.count("/page/private") == 0
        assert report.get(server.url("/page/public")).category == OK


def test_accepted_status_counts_as_fine():
    with LinkServer() as server:
        settings = LinkSettings(**{**FAST, "accept": frozenset({404})})
        report = LinkChecker(settings).check(links_doc([server.url("/missing")]))
        assert report.get(server.url("/missing")).category == OK


def test_duplicate_urls_are_fetched_once():
    with LinkServer() as server:
        url = server.url("/page/same")
        variants = [url, url + "#section", url.replace("http://", "HTTP://")]
        report = LinkChecker(LinkSettings(**FAST)).check(links_doc(variants))
        assert server.count("/page/same") == 1
        assert list(report.results) == [url]


def test_a_paused_host_gets_no_request_until_the_pause_ends():
    import time

    scheduler = Scheduler(lambda host: 4, lambda host: 0.0, deadline=time.monotonic() + 0.3)
    scheduler.add("a.example", "first")
    scheduler.add("a.example", "second")
    assert scheduler.take() == ("a.example", "first")
    scheduler.release("a.example", pause=30.0)  # as after a 429 with Retry-After: 30
    assert scheduler.take() is None  # the deadline came first; "second" was never handed out


def test_retry_after_reads_seconds_and_dates():
    assert http.retry_after({"retry-after": "7"}) == 7.0
    assert http.retry_after({"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}, now=1445412470.0) == 10.0
    assert http.retry_after({"retry-after": "soon"}) is None
    assert http.retry_after({}) is None


def test_dns_failure_is_dead():
    """getaddrinfo's failure classified (no DNS query is sent: the tests stay off the network)."""
    import socket

    kind, message = http._failure(socket.gaierror(socket.EAI_NONAME, "Name or service not known"))
    assert kind == http.DNS and "DNS" in message
    assert http.Reply(error=kind).transient() is False  # a missing host is not retried


def test_a_429_pauses_the_whole_host():
    """After a 429 with Retry-After: 30 the host's other links wait (past the deadline); other hosts go on."""
    with LinkServer() as server:
        settings = LinkSettings(**{**FAST, "per_host": 1, "retries": 1, "deadline": 1.0})
        other_host = f"http://localhost:{server.port}/page/elsewhere"
        urls = [server.url("/throttle"), server.url("/page/a"), server.url("/page/b"), other_host]
        report = LinkChecker(settings).check(links_doc(urls))
        assert server.count("/throttle") == 1  # the retry would come after the deadline: not sent
        assert server.count("/page/a") == server.count("/page/b") == 0
        assert report.get(server.url("/page/a")).category == UNVERIFIABLE
        assert "deadline" in report.get(server.url("/page/a")).reason
        assert server.count("/page/elsewhere") == 1 and report.get(other_host).category == OK


def test_redirects_are_capped():
    with LinkServer() as server:
        report = LinkChecker(LinkSettings(**{**FAST, "max_redirects": 2})).check(links_doc([server.url("/chain")]))
        result = report.get(server.url("/chain"))
        assert (result.category, result.reason) == (ERROR, "more than 2 redirects")
        assert server.count("/ok") == 0


def test_connections_are_kept_alive_per_host():
    with LinkServer() as server:
        settings = LinkSettings(**{**FAST, "concurrency": 1})
        report = LinkChecker(settings).check(links_doc([server.url(f"/page/{i}") for i in range(20)]))
        assert all(result.category == OK for result in report.results.values())
        assert server.total() == 20 and server.connections == 1


def test_a_kept_connection_the_server_closed_is_replaced():
    """The server drops idle connections after 0.05 s; requests 0.3 s apart each need a new one, and get it."""
    with LinkServer(idle_timeout=0.05) as server:
        settings = LinkSettings(**{**FAST, "concurrency": 1, "interval": 0.3})
        report = LinkChecker(settings).check(links_doc([server.url(f"/page/{i}") for i in range(3)]))
        assert [result.category for result in report.results.values()] == [OK, OK, OK]
        assert server.total() == 3 and server.connections == 3


def test_user_agent_and_per_host_overrides():
    with LinkServer(busy_seconds=0.05) as server:
        local = f"http://localhost:{server.port}"
        hosts = {"localhost": HostSettings(user_agent="local-agent/2", per_host=1)}
        settings = LinkSettings(**{**FAST, "user_agent": "list-checker/1", "hosts": hosts, "read_timeout": 5.0})
        urls = [server.url("/ok"), *(f"{local}/busy/{i}" for i in range(6))]
        checker = LinkChecker(settings)
        checker.check(links_doc(urls))
        agents = dict(server.user_agents)
        assert agents["/ok"] == "list-checker/1"
        assert {agent for path, agent in server.user_agents if path.startswith("/busy/")} == {"local-agent/2"}
        assert checker.max_in_flight["localhost"] == 1  # the override's per-host limit, not the global 4


def test_backoff_doubles_with_jitter_and_retry_after_is_capped():
    import time
    from email.utils import formatdate

    checker = LinkChecker(LinkSettings(cache=False, retries=10, retry_wait=1.0, retry_after_cap=60.0))
    for retries in range(4):
        delays = {checker._retry_delay(Task("k", "k", retries=retries), http.Reply(status=503)) for _ in range(20)}
        assert all(0.5 * 2**retries <= delay <= 1.5 * 2**retries for delay in delays)
        assert len(delays) > 1  # jitter: retries of many links do not fire at once
    soon = http.Reply(status=429, headers={"retry-after": formatdate(time.time() + 20, usegmt=True)})
    assert 15 <= checker._retry_delay(Task("k", "k"), soon) <= 20
    late = http.Reply(status=429, headers={"retry-after": formatdate(time.time() + 3600, usegmt=True)})
    assert checker._retry_delay(Task("k", "k"), late) is None  # over the cap: given up, not waited for
    assert checker._host_pause(Task("k", "k"), late) == 0.0
    assert checker._host_pause(Task("k", "k"), http.Reply(status=429, headers={"retry-after": "7"})) == 7.0


def test_local_links_are_answered_at_once_and_link_rules_wait_for_the_web():
    """start() returns while the web links are fetched; a link rule reading the report waits for them."""
    from types import SimpleNamespace

    from awesome_lint.links.result import REPORT_KEY, report_of

    with LinkServer() as server:
        doc = document(f"# Top\n\n- [here](#top)\n- [web]({server.url('/gate')})\n")
        pending = LinkChecker(LinkSettings(**{**FAST, "read_timeout": 10.0})).start(doc)
        assert pending.report.get("#top").category == OK
        assert pending.report.get(server.url("/gate")) is None  # the server holds its answer back
        server.gate.set()
        report = report_of(SimpleNamespace(shared={REPORT_KEY: pending}))
        assert report is pending.report and report.get(server.url("/gate")).category == OK


def test_cli_runs_the_link_rules_last():
    from awesome_lint.cli import _link_rules_last

    ordered = _link_rules_last({"dead-link": 1, "empty-item": 2, "redirected-link": 3, "typo": 4})
    assert list(ordered) == ["empty-item", "typo", "dead-link", "redirected-link"]


def test_non_ascii_urls_and_utf8_locations():
    with LinkServer() as server:
        report = LinkChecker(LinkSettings(**FAST)).check(links_doc([server.url("/café"), server.url("/to-cafe")]))
        assert report.get(server.url("/caf%C3%A9")).category == OK
        moved = report.get(server.url("/to-cafe"))
        assert (moved.category, moved.final_url) == (OK, server.url("/café"))
        assert server.count("/caf%C3%A9") == 2


def test_https_is_verified_and_kept_alive(tmp_path, monkeypatch):
    """A self-signed certificate is a TLS error; trusted (REQUESTS_CA_BUNDLE), https links share one connection."""
    cert, key = make_certificate(tmp_path)
    with LinkServer(tls=(cert, key)) as server:
        settings = LinkSettings(**{**FAST, "concurrency": 1})
        untrusted = LinkChecker(settings).check(links_doc([server.url("/ok")])).get(server.url("/ok"))
        assert untrusted.category == ERROR and untrusted.reason.startswith("TLS error")
        assert server.total() == 0  # nothing was sent over an unverified connection
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", cert)  # trust this test's certificate (valid for a day)
        report = LinkChecker(settings).check(links_doc([server.url(f"/page/{i}") for i in range(5)]))
        assert all(result.category == OK for result in report.results.values())
        assert server.total() == 5 and server.connections == 1  # one kept connection (the refused one never got in)


def test_workers_wait_for_links_still_being_read():
    """A worker that finished every task so far waits while the checker is still adding links."""
    import threading
    import time

    scheduler = Scheduler(lambda host: 4, lambda host: 0.0, deadline=time.monotonic() + 30)
    scheduler.add("a.example", "first")
    assert scheduler.take() == ("a.example", "first")
    scheduler.release("a.example")
    scheduler.finish()
    taken = []
    worker = threading.Thread(target=lambda: taken.append(scheduler.take()))
    worker.start()
    worker.join(0.2)
    assert worker.is_alive()  # waiting for more, not gone
    scheduler.add("a.example", "second")
    worker.join(5)
    assert taken == [("a.example", "second")]
    scheduler.release("a.example")
    scheduler.finish()
    scheduler.no_more()
    assert scheduler.take() is None and scheduler.wait_done()


def test_a_failing_exchange_is_reported_and_does_not_stall_the_run(monkeypatch):
    """A bug in one exchange (injected here) ends that link as an error; the other links are still checked."""
    real_exchange = http.exchange

    def exchange(session, url, *args, **kwargs):
        if url.endswith("/missing"):
            raise RuntimeError("injected")
        return real_exchange(session, url, *args, **kwargs)

    monkeypatch.setattr(http, "exchange", exchange)
    with LinkServer() as server:
        settings = LinkSettings(**{**FAST, "deadline": 60.0})
        report = LinkChecker(settings).check(links_doc([server.url("/missing"), server.url("/ok")]))
        broken, fine = report.get(server.url("/missing")), report.get(server.url("/ok"))
        assert broken.category == ERROR and "internal error" in broken.reason and "injected" in broken.reason
        assert "deadline" not in broken.reason
        assert fine.category == OK
