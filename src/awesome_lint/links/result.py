"""What checking one link found, and the report the link rules read. No network code here.

The hand-off to the rules: the CLI checks a document's links before linting it and passes the
:class:`LinkReport` in the lint context's shared dict under :data:`REPORT_KEY`. The link rules
(dead-link, link-error, unverifiable-link, redirected-link, archived-repo, missing-repo) read it with
:func:`report_of` and say nothing when it is absent, so a plain lint never touches the network.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

REPORT_KEY = "links"
# The rules that read the report (checked_links); the CLI runs them after the others, so those overlap the fetch.
REPORT_RULES = frozenset(
    ("dead-link", "link-error", "unverifiable-link", "redirected-link", "archived-repo", "missing-repo")
)

# Categories of result. Each is reported by one rule (see rules/*_link.py); OK and SKIPPED by none.
OK = "ok"
DEAD = "dead"  # dead-link: 404, 410, DNS failure, refused connection, redirect loop, missing file or anchor
ERROR = "error"  # link-error: timeout, reset or 5xx after retries, other 4xx, too many redirects
UNVERIFIABLE = "unverifiable"  # unverifiable-link: 401, 403, 429, 999, bot protection, not allowed, unchecked
SKIPPED = "skipped"  # excluded by a pattern, or a scheme that is not checked
CATEGORIES = (OK, DEAD, ERROR, UNVERIFIABLE, SKIPPED)


@dataclass(slots=True)
class RepoInfo:
    """What the GitHub API said about an ``OWNER/REPO`` link."""

    full_name: str  # the repository's current name, e.g. "owner/repo"
    archived: bool = False
    missing: bool = False
    html_url: str = ""


@dataclass(slots=True)
class LinkResult:
    url: str  # the URL checked (normalised: see collect.url_key)
    category: str
    reason: str  # what happened, for messages: "HTTP 404 Not Found", "DNS lookup failed", ...
    status: int | None = None  # the final HTTP status, when there was one
    final_url: str = ""  # where the redirects ended
    redirects: list[tuple[int, str]] = field(default_factory=list)  # (status, location) of each hop
    permanent_url: str = ""  # the target of the leading permanent (301/308) redirects, when the link works
    elapsed: float = 0.0  # seconds spent on it, retries and redirects included
    attempts: int = 0
    cached: bool = False
    checked_at: float = 0.0  # time.time() of the check
    repo: RepoInfo | None = None
    cacheable: bool = False  # errors, timeouts and refused addresses are never cached

    def to_json(self) -> dict:
        """The facts ``--format json`` shows for a link finding."""
        return {
            "url": self.url,
            "final_url": self.final_url or self.url,
            "status": self.status,
            "category": self.category,
            "elapsed_ms": round(self.elapsed * 1000),
            "cached": self.cached,
        }

    def to_cache(self) -> dict:
        """Every field but ``cached`` (dataclasses.asdict is slow for thousands of results)."""
        data = {name: getattr(self, name) for name in _CACHED_FIELDS}
        data["redirects"] = [list(hop) for hop in self.redirects]
        data["repo"] = asdict(self.repo) if self.repo else None
        return data

    @classmethod
    def from_cache(cls, data: dict) -> LinkResult:
        """Rebuild a cached result; raises (KeyError, TypeError, ValueError) on a malformed entry."""
        values = dict(data)
        repo = values.pop("repo", None)
        values["redirects"] = [(int(code), str(url)) for code, url in values.get("redirects") or []]
        result = cls(**values, repo=RepoInfo(**repo) if repo else None, cached=True)
        if result.category not in CATEGORIES or not isinstance(result.url, str):
            raise ValueError(f"bad category {result.category!r}")
        return result


_CACHED_FIELDS = tuple(name for name in LinkResult.__dataclass_fields__ if name != "cached")


@dataclass
class LinkReport:
    """The results for one document's links, by URL key, and what was left unchecked."""

    results: dict[str, LinkResult] = field(default_factory=dict)
    checked_lines: frozenset[int] | None = None  # None: every line; else only links on these lines
    doc: object = None  # the document the links were collected from
    links: list | None = None  # its (DocLink, result key) pairs, in document order, shared with the rules

    def get(self, key: str) -> LinkResult | None:
        return self.results.get(key)


UNCHECKED = "unchecked"  # only in link_records: a web link --offline left alone (not in the cache)


def link_records(report: LinkReport) -> list[dict]:
    """One record per link checked, in document order, for ``--format json``.

    Where the link is, its URL as written and normalised, and what checking it found: the final URL after
    redirects, the final status, the category, the reason, each redirect, and the time it took.
    """
    records = []
    for link, key in report.links or ():
        line, column = report.doc.position(link.url_start)
        result = report.get(key) or LinkResult(key, UNCHECKED, "not checked: --offline, and not in the cache")
        record = {"line": line, "column": column, "kind": link.kind, "as_written": link.url, **result.to_json()}
        record["reason"] = result.reason
        record["redirects"] = [{"status": status, "url": url} for status, url in result.redirects]
        records.append(record)
    return records


def report_of(ctx) -> LinkReport | None:
    """The link report handed to the rules, or None when links are not being checked.

    The CLI hands over the check while it is still under way (checker.PendingCheck), so the rules that do
    not read links run meanwhile; the first link rule to ask waits here until every link is answered.
    """
    found = ctx.shared.get(REPORT_KEY)
    if found is None or isinstance(found, LinkReport):
        return found
    return found.wait()


def checked_links(ctx, category: str | None = None):
    """(DocLink, LinkResult) for each checked link of the document (of one category, when given).

    Empty when links are not being checked. The links are collected once per document and shared.
    """
    from .collect import document_links, result_key

    report = report_of(ctx)
    if report is None:
        return
    if "links.collected" not in ctx.shared:
        if report.doc is ctx.doc and report.links is not None:  # collected by the checker: no second scan
            ctx.shared["links.collected"] = report.links
        else:  # a document fixed since the check
            links = document_links(ctx.doc, report.checked_lines)
            ctx.shared["links.collected"] = [(link, result_key(link)) for link in links]
    for link, key in ctx.shared["links.collected"]:
        result = report.get(key)
        if result is not None and (category is None or result.category == category):
            yield link, result


def shown(url: str, limit: int = 100) -> str:
    """A URL short enough for a message."""
    return url if len(url) <= limit else url[: limit - 3] + "..."


def describe(result: LinkResult) -> str:
    """What happened to a link, with its evidence: the status or failure, the redirects, whether cached."""
    text = result.reason
    if result.redirects and result.category != OK and not result.reason.startswith("redirect loop"):
        text += f" (after {len(result.redirects)} redirect{'s' if len(result.redirects) > 1 else ''}"
        text += f", last to {shown(result.final_url)})"
    if result.cached:
        text += " [cached]"
    return text
