"""double-link as awesome-lint checks it (the ``awesome`` style of the double-link rule).

awesome-lint reports every link whose URL, normalised as the npm package normalize-url does, occurs more
than once in the file: in-page anchors such as ``#contents`` included, reference-style links excluded,
and links in an item's description (any link after the item's main one) left out, since a description
may well point at a project listed elsewhere.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from ..diagnostics import Diagnostic
from . import _remark

_CUSTOM_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+\-]*):")
_WWW = re.compile(r"^www\.(?!www\.)[a-z\-\d]{1,63}\.[a-z.\-\d]{2,63}$")
_INDEX = re.compile(r"^index\.[a-z]+$")
_UTM = re.compile(r"^utm_\w+$", re.IGNORECASE)
_DECODE_URI_KEEP = re.compile(r"%(?:2[3456BCF]|3[ABDF]|40)", re.IGNORECASE)  # decodeURI keeps reserved escapes
_RELATIVE = re.compile(r"\.*/")
_HAS_SCHEME = re.compile(r"\w+://")
_HTTP_PREFIX = re.compile(r"https?:", re.IGNORECASE)
_SLASHES = re.compile(r"/{2,}")
_TEXT_FRAGMENT = re.compile(r"#?:~:text.*?$", re.IGNORECASE)
# Most links: http(s), a host of letters, digits, dots and dashes, no port, user, query or fragment. For
# them urlsplit gives the host (lower-cased) and the rest as the path, which this pattern reads faster.
_PLAIN_HTTP = re.compile(r"https?://([A-Za-z0-9.\-]+)((?:/[^?#\t\r\n]*)?)")


def normalize(url: str) -> str:
    """A URL as normalize-url 8 writes it with awesome-lint's options (protocol stripped, index.* removed)."""
    url = url.strip()
    plain = _PLAIN_HTTP.fullmatch(url)
    if plain is not None:
        return _normalized(plain.group(1).lower().rstrip("."), None, plain.group(2), "", "")
    if url.startswith("#") or url.lower().startswith("data:"):
        return url
    scheme = _CUSTOM_SCHEME.match(url)
    if scheme and scheme.group(1).lower() not in ("http", "https", "file") and not url[scheme.end() :].startswith("//"):
        return url
    if _RELATIVE.match(url) and not url.startswith("//"):
        return url  # a relative path: new URL() throws, and awesome-lint keeps the URL as written
    if url.startswith("//"):
        url = "http:" + url
    elif not _HAS_SCHEME.match(url):
        url = "http://" + url.split(":", 1)[1].lstrip("/") if _HTTP_PREFIX.match(url) else "http://" + url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    if port and ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        port = None
    return _normalized((parts.hostname or "").rstrip("."), port, parts.path, parts.query, parts.fragment)


def _normalized(host: str, port: int | None, path: str, query: str, fragment: str) -> str:
    """normalize()'s result from the URL's parts (``port`` None when absent or the scheme's default)."""
    if _WWW.match(host):
        host = host[4:]
    if port:
        host = f"{host}:{port}"
    path = _SLASHES.sub("/", path) or "/"
    path = _decode_uri(path)
    last = [piece for piece in path.split("/") if piece]
    if last and _INDEX.match(last[-1]):
        last.pop()
        path = "/" + "/".join(last) + "/" if last else "/"
    path = path.rstrip("/") if path != "/" else path
    query = _query(query)
    fragment = _TEXT_FRAGMENT.sub("", fragment) if fragment else ""
    result = f"{host}{path}{'?' + query if query else ''}{'#' + fragment if fragment else ''}"
    if not fragment:
        result = result.rstrip("/") if path == "/" or not query else result
    return result


def _decode_uri(text: str) -> str:
    if "%" not in text:
        return text  # nothing to decode
    keep = {m.start(): m.group() for m in _DECODE_URI_KEEP.finditer(text)}
    if not keep:
        return unquote(text)
    pieces, last = [], 0
    for start, escape in sorted(keep.items()):
        pieces.append(unquote(text[last:start]))
        pieces.append(escape)
        last = start + 3
    pieces.append(unquote(text[last:]))
    return "".join(pieces)


def _query(query: str) -> str:
    if not query:
        return ""
    params = [part for part in query.split("&") if part]
    params = [part for part in params if not _UTM.match(unquote(part.split("=", 1)[0]))]
    params.sort(key=lambda part: unquote(part.split("=", 1)[0]))
    return unquote("&".join(params).replace("+", " "))


def _description_links(ctx) -> set[int]:
    """Start offsets of the links awesome-lint leaves out: those after an item's main link."""
    ignored: set[int] = set()
    for index in range(len(ctx.doc.items)):
        nodes = _remark.item_nodes(ctx, index)
        main_found = False
        for position, node in enumerate(nodes):
            if node.type not in ("link", "linkReference"):
                continue
            if not main_found:
                after = nodes[position + 1] if position + 1 < len(nodes) else None
                if after is not None and after.type == "text" and after.value.startswith(" - "):
                    main_found = True
                    continue
                if not any(n.type in ("link", "linkReference") for n in nodes[:position]):
                    main_found = True
                    continue
            if node.type == "link":
                ignored.add(node.start)
    return ignored


def check(ctx):
    ignored = _description_links(ctx)
    groups: dict[str, list] = {}
    normalized: dict[str, str] = {}  # a list links some URLs many times
    for node in _remark.phrasing_nodes(ctx, "link"):
        if node.start in ignored:
            continue
        key = normalized.get(node.url)
        if key is None:
            key = normalized[node.url] = normalize(node.url)
        groups.setdefault(key, []).append(node)
    for key, nodes in groups.items():
        if len(nodes) < 2:
            continue
        lines = sorted({ctx.doc.line_of(node.start) for node in nodes})
        where = ", ".join(str(line) for line in lines[:5]) + (" …" if len(lines) > 5 else "")
        for node in nodes:
            yield Diagnostic(
                node.start,
                node.end,
                f"Duplicate link: {node.url} ({len(nodes)} links to {key or node.url}, on lines {where})",
            )
