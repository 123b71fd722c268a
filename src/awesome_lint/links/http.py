"""One HTTP exchange with one URL, and what its answer means.

An exchange is HEAD, then a streamed GET when the server refuses HEAD (405, 501, or another 4xx from a
server that mishandles it). Redirects are not followed here: the checker follows them one hop at a time,
so each hop goes through the per-host limits and the address guard, and credentials are decided per URL.
Bodies are never downloaded: only the first kilobytes of an error page are read, to recognise a
bot-protection challenge, and of a GitHub API answer, to read it. A connection whose answer was read to
its end stays in the worker's session for its next request to that host; any other is closed, and its
unread body with it.

The requests go through the worker's ``requests.Session`` (transport.py). This module imports requests
only inside the functions that fetch, so a lint or ``--offline`` never loads it.
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
    session,
    url: str,
    headers: dict[str, str],
    timeout: tuple[float, float],
    use_head: bool = True,
    read_json: bool = False,
) -> Reply:
    """HEAD ``url`` (or GET it when ``use_head`` is False), falling back to a streamed GET; never raises.

    ``session`` is the worker's ``requests.Session`` (transport.new_session); ``timeout`` is (connect, read).
    """
    from .transport import FAILURES

    reply = Reply()
    try:
        if use_head:
            reply = _request(session, "HEAD", url, headers, timeout)
            if not _head_refused(reply.status):
                return reply
        get = _request(session, "GET", url, headers, timeout, read_json=read_json)
        get.requests += reply.requests
        return get
    except FAILURES as err:
        reply.error, reply.reason = _failure(err)
        reply.status = None
        reply.requests += 1
        return reply


def _head_refused(status: int | None) -> bool:
    return status is not None and (status in (405, 501) or (400 <= status < 500 and status not in RETRY_STATUSES))


def _request(session, method: str, url: str, headers, timeout, read_json: bool = False) -> Reply:
    response = session.request(method, url, headers=headers, timeout=timeout, allow_redirects=False, stream=True)
    raw = response.raw
    try:
        status = response.status_code
        reply = Reply(
            status=status,
            reason=response.reason or "",
            headers={name.lower(): value for name, value in response.headers.items()},
            location=_location(response.headers.get("location")),
            requests=1,
        )
        if method == "GET" and read_json and status == 200:
            reply.body = _json(_peek(raw, API_BYTES))
        elif method == "GET" and status in (403, 429, 503):
            reply.challenge = is_challenge(reply.headers, _peek(raw, PEEK_BYTES))
        else:
            if status in (403, 429, 503):
                reply.challenge = is_challenge(reply.headers, b"")
            if method == "HEAD" or (raw.length_remaining is not None and raw.length_remaining <= PEEK_BYTES):
                _peek(raw, PEEK_BYTES)  # nothing (HEAD) or a few bytes: read to the end, so the connection is kept
        return reply
    finally:
        # A body read to its end has already put its connection back in the session's pool (urllib3 does
        # that), for the worker's next request to this host; any other connection is closed here, with its
        # unread body: bodies are never downloaded.
        response.close()


def _location(value: str | None) -> str | None:
    """A Location header as meant: servers send UTF-8 bytes, which http.client reads as Latin-1."""
    if value is None or value.isascii():
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value


def _peek(raw, limit: int) -> bytes:
    try:
        return raw.read(limit, decode_content=True) or b""
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


def _causes(error: BaseException):
    """The exception and everything it wraps (requests and urllib3 nest them deeply)."""
    seen, stack = set(), [error]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        linked = [getattr(current, "reason", None), current.__cause__, current.__context__, *current.args]
        stack.extend(item for item in linked if isinstance(item, BaseException))  # a reason may be text


def _failure(error: BaseException) -> tuple[str, str]:
    """(kind, message) of a request that got no answer."""
    import ssl
    from http.client import RemoteDisconnected

    import requests
    from urllib3.exceptions import NameResolutionError, ProtocolError

    causes = list(_causes(error))
    for cause in causes:
        if isinstance(cause, BlockedAddressError):
            return BLOCKED, str(cause)
    if isinstance(error, requests.exceptions.ProxyError):  # the proxy's failure, not the link's
        return CONNECTION, "the proxy failed: " + _short(error)
    if isinstance(error, requests.exceptions.SSLError) or any(isinstance(c, ssl.SSLError) for c in causes):
        return TLS, "TLS error: " + _short(error)
    if isinstance(error, requests.Timeout):
        return TIMEOUT, "timed out"
    if isinstance(error, requests.exceptions.InvalidURL | requests.exceptions.InvalidSchema | ValueError):
        return INVALID, "not a valid URL"
    if any(isinstance(cause, NameResolutionError | socket.gaierror) for cause in causes):
        return DNS, "the host name does not resolve (DNS lookup failed)"
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return REFUSED, "the connection was refused"
    if any(isinstance(cause, TimeoutError) for cause in causes):
        return TIMEOUT, "timed out"
    if any(isinstance(cause, ConnectionResetError | ProtocolError | RemoteDisconnected) for cause in causes):
        return RESET, "the connection was reset"
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
