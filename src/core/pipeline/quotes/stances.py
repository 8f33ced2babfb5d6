"""The position a stance verb takes ("urged Russia to ...", "called for talks"), or none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import QuoteKind
from ..cues import (
    COMPARING_VERBS,
    OBJECT_STANCES,
    OWN_ACT_STANCES,
    PARTICLE_STANCES,
    REQUEST_PARTICLES,
    REQUESTED_FOR_ONESELF,
)
from ..negation import REFUSALS
from .clauses import a_person, before_own_cue
from .requests import verb_particle

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Complements that make a stance ("urged Russia to ...", "called for talks").
STANCE_DEPS = frozenset(
    {"dobj", "xcomp", "ccomp", "prep", "dative", "prt", "oprd", "attr", "acomp"}
)

#: What a refusal withholds when it is no stance: giving, telling ("refused to comment",
#: "refused to provide the licence"); "refused to meet X" is one.
WITHHELD_ACTS = frozenset(
    """give provide offer grant issue disclose reveal release share comment discuss elaborate
    answer confirm say speak specify explain detail""".split()
)

#: Stance verbs that hold a position only with an infinitive ("advised X to drop it").
INFINITIVE_STANCES = frozenset({"advise"})

#: Prepositions of movement: "slammed into X", "hit across Y" say where something went.
MOTION_PREPOSITIONS = frozenset("into onto through across toward towards".split())

POSSESSIVE_WORDS = frozenset({"his", "her", "their", "its", "our", "my"})

#: A stance verb that, on a case or a bill, is a ruling that ends it ("dismissed the suit").
RULING_VERBS = frozenset({"dismiss"})
#: Proceedings such a ruling ends.
PROCEEDINGS = frozenset(
    """lawsuit lawsuits suit suits case cases charge charges appeal appeals petition petitions
    motion motions indictment complaint complaints bill bills""".split()
)
#: Verbs that decide on what someone asked for: "rejected his appeal" grants nothing, says nothing.
DECISION_VERBS = frozenset({"reject", "deny"})
#: What one applies for and an authority decides: "denied her asylum application".
PETITIONS = frozenset(
    """application applications plea pleas appeal appeals petition petitions request requests
    motion motions lawsuit lawsuits suit suits case cases""".split()
)


def stance(
    verb: Token, base: str, children: list[Token]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """The position a stance verb takes, as (kind, first token, last token, particle): its
    particle's phrase or its complements; None where its use or its object shows none."""
    if _no_position(verb, base, children):
        return None
    particle = None
    if base in PARTICLE_STANCES:
        particle = verb_particle(verb, PARTICLE_STANCES[base])
        if particle is None:
            return None
        if particle.lower_ in REQUEST_PARTICLES.get(base, ()) and not any(
            t.tag_ == "TO" and t.head.tag_ == "VB" for t in verb.subtree if t.i > particle.i
        ):
            return None  # "the plan appealed to voters": no request made of them
        if particle.dep_ == "mark":  # "calling for the killers to be brought to justice"
            return ("stance", particle.i + 1, particle.head.right_edge.i, particle)
    parts = _stance_parts(verb, base, children, particle)
    if not parts or _no_position_in(base, parts):
        return None
    lo = min(c.left_edge.i for c in parts)
    hi = before_own_cue(verb.doc, lo, max(c.right_edge.i for c in parts))
    if particle is not None and lo == particle.i:
        lo = min(lo + 1, hi)
    return ("stance", lo, hi, particle)


