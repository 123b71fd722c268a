"""label-style: a link label spelled unlike the list's dominant spelling of it, in case or spacing only.

When at least 75% of a list's uses of a label (and at least five) share one spelling, such as
``Project Page``, the other spellings of the same label (``project page``, ``ProjectPage``,
``Project-Page``) are reported. Labels are the same when they match ignoring case, spaces, hyphens,
underscores and dots. A spelling pinned under ``conventions: {labels: [...]}`` in the config wins.

The fix rewrites the label in the dominant spelling; it is safe, as it changes only the form.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from ._paper import labelled_links

ID = "label-style"
SUMMARY = "a link label that differs from the list's dominant spelling only in case or spacing"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    usage = ctx.conventions.labels
    conventions: dict = {}  # label key -> its convention: a list writes a few labels thousands of times
    for _entry, _link, label in labelled_links(ctx):
        key = label.key
        convention = conventions.get(key)
        if convention is None:
            convention = conventions[key] = usage.dominant(key)
        if not convention.holds or label.text == convention.value:
            continue
        yield Diagnostic(
            label.start,
            label.end,
            f'label "{label.text}" is written "{convention.value}" elsewhere in this list '
            f"({convention.share_of('uses')})",
            fix=Fix.safe(Edit(label.start, label.end, convention.value)),
        )
