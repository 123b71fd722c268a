"""One HTTP exchange with one URL, and what its answer means.

An exchange is HEAD, then a streamed GET when the server refuses HEAD (405, 501, or another 4xx from a
server that mishandles it). Redirects are not followed here: the checker follows them one hop at a time,
so each hop goes through the per-host limits and the address guard, and credentials are decided per URL.
Bodies are never downloaded: only the first kilobytes of an error page are read, to recognise a
bot-protection challenge, and of a GitHub API answer, to read it. A connection whose answer was read to
its end is kept for the worker's next request to that host (connections.py); any other is closed, and
its unread body with it.

This module imports no network code itself, so ``--offline`` never loads it (see connections.py).
"""

from __future__ import annotations

import json
import socket
import time
from dataclasses import dataclass, field

from .. import data
from .policy import BlockedAddressError

REDIRECTS = frozenset((301, 302, 303, 307, 308))
PERMANENT = frozenset((301, 308))
RETRY_STATUSES = frozenset((408, 429))
PEEK_BYTES = 16 * 1024
API_BYTES = 1024 * 1024

# Network failures, as Reply.error.
DNS, REFUSED, TIMEOUT, RESET, TLS, BLOCKED, INVALID, CONNECTION = (
    "dns",
    "refused",
    "timeout",
    "reset",
    "tls",
    "blocked",
    "invalid",
    "connection",
)
TRANSIENT_ERRORS = frozenset((TIMEOUT, RESET, CONNECTION))


@dataclass
class Reply:
    status: int | None = None
    reason: str = ""  # the status's reason phrase, or what went wrong
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    location: str | None = None
    challenge: bool = False  # a bot-protection page
    error: str | None = None  # one of the failures above, when there was no answer
    body: dict | None = None  # a JSON answer (GitHub API)
    requests: int = 0  # how many requests the exchange sent

    def transient(self) -> bool:
        """Worth retrying: a timeout or reset, 408, 429 or a 5xx."""
        if self.error is not None:
            return self.error in TRANSIENT_ERRORS
        return self.status in RETRY_STATUSES or (self.status or 0) >= 500


def exchange(
    connections,
    url: str,
    headers: dict[str, str],
    timeout: tuple[float, float],
    use_head: bool = True,
    read_json: bool = False,
) -> Reply:
    """HEAD ``url`` (or GET it when ``use_head`` is False), falling back to a streamed GET; never raises.

    ``connections`` is the worker's connections.Connections; ``timeout`` is (connect, read) in seconds.
    """
    reply = Reply()
    try:
        if use_head:
            reply = _request(connections, "HEAD", url, headers, timeout)
            if not _head_refused(reply.status):
                return reply
        get = _request(connections, "GET", url, headers, timeout, read_json=read_json)
        get.requests += reply.requests
        return get
    except (OSError, ValueError, _http_exception()) as err:
        reply.error, reply.reason = _failure(err)
        reply.status = None
        reply.requests += 1
        return reply


def _http_exception() -> type[Exception]:
    import http.client

    return http.client.HTTPException


def _head_refused(status: int | None) -> bool:
    return status is not None and (status in (405, 501) or (400 <= status < 500 and status not in RETRY_STATUSES))


def _request(connections, method: str, url: str, headers, timeout, read_json: bool = False) -> Reply:
    from .connections import Target

    target = Target(url)
    response, conn = _send(connections, target, method, headers, timeout)
    finished = False
    try:
        reply = Reply(
            status=response.status,
            reason=response.reason or "",
            headers={name.lower(): value for name, value in response.getheaders()},
            location=_location(response.getheader("location")),
            requests=1,
        )
        if method == "GET" and read_json and response.status == 200:
            reply.body = _json(_peek(response, API_BYTES))
        elif method == "GET" and response.status in (403, 429, 503):
            reply.challenge = is_challenge(reply.headers, _peek(response, PEEK_BYTES))
        else:
            if response.status in (403, 429, 503):
                reply.challenge = is_challenge(reply.headers, b"")
            if method == "HEAD" or (response.length is not None and response.length <= PEEK_BYTES):
                _peek(response, PEEK_BYTES)  # nothing (HEAD) or a few bytes: the connection stays usable
        finished = response.isclosed() and not response.will_close
        return reply
    finally:
        if finished:
            connections.keep_open(target, conn)
        else:
            conn.close()  # an unread body is dropped with its connection, never downloaded


def _send(connections, target, method: str, headers, timeout):
    """(response, connection) for one request; a kept connection the server closed meanwhile is replaced once."""
    import http.client

    conn, reused = connections.get(target, *timeout)
    try:
        return _ask(conn, method, target, headers), conn
    except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
        if not reused:
            raise
    conn, _ = connections.get(target, *timeout)  # a new connection, this time
    return _ask(conn, method, target, headers), conn


def _ask(conn, method: str, target, headers):
    try:
        conn.request(method, target.path, headers=headers)
        return conn.getresponse()
    except BaseException:
        conn.close()
        raise


def _location(value: str | None) -> str | None:
    """A Location header as meant: servers send UTF-8 bytes, which http.client reads as Latin-1."""
    if value is None or value.isascii():
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _peek(response, limit: int) -> bytes:
    try:
        return response.read(limit) or b""
    except Exception:  # a broken body says nothing more about the link
        return b""


def _json(raw: bytes) -> dict | None:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def is_challenge(headers: dict[str, str], body: bytes) -> bool:
    """A bot-protection page (Cloudflare and the like), known by a header or a marker in the body."""
    known = data.load("links")
    for name, value in (known.get("challenge-headers") or {}).items():
        if headers.get(str(name).lower(), "").lower() == str(value).lower():
            return True
    text = body.decode("utf-8", "replace")
    return any(marker in text for marker in known.get("challenge-markers") or ())


def _failure(error: BaseException) -> tuple[str, str]:
    """(kind, message) of a request that got no answer."""
    import http.client
    import ssl

    if isinstance(error, BlockedAddressError):
        return BLOCKED, str(error)
    if isinstance(error, ssl.SSLError | ssl.CertificateError):
        return TLS, "TLS error: " + _short(error)
    if isinstance(error, socket.gaierror):
        return DNS, "the host name does not resolve (DNS lookup failed)"
    if isinstance(error, ConnectionRefusedError):
        return REFUSED, "the connection was refused"
    if isinstance(error, TimeoutError):
        return TIMEOUT, "timed out"
    if isinstance(error, ConnectionError | http.client.BadStatusLine | http.client.IncompleteRead):
        return RESET, "the connection was reset"
    if isinstance(error, http.client.InvalidURL | ValueError):
        return INVALID, "not a valid URL"
    return CONNECTION, "connection failed: " + _short(error)


def _short(error: BaseException) -> str:
    text = str(error)
    return text if len(text) <= 120 else text[:117] + "..."


def retry_after(headers: dict[str, str], now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), or None."""
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))
