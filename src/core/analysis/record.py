"""An actor's record: who they are, when they appear, what they said, whom they target.

The record is built from the `Library`, so it reflects the reader's corrections. Positions are
kept as quotes (sorted by date) and turned into rows only when shown, so an actor with
thousands of positions opens at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from typing import Literal

from ..models import Actor, ActorType, Quote
from ..store.library import Library
from .relations import Relation, find_relations, relation_json

Granularity = Literal["day", "week", "month"]

#: The widest spans of dates still counted by day and by week.
DAY_SPAN = 60
WEEK_SPAN = 2 * 366

SPARK_BARS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True, slots=True)
class RoleSeen:
    """A role the actor is given ("Chinese Public Security Minister") and where."""

    role: str
    article: str


@dataclass(frozen=True, slots=True)
class Period:
    """Counts for one period; `period` is None for undated articles."""

    period: str | None
    mentions: int
    positions: int


@dataclass(frozen=True, slots=True)
class PositionRow:
    """One position as listed in the record."""

    quote: str
    article: str
    date: str | None
    kind: str
    cue: str | None
    text: str


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """What the record screen and `newsdesk actor show` present."""

    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...]
    roles: tuple[RoleSeen, ...]
    articles: tuple[str, ...]
    granularity: Granularity
    timeline: tuple[Period, ...]
    positions: tuple[Quote, ...]
    """By date (undated last), then article order: rows made on demand by `position_row`."""
    dates: dict[str, str | None]
    """Article id -> date, for every article the record names."""

    def position_row(self, index: int) -> PositionRow:
        quote = self.positions[index]
        return PositionRow(
            quote.id,
            quote.article,
            self.dates.get(quote.article),
            quote.kind,
            quote.cue,
            quote.text,
        )

    def position_rows(self) -> list[PositionRow]:
        return [self.position_row(i) for i in range(len(self.positions))]


def granularity_for(dates: Iterable[str]) -> Granularity:
    """Day when the dates span at most 60 days, week up to two years, else month."""
    parsed = sorted(d for d in (_parse(x) for x in dates) if d is not None)
    if not parsed:
        return "day"
    span = (parsed[-1] - parsed[0]).days
    if span <= DAY_SPAN:
        return "day"
    return "week" if span <= WEEK_SPAN else "month"


def period_of(date: str | None, granularity: Granularity) -> str | None:
    """`2019-01-04`, `2019-W01` or `2019-01`; None when the date is missing or unreadable."""
    parsed = _parse(date)
    if parsed is None:
        return None
    if granularity == "day":
        return parsed.isoformat()
    if granularity == "week":
        year, week, _ = parsed.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{parsed.year}-{parsed.month:02d}"


def _parse(value: str | None) -> Date | None:
    if not value:
        return None
    try:
        return Date.fromisoformat(value[:10])
    except ValueError:
        return None


def build_record(library: Library, actor_id: str) -> ActorRecord:
    """The record of one actor (KeyError when there is no such actor)."""
    actor = library.actor(actor_id)
    positions = list(library.positions(actor_id))
    wanted = set(actor.articles) | {q.article for q in positions}
    dates = {aid: date for aid, date in library.article_dates().items() if aid in wanted}
    granularity = granularity_for(d for d in dates.values() if d)
    order = {aid: i for i, aid in enumerate(actor.articles)}
    positions.sort(
        key=lambda q: (
            dates.get(q.article) is None,
            dates.get(q.article) or "",
            order.get(q.article, len(order)),
            q.start,
        )
    )
    return ActorRecord(
        id=actor.id,
        name=actor.name,
        type=actor.type,
        aliases=actor.aliases,
        roles=_roles(actor),
        articles=actor.articles,
        granularity=granularity,
        timeline=_timeline(actor, positions, dates, granularity),
        positions=tuple(positions),
        dates=dates,
    )


def _roles(actor: Actor) -> tuple[RoleSeen, ...]:
    seen: dict[tuple[str, str], RoleSeen] = {}
    for mention in actor.mentions:
        if mention.role:
            seen.setdefault(
                (mention.role.lower(), mention.article), RoleSeen(mention.role, mention.article)
            )
    return tuple(seen.values())


def _timeline(
    actor: Actor, positions: Sequence[Quote], dates: dict[str, str | None], granularity: Granularity
) -> tuple[Period, ...]:
    mentions = Counter(period_of(dates.get(m.article), granularity) for m in actor.mentions)
    said = Counter(period_of(dates.get(q.article), granularity) for q in positions)
    dated = sorted(d for d in map(_parse, dates.values()) if d is not None)
    periods: list[str | None] = (
        list(_periods_between(dated[0], dated[-1], granularity)) if dated else []
    )
    if None in mentions or None in said:
        periods.append(None)
    return tuple(Period(p, mentions[p], said[p]) for p in periods)


def _periods_between(first: Date, last: Date, granularity: Granularity) -> list[str]:
    """Every period from `first` to `last`, empty ones included, so a chart shows the gaps."""
    periods: list[str] = []
    day = first
    while day <= last:
        label = period_of(day.isoformat(), granularity)
        if label is not None and (not periods or periods[-1] != label):
            periods.append(label)
        day += timedelta(days=1 if granularity == "day" else 7 if granularity == "week" else 28)
    closing = period_of(last.isoformat(), granularity)
    if closing is not None and periods[-1] != closing:
        periods.append(closing)
    return periods


def sparkline(values: Sequence[int]) -> str:
    """A Unicode sparkline: one bar a value, the highest full; only zero gets the lowest bar."""
    top = max(values, default=0)
    if top <= 0:
        return SPARK_BARS[0] * len(values)
    steps = len(SPARK_BARS) - 1
    return "".join(SPARK_BARS[max(1, round(v / top * steps)) if v > 0 else 0] for v in values)


def record_relations(library: Library, record: ActorRecord) -> list[Relation]:
    """The relations with this actor at either end (slower than the record: a worker's job)."""
    return find_relations(library, record.id)


def record_json(record: ActorRecord, relations: Sequence[Relation]) -> dict[str, object]:
    """The `newsdesk actor show --json` shape."""
    from dataclasses import asdict

    return {
        "id": record.id,
        "name": record.name,
        "type": record.type,
        "aliases": list(record.aliases),
        "roles": [{"role": r.role, "article": r.article} for r in record.roles],
        "articles": list(record.articles),
        "granularity": record.granularity,
        "timeline": [asdict(p) for p in record.timeline],
        "positions": [asdict(row) for row in record.position_rows()],
        "relations": [relation_json(r) for r in relations],
    }
