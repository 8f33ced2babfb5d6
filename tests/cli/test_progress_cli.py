"""The CLI's indexing progress line: count first, then rate and time left, redrawn in place."""

from __future__ import annotations

import io

from newsdesk.tui.cli.progress import ProgressLine


def test_progress_line_shows_rate_and_time_left() -> None:
    now = [0.0]
    out = io.StringIO()
    line = ProgressLine(out, clock=lambda: now[0])
    line(0, 100, "a")
    now[0] = 10.0
    line(20, 100, "b")
    line(21, 100, "b")  # too soon after the last redraw: not drawn
    now[0] = 20.0
    line(40, 100, "c")
    drawn = out.getvalue().split("\r\x1b[K")
    assert drawn[1] == "newsdesk: indexing 0/100"
    assert len(drawn) == 4
    assert drawn[-1] == "newsdesk: indexing 40/100 · 2.0 articles/s · 30s left"
