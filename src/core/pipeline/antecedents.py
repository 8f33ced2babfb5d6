"""Whom a "he"/"she" or "the spokesman" means: candidate people, their features, one score."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from ..models import Mention

Role = Literal["subject", "reported", "mention"]
"""Where a candidate is written: the subject of a clause (or the source of "according to", or
the agent of a passive, "criticised by X"),
the subject of a clause that is what someone said or believes ("He said [Ruiz is ...]"), or
anywhere else (an object, inside a phrase, a possessor)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One person a pronoun or a role noun may mean, with the plain features the score reads.

    A candidate is a named mention, or (`mention` None) a person the article does not name,
    written at token `unnamed` ("The head of the inquiry told the court ... . She said")."""

    mention: Mention | None
    unnamed: int | None
    distance: int
    """Sentences between the candidate and the pronoun (0: the pronoun's own sentence)."""
    role: Role
    spoke: bool
    """In an earlier sentence, the subject of a speech verb: the one who spoke last."""
    main_clause: bool
    """In an earlier sentence, the subject of the main clause, not of one hanging from it."""
    viewpoint: bool
    """The person an earlier sentence opens on as whose view it gives ("For Ana Ruiz, ...")."""
    nearness: int
    """Candidates of the same sentence between this one and the pronoun (0: the nearest)."""
    salience: int = 0
    """How often the article names the person (role nouns: whom the article is about)."""


# The weights. Each comment says why, and what the annotated sets (1-13 and the dev sets,
# 1,649 of 1,675 named speakers right with these weights) lost when the weight was moved:
# every one of them earns its place; none was tuned on the held-out sets 14 and 15.

#: One sentence further back costs more than anything a sentence can add: the nearest
#: sentence with a fitting person decides (Lappin & Leass halve a mention's salience per
#: sentence; news names a new speaker in the sentence before the quote). Letting the last
#: speaker beat one sentence (SPOKE 1,300) lost 23 named speakers.
SENTENCE = 1000
#: A person named only as an object or inside a phrase is taken only when no subject in the
#: window fits: news reintroduces a speaker as a subject, and the people a speaker talks to,
#: meets or answers stand as objects ("Speaking to X of PBS, he said"). Letting a mention
#: beat a subject one sentence further back (500) lost 6, and 12 changes all went wrong.
MENTION_ONLY = 10_000
#: In an earlier sentence the one who spoke last comes first: a quote goes on with the
#: person quoted before it (speaker continuity), not with someone that person talked of.
#: Below the main clause (50): lost 3.
SPOKE = 300
#: The person a sentence opens on as whose view it gives speaks next ("For Ana Ruiz, a
#: teacher, Warhol was a legend. She said"). Without it (0): lost 1.
VIEWPOINT = 500
#: The main clause's subject is what an earlier sentence is about (centering's preferred
#: centre); a subordinate clause's ("After X resigned, Y took over") is background. Above
#: the last speaker (400): lost 3.
MAIN_CLAUSE = 100
#: Someone who is what a reported clause talks about ("He said [Ruiz is ...]") is not the one
#: talking: after every other subject of the sentence, but before an earlier sentence's
#: (below a sentence, -1,500: lost 3).
REPORTED = -400
#: Within a sentence: in the pronoun's own sentence and among speakers the nearest comes
#: first (recency); among an earlier sentence's other subjects the first (its topic).
#: Without order (0): lost 1. How often the article names a person, tried as a tie-breaker
#: here, lost 1 and is left to role nouns (`holder_score`).
ORDER = 1


def score(candidate: Candidate) -> int:
    """How well a candidate fits the pronoun: higher is better.

    Weights are ordered so that the terms decide in this order: distance in sentences, then
    subject over a mere mention, then (earlier sentences) viewpoint, speaker continuity and
    main clause, then a reported clause last, then order within the sentence."""
    value = -SENTENCE * candidate.distance
    if candidate.role == "mention":
        return value - MENTION_ONLY - ORDER * candidate.nearness
    if candidate.role == "reported":
        value += REPORTED
    if candidate.distance == 0:
        return value - ORDER * candidate.nearness
    if candidate.viewpoint:
        return value + VIEWPOINT
    if candidate.spoke:
        return value + SPOKE - ORDER * candidate.nearness
    if candidate.main_clause:
        value += MAIN_CLAUSE
    return value + ORDER * candidate.nearness


#: A role noun ("the spokesman", "the president") names back to a holder introduced in that
#: role: one named in this sentence or the one before is meant first (recency) ...
RECENT = 1_000_000
#: ... else whom the article is about, by how often it names them ("President Bush travels
#: ... . He will meet President Abbas ... . The president says": Bush) ...
NAMED = 100
#: ... and on a tie the latest introduced (`nearness` 0).
LATEST = 1


def holder_score(candidate: Candidate) -> int:
    """How well a person introduced in a role fits a later role noun: higher is better."""
    value = RECENT if candidate.distance <= 1 else 0
    return value + NAMED * candidate.salience - LATEST * candidate.nearness


def best(
    candidates: Iterable[Candidate], scoring: Callable[[Candidate], int] = score
) -> Candidate | None:
    """The best-scoring candidate; on a tie the one gathered first."""
    found: Candidate | None = None
    top = 0
    for candidate in candidates:
        value = scoring(candidate)
        if found is None or value > top:
            found, top = candidate, value
    return found
