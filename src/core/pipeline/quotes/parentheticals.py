"""Cues set inside what they report: ", officials said,", "as X said", "X reported in May, ..."."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import SPEECH_VERBS, verb_base
from .clauses import CLAUSE_DEPS
from .direct import is_as_clause
from .misparsed import LISTENER_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


def aside_before_predicate(verb: Token) -> tuple[int, int] | None:
    """ "around 50 gallons of fuel, officials said, spilled and ignited", "If ..., they
    reasoned, the specimens would have shown ...": a cue between commas before the predicate
    it hangs on reports the clause going on after it (what comes before is its subject or a
    condition the parser read as the cue's own clause or as the clause holding the cue)."""
    doc = verb.doc
    head = verb.head
    if head.i <= verb.i or verb.dep_ not in {"parataxis", "ccomp"} or head.pos_ not in {
        "VERB", "AUX"
    }:
        return None
    if verb.dep_ == "parataxis" and not any(c.dep_ in CLAUSE_DEPS for c in verb.lefts):
        return None  # "The bridge, they said, will reopen": the whole clause (below)
    subjects = [c for c in verb.lefts if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
        return None
    before = subjects[0].left_edge.i - 1
    if before < 0 or doc[before].text != "," or any(not c.is_punct for c in verb.rights):
        return None
    lo, hi = verb.i + 2, head.right_edge.i
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return (lo, hi) if hi > lo else None


def fronted_cue_clause(verb: Token, base: str, children: list[Token]) -> tuple[int, int] | None:
    """ "The paper reported in May, 62 stores had closed": the parser made the cue a clause of
    the verb after the comma; the words from the comma on are what was reported."""
    head = verb.head
    if (
        base not in SPEECH_VERBS
        or verb.dep_ != "ccomp"
        or head.i <= verb.i
        or head.pos_ not in {"VERB", "AUX"}
        or verb_base(head.text) is not None
        or not any(c.dep_ == "nsubj" for c in verb.children)
        or not any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > verb.i for c in head.children)
        or any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in children)
    ):
        return None
    doc = verb.doc
    comma = verb.right_edge.i + 1
    if comma >= head.i or doc[comma].text != ",":
        return None
    lo, hi = comma + 1, head.right_edge.i
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return (lo, hi) if hi - lo >= 2 else None


#: Cues that name a source in an "as" clause; others there tell a time ("as the search
#: continued", "as he answered the door").
AS_SOURCE_VERBS = frozenset(
    """
    say tell note write report explain observe state remark point mention claim argue stress
    emphasise emphasize acknowledge admit predict reveal announce recall confirm
    """.split()
)


def as_source_clause(verb: Token, base: str, children: list[Token]) -> tuple[int, int] | None:
    """ "As X told the Post, the river is cleaner now" / "..., as X said": the cue sits in an
    "as" clause and the main clause around it is what X said (first and last token), unless
    the cue has words of its own ("as he said goodbye") or the main clause its own cue."""
    head = verb.head
    if (
        base not in AS_SOURCE_VERBS
        or verb.dep_ != "advcl"
        or not is_as_clause(verb)
        or head.pos_ not in {"VERB", "AUX"}
        or verb_base(head.text) is not None
        or not any(c.dep_ == "nsubj" for c in verb.children)
    ):
        return None
    own = {"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd"}
    if any(c.dep_ in own for c in children) and base not in LISTENER_VERBS:
        return None
    doc = verb.doc
    if verb.i < head.i:
        lo, hi = verb.right_edge.i + 1, head.right_edge.i
    else:
        lo, hi = head.left_edge.i, verb.left_edge.i - 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    if hi - lo < 2 or not any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in doc[lo : hi + 1]):
        return None
    return lo, hi
