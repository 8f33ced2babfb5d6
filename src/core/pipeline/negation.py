"""Negated stances: the words that negate a stance verb, kept in its cue ("did not welcome")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import STANCE_VERBS, verb_base

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Stance verbs that negate the stance verb they govern ("refused to condemn X").
REFUSALS = frozenset({"refuse"})


def negation_start(verb: Token) -> int | None:
    """Where a stance verb's own negation starts ("*did not* welcome", "*has never*
    criticised", "*didn't* praise"), so the cue carries it: a reader of "welcomed X" next to
    "did not welcome X" must see the difference. None when no "not"/"never" of the verb's own
    stands before it: a negation in the subject ("neither X nor Y would endorse") would leave
    a cue that reads as the opposite, so such a stance stays dropped."""
    negations = [
        c for c in verb.children if (c.dep_ == "neg" or c.lower_ == "never") and c.i < verb.i
    ]
    if not negations:
        return None
    first = min(negations, key=lambda c: c.i)
    auxiliaries = {c.i: c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < first.i}
    start = first
    while start.i - 1 in auxiliaries and auxiliaries[start.i - 1].lower_ != "to":
        start = auxiliaries[start.i - 1]  # "did not", "would never", "has not"
    return int(start.idx)


def refused_stance(verb: Token, base: str) -> Token | None:
    """The stance verb a refusal governs ("refused to *condemn* X"): the cue runs to it, and
    what is refused is its object. None for a refusal of anything else ("refused to meet
    X" stays a stance of its own, cue "refused")."""
    if base not in REFUSALS:
        return None
    for child in verb.rights:
        if child.dep_ == "xcomp" and verb_base(child.text) in STANCE_VERBS:
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return child
    return None
