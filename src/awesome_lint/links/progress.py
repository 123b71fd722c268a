"""A progress bar for the link check, on a terminal only (tqdm): links done, links failed, time left."""

from __future__ import annotations

import sys
import threading


class Progress:
    def __init__(self, total: int, label: str, stream):
        from tqdm import tqdm

        self.failed = 0
        self._label = f"checking links in {label}" if label else "checking links"
        self._lock = threading.Lock()
        self._bar = tqdm(
            total=total,
            desc=self._description(),
            unit="link",
            file=stream,
            leave=False,
            dynamic_ncols=True,
            bar_format="{desc}: {n_fmt}/{total_fmt} done {bar} elapsed {elapsed}, ETA {remaining}",
        )

    def _description(self) -> str:
        return f"{self._label} ({self.failed} failed)"

    def update(self, failed: bool) -> None:
        with self._lock:
            if failed:
                self.failed += 1
                self._bar.set_description_str(self._description(), refresh=False)
            self._bar.update(1)

    def close(self) -> None:
        self._bar.close()


def factory_for(stream=None):
    """A progress factory for LinkChecker when ``stream`` (stderr) is a terminal, else None: no bar when piped."""
    stream = stream or sys.stderr
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        return None
    return lambda total, label: Progress(total, label, stream)
