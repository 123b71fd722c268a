"""no-unneeded-full-reference-image: ``![alt][alt]`` where the collapsed ``![alt][]`` says the same.

As remark-lint's rule of the same name. When the label repeats the alt text (case and white space
aside), the collapsed form finds the same definition. The fix writes ``![alt][]``.
"""

from __future__ import annotations

from . import _unneeded_reference

ID = "no-unneeded-full-reference-image"
SUMMARY = "a full reference image ![alt][label] whose label repeats its alt text"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    return _unneeded_reference.check(ctx, "imageReference", "![text][label]", "![text][]", "image")
