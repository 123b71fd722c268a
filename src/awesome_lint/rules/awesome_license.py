"""awesome-license: no License section in the list.

As awesome-lint's rule of the same name: an awesome list states its licence in a LICENSE file (and,
by the awesome guidelines, is CC0), not in a "License" section of the README.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..phrasing import to_string
from . import _remark

ID = "awesome-license"
SUMMARY = "a License section in the list (the licence belongs in a LICENSE file)"
SEVERITY = "error"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    for heading in ctx.doc.headings:
        if to_string(_remark.heading_nodes(ctx, heading)).lower() in ("license", "licence"):
            yield Diagnostic(heading.start, heading.end, "Forbidden license section found")
            return
