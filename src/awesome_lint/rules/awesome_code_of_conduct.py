"""awesome-code-of-conduct: a code of conduct beside the list must be filled in.

As awesome-lint's rule of the same name: when ``code-of-conduct.md`` (or ``code_of_conduct.md``, also
in ``.github/``) exists, it must not be empty, must not keep the template's ``[INSERT EMAIL ADDRESS]``
placeholder, and must not keep sindresorhus's e-mail address (copied from his template) unless the
list is his. The findings are reported on the list's first line, naming the file and its line.
Skipped when the list is read from stdin.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic
from ._neighbours import find, list_folder

ID = "awesome-code-of-conduct"
SUMMARY = "a code of conduct beside the list that is empty or still has the template's e-mail"
SEVERITY = "error"
FIX = None
OPTIONS: dict = {}

NAMES = ("code-of-conduct.md", "code_of_conduct.md", ".github/code-of-conduct.md", ".github/code_of_conduct.md")
AUTHOR, AUTHOR_EMAIL = "sindresorhus", "sindresorhus@gmail.com"


def _owner(folder) -> str | None:
    """The GitHub owner named by package.json's repository, as awesome-lint's find-author-name reads it."""
    import json  # only when a code of conduct exists: json costs a millisecond to import

    try:
        package = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    repository = package.get("repository") if isinstance(package, dict) else None
    url = repository.get("url", "") if isinstance(repository, dict) else str(repository or "")
    match = re.search(r"github\.com[/:]([^/]+)/", url) or re.match(r"([^/:]+)/[^/]+$", url)
    return match.group(1) if match else None


def _line_of(text: str, needle: str) -> int:
    return text[: text.find(needle)].count("\n") + 1


def check(ctx):
    folder = list_folder(ctx.doc)
    if folder is None:
        return
    found = find(folder, NAMES)
    if found is None:
        return
    try:
        text = found.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        yield Diagnostic(0, 0, f"cannot read {found.name}: {err.strerror or err}")
        return
    if not text.strip():
        yield Diagnostic(0, 0, f"{found.name} file must not be empty")
    elif "[INSERT EMAIL ADDRESS]" in text:
        line = _line_of(text, "[INSERT EMAIL ADDRESS]")
        yield Diagnostic(0, 0, f"{found.name}:{line}: the email placeholder must be replaced with yours")
    elif AUTHOR_EMAIL in text and _owner(folder) != AUTHOR:
        line = _line_of(text, AUTHOR_EMAIL)
        yield Diagnostic(0, 0, f"{found.name}:{line}: the default email must be replaced with yours")
