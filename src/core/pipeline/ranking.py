"""How much an actor matters to the corpus: one documented score that orders the sidebar, the
palette and the CLI (most actors are named once; the ones that matter lead)."""

from __future__ import annotations

from collections.abc import Iterable

#: Weights of the actor score: every mention counts once; each article naming the actor,
#: each quote or stance of theirs and each headline naming them count more, because a name
#: repeated in one article says less than one that spans articles, speaks, or leads a story.
MENTION_WEIGHT = 1.0
ARTICLE_WEIGHT = 2.0
POSITION_WEIGHT = 3.0
HEADLINE_WEIGHT = 5.0
#: Positions counted in one article: an interview's fifty answers say the interviewee matters
#: to that article, not fifty times more than someone quoted across the corpus.
POSITIONS_PER_ARTICLE = 5


def actor_score(mentions: int, articles: int, positions: int, headlines: int) -> float:
    """mentions + 2 x articles + 3 x positions (quotes and stances, `counted_positions`) + 5 x
    headlines naming it."""
    return (
        MENTION_WEIGHT * mentions
        + ARTICLE_WEIGHT * articles
        + POSITION_WEIGHT * positions
        + HEADLINE_WEIGHT * headlines
    )


def counted_positions(per_article: Iterable[int]) -> int:
    """The positions the score counts: each article's quotes and stances, at most
    `POSITIONS_PER_ARTICLE` of them."""
    return sum(min(n, POSITIONS_PER_ARTICLE) for n in per_article)


def named_in(headline_words: frozenset[str], name_words: list[str], person: bool) -> bool:
    """The headline names the actor: a person by their surname (the last name word), anything
    else by all its words of more than three letters ("Great Firewall of China" is not named
    by a headline about China)."""
    if not name_words:
        return False
    if person:
        return name_words[-1] in headline_words
    words = [w for w in name_words if len(w) > 3] or name_words
    return all(w in headline_words for w in words)
