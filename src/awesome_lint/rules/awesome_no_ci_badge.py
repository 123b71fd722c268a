"""awesome-no-ci-badge: no continuous-integration badge in the list.

As awesome-lint's rule of the same name: a build-status badge (Travis CI, CircleCI, or an image
titled "build status") says nothing about the list's content.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic
from . import _remark

ID = "awesome-no-ci-badge"
SUMMARY = "a CI build-status badge in the list"
SEVERITY = "error"
FIX = None
OPTIONS: dict = {}

_CI_TITLE = re.compile(r"build status|travis|circleci", re.IGNORECASE)
_CI_URL = re.compile(r"travis|circleci", re.IGNORECASE)


def check(ctx):
    for start, end in _remark.phrasing_spans(ctx):
        for node in _remark.walk(_remark.nodes(ctx, start, end)):
            if node.type != "image":
                continue
            if _CI_TITLE.search(node.title or "") or _CI_URL.search(node.url):
                yield Diagnostic(node.start, node.end, f"Readme must not contain CI badge ({node.url})")
