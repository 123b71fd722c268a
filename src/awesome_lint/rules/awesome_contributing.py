"""awesome-contributing: the list needs a non-empty contributing.md beside it.

As awesome-lint's rule of the same name: ``contributing.md`` (any letter case) next to the list, or
in ``.github/``, tells people how to add an entry. Skipped when the list is read from stdin.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ._neighbours import find, list_folder

ID = "awesome-contributing"
SUMMARY = "no contributing.md beside the list, or an empty one"
SEVERITY = "error"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    folder = list_folder(ctx.doc)
    if folder is None:
        return
    found = find(folder, ("contributing.md", ".github/contributing.md"))
    if found is None:
        yield Diagnostic(0, 0, f"Missing file contributing.md (looked in {folder} and its .github folder)")
        return
    try:
        empty = not found.read_text(encoding="utf-8", errors="replace").strip()
    except OSError as err:
        yield Diagnostic(0, 0, f"cannot read {found.name}: {err.strerror or err}")
        return
    if empty:
        yield Diagnostic(0, 0, f"{found.name} file must not be empty")
