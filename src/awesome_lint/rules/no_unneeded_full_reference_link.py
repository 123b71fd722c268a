"""no-unneeded-full-reference-link: ``[text][text]`` where the collapsed ``[text][]`` says the same.

As remark-lint's rule of the same name. When the label repeats the text (case and white space aside),
the collapsed form finds the same definition with less to keep in sync. The fix writes ``[text][]``.
"""

from __future__ import annotations

from . import _unneeded_reference

ID = "no-unneeded-full-reference-link"
SUMMARY = "a full reference link [text][label] whose label repeats its text"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    return _unneeded_reference.check(ctx, "linkReference", "[text][label]", "[text][]", "link")
