"""Links checked without the network: relative files, in-page anchors and mailto addresses.

- A relative link's file (or folder) must exist, relative to the list's folder; a path starting with
  "/" is taken from the git repository's root. A link that leaves the repository is not judged (on
  GitHub, ``../../issues`` is a page of the repository, not a file).
- An in-page ``#anchor`` must be the GitHub slug of a heading, or an ``id``/``name`` of the page's HTML.
- A ``mailto:`` address must look like an e-mail address.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .collect import ANCHOR, MAILTO, RELATIVE, DocLink
from .result import DEAD, OK, SKIPPED, LinkResult

_IMAGE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<!\w)_+|_+(?!\w)")
_NOT_SLUG = re.compile(r"[^\w\- ]")
_HTML_ID = re.compile(r"""<[A-Za-z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_EMAIL = re.compile(r"[^@\s,;<>()\[\]]+@[^@\s,;<>()\[\]]+\.[^@\s,;<>()\[\].]+")


def github_slug(heading_text: str) -> str:
    """The anchor GitHub gives a heading: its rendered text, lower-cased, punctuation dropped, spaces as '-'."""
    text = _IMAGE.sub("", heading_text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub("", text).replace("`", "")
    text = _EMPHASIS_UNDERSCORE.sub("", text)
    return _NOT_SLUG.sub("", text.strip().lower()).replace(" ", "-")


def anchors(doc) -> set[str]:
    """Every anchor of a document: heading slugs (a repeated slug gets -1, -2, ...) and HTML ids and names."""
    found: set[str] = set()
    counts: dict[str, int] = {}
    for heading in doc.headings:
        slug = github_slug(heading.text)
        count = counts.get(slug, 0)
        counts[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    for match in _HTML_ID.finditer(doc.text):
        value = match.group(1) if match.group(1) is not None else match.group(2)
        found.add(value)
        found.add(value.lower())
    return found


def check_local(link: DocLink, doc, doc_anchors: set[str] | None = None) -> LinkResult:
    """The result for a mailto, anchor or relative link of ``doc``."""
    target = link.target
    if link.kind == MAILTO:
        return _mailto(target)
    if link.kind == ANCHOR:
        return _anchor(target, doc_anchors if doc_anchors is not None else anchors(doc), "this file")
    if link.kind == RELATIVE:
        return _relative(target, doc)
    return LinkResult(target, SKIPPED, "not a web, mailto or relative link")


def _mailto(target: str) -> LinkResult:
    addresses = unquote(target[len("mailto:") :].partition("?")[0])
    bad = [address for address in addresses.split(",") if address.strip() and not _EMAIL.fullmatch(address.strip())]
    if bad:
        return LinkResult(target, DEAD, f"'{bad[0].strip()}' is not an e-mail address")
    return LinkResult(target, OK, "a well-formed e-mail address")


def _anchor(target: str, doc_anchors: set[str], where: str) -> LinkResult:
    fragment = unquote(target.lstrip("#"))
    if fragment in ("", "top") or fragment in doc_anchors or fragment.lower() in doc_anchors:
        return LinkResult(target, OK, "anchor found")
    # Badges and emoji at a heading's ends leave stray hyphens that renderers treat differently.
    trimmed = {anchor.strip("-") for anchor in doc_anchors}
    if fragment.lower().strip("-") in trimmed:
        return LinkResult(target, OK, "anchor found (up to hyphens at its ends)")
    return LinkResult(target, DEAD, f"no heading in {where} has the anchor #{fragment}")


def _relative(target: str, doc) -> LinkResult:
    parts = urlsplit(target)
    path_text = unquote(parts.path)
    if not path_text:  # only a query
        return LinkResult(target, SKIPPED, "no path")
    folder = Path(doc.path).resolve().parent if doc.path != "<stdin>" else Path.cwd()
    root = _git_root(folder)
    if path_text.startswith("/"):
        if root is None:
            return LinkResult(target, SKIPPED, "a path from the repository root, outside a git repository")
        path = root / path_text.lstrip("/")
    else:
        path = folder / path_text
    path = Path(os.path.normpath(path))
    if root is not None and not path.is_relative_to(root):
        return LinkResult(target, SKIPPED, "leaves the repository")
    if not path.exists():
        shown = path_text if len(path_text) < 80 else path_text[:77] + "..."
        return LinkResult(target, DEAD, f"no file or folder '{shown}' next to this file")
    if parts.fragment and path.is_file() and path.suffix.lower() in (".md", ".markdown"):
        other = _document(str(path))
        if other is not None:
            return _anchor("#" + parts.fragment, anchors(other), path.name)
    return LinkResult(target, OK, "file exists")


@cache
def _git_root(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


@cache
def _document(path: str):
    """Another Markdown file of the repository, parsed (for anchors into it), or None when unreadable."""
    from .. import files
    from ..document import Document
    from ..source import InputError

    try:
        return Document(files.read(path))
    except InputError:
        return None
