"""A cache, kept between runs, of what the tool derives from files that rarely change.

Parsing the shipped YAML data and splitting codespell's 65,000-word dictionary cost more than the rest of
a small list's lint. Both depend only on files on disk, so the result is stored in the user's cache folder
with ``marshal`` (plain values only: dicts, lists, tuples, strings, numbers, bytes) and read back the next
time, as long as the key still matches: the cache format, this package's version, the Python version, and
each source file's path, modification time and size.

The cache is safe to lose: a missing, stale, unreadable or corrupt file (its checksum is verified before
it is unmarshalled) is ignored and rebuilt, and a folder that cannot be written only means the next run
builds again. Files are written atomically (a temporary file in the same folder, then ``os.replace``).

The folder is ``$AWESOME_LINT_DATA_CACHE`` when set (empty or ``off``: no cache), else
``$XDG_CACHE_HOME/awesome-lint`` (``~/.cache/awesome-lint``; ``%LOCALAPPDATA%`` on Windows).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from . import __version__, counters

ENV = "AWESOME_LINT_DATA_CACHE"
FORMAT = 1  # bump when the layout of a cached value changes without a version change
_MAGIC = b"ALDC"  # file: magic, crc32 of the payload (4 bytes, big-endian), marshal payload
_HEADER = len(_MAGIC) + 4

T = TypeVar("T")


def folder() -> Path | None:
    """Where cache files go, or None when caching is off."""
    setting = os.environ.get(ENV)
    if setting is not None:
        setting = setting.strip()
        return Path(setting).expanduser() if setting and setting.lower() not in ("0", "off", "no") else None
    base = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if os.name == "nt" else None)
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder
            return None
    return Path(base) / "awesome-lint"


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or its result stored by an earlier run while ``sources`` are unchanged.

    ``name`` says what is cached ("data-venues"); the value must be marshallable (if it is not, it is
    returned and not stored).
    """
    sources = tuple(sources)
    stamp = _stamp(name, sources)
    where = folder()
    if stamp is None or where is None:
        counters.count(counters.DATA_BUILD)
        return build()
    # One file per name and set of source paths (not their times): a changed source overwrites its entry.
    paths = repr([str(source) for source in sources]).encode()
    path = where / f"{_safe(name)}-{zlib.crc32(paths):08x}.marshal"
    found = _read(path, stamp)
    if found is not None:
        return found[0]
    counters.count(counters.DATA_BUILD)
    value = build()
    _write(path, stamp, value)
    return value


def _stamp(name: str, sources: tuple[Path, ...]) -> tuple | None:
    """The key a cached value must carry: None when a source cannot be read (nothing is cached then)."""
    files = []
    for source in sources:
        try:
            info = os.stat(source)
        except OSError:
            return None
        files.append((str(source), info.st_mtime_ns, info.st_size))
    runtime = (FORMAT, __version__, sys.implementation.cache_tag, marshal.version)
    return (name, runtime, tuple(files))


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name)


def _read(path: Path, stamp: tuple) -> tuple | None:
    """(value,) when ``path`` holds a sound entry for ``stamp``, else None."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if len(raw) < _HEADER or not raw.startswith(_MAGIC):
        return None
    payload = memoryview(raw)[_HEADER:]
    if zlib.crc32(payload) != int.from_bytes(raw[len(_MAGIC) : _HEADER], "big"):
        return None
    try:
        stored = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != stamp:
        return None
    return (stored[1],)


def _write(path: Path, stamp: tuple, value) -> None:
    """Store ``value`` atomically; any failure leaves the cache as it was (the next run builds again)."""
    try:
        payload = marshal.dumps((stamp, value))
    except ValueError:  # not a plain value
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(_MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
