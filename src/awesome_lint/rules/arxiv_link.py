"""arxiv-link: an arXiv link not in the list's dominant form.

Most lists link arXiv papers one way: the abstract page (``arxiv.org/abs/2004.01234``) or the PDF
(``arxiv.org/pdf/2004.01234``), usually without a version suffix (``v2``). When at least 75% of a
list's arXiv links (and at least five) share a form, the others are reported. Config can pin the form
under ``conventions: {arxiv-form: abs, arxiv-version: false}``.

The fix rewrites the link in the dominant form. It is unsafe: the URL changes (a PDF instead of the
abstract page, or the latest version instead of a fixed one), so ``--unsafe-fixes`` must ask for it.
"""

from __future__ import annotations

from ..conventions import parse_arxiv
from ..diagnostics import CHANGES_URLS, Diagnostic, Edit, Fix
from ._paper import entry_urls, written_url

ID = "arxiv-link"
SUMMARY = "an arXiv link not in the list's dominant form (abs or pdf, version suffix)"
SEVERITY = "info"
FIX = "unsafe"
OPTIONS: dict = {}


def check(ctx):
    conv = ctx.conventions
    form, version, suffix = conv.arxiv_form, conv.arxiv_version, conv.arxiv_pdf_suffix
    for link in entry_urls(ctx.doc):
        written = written_url(ctx.doc, link)
        arxiv = parse_arxiv(written)
        if arxiv is None:
            continue
        problems = []
        want_form = arxiv.form
        if form.holds and arxiv.form != form.value:
            want_form = form.value
            problems.append(
                f"links the {arxiv.form} page where this list links the {form.value} page "
                f"({form.share_of('arXiv links')})"
            )
        keep_version = bool(arxiv.version)
        if version.holds is True and version.value is False and arxiv.version:
            keep_version = False
            problems.append(
                f"has a version suffix ({arxiv.version}) where this list has none ({version.share_of('arXiv links')})"
            )
        want_suffix = bool(arxiv.suffix) if arxiv.form == want_form else bool(suffix.value)
        if want_form == "pdf" and suffix.holds and bool(arxiv.suffix) != suffix.value and arxiv.form == "pdf":
            want_suffix = bool(suffix.value)
            ending = "ends in .pdf" if arxiv.suffix else "lacks the .pdf ending"
            problems.append(f"{ending}, unlike this list's pdf links ({suffix.share_of('pdf links')})")
        if not problems:
            continue
        target = arxiv.url(want_form, keep_version, want_suffix)
        fix = Fix.unsafe(Edit(link.url_start, link.url_end, target), changes=frozenset({CHANGES_URLS}))
        yield Diagnostic(link.url_start, link.url_end, f"arXiv link {problems[0]}", fix=fix, data={"url": written})
