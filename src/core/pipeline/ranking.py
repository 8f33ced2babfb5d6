"""How much an actor matters to the corpus: one documented score that orders the sidebar, the
palette and the CLI (most actors are named once; the ones that matter lead)."""

from __future__ import annotations

#: Weights of the actor score: every mention counts once; each article naming the actor,
#: each quote or stance of theirs and each headline naming them count more, because a name
#: repeated in one article says less than one that spans articles, speaks, or leads a story.
MENTION_WEIGHT = 1.0
ARTICLE_WEIGHT = 2.0
POSITION_WEIGHT = 3.0
HEADLINE_WEIGHT = 5.0


def actor_score(mentions: int, articles: int, positions: int, headlines: int) -> float:
    """mentions + 2 x articles + 3 x positions (quotes and stances) + 5 x headlines naming it."""
    return (
        MENTION_WEIGHT * mentions
        + ARTICLE_WEIGHT * articles
        + POSITION_WEIGHT * positions
        + HEADLINE_WEIGHT * headlines
    )


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
