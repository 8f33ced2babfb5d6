"""Requests and topics a cue reports: "asked X to ...", "told of ...", "talked about ..."."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from ...models import QuoteKind
from ..cues import (
    NAMING_VERBS,
    REQUEST_VERBS,
    SPEECH_VERBS,
    TOPIC_PREPOSITIONS,
    TOPIC_VERBS,
    verb_base,
)
from ..quotemarks import QuoteMarks
from .clauses import QUESTION_WORDS, before_own_cue, named_by_participle

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Prepositions that place a gerund in time ("after asking ..."): narration, no position.
TIME_PREPOSITIONS = frozenset({"after", "before", "while", "upon", "since"})
#: What one asks for to learn something: "asked for clarification" is a question.
INFORMATION_NOUNS = frozenset(
    """
    clarification clarifications information details detail comment comments explanation
    explanations answers answer update updates confirmation directions
    """.split()
)


def request_report(
    verb: Token, base: str, children: list[Token]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """ "asked the court to delay its ruling", "told the army to withdraw", "asked for a
    recount": a request made of someone is a position, like "urged X to"; "asked him how to
    vote" is a question, "asked about the delay" no request."""
    if base not in REQUEST_VERBS:
        return None
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return None  # "notices are issued to ask police to ...": a purpose or a plan
    if verb.dep_ == "pcomp" and verb.head.head.tag_ == "VBN":
        return None  # "suspected of asking for X": what someone is suspected of, unsaid
    doc = verb.doc
    obj = next((c for c in children if c.dep_ in {"dobj", "dative"}), None)
    if obj is not None and obj.lower_ not in {"it", "this", "that"}:
        infinitive = next(
            (
                c
                for c in children
                if c.dep_ == "xcomp"
                and c.i > obj.i
                and any(g.dep_ == "aux" and g.tag_ == "TO" for g in c.children)
            ),
            None,
        )
        if infinitive is None or any(
            t.lower_ in QUESTION_WORDS for t in doc[obj.right_edge.i + 1 : infinitive.i]
        ):
            return None
        if verb_base(infinitive.text) in SPEECH_VERBS | NAMING_VERBS:
            return None  # "asked the officer to describe ...": a question put to someone
        if infinitive.lower_ in {"be", "have"}:
            return None  # "told the players to be ready": a state urged, no act demanded
        if verb.dep_ == "pcomp" and verb.head.lower_ in TIME_PREPOSITIONS:
            # "crashed shortly after asking the tower to return": an act narrated in time;
            # "after asking for his release" still names what was wanted
            return None
        lo = obj.left_edge.i
        return ("stance", lo, before_own_cue(doc, lo, infinitive.right_edge.i), None)
    # "pressed for talks": the phrasal stance of `PARTICLE_STANCES`, below
    particle = verb_particle(verb, frozenset({"for"})) if base == "ask" else None
    if obj is None and particle is not None and particle.dep_ == "prep":
        asked = next((c for c in particle.children if c.dep_ == "pobj"), None)
        if asked is not None and asked.lower_ in INFORMATION_NOUNS:
            return None  # "asked for clarification": a question, no position
        if particle.right_edge.i > particle.i:
            lo = particle.i + 1
            return ("stance", lo, before_own_cue(doc, lo, particle.right_edge.i), particle)
    return None


def topic_report(
    verb: Token, base: str, children: list[Token], marks: list[QuoteMarks], claimed: set[int]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """What was said, given by its topic: "told of being forced to ...", "talked about how the
    series was underestimated" report it; a plain noun ("talked about the weather") only
    when it holds someone's quoted words ("talked of X's "countless discoveries"")."""
    if base not in TOPIC_VERBS:
        return None
    prep = next(
        (c for c in children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS), None
    )
    if prep is None or prep.right_edge.i <= prep.i:
        return None
    lo, hi = prep.i + 1, before_own_cue(verb.doc, prep.i + 1, prep.right_edge.i)
    if any(c.dep_ == "pcomp" for c in prep.children):
        return ("indirect", lo, hi, None)
    if holds_open_quote(verb, lo, hi, marks, claimed):
        return ("mixed", lo, hi, None)
    return None


def verb_particle(verb: Token, words: frozenset[str]) -> Token | None:
    """The particle of a phrasal cue ("called on", "called for"), also as a clause's "for"."""
    for child in verb.rights:
        if child.dep_ in {"prt", "prep"} and child.lower_ in words:
            return child
        if child.dep_ in {"advcl", "ccomp", "xcomp"}:
            first = child.left_edge
            if first.dep_ == "mark" and first.lower_ in words and first.i == verb.i + 1:
                return first
    return None


def holds_open_quote(
    verb: Token, lo: int, hi: int, marks: list[QuoteMarks], claimed: set[int]
) -> bool:
    doc = verb.doc
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    opens = [m.open for m in marks]
    return any(
        i not in claimed and not named_by_participle(doc, marks[i], verb)
        for i in range(bisect_left(opens, start - 1), bisect_left(opens, end))
    )
