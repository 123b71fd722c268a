"""The private-address guard: by default the checker connects only to public internet addresses.

A pull request to a public list must not make CI probe the runner's network (a link to
``http://169.254.169.254/`` or to a name that resolves to ``10.0.0.5``). So every connection resolves the
host first, refuses when *any* of its addresses is private, loopback, link-local, multicast, reserved
or otherwise not global, and then connects to the very addresses it checked, so a DNS answer cannot
change in between (DNS rebinding). Redirects open new connections and pass through the same check.
transport.py puts :func:`connect` under urllib3's connections.

Through a proxy (``HTTP_PROXY``/``HTTPS_PROXY``), the proxy connects and resolves, not this machine:
:func:`proxied_refusal` checks the target as this machine resolves it before anything is sent, which
stops literal addresses and names like ``localhost``, but cannot stop a name whose answer changes
between the two lookups; the proxy's own egress rules are the boundary then. The proxy itself may be
on a private address: it is the runner's configuration, not the list's.

``--allow-private`` (or ``links: {allow-private: true}``) lifts the refusal.
"""

from __future__ import annotations

import ipaddress
import socket


class BlockedAddressError(ConnectionError):
    """The host resolves to an address the policy refuses; nothing was sent."""


def is_forbidden(address: str) -> bool:
    """Whether an IP address is not a public internet address (or is multicast)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def resolve(host: str, port: int) -> list[tuple]:
    """getaddrinfo's answers for ``host`` (raises socket.gaierror)."""
    return socket.getaddrinfo(host.strip("[]"), port, 0, socket.SOCK_STREAM)


def refusal(host: str, answers: list[tuple]) -> str | None:
    """Why connecting to ``host`` is refused, when any of its resolved addresses is not public; else None."""
    blocked = [answer[4][0] for answer in answers if is_forbidden(answer[4][0])]
    if not blocked:
        return None
    literal = host.strip("[]") == blocked[0]
    what = "is" if literal else f"resolves to {blocked[0]}, which is"
    return f"{host} {what} not a public internet address"


def proxied_refusal(host: str) -> str | None:
    """Why a request for ``host`` through a proxy is refused, as far as this machine can tell; else None.

    A name this machine cannot resolve is left to the proxy (behind a proxy, often only the proxy can).
    """
    try:
        answers = resolve(host, 80)
    except (socket.gaierror, UnicodeError):
        return None
    return refusal(host, answers)


def connect(host: str, port: int, timeout: float | None, allow_private: bool) -> socket.socket:
    """A TCP connection to ``host``, only to addresses that passed the guard (unless ``allow_private``).

    Raises socket.gaierror (no such host), BlockedAddressError, or the OSError of the last address tried.
    """
    answers = resolve(host, port)
    if not allow_private:
        reason = refusal(host, answers)
        if reason:
            raise BlockedAddressError(reason)
    error: OSError | None = None
    for family, kind, proto, _, address in answers:  # the first that accepts, as socket.create_connection does
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(timeout)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.connect(address)
            return sock
        except OSError as err:
            error = err
            sock.close()
    raise error or OSError("getaddrinfo returned no addresses")
