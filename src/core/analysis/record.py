"""An actor's record: who they are, when they appear, what they said, whom they target.

The record is built from the `Library`, so it reflects the reader's corrections. A store
that can outline an actor (`actor_outline`: counts per article and position keys in date
order) is asked for that, and positions are read a page at a time when shown, so an actor
with thousands of positions opens at once; other libraries give the whole actor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache
from operator import itemgetter
from typing import Literal, overload

from ..models import Actor, ActorOutline, ActorType, Quote
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
    positions: Sequence[Quote]
    """By date (undated last), then article order: rows made on demand by `position_row`
    (from a store, a `PagedPositions` that reads a page when one is first indexed)."""
    dates: Mapping[str, str | None]
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


#: Positions read from the store at a time: about what one screen of the record lists.
POSITION_PAGE = 50


class PagedPositions(Sequence[Quote]):
    """An actor's positions as a sequence that reads them from the store a page at a time:
    the record knows how many there are and their order, and builds only what is shown."""

    def __init__(
        self,
        keys: Sequence[tuple[str, int]],
        read: Callable[[Sequence[tuple[str, int]]], list[Quote]],
    ) -> None:
        self._keys = keys
        self._read = read
        self._pages: dict[int, list[Quote]] = {}

    def __len__(self) -> int:
        return len(self._keys)

    @overload
    def __getitem__(self, index: int) -> Quote: ...
    @overload
    def __getitem__(self, index: slice) -> list[Quote]: ...
    def __getitem__(self, index: int | slice) -> Quote | list[Quote]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self._keys)
        if not 0 <= index < len(self._keys):
            raise IndexError(index)
        page = self._page(index // POSITION_PAGE)
        return page[index % POSITION_PAGE]

    def __iter__(self) -> Iterator[Quote]:
        for number in range((len(self._keys) + POSITION_PAGE - 1) // POSITION_PAGE):
            yield from self._page(number)

    def _page(self, number: int) -> list[Quote]:
        page = self._pages.get(number)
        if page is None:
            keys = self._keys[number * POSITION_PAGE : (number + 1) * POSITION_PAGE]
            page = self._read(keys)
            if len(page) != len(keys):  # the store changed under the record
                raise IndexError(f"positions page {number} is no longer in the store")
            self._pages[number] = page
        return page


def granularity_for(dates: Iterable[str]) -> Granularity:
    """Day when the dates span at most 60 days, week up to two years, else month."""
    parsed = sorted(d for d in (_parse(x) for x in dates) if d is not None)
    if not parsed:
        return "day"
    span = (parsed[-1] - parsed[0]).days
    if span <= DAY_SPAN:
        return "day"
    return "week" if span <= WEEK_SPAN else "month"


@lru_cache(maxsize=4096)
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


@lru_cache(maxsize=4096)
def _parse(value: str | None) -> Date | None:
    if not value:
        return None
    try:
        return Date.fromisoformat(value[:10])
    except ValueError:
        return None


def build_record(library: Library, actor_id: str) -> ActorRecord:
    """The record of one actor (KeyError when there is no such actor)."""
    outline_of = getattr(library, "actor_outline", None)
    outline: ActorOutline | None = outline_of(actor_id) if outline_of is not None else None
    if outline is not None:
        return _record_from_outline(library, outline)
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
            q.end,
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


def _record_from_outline(library: Library, outline: ActorOutline) -> ActorRecord:
    """The record from the store's counts: Python work per article, not per position."""
    dates = outline.dates
    granularity = granularity_for({d for d in dates.values() if d})  # a date once
    read = library.quotes_at  # type: ignore[attr-defined]
    said = outline.said if outline.said is not None else Counter(
        map(itemgetter(0), outline.positions)
    )
    return ActorRecord(
        id=outline.id,
        name=outline.name,
        type=outline.type,
        aliases=outline.aliases,
        roles=_roles_seen(outline.roles),
        articles=outline.articles,
        granularity=granularity,
        timeline=_periods(outline.mentions, said, dates, granularity),
        positions=PagedPositions(outline.positions, lambda keys: read(outline.id, keys)),
        dates=dates,
    )


def _roles(actor: Actor) -> tuple[RoleSeen, ...]:
    return _roles_seen((m.role, m.article) for m in actor.mentions if m.role)


def _roles_seen(roles: Iterable[tuple[str, str]]) -> tuple[RoleSeen, ...]:
    seen: dict[tuple[str, str], RoleSeen] = {}
    for role, article in roles:
        seen.setdefault((role.lower(), article), RoleSeen(role, article))
    return tuple(seen.values())


def _timeline(
    actor: Actor,
    positions: Sequence[Quote],
    dates: Mapping[str, str | None],
    granularity: Granularity,
) -> tuple[Period, ...]:
    return _periods(
        Counter(m.article for m in actor.mentions),
        Counter(q.article for q in positions),
        dates,
        granularity,
    )


def _periods(
    mentions_in: Mapping[str, int],
    positions_in: Mapping[str, int],
    dates: Mapping[str, str | None],
    granularity: Granularity,
) -> tuple[Period, ...]:
    """Mentions and positions per period, from the counts per article."""
    mentions: Counter[str | None] = Counter()
    said: Counter[str | None] = Counter()
    for counts, into in ((mentions_in, mentions), (positions_in, said)):
        for article, n in counts.items():
            into[period_of(dates.get(article), granularity)] += n
    dated = [d for d in map(_parse, set(dates.values())) if d is not None]  # a date once
    periods: list[str | None] = (
        list(_periods_between(min(dated), max(dated), granularity)) if dated else []
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
