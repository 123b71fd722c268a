"""Whether a link destination is an absolute URL, as the WHATWG URL parser (``new URL(...)``) accepts it."""

from __future__ import annotations

import re

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):(.*)", re.DOTALL)
_SPECIAL = frozenset({"http", "https", "ftp", "ws", "wss"})
_FORBIDDEN_HOST = re.compile(r"[\x00\t\n\r #/<>?@\[\\\]^|%]")
_HOST_END = re.compile(r"[/\\?#]")
_PORT = re.compile(r":\d*$")


def is_absolute_url(url: str) -> bool:
    url = url.strip()
    if not url or " " in url:
        return False
    match = _SCHEME.fullmatch(url)
    if match is None:
        return False
    scheme, rest = match.group(1).lower(), match.group(2)
    if scheme == "file":
        return True
    if scheme not in _SPECIAL:
        return True
    host = rest.lstrip("/\\")
    host = _HOST_END.split(host, maxsplit=1)[0]
    host = host.rsplit("@", 1)[-1]
    if host.startswith("["):
        return host.endswith("]") or "]:" in host
    host = host.rsplit(":", 1)[0] if _PORT.search(host) else host
    return bool(host) and _FORBIDDEN_HOST.search(host) is None
