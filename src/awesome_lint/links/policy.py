"""The private-address guard: by default the checker connects only to public internet addresses.

A pull request to a public list must not make CI probe the runner's network (a link to
``http://169.254.169.254/`` or to a name that resolves to ``10.0.0.5``). So every connection resolves the
host first, refuses when *any* of its addresses is private, loopback, link-local, multicast, reserved
or otherwise not global, and then connects to the very addresses it checked, so a DNS answer cannot
change in between (DNS rebinding). Redirects open new connections and pass through the same check.
``--allow-private`` (or ``links: {allow-private: true}``) mounts plain adapters instead.
"""

from __future__ import annotations

import ipaddress
import socket

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import allowed_gai_family


class BlockedAddressError(NewConnectionError):
    """The host resolves to an address the policy refuses; nothing was sent."""


def is_forbidden(address: str) -> bool:
    """Whether an IP address is not a public internet address (or is multicast)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def resolve(host: str, port: int) -> list[tuple]:
    """getaddrinfo's answers for ``host`` (raises socket.gaierror)."""
    return socket.getaddrinfo(host.strip("[]"), port, allowed_gai_family(), socket.SOCK_STREAM)


def _connect(answers: list[tuple], timeout, source_address, socket_options) -> socket.socket:
    """Connect to the first answer that accepts, as urllib3 does, but only to the checked addresses."""
    error: OSError | None = None
    for family, kind, proto, _, address in answers:
        sock = socket.socket(family, kind, proto)
        try:
            for level, name, value in socket_options or ():
                sock.setsockopt(level, name, value)
            if isinstance(timeout, int | float):  # else None (blocking) or urllib3's "default" sentinel
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(address)
            return sock
        except OSError as err:
            error = err
            sock.close()
    raise error or OSError("getaddrinfo returned no addresses")


class _GuardedMixin:
    def _new_conn(self) -> socket.socket:
        host = self._dns_host
        try:
            answers = resolve(host, self.port)
        except socket.gaierror as err:
            raise NameResolutionError(self.host, self, err) from err
        blocked = [answer[4][0] for answer in answers if is_forbidden(answer[4][0])]
        if blocked:
            literal = self.host.strip("[]") == blocked[0]
            what = "is" if literal else f"resolves to {blocked[0]}, which is"
            raise BlockedAddressError(self, f"{self.host} {what} not a public internet address")
        try:
            return _connect(answers, self.timeout, self.source_address, self.socket_options)
        except TimeoutError as err:
            raise ConnectTimeoutError(self, f"connection to {self.host} timed out") from err
        except OSError as err:
            raise NewConnectionError(self, f"failed to establish a new connection: {err}") from err


class GuardedHTTPConnection(_GuardedMixin, HTTPConnection):
    pass


class GuardedHTTPSConnection(_GuardedMixin, HTTPSConnection):
    pass


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """An adapter whose every connection goes through the address check."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}


def new_session(allow_private: bool, pool_size: int = 4) -> requests.Session:
    """A session for one worker: no proxies or .netrc from the environment, guarded unless allowed."""
    session = requests.Session()
    session.trust_env = False  # a proxy would hide the real address, and .netrc would leak credentials
    adapter_class = HTTPAdapter if allow_private else GuardedAdapter
    for prefix in ("http://", "https://"):
        session.mount(prefix, adapter_class(pool_connections=16, pool_maxsize=pool_size, max_retries=0))
    return session


def blocked_reason(error: BaseException) -> str | None:
    """The message of a BlockedAddressError somewhere inside a requests exception, else None."""
    seen = set()
    stack = [error]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, BlockedAddressError):
            return current._message
        stack.extend([getattr(current, "reason", None), current.__cause__, current.__context__])
        stack.extend(arg for arg in getattr(current, "args", ()) if isinstance(arg, BaseException))
    return None
