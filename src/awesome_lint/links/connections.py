"""One worker's HTTP connections, kept alive and reused per host, each opened through the address guard.

The checker sends a few small requests to many hosts, so it speaks HTTP/1.1 with the standard library's
``http.client`` rather than a full client library: starting up costs a fraction, and a connection to a
host stays open between the worker's requests to it (keep-alive). No environment proxy or ``.netrc`` is
used: a proxy would hide the real address from the guard, and .netrc would leak credentials.

A worker keeps a few idle connections (the least recently used one is closed first), so many workers
over many hosts stay well under the open-file limit.
"""

from __future__ import annotations

import http.client
import select
import threading
from collections import OrderedDict
from urllib.parse import quote, urlsplit

from . import policy

DEFAULT_PORTS = {"http": 80, "https": 443}
_tls_context = None
_tls_lock = threading.Lock()


def tls_context():
    """The TLS context every connection shares (certifi's CA bundle when installed, else the system's)."""
    global _tls_context
    with _tls_lock:
        if _tls_context is None:
            import ssl

            try:
                import certifi

                cafile = certifi.where()
            except ImportError:
                cafile = None
            _tls_context = ssl.create_default_context(cafile=cafile)
        return _tls_context


class GuardedConnection(http.client.HTTPConnection):
    """An HTTP connection whose socket comes from policy.connect (resolve, check every address, connect)."""

    def __init__(self, host: str, port: int, connect_timeout: float, allow_private: bool):
        super().__init__(host, port, timeout=connect_timeout)
        self.allow_private = allow_private

    def connect(self) -> None:
        self.sock = policy.connect(self.host, self.port, self.timeout, self.allow_private)


class GuardedTLSConnection(GuardedConnection):
    default_port = 443  # http.client leaves the default port out of the Host header

    def connect(self) -> None:
        super().connect()
        self.sock = tls_context().wrap_socket(self.sock, server_hostname=self.host)


class Target:
    """Where a URL's request goes: scheme, host, port, and the request target (path and query, encoded)."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        self.scheme = parts.scheme.lower()
        if self.scheme not in DEFAULT_PORTS or not parts.hostname:
            raise http.client.InvalidURL(f"not an http(s) URL: {url}")
        self.host = parts.hostname
        self.port = parts.port or DEFAULT_PORTS[self.scheme]  # ValueError for a bad port
        path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~-._")
        query = quote(parts.query, safe="/%:@!$&'()*+,;=?~-._")
        self.path = f"{path}?{query}" if query else path
        self.key = (self.scheme, self.host.lower(), self.port)


class Connections:
    """A worker's open connections by (scheme, host, port). Not thread-safe: one per worker thread."""

    def __init__(self, allow_private: bool, keep: int = 8):
        self.allow_private = allow_private
        self.keep = max(1, keep)  # idle connections kept at most
        self._open: OrderedDict[tuple, GuardedConnection] = OrderedDict()

    def get(self, target: Target, connect_timeout: float, read_timeout: float) -> tuple[GuardedConnection, bool]:
        """A connection to ``target``'s host, and whether it was reused; a new one is connected here."""
        conn = self._open.pop(target.key, None)
        if conn is not None and _dropped(conn):
            conn.close()
            conn = None
        reused = conn is not None
        if conn is None:
            kind = GuardedTLSConnection if target.scheme == "https" else GuardedConnection
            conn = kind(target.host, target.port, connect_timeout, self.allow_private)
            conn.connect()  # here, so a failure to connect is told apart from a failure to answer
        conn.sock.settimeout(read_timeout)
        return conn, reused

    def keep_open(self, target: Target, conn: GuardedConnection) -> None:
        """Put a connection whose answer was read to the end back, for the next request to its host."""
        self._open[target.key] = conn
        while len(self._open) > self.keep:
            _, oldest = self._open.popitem(last=False)
            oldest.close()

    def close(self) -> None:
        for conn in self._open.values():
            conn.close()
        self._open.clear()


def _dropped(conn: GuardedConnection) -> bool:
    """Whether an idle connection was closed by the server (its socket reads as ready: end of stream)."""
    sock = conn.sock
    if sock is None:
        return True
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)
