"""Rate and time left for long runs (indexing): a moving window, so a slow start is forgotten."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Estimate:
    """Where a run stands: items done, items per second, seconds left (None until known)."""

    done: int
    total: int
    rate: float | None
    remaining: float | None


class RateMeter:
    """Items per second over the last `window` seconds (model loading and the first batch,
    which say nothing about the steady rate, drop out of it)."""

    def __init__(self, total: int, *, window: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.window = window
        self._clock = clock
        self._samples: deque[tuple[float, int]] = deque()

    def update(self, done: int) -> Estimate:
        now = self._clock()
        samples = self._samples
        samples.append((now, done))
        while len(samples) > 2 and now - samples[1][0] >= self.window:
            samples.popleft()
        first_time, first_done = samples[0]
        rate = None
        remaining = None
        if now > first_time and done > first_done:
            rate = (done - first_done) / (now - first_time)
            remaining = max(0, self.total - done) / rate
        return Estimate(done, self.total, rate, remaining)


def format_duration(seconds: float) -> str:
    """`45s`, `3m12s`, `2h05m`: short enough for a progress line."""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def describe(estimate: Estimate) -> str:
    """`1200/10000 · 38.2 articles/s · 3m52s left` (rate and time once measurable)."""
    parts = [f"{estimate.done}/{estimate.total}"]
    if estimate.rate is not None and estimate.remaining is not None:
        parts.append(f"{estimate.rate:.1f} articles/s")
        parts.append(f"{format_duration(estimate.remaining)} left")
    return " · ".join(parts)
