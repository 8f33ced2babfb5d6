"""Statements without a speech verb: "a statement that ...", "made clear ...", "held X liable"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..drafts import Draft, trim
from ..speakers import SpeakerResolver
from .clauses import (
    QUESTION_WORDS,
    RELATIVE_WORDS,
    before_own_cue,
    is_passive,
    skip_mark_word,
)
from .direct import negated

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Nouns of a statement that take a that-clause: "made an announcement that ...".
STATEMENT_NOUNS = frozenset(
    """
    announcement statement claim assertion declaration warning prediction admission
    allegation accusation pledge promise recommendation proposal suggestion demand insistence
    contention argument assurance denial threat vow claims allegations accusations warnings
    assurances promises ultimatum ultimatums
    """.split()
)
#: Verbs that make such a noun the subject's statement ("made/issued/posted a statement").
SPEECH_NOUN_VERBS = frozenset("make made makes making issue issued issues post posted".split())
#: Verbs that put an idea forward in public: "launched/floated the idea that ...".
PROPOSING_VERBS = frozenset(
    "launch launched launches launching float floated floats floating".split()
)
#: Nouns of an idea, a statement only when the subject puts it forward (`PROPOSING_VERBS`):
#: "floated the notion that ..."; "the idea that ..." alone is nobody's statement.
IDEA_NOUNS = frozenset({"idea", "notion", "possibility", "theory"})
#: The nouns `speech_noun_clause` reads at all.
STATEMENT_OR_IDEA_NOUNS = STATEMENT_NOUNS | IDEA_NOUNS


def speech_noun_clause(
    doc: Doc, text: str, noun: Token, resolver: SpeakerResolver
) -> Draft | None:
    """ "X made a surprise announcement on Twitter that he was running", "issued a statement
    that the plant would close": the that-clause on the noun is X's statement; so is it on
    "X's claim that ..." and "the warning by X that ...", whatever the sentence does with it."""
    verb = noun.head
    proposed = noun.dep_ == "dobj" and verb.lower_ in PROPOSING_VERBS
    if noun.lower_ not in STATEMENT_NOUNS and not (proposed and noun.lower_ in IDEA_NOUNS):
        return None
    owner = None if proposed else _statement_owner(noun)
    if owner is None and (
        noun.dep_ != "dobj"
        or verb.lower_ not in SPEECH_NOUN_VERBS | PROPOSING_VERBS
        or negated(verb)
    ):
        return None
    # "issued the ultimatum, in the wake of ..., that the board must resign": past an aside
    # the parser hangs the noun's clause on the verb that issues it
    hosts = [*noun.rights, *(c for c in verb.rights if c.i > noun.i)] if owner is None else []
    clause = next(
        (
            c
            for c in (hosts or list(noun.rights))
            if c.dep_ in {"acl", "ccomp", "relcl"}  # "that" as a mark: no relative clause
            and (c.head == noun or c.dep_ == "ccomp")
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    subject = owner if owner is not None else resolver.subject_of(verb)
    if subject is None:
        return None
    lo = skip_mark_word(doc, clause.left_edge.i, clause.right_edge.i)
    last = doc[clause.right_edge.i]
    start, end = trim(text, doc[lo].idx, last.idx + len(last.text))
    if end <= start:
        return None
    if owner is not None:
        return Draft(start, end, "indirect", noun, None, resolver.resolve(owner))
    return Draft(
        start, end, "indirect", verb, noun.idx + len(noun.text), resolver.resolve(subject)
    )


def _statement_owner(noun: Token) -> Token | None:
    """Whose statement the noun is: "the senator's claim", "the warning by the agency". A
    noun the parser left as the sentence's root has no verb: the clause on it runs on into
    the sentence's own predicate, so no owner is read."""
    if noun.dep_ == "ROOT":
        return None
    owner = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    if owner is None or owner.lower_ in RELATIVE_WORDS | {"whose"}:
        return None
    return owner


#: What one makes a clause: "made clear that ...", "made it known that ...".
MADE_PLAIN = frozenset({"clear", "plain", "known"})


def made_clear_report(doc: Doc, text: str, verb: Token, resolver: SpeakerResolver) -> Draft | None:
    """ "The party made clear (that) it would vote against", "made it clear the tax would not
    rise": stating a position plainly is reported speech; "did not make clear whether ..."
    (negated, or a question left open) reports nothing."""
    plain = next(
        (
            c
            for c in verb.rights
            if c.lower_ in MADE_PLAIN and c.dep_ in {"ccomp", "oprd", "acomp", "xcomp", "dobj"}
        ),
        None,
    )
    if plain is None or negated(verb):
        return None
    clause = next(
        (
            c
            for c in [*verb.rights, *plain.rights]
            if c.i > plain.i
            and c.dep_ in {"ccomp", "advcl"}
            and c.pos_ in {"VERB", "AUX"}
            and any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in c.children)
        ),
        None,
    )
    if clause is None or clause.left_edge.i != plain.i + 1:
        return None  # the clause starts right after "clear" (with its "that")
    lo = skip_mark_word(doc, clause.left_edge.i, clause.right_edge.i)
    if doc[lo].lower_ in QUESTION_WORDS:
        return None  # "made clear what ...": a question answered, no clause of its own
    subject = resolver.subject_of(verb)
    if subject is None:
        return None
    hi = before_own_cue(doc, lo, clause.right_edge.i)
    start, end = trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
    if end <= start:
        return None
    return Draft(
        start, end, "indirect", verb, plain.idx + len(plain.text), resolver.resolve(subject)
    )


#: What one holds someone to be when blaming them.
ACCOUNTABLE = frozenset({"responsible", "accountable", "liable", "culpable"})


def held_to_account(
    doc: Doc, text: str, verb: Token, resolver: SpeakerResolver
) -> Draft | None:
    """ "The mayor held the contractor responsible for the collapse": a blame, a stance on
    the one held responsible; "held the door open" or "held a meeting" is none."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or negated(verb) or is_passive(verb):
        return None
    blame = next(
        (
            t
            for t in doc[obj.i + 1 : min(obj.right_edge.i + 3, verb.sent.end)]
            if t.lower_ in ACCOUNTABLE and t.head.i in {verb.i, obj.i}
        ),
        None,
    )
    subject = resolver.subject_of(verb) if blame is not None else None
    if blame is None or subject is None:
        return None
    hi = max(blame.right_edge.i, obj.right_edge.i)
    start, end = trim(text, doc[obj.left_edge.i].idx, doc[hi].idx + len(doc[hi].text))
    if end <= start:
        return None
    return Draft(start, end, "stance", verb, None, resolver.resolve(subject))
