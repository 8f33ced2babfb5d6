"""The mention record every entity step passes on, and the spans already taken."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise


@dataclass(slots=True)
class Candidate:
    """A mention while it is being cleaned and clustered."""

    start: int
    end: int
    text: str
    label: str
    role: str | None = None
    headline: bool = False
    cluster: int = -1
    folded: tuple[str, ...] = field(default_factory=tuple)
    lead_place: tuple[int, int] | None = None
    """A place the model ran into the front of this name ("Ohio" of "Ohio Tom Reyes")."""
    kind_signal: str | None = None
    """A label read off the name's words or its use (`core.kinds`), which its cluster takes."""


class Taken:
    """Spans already used, kept sorted: overlap checks in log time (long articles stay fast)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # spans starting before `end`
        # Spans may nest (a link around a name), so look back a little, not just one step.
        for j in range(i - 1, max(-1, i - 8), -1):
            if self.ends[j] > start:
                return True
        return False


def join_neighbours(
    candidates: list[Candidate], join: Callable[[Candidate, Candidate], Candidate | None]
) -> list[Candidate]:
    """The candidates in text order, each neighbouring pair that `join` reads as one name the
    model cut in two replaced by that name; the list itself when nothing joins."""
    ordered = sorted(candidates, key=lambda c: c.start)
    out: list[Candidate] = []
    skip: set[int] = set()
    for first, second in pairwise(ordered):
        if id(first) in skip:
            continue
        joined = join(first, second)
        if joined is None:
            out.append(first)
            continue
        out.append(joined)
        skip.add(id(second))
    if ordered and id(ordered[-1]) not in skip:
        out.append(ordered[-1])
    return out if skip else candidates

