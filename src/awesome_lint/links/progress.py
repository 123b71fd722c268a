"""A progress bar for the link check, on a terminal only (tqdm): links done, links failed, time left."""

from __future__ import annotations

import os
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
            # a terminal that reports no width (a fresh pty, some CI) would get no bar at all from tqdm
            dynamic_ncols=_width(stream) > 0,
            ncols=None if _width(stream) > 0 else 80,
            bar_format="{desc}: {n_fmt}/{total_fmt} done {bar} elapsed {elapsed}, ETA {remaining}",
        )

    def _description(self) -> str:
        return f"{self._label} ({self.failed} failed)"

    def grow(self, count: int = 1) -> None:
        """More links to check (the checker queues them while it reads the list)."""
        with self._lock:
            self._bar.total += count  # shown at the next update (tqdm limits how often it redraws)

    def update(self, failed: bool) -> None:
        with self._lock:
            if failed:
                self.failed += 1
                self._bar.set_description_str(self._description(), refresh=False)
            self._bar.update(1)

    def close(self) -> None:
        self._bar.close()


def _width(stream) -> int:
    """The terminal's width in columns; 0 when it reports none."""
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 0


def factory_for(stream=None):
    """A progress factory for LinkChecker when ``stream`` (stderr) is a terminal, else None: no bar when piped."""
    stream = stream or sys.stderr
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()):
        return None
    return lambda total, label: Progress(total, label, stream)
