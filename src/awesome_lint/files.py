"""Reading inputs and writing fixed files atomically."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from .source import MAX_BYTES, InputError, Source, decode, too_big

STDIN = "-"
_CHUNK = 1024 * 1024


def read(path: str, max_bytes: int = MAX_BYTES) -> Source:
    """Read and decode a file (or stdin for ``-``), or raise InputError with one clear line.

    Nothing over ``max_bytes`` is ever held in memory: a file is refused by its size before it is read,
    and stdin is read only up to one byte past the limit.
    """
    if path == STDIN:
        return decode(_read_up_to(sys.stdin.buffer, max_bytes + 1), "<stdin>", max_bytes)
    file = Path(path)
    if not file.exists():
        raise InputError(f"{path}: no such file")
    if file.is_dir():
        raise InputError(f"{path}: is a directory (name the list's Markdown file, e.g. {file / 'README.md'})")
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise too_big(path, size, max_bytes)
        with file.open("rb") as handle:
            data = _read_up_to(handle, max_bytes + 1)  # a file that grew since the stat is still refused
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}") from None
    return decode(data, path, max_bytes)


def _read_up_to(stream, limit: int) -> bytes:
    """At most ``limit`` bytes, read in chunks: ``read(limit)`` would reserve all ``limit`` bytes at once."""
    chunks, total = [], 0
    while total < limit:
        chunk = stream.read(min(_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once: a temporary file in the same folder, then os.replace.

    The file's mode bits are kept, and a symlink keeps pointing at the (rewritten) target. On any error the
    original is untouched and InputError is raised.
    """
    target = Path(os.path.realpath(path))  # a symlinked list: write its target, keep the link
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = None
    if mode is not None and not mode & stat.S_IWUSR:
        raise InputError(f"{path}: the file is read-only; it was not changed")
    import tempfile  # only when a file is written (--fix)

    temp_name = None
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        os.replace(temp_name, target)
        temp_name = None
    except OSError as err:
        raise InputError(f"{path}: cannot write: {err.strerror or err}; the file was not changed") from None
    finally:
        if temp_name and os.path.exists(temp_name):
            os.unlink(temp_name)
