"""link-label: a link label whose kind contradicts where the link goes.

Labels have kinds (``rules/labels.yaml``): ``Code`` and ``GitHub`` are code, ``Paper``, ``PDF`` and
``arXiv`` are papers. Hosts have kinds too (``rules/hosts.yaml``): github.com hosts code, arxiv.org and
openaccess.thecvf.com host papers. A ``Code`` link to arxiv.org, or a ``Paper`` link to a GitHub
repository, is almost always a copy-paste slip: the two links of an entry swapped, or the wrong URL pasted.

A paper label pointing at a PDF file or a release inside a repository is fine and not reported. There is
no fix: only the maintainer knows the right URL.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..diagnostics import Diagnostic
from ..knowledge import host_of
from ._paper import labelled_links

ID = "link-label"
SUMMARY = "a link label whose kind contradicts its URL (Code to arxiv.org, Paper to github.com)"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}


def _is_repository(url: str) -> bool:
    """A repository page (``github.com/owner/repo`` or a folder in it), not a file such as a PDF."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return False
    parts = [part for part in path.split("/") if part]
    if len(parts) < 2 or path.lower().endswith((".pdf", ".html", ".htm", ".md")):
        return False
    return len(parts) == 2 or parts[2] in ("tree",)


def check(ctx):
    knowledge = ctx.conventions.knowledge
    kinds: dict = {}  # label -> its kind: a list writes a few labels thousands of times
    for _entry, link, label in labelled_links(ctx):
        kind = kinds.get(label.text, "")
        if kind == "":
            kind = kinds[label.text] = knowledge.labels.kind_of(label.text)
        if kind not in ("code", "paper"):
            continue
        host = host_of(link.url)
        if not host:
            continue
        if kind == "code" and knowledge.hosts.is_paper_host(host):
            what = "a paper host"
        elif kind == "paper" and knowledge.hosts.is_code_host(host) and _is_repository(link.url):
            what = "a code repository"
        else:
            continue
        yield Diagnostic(
            link.start,
            link.end,
            f'"{label.text}" is a {kind} label, but the link goes to {host}, {what}',
            data={"url": link.url, "label": label.text},
        )
