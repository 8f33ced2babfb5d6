"""Counts in the panes read as English."""

from __future__ import annotations

import pytest

from newsdesk.tui.wording import counted


@pytest.mark.parametrize(("n", "expected"), [(0, "0 quotes"), (1, "1 quote"), (2, "2 quotes")])
def test_wording_counted(n: int, expected: str) -> None:
    assert counted(n, "quote") == expected


@pytest.mark.parametrize(("noun", "expected"), [
    ("organization", "an organization"), ("other", "an other"), ("person", "a person"),
    ("place", "a place"), ("group", "a group"),
])
def test_wording_with_article(noun: str, expected: str) -> None:
    from newsdesk.tui.wording import with_article

    assert with_article(noun) == expected
