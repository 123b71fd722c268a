"""The file name the no-file-name-* and file-extension rules look at (vfile's ``stem`` and ``extname``)."""

from __future__ import annotations

from pathlib import PurePath

from ..diagnostics import Diagnostic


def stem_of(doc) -> str:
    """The list's file name without its extension, or "" when it was read from stdin."""
    if doc.path in ("<stdin>", "-"):
        return ""
    return PurePath(doc.path).stem


def extension_of(doc) -> str | None:
    """The extension without its dot ("" when there is none), or None for stdin."""
    if doc.path in ("<stdin>", "-"):
        return None
    return PurePath(doc.path).suffix[1:]


def whole_file(message: str) -> Diagnostic:
    """A finding about the file itself (its name), placed at its start."""
    return Diagnostic(0, 0, message)
