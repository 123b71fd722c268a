"""Files beside the list (contributing.md, code-of-conduct.md), found as awesome-lint finds them."""

from __future__ import annotations

from pathlib import Path


def list_folder(doc) -> Path | None:
    """The folder holding the list, or None when it was read from stdin."""
    if doc.path in ("<stdin>", "-"):
        return None
    return Path(doc.path).resolve().parent


def find(folder: Path, names: tuple[str, ...]) -> Path | None:
    """The first of ``names`` (case-insensitive; each may include one folder, e.g. ``.github/x.md``)."""
    for name in names:
        parent, _, base = name.rpartition("/")
        where = folder / parent if parent else folder
        if not where.is_dir():
            continue
        for candidate in sorted(where.iterdir()):
            if candidate.name.lower() == base.lower() and candidate.is_file():
                return candidate
    return None
