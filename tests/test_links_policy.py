"""The private-address guard: refused by default, before any byte is sent; lifted by allow-private."""

from __future__ import annotations

import socket

import pytest

from awesome_lint.document import Document
from awesome_lint.links.checker import LinkChecker
from awesome_lint.links.policy import BlockedAddressError, connect, is_forbidden, refusal, resolve
from awesome_lint.links.result import OK, UNVERIFIABLE
from awesome_lint.links.settings import LinkSettings
from awesome_lint.source import Source
from linkserver import LinkServer, no_proxy_env

pytestmark = pytest.mark.usefixtures(no_proxy_env.__name__)


def _check(urls: list[str], allow_private: bool):
    text = "".join(f"- [x]({url})\n" for url in urls)
    settings = LinkSettings(allow_private=allow_private, cache=False, retries=0, interval=0.0)
    return LinkChecker(settings).check(Document(Source("README.md", text)))


def test_private_addresses_are_refused_by_default():
    with LinkServer() as server:
        urls = [server.url("/ok"), f"http://localhost:{server.port}/ok", "http://169.254.169.254/latest/meta-data/"]
        report = _check(urls, allow_private=False)
        assert server.total() == 0
        for url in urls:
            result = report.get(url)
            assert result.category == UNVERIFIABLE and "--allow-private" in result.reason
            assert not result.cacheable


def test_allow_private_lifts_the_guard():
    with LinkServer() as server:
        report = _check([server.url("/ok")], allow_private=True)
        assert report.get(server.url("/ok")).category == OK
        assert server.total() == 1


@pytest.mark.parametrize(
    ("address", "forbidden"),
    [
        ("127.0.0.1", True),
        ("10.0.0.5", True),
        ("192.168.1.1", True),
        ("172.16.0.1", True),
        ("169.254.169.254", True),
        ("100.100.100.200", True),  # shared address space (a cloud metadata address)
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("::1", True),
        ("fe80::1%eth0", True),
        ("fd00:ec2::254", True),
        ("::ffff:127.0.0.1", True),
        ("93.184.216.34", False),
        ("2606:4700::6810:85e5", False),
    ],
)
def test_address_classes(address, forbidden):
    assert is_forbidden(address) is forbidden


def _answers(*addresses: str) -> list[tuple]:
    """getaddrinfo-shaped answers for the given addresses."""
    answers = []
    for address in addresses:
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        sockaddr = (address, 443, 0, 0) if family == socket.AF_INET6 else (address, 443)
        answers.append((family, socket.SOCK_STREAM, 6, "", sockaddr))
    return answers


def test_every_resolved_address_is_checked():
    """A name with one public and one private address is refused: an attacker's DNS could mix them."""
    assert refusal("mixed.example", _answers("93.184.216.34", "10.0.0.5")) == (
        "mixed.example resolves to 10.0.0.5, which is not a public internet address"
    )
    assert refusal("mixed.example", _answers("2606:4700::6810:85e5", "::1")) is not None
    assert refusal("public.example", _answers("93.184.216.34", "2606:4700::6810:85e5")) is None
    assert refusal("10.1.2.3", _answers("10.1.2.3")) == "10.1.2.3 is not a public internet address"


def test_localhost_is_refused_for_each_of_its_addresses():
    answers = resolve("localhost", 80)  # resolved here, from /etc/hosts: no query leaves the machine
    assert answers and all(is_forbidden(answer[4][0]) for answer in answers)
    with pytest.raises(BlockedAddressError):
        connect("localhost", 80, 1.0, allow_private=False)
