"""The default `--jobs`: cores, free memory and the work to do; and the rate shown meanwhile."""

from __future__ import annotations

import pytest

from newsdesk.core.pipeline.resources import (
    PROCESS_BYTES,
    RESERVE_BYTES,
    default_jobs,
    resolve_jobs,
)
from newsdesk.core.progress import Estimate, RateMeter, describe, format_duration

GB = 2**30


@pytest.mark.parametrize(
    ("articles", "cores", "free", "jobs", "reason"),
    [
        (10_000, 2, 24 * GB, 2, "cores"),
        (10_000, 16, RESERVE_BYTES + 3 * PROCESS_BYTES, 3, "memory"),
        (10_000, 16, 0, 1, "memory"),
        (50, 8, 24 * GB, 1, "articles"),
        (200, 8, 24 * GB, 4, "articles"),
        (10_000, 4, None, 4, "cores"),
    ],
)
def test_resources_default_jobs_is_the_tightest_limit(
    articles: int, cores: int, free: int | None, jobs: int, reason: str
) -> None:
    choice = default_jobs(articles, 25, cores=cores, free_bytes=free)
    assert (choice.jobs, choice.reason) == (jobs, reason)
    assert f"limited by {reason}" in choice.describe()


def test_resources_explicit_jobs_win() -> None:
    assert resolve_jobs(3, 1, 32) == 3
    assert resolve_jobs(0, 1, 32) == 1


def test_progress_rate_and_time_left_follow_the_recent_window() -> None:
    now = [0.0]
    meter = RateMeter(1000, window=10.0, clock=lambda: now[0])
    assert meter.update(0).rate is None
    now[0] = 100.0  # a slow start (loading the model) ...
    meter.update(10)
    for step in range(1, 11):  # ... then 10 articles a second
        now[0] = 100.0 + step * 2
        estimate = meter.update(10 + step * 20)
    assert estimate.rate == pytest.approx(10.0)
    assert estimate.remaining == pytest.approx((1000 - 210) / 10.0)
    assert describe(estimate) == "210/1000 · 10.0 articles/s · 1m19s left"


@pytest.mark.parametrize(("seconds", "text"), [(5, "5s"), (192, "3m12s"), (7500, "2h05m")])
def test_progress_durations_are_short(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_progress_without_a_rate_shows_the_count_only() -> None:
    assert describe(Estimate(3, 10, None, None)) == "3/10"
