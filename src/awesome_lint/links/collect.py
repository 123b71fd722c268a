"""The links of a document that the checker looks at, each with the span of its URL as written.

Every link counts: inline links and images, autolinks, bare URLs, link reference definitions (a reference
link is checked, and reported, once, at its definition) and ``href``/``src`` attributes of raw HTML.
Links inside code blocks, code spans and HTML comments are not links.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from ..inline import scan_links

WEB, MAILTO, ANCHOR, RELATIVE, OTHER = "web", "mailto", "anchor", "relative", "other"

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HTML_URL = re.compile(
    r"<(?:a|img|source|video|audio|iframe)\b[^>]*?\s(?:href|src)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')",
    re.IGNORECASE,
)
_DEFAULT_PORTS = {"http": 80, "https": 443}
# scheme://host[:port] followed by a path, query, fragment or the end: no user info, no IPv6, ASCII only
_SIMPLE_HOST = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://([A-Za-z0-9._~%!$&'()*+,;=-]*)(?::[0-9]*)?(?=[/?#]|\Z)")


@dataclass(frozen=True, slots=True)
class DocLink:
    url: str  # the destination as written
    url_start: int  # its span in the document, where a finding points and a fix edits
    url_end: int
    line: int
    kind: str  # WEB, MAILTO, ANCHOR, RELATIVE or OTHER

    @property
    def target(self) -> str:
        """The destination meant: Markdown escapes and HTML entities decoded."""
        return unescape(self.url)


def unescape(url: str) -> str:
    return html.unescape(_ESCAPE.sub(r"\1", url.strip()))


def kind_of(url: str) -> str:
    lowered = url.lower()
    if lowered.startswith(("http://", "https://")):
        return WEB
    if lowered.startswith("mailto:"):
        return MAILTO
    if url.startswith("#"):
        return ANCHOR
    if _SCHEME.match(url) or url.startswith("//"):
        return OTHER
    return RELATIVE


def url_key(url: str) -> str:
    """A web URL normalised for the cache and for de-duplication.

    Scheme and host lower-cased, default port and fragment dropped, an empty path made "/", characters
    that must be percent-encoded encoded. Two links with the same key fetch the same resource.
    """
    try:
        parts = urlsplit(unescape(url))
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    if parts.username or parts.password:
        netloc = parts.netloc.rpartition("@")[0] + "@" + netloc
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~-._")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=?~-._")
    return urlunsplit((scheme, netloc, path, query, ""))


def result_key(link: DocLink) -> str:
    """The key of a link's result in a LinkReport: the URL key for web links, the target for the others."""
    return url_key(link.target) if link.kind == WEB else link.target


def host_of(url: str) -> str:
    """The URL's host name, lower-cased ("" when it has none), as ``urlsplit(url).hostname`` gives it."""
    simple = _SIMPLE_HOST.match(url)  # the common case, without urlsplit's cost (it runs per request)
    if simple:
        return simple.group(1).lower()
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def document_links(doc, only_lines: set[int] | frozenset[int] | None = None) -> list[DocLink]:
    """Every link of ``doc`` in document order; with ``only_lines``, only those whose URL starts on one of them."""
    return sorted(iter_links(doc, only_lines), key=by_position)


def iter_links(doc, only_lines: set[int] | frozenset[int] | None = None):
    """The links of :func:`document_links` as they are found, not in document order (the checker starts
    fetching the first one while it reads the rest)."""
    for link in itertools.chain(_markdown_links(doc), _definition_links(doc), _html_links(doc)):
        if only_lines is None or link.line in only_lines:
            yield link


def by_position(link: DocLink) -> int:
    return link.url_start


def _make(doc, url: str, start: int, end: int) -> DocLink | None:
    if not url.strip():
        return None
    return DocLink(url, start, end, doc.line_of(start), kind_of(unescape(url)))


def _regions(doc) -> list[tuple[int, int]]:
    """The spans of text to scan: everything but code blocks and link reference definitions."""
    holes = []
    for block in doc.blocks.code_blocks:
        end = doc.line_ends[block.end_line - 1]
        holes.append((doc.line_starts[block.line - 1], end))
    holes.extend((definition.start, definition.end) for definition in doc.blocks.definitions)
    holes.sort()
    regions, pos = [], 0
    for start, end in holes:
        if start > pos:
            regions.append((pos, start))
        pos = max(pos, end)
    if pos < len(doc.text):
        regions.append((pos, len(doc.text)))
    return regions


def _markdown_links(doc):
    for start, end in _regions(doc):
        for link in scan_links(doc.text, start, end, doc.definitions):
            if link.kind == "reference":  # checked once, at its definition
                continue
            found = _make(doc, link.url, link.url_start, link.url_end)
            if found:
                yield found


def _definition_links(doc):
    seen = set()
    for definition in doc.blocks.definitions:
        text = doc.text[definition.start : definition.end]
        url = definition.url
        at = text.find(url, text.find("]:") + 2) if url else -1
        if at < 0 or definition.start in seen:
            continue
        seen.add(definition.start)
        found = _make(doc, url, definition.start + at, definition.start + at + len(url))
        if found:
            yield found


def _html_links(doc):
    """``href`` and ``src`` of raw HTML tags, outside code and comments."""
    text = doc.text
    if "<" not in text:
        return
    comments = [(comment.start, comment.end) for comment in doc.comments]
    for start, end in _regions(doc):
        for match in _HTML_URL.finditer(text, start, end):
            group = 1 if match.group(1) is not None else 2
            url_start, url_end = match.span(group)
            if any(c_start <= url_start < c_end for c_start, c_end in comments) or _in_code_span(doc, match.start()):
                continue
            found = _make(doc, match.group(group), url_start, url_end)
            if found:
                yield found


def _in_code_span(doc, offset: int) -> bool:
    """Whether ``offset`` follows an odd number of backticks on its line (a rough but cheap test)."""
    line_start = doc.line_starts[doc.line_of(offset) - 1]
    return doc.text.count("`", line_start, offset) % 2 == 1
