"""double-link: the same URL linked twice.

URLs are compared after normalising what does not change the target: the scheme (``http`` and
``https``), a leading ``www.``, a default port, a trailing slash, the case of the host, and the forms of an
arXiv link (``abs`` and ``pdf``, versions, ``.pdf``) are all ignored. In-page anchors, relative links
and images are not compared. Each later copy is reported, naming the line of the first.

Two links of one entry to the same place (a "Code" link that repeats the "Paper" link, or a "Demo" link that
repeats the title's own link) are reported. Across entries, only the links that say which paper an entry is
(its title link, or a paper-kind label such as Paper, PDF or arXiv) are compared, within the entry's section
(the year sections of one topic count as one): two entries with different titles pointing at the same paper
is usually a link pasted into the wrong entry. Shared code, demo or project links are left alone (two papers
of a group often share one repository), and so are arXiv links and entries with the same title, which are
``duplicate-entry``'s to report. ``scope: entry`` compares links within an entry only. No fix: which link is
the mistake is the maintainer's call.

With ``style: awesome`` (the awesome preset) it checks as sindresorhus/awesome-lint does: every link of
the file, in-page anchors included, compared after normalize-url's normalisation; the links in an
item's description are left out, and every copy is reported (see ``rules/_awesome_double_link.py``).
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..identity import comparison_scopes, entry_title_key, url_key

ID = "double-link"
SUMMARY = "the same URL linked twice, after normalising scheme, www., trailing slash and arXiv forms"
SEVERITY = "warning"
FIX = None
OPTIONS = {"scope": "document", "style": "entries"}


def check(ctx):
    if ctx.options.get("style") == "awesome":
        from . import _awesome_double_link

        yield from _awesome_double_link.check(ctx)
        return
    doc = ctx.doc
    across_entries = ctx.options.get("scope") != "entry"
    kinds = ctx.conventions.knowledge.labels
    label_of = ctx.conventions.label_of  # every link's label, found once per document
    scopes = comparison_scopes(doc)
    first_seen: dict[tuple, tuple[object, object]] = {}  # (scope, url key) -> (entry, link)
    for entry in doc.entries:
        in_entry: dict[str, object] = {}
        title = entry_title_key(ctx, entry)
        for link in entry.links:
            key = None if link.image else url_key(link.url)
            if key is None:
                continue
            label = label_of(link)
            if label is not None or _is_title_link(link, entry):  # a labelled link may repeat the title's
                if key in in_entry:
                    yield _diagnostic(doc, link, in_entry[key], same_entry=True)
                    continue
                in_entry[key] = link
            if not across_entries or key.startswith("arxiv:") or not _is_main(link, label, entry, kinds):
                continue
            first = first_seen.setdefault((scopes.get(entry.section), key), (entry, link, title))
            if first[0] is not entry and first[2] != title:
                yield _diagnostic(doc, link, first[1], same_entry=False)


def _is_title_link(link, entry) -> bool:
    title = entry.title
    return title is not None and link.label_start <= title.start < link.label_end


def _is_main(link, label, entry, kinds) -> bool:
    """The link that says which paper (or project) the entry is: its title link or a paper-kind label."""
    if label is not None:
        return kinds.kind_of(label.text) == "paper"
    title = entry.title
    return title is not None and link.label_start <= title.start < link.label_end


def _diagnostic(doc, link, first, same_entry: bool) -> Diagnostic:
    where = "earlier in this entry" if same_entry else f"on line {doc.line_of(first.start)}"
    shown = first.label.strip().strip("[]*_ ")
    label = f' "{shown}"' if shown else ""
    same = "" if first.url == link.url else f" ({first.url})"
    # A reference link's URL sits in its definition, which every use shares: point at the use.
    start, end = (link.start, link.end) if link.kind == "reference" else (link.url_start, link.url_end)
    return Diagnostic(
        start,
        end,
        f"{link.url} is already linked{label} {where}{same}",
        data={"url": link.url},
    )
