"""Which actor a name, alias or id given on a command line means: one, or a clear refusal."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .errors import NewsdeskError
from .fold import skeleton
from .library import ActorSummary, Library
from .search import _cutoff, parse_query


class ActorNotResolved(NewsdeskError):
    """No actor, or several, match what was typed (exit status 2)."""

    title = "Actor"


def resolve_actor(
    library: Library, query: str, *, extra: Sequence[ActorSummary] = ()
) -> ActorSummary:
    """The one actor `query` names: its id, its name or an alias (folded as search folds:
    case, accents, script, romanisation), else the one actor whose name or alias every query
    word matches as the search matcher matches words (fuzzy, the last word as a prefix).

    Several matches are refused with the candidates listed, never guessed. `extra` adds actors
    the library does not list (hidden ones, to unhide them).
    """
    wanted = query.strip()
    if not wanted:
        raise ActorNotResolved("give an actor's name, an alias or its id")
    actors = [*library.actors(), *extra]
    words = [w for w in parse_query(wanted)]
    folded = " ".join(w.text for w in words)

    def names(actor: ActorSummary) -> list[str]:
        return [_fold(actor.name), *(_fold(a) for a in actor.aliases)]

    stages: tuple[Callable[[ActorSummary], bool], ...] = (
        lambda a: a.id == wanted,
        lambda a: a.id.casefold() == wanted.casefold(),
        lambda a: _fold(a.name) == folded,
        lambda a: folded in names(a)[1:],
        lambda a: any(_words_match(words, name) for name in names(a)),
    )
    for stage in stages:
        found = list({a.id: a for a in actors if stage(a)}.values())
        if len(found) == 1:
            return found[0]
        if found:
            found.sort(key=lambda a: (-a.quote_count, -a.mention_count, a.name))
            listed = ", ".join(f"{a.name} ({a.id})" for a in found[:6])
            more = f" and {len(found) - 6} more" if len(found) > 6 else ""
            raise ActorNotResolved(
                f"{query!r} matches several actors: {listed}{more}; give one of the ids"
            )
    raise ActorNotResolved(f"no actor matches {query!r} (try `newsdesk search {query}`)")


def _fold(name: str) -> str:
    return " ".join(w.text for w in parse_query(name + " "))


def _words_match(words: Sequence[object], name: str) -> bool:
    """Every query word matches a word of `name`: equal, equal skeletons (romanisation), close
    enough for the search cutoff, or (the word being typed) a prefix."""
    from rapidfuzz import fuzz

    parts = name.split()
    for word in words:
        text: str = word.text  # type: ignore[attr-defined]
        prefix: bool = word.prefix  # type: ignore[attr-defined]
        skel = skeleton(text)
        if not any(
            part == text
            or skeleton(part) == skel
            or (prefix and part.startswith(text))
            or fuzz.ratio(text, part) >= _cutoff(text)
            for part in parts
        ):
            return False
    return True


def match_actors(
    actors: Sequence[ActorSummary], query: str, *, limit: int = 50
) -> list[ActorSummary]:
    """Actors whose name or an alias every word of `query` matches (as `resolve_actor`'s last
    stage), best matched first (exact words before variants, prefixes and typos), then the
    most quoted and mentioned: a picker's list."""
    words = parse_query(query)
    if not words:
        return sorted(actors, key=lambda a: (-a.mention_count, a.name))[:limit]
    found = []
    for actor in actors:
        names = [_fold(actor.name), *(_fold(a) for a in actor.aliases)]
        score = max(_match_score(words, name) for name in names)
        if score > 0:
            found.append((-score, -actor.quote_count, -actor.mention_count, actor.name, actor))
    found.sort(key=lambda row: row[:4])
    return [row[4] for row in found[:limit]]


def _match_score(words: Sequence[object], name: str) -> float:
    """How well every query word matches a word of `name` (0: some word does not): 100 for
    the same word, 95 for a romanisation variant, 90 for a prefix, else the fuzzy ratio."""
    from rapidfuzz import fuzz

    parts = name.split()
    total = 0.0
    for word in words:
        text: str = word.text  # type: ignore[attr-defined]
        prefix: bool = word.prefix  # type: ignore[attr-defined]
        skel = skeleton(text)
        best = 0.0
        for part in parts:
            if part == text:
                best = 100.0
                break
            if skeleton(part) == skel:
                best = max(best, 95.0)
            elif prefix and part.startswith(text):
                best = max(best, 90.0)
            else:
                ratio = fuzz.ratio(text, part)
                if ratio >= _cutoff(text):
                    best = max(best, min(ratio, 89.0))
        if not best:
            return 0.0
        total += best
    return total / len(words)
