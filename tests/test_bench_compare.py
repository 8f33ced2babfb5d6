"""bench/compare.py: rows matched across two benches, ratios compared in the right direction."""

from __future__ import annotations

import pytest
from bench_scripts import load_bench

compare = load_bench("compare")


@pytest.mark.parametrize(
    ("older", "newer"),
    [
        # details in brackets and numbers differ between runs and versions
        (
            "warm open_library (10,000 articles, 5.3M words; store synthesised)",
            "warm open_library (10,000 articles, 5.3M words; store synthesised, reused)",
        ),
        (
            "actor record, 1,543 positions, 1,544 mentions (10,000 articles)",
            "actor record, 6,236 positions, 6,257 mentions (10,000 articles; best of 5)",
        ),
        # a figure that opens with a bracket keeps the words after it
        (
            "(for comparison) spaCy + rules, without the store (per CPU-second 0.96x)",
            "(for comparison) spaCy + rules, without the store (per CPU-second 0.92x)",
        ),
    ],
)
def test_compare_row_key_matches_the_same_figure(older: str, newer: str) -> None:
    assert compare.row_key(older) == compare.row_key(newer)


def test_compare_row_key_keeps_different_figures_apart() -> None:
    keys = {
        compare.row_key("indexing throughput, 1 process (60 articles)"),
        compare.row_key("(for comparison) spaCy + rules, without the store (x)"),
        compare.row_key("warm start: TUI to first full screen, seeds/"),
        compare.row_key("warm start: TUI to first full screen (10,000 articles)"),
    }
    assert len(keys) == 4


@pytest.mark.parametrize(
    ("goal", "value", "higher"),
    [
        (">= 0.85x", "4,853 words/s", True),
        ("info", "4,884 words/s", True),  # a rate, even without a goal
        ("<= 1.5x", "1.46 s", False),
        ("< 300 MB", "39 MB", False),
        ("info", "158 MB", False),
    ],
)
def test_compare_direction_of_a_ratio(goal: str, value: str, higher: bool) -> None:
    assert compare.higher_is_better(goal, value) is higher


def _result(side: str, figure: str, value: str, ratio: float | None, goal: str) -> dict:
    row = {"figure": figure, "value": value, "baseline": "", "ratio": ratio, "goal": goal,
           "ok": None}
    return {"side": side, "load_before": [3.0, 3.0, 3.0], "rows": [row]}


def test_compare_table_marks_a_worse_time_a_better_rate_and_a_new_row() -> None:
    results = [
        _result("before", "open (a; CPU 1.00x)", "100 ms", 2.0, "< 1 s"),
        _result("before", "open (b; CPU 1.20x)", "100 ms", 2.1, "< 1 s"),
        _result("after", "open (c; CPU 1.50x)", "150 ms", 2.6, "< 1 s"),
        _result("after", "open (d; CPU 1.40x)", "150 ms", 2.5, "< 1 s"),
        _result("before", "rate (x)", "10 words/s", 1.0, ">= 0.85x"),
        _result("after", "rate (y)", "12 words/s", 1.2, ">= 0.85x"),
        _result("before", "steady (x)", "1 s", 1.00, "<= 1.5x"),
        _result("after", "steady (y)", "1 s", 1.05, "<= 1.5x"),
        _result("after", "fresh figure (z)", "5 ms", 0.5, "info"),
    ]
    lines = {line.split(" | ")[0].lstrip("| "): line for line in
             compare.table(results, 0.10).splitlines()[2:]}
    assert "WORSE" in lines["open"]
    assert "2.050x; 2.000-2.100; 2" in lines["open"]
    assert "1.10x / 1.45x" in lines["open"]  # the CPU ratios in the figures, as medians
    assert "better" in lines["rate"]
    assert "same" in lines["steady"]
    assert "(new)" in lines["fresh figure"] and "new row" in lines["fresh figure"]
