"""What the checker takes from the environment: proxies (HTTP_PROXY, HTTPS_PROXY, NO_PROXY, through a real
proxy on 127.0.0.1) and CA bundles, but never .netrc logins.

The configured proxy is trusted whatever its address (it is the runner's configuration, not the list's);
the links' targets still pass the address guard before anything is sent to the proxy.
"""

from __future__ import annotations

import pytest

from awesome_lint.document import Document
from awesome_lint.links.checker import LinkChecker
from awesome_lint.links.result import DEAD, ERROR, OK, UNVERIFIABLE
from awesome_lint.links.settings import LinkSettings
from awesome_lint.source import Source
from linkserver import ForwardProxy, LinkServer, free_port, make_certificate, no_proxy_env

pytestmark = pytest.mark.usefixtures(no_proxy_env.__name__)

PUBLIC = "93.184.216.34"  # a public address, written as a literal: no DNS query, and the proxy answers for it


def check(urls: list[str], allow_private: bool, **settings):
    text = "# Links\n\n" + "".join(f"- [link {i}]({url})\n" for i, url in enumerate(urls))
    options = {"cache": False, "retries": 0, "interval": 0.0, "read_timeout": 5.0, **settings}
    return LinkChecker(LinkSettings(allow_private=allow_private, **options)).check(Document(Source("README.md", text)))


def test_http_links_go_through_the_environment_proxy(monkeypatch):
    with LinkServer() as server, ForwardProxy() as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        report = check([server.url("/ok"), server.url("/missing")], allow_private=True)
        assert report.get(server.url("/ok")).category == OK
        assert report.get(server.url("/missing")).category == DEAD
        # a 4xx to HEAD is asked again with GET: three requests, each through the proxy
        assert sorted(proxy.seen) == sorted(
            [("HEAD", server.url("/ok")), ("HEAD", server.url("/missing")), ("GET", server.url("/missing"))]
        )
        assert server.total() == 3


def test_no_proxy_sends_a_host_directly(monkeypatch):
    with LinkServer() as server, ForwardProxy() as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        report = check([server.url("/ok")], allow_private=True)
        assert report.get(server.url("/ok")).category == OK
        assert proxy.seen == [] and server.total() == 1


def test_a_private_proxy_is_allowed_but_private_targets_are_not(monkeypatch):
    """The guard on: the proxy on 127.0.0.1 is used, yet no private target reaches it."""
    with LinkServer() as server, ForwardProxy(answers_for=frozenset({PUBLIC})) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        public = f"http://{PUBLIC}/paper"
        private = [server.url("/ok"), f"http://localhost:{server.port}/ok", "http://169.254.169.254/latest/"]
        report = check([public, *private], allow_private=False)
        assert report.get(public).category == OK
        for url in private:
            result = report.get(url)
            assert result.category == UNVERIFIABLE and "not a public internet address" in result.reason
        assert proxy.seen == [("HEAD", public)]
        assert server.total() == 0


def test_https_links_tunnel_through_the_proxy_on_one_kept_connection(tmp_path, monkeypatch):
    cert, key = make_certificate(tmp_path)
    with LinkServer(tls=(cert, key)) as server, ForwardProxy() as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", cert)
        urls = [server.url(f"/page/{i}") for i in range(3)]
        report = check(urls, allow_private=True, concurrency=1)
        assert [report.get(url).category for url in urls] == [OK, OK, OK]
        assert proxy.seen == [("CONNECT", f"127.0.0.1:{server.port}")]  # one tunnel, kept alive
        assert server.total() == 3 and server.connections == 1


def test_a_dead_proxy_is_an_error_not_a_dead_link(monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{free_port()}")
    result = check([f"http://{PUBLIC}/paper"], allow_private=False).get(f"http://{PUBLIC}/paper")
    assert result.category == ERROR and result.reason.startswith("the proxy failed")


def test_netrc_credentials_are_never_sent(tmp_path, monkeypatch):
    """requests would send ~/.netrc logins to the listed hosts; the checker asks as an anonymous reader."""
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login reader password secret\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    with LinkServer() as server:
        assert check([server.url("/ok")], allow_private=True).get(server.url("/ok")).category == OK
        assert server.authorization == [("/ok", None)]
