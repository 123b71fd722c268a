"""Results kept between runs: one JSON file in the cache folder, keyed by normalised URL, with a TTL.

Only results that are facts about the link are kept (a status the server gave: working, 404, 403, a
redirect). Errors, timeouts, 5xx, 429 and refused addresses are never cached, so the next run tries
again. The file is written atomically (a temporary file, then os.replace) and merged with what another
run may have written meanwhile; a corrupt or foreign file is ignored and rebuilt.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from .result import LinkResult

FILE_NAME = "links.json"
FORMAT = "awesome-lint link cache"
VERSION = 1


class LinkCache:
    def __init__(self, folder: Path, ttl: float, now: float | None = None):
        self.path = Path(folder) / FILE_NAME
        self.ttl = ttl
        self.now = time.time() if now is None else now
        self.entries: dict[str, dict] = self._read()
        self.fresh: dict[str, dict] = {}  # written by this run
        self.problem: str | None = None  # why the file could not be written, if it could not

    def _read(self) -> dict[str, dict]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return {}
        if not isinstance(raw, dict) or raw.get("format") != FORMAT or raw.get("version") != VERSION:
            return {}
        entries = raw.get("entries")
        if not isinstance(entries, dict):
            return {}
        return {key: value for key, value in entries.items() if isinstance(value, dict)}

    def get(self, key: str) -> LinkResult | None:
        """A cached result younger than the TTL, or None."""
        data = self.fresh.get(key) or self.entries.get(key)
        if data is None:
            return None
        try:
            result = LinkResult.from_cache(data)
            checked_at = float(result.checked_at)
        except (KeyError, TypeError, ValueError):
            return None
        if not result.cacheable or not 0 <= self.now - checked_at <= self.ttl:
            return None
        return result

    def put(self, key: str, result: LinkResult) -> None:
        if result.cacheable and not result.cached:
            self.fresh[key] = result.to_cache()

    def save(self) -> bool:
        """Write the file when this run learnt something; False (with ``problem`` set) when it could not."""
        if not self.fresh:
            return True
        merged = {**self._read(), **self.fresh}
        merged = {key: value for key, value in merged.items() if self._young(value)}
        document = {"format": FORMAT, "version": VERSION, "entries": merged}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(prefix=".links.", suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as temp:
                    temp.write(json.dumps(document, separators=(",", ":")))  # dumps: the C encoder, 5x faster
                os.replace(temp_name, self.path)
            except BaseException:
                os.unlink(temp_name)
                raise
        except OSError as err:
            self.problem = f"cannot write the link cache {self.path}: {err.strerror or err}"
            return False
        self.entries, self.fresh = merged, {}
        return True

    def _young(self, value: dict) -> bool:
        checked_at = value.get("checked_at")
        return isinstance(checked_at, int | float) and self.now - checked_at <= self.ttl
