"""Which request goes next: a global limit, a per-host limit, a gap between requests to one host, backoff.

Workers ask :meth:`Scheduler.take` for a task; it hands out the first waiting task whose host has a free
slot and whose gap has passed, taking hosts in turn so one busy host never holds up the others. A task
that must wait (a retry's backoff) is put back with a time before which it is not handed out, and after a
429 the whole host waits (``release(..., pause=...)``). No worker ever sleeps while holding a slot.

The gap is counted as lychee's rate limiter counts it: from the moment a request is handed out to the
earliest moment the next one to that host may be, so no two requests to a host start closer than the gap.
A late wake-up therefore delays the rest of that host's requests, and waking up on time matters: only one
idle worker waits with a timeout (the *timer*, for the earliest moment something becomes ready); the
others sleep until they are notified, and each change wakes one worker, not all of them. The thread
waiting for the end (:meth:`wait_done`) has its own condition, so a worker's notification never lands on it.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

IDLE_CAP = 1.0  # seconds an idle worker sleeps at most without a notification


class Scheduler:
    def __init__(self, limit_of: Callable[[str], int], gap_of: Callable[[str], float], deadline: float):
        self._limit_of = limit_of  # host -> requests allowed in flight at once
        self._gap_of = gap_of  # host -> seconds between the starts of two requests
        self.deadline = deadline  # time.monotonic() after which nothing more is handed out
        self._lock = threading.Lock()
        self._cond = threading.Condition(self._lock)  # idle workers wait here
        self._done = threading.Condition(self._lock)  # wait_done waits here
        self._timer_at: float | None = None  # when the timer worker wakes up (None: no timer)
        self._queues: dict[str, deque] = {}  # host -> tasks ready to go
        self._later: list[tuple[float, int, str, Any]] = []  # heap of (not before, seq, host, task)
        self._sequence = itertools.count()
        self._in_flight: dict[str, int] = {}
        self._next_start: dict[str, float] = {}  # host -> earliest start of its next request
        self._open = 0  # tasks added and not finished
        self._adding = True  # more tasks may come: workers wait for them instead of leaving
        self._turn = 0  # where the round over hosts starts next time
        self.stopped = False
        self.max_in_flight: dict[str, int] = {}  # host -> the most requests it had in flight at once
        self.wakeups = 0  # times a waiting worker woke up (for tests: about one per task handed out)

    def add(self, host: str, task) -> None:
        with self._cond:
            self._open += 1
            self._queues.setdefault(host, deque()).append(task)
            self._cond.notify()

    def put_back(self, host: str, task, delay: float = 0.0) -> None:
        """Queue a task again (a retry or a redirect's next hop), not before ``delay`` seconds from now."""
        with self._cond:
            if delay > 0:
                heapq.heappush(self._later, (time.monotonic() + delay, next(self._sequence), host, task))
            else:
                self._queues.setdefault(host, deque()).append(task)
            self._cond.notify()

    def no_more(self) -> None:
        """Every task has been added: once they are finished, the workers leave."""
        with self._cond:
            self._adding = False
            self._wake_all_if_over()

    def finish(self) -> None:
        """A task is done for good."""
        with self._cond:
            self._open -= 1
            self._wake_all_if_over()

    def release(self, host: str, pause: float = 0.0) -> None:
        """A request to ``host`` ended; with ``pause``, the whole host waits that long (after a 429)."""
        with self._cond:
            self._in_flight[host] -= 1
            if pause > 0:
                self._next_start[host] = max(self._next_start.get(host, 0.0), time.monotonic() + pause)
            # no notification: the releasing worker asks for its next task right away and sees the free slot

    def stop(self) -> None:
        with self._cond:
            self.stopped = True
            self._cond.notify_all()
            self._done.notify_all()

    def take(self) -> tuple[str, Any] | None:
        """The next (host, task) to run, waiting as needed; None when all is done or the deadline passed."""
        with self._cond:
            while True:
                now = time.monotonic()
                if now >= self.deadline:
                    self.stopped = True
                    self._cond.notify_all()
                    self._done.notify_all()
                if self.stopped or (self._open <= 0 and not self._adding):
                    return None
                self._promote(now)
                picked, wake = self._pick(now)
                if picked is not None:
                    if self._has_ready_work():
                        self._cond.notify()  # more may be ready, or the timer's post is free: pass it on
                    return picked
                if self._later:
                    wake = min(wake, self._later[0][0])
                self._sleep(now, min(wake, self.deadline))
                self.wakeups += 1

    def _sleep(self, now: float, wake: float) -> None:
        """Wait for a notification; as the timer, only until ``wake`` (when something becomes ready)."""
        if wake == float("inf") or (self._timer_at is not None and self._timer_at <= wake):
            # another worker is the timer, or nothing to time; the cap is a safety net, not a poll
            self._cond.wait(max(0.0, min(self.deadline - now, IDLE_CAP)))
            return
        self._timer_at = wake
        self._cond.wait(max(0.0, wake - now))
        if self._timer_at == wake:
            self._timer_at = None

    def _has_ready_work(self) -> bool:
        return self._timer_at is None and (bool(self._later) or any(self._queues.values()))

    def _wake_all_if_over(self) -> None:
        if self._open <= 0 and not self._adding:
            self._cond.notify_all()  # the workers leave
            self._done.notify_all()

    def wait_done(self) -> bool:
        """Block until every task finished (True) or the deadline passed (False)."""
        with self._cond:
            while (self._open > 0 or self._adding) and not self.stopped:
                remaining = self.deadline - time.monotonic()
                if remaining <= 0:
                    self.stopped = True
                    self._cond.notify_all()
                    break
                self._done.wait(remaining)
            return self._open <= 0

    def _promote(self, now: float) -> None:
        while self._later and self._later[0][0] <= now:
            _, _, host, task = heapq.heappop(self._later)
            self._queues.setdefault(host, deque()).append(task)

    def _pick(self, now: float) -> tuple[tuple[str, Any] | None, float]:
        hosts = [host for host, queue in self._queues.items() if queue]
        wake = float("inf")
        if not hosts:
            return None, wake
        self._turn = (self._turn + 1) % len(hosts)
        for host in hosts[self._turn :] + hosts[: self._turn]:
            in_flight = self._in_flight.get(host, 0)
            if in_flight >= self._limit_of(host):
                continue
            ready_at = self._next_start.get(host, 0.0)
            if ready_at > now:
                wake = min(wake, ready_at)
                continue
            self._in_flight[host] = in_flight + 1
            self.max_in_flight[host] = max(self.max_in_flight.get(host, 0), in_flight + 1)
            # the gap runs from this start (as lychee's limiter counts it), never from when it was due
            self._next_start[host] = now + self._gap_of(host)
            return (host, self._queues[host].popleft()), wake
        return None, wake