def _no_position(verb: Token, base: str, children: list[Token]) -> bool:
    """A stance verb used for something else: a condition, a refusal to tell, a ruling or a
    decision on a case, a firing, an interrogation, an origin, a withholding, a comparison
    with no judgement, coaching. Its object or complement says which."""
    if base == "request" and any(
        c.dep_ == "dobj" and c.lower_ in REQUESTED_FOR_ONESELF for c in children
    ):
        return True  # "a source who requested anonymity": a condition, no position
    if base in REFUSALS and any(
        c.dep_ == "xcomp" and c.lower_ in WITHHELD_ACTS for c in children
    ):
        return True  # "refused to give any more details": nothing said, no one opposed
    if base in RULING_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in PROCEEDINGS for c in children
    ):
        return True  # "a judge dismissed a lawsuit": a ruling that ends a case, no position
    if base in DECISION_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in PETITIONS for c in children
    ):
        return True  # "the court rejected his plea", "denied her application": a decision
    if (
        base == "dismiss"
        and any(c.dep_ == "dobj" and a_person(c) for c in children)
        and not any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
    ):
        return True  # "the airline dismissed pilot Ann Roe": firing; "dismissed him as ..." stays
    if base == "question" and any(c.dep_ == "dobj" and a_person(c) for c in children):
        return True  # "arrested and questioned the student": an interrogation, not a doubt
    if base == "hail" and any(c.dep_ == "prep" and c.lower_ == "from" for c in children):
        return True  # "who hails from Arizona": where someone comes from, not praise
    if base == "deny" and _withheld(children):
        return True  # "denying ballot access for the ticket": withholding, not a denial said
    if base in COMPARING_VERBS and not _compared_to(children):
        return True  # "compared with last year", "as compared to": no judgement of a thing
    # "advised players on diet": coaching; "advised the court to ...": a stance
    return base in INFINITIVE_STANCES and not any(
        t.tag_ == "TO" and t.head.tag_ == "VB" for t in verb.subtree if t.i > verb.i
    )


def _stance_parts(
    verb: Token, base: str, children: list[Token], particle: Token | None
) -> list[Token]:
    """The complements that hold the position: those after the particle, with what was asked
    where the particle makes a request; for a verb whose object is the stance, the object and
    its reason, none where the clause only describes or the act is not yet said."""
    parts = [c for c in children if c.dep_ in STANCE_DEPS]
    if particle is not None:
        parts = [c for c in parts if c.i >= particle.i]
        if particle.lower_ in REQUEST_PARTICLES.get(base, ()):
            # "appealed to leaders to restore order": what was asked, read as an adverbial
            parts += [
                c
                for c in children
                if c.dep_ == "advcl"
                and c.i > particle.i
                and any(g.tag_ == "TO" for g in c.children)
            ]
    if base in OBJECT_STANCES:  # "thanked the crews for their work": the object, its reason
        if verb.dep_ == "relcl":
            return []  # "figures who advocate boycotts": the article describing, no report
        objects = [c for c in parts if c.dep_ == "dobj"]
        if base in OWN_ACT_STANCES and (verb.dep_ == "xcomp" or not any(_own(c) for c in objects)):
            return []  # "hopes to announce ...": not yet said; "announced the shutdown": news
        parts = objects and [
            c for c in parts if c in objects or (c.dep_ == "prep" and c.lower_ == "for")
        ]
    return parts


def _no_position_in(base: str, parts: list[Token]) -> bool:
    """Complements that hold no position after all: a movement, or a feeling shown as none."""
    first = min(parts, key=lambda c: c.i)
    if first.dep_ == "prep" and first.lower_ in MOTION_PREPOSITIONS:
        return True  # "the hurricane slammed into the coast": a movement, not a position
    # "expressed no regret": no feeling shown, no stance
    return base == "express" and any(
        g.dep_ == "det" and g.lower_ == "no" for c in parts for g in c.children
    )


def _withheld(children: list[Token]) -> bool:
    """"denied him entry", "denying ballot access for the ticket": something kept from
    someone (a recipient), not a claim rejected ("denied the allegations for years")."""
    if any(c.dep_ == "dative" for c in children):
        return True
    objects = [c for c in children if c.dep_ == "dobj"]
    heads = [*children, *(g for o in objects for g in o.children)]
    for prep in (c for c in heads if c.dep_ == "prep" and c.lower_ in {"to", "for"}):
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if obj is not None and obj.ent_type_ not in {"DATE", "TIME"}:
            return True
    return False


def _compared_to(children: list[Token]) -> bool:
    """`compared X to Y`: an object, and "to" on the verb or on the object with a standard
    named in it; "compared the other drugs to it" measures against a baseline just named."""
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    return obj is not None and any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and c.i > obj.i
        and any(g.dep_ == "pobj" and g.pos_ != "PRON" for g in c.children)
        for c in [*children, *obj.children]
    )


def _own(obj: Token) -> bool:
    """An object the subject owns by a possessive pronoun ("her retirement", "their plans")."""
    return any(g.dep_ == "poss" and g.lower_ in POSSESSIVE_WORDS for g in obj.children)
