"""What a cue verb reports: its complement as reported speech, a stance, a request or a topic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import QuoteKind
from ..cues import (
    COMPARING_VERBS,
    FINDING_VERBS,
    NAMING_VERBS,
    OBJECT_STANCES,
    OPINION_NOUN_VERBS,
    OPINION_NOUNS,
    OWN_ACT_STANCES,
    PARTICLE_STANCES,
    REQUEST_PARTICLES,
    REQUESTED_FOR_ONESELF,
    SPEECH_VERBS,
    STANCE_VERBS,
    THOUGHT_VERBS,
    verb_base,
)
from ..negation import REFUSALS
from ..quotemarks import QuoteMarks
from .clauses import (
    CLAUSE_DEPS,
    CLAUSE_STANCES,
    FINITE_TAGS,
    QUESTION_WORDS,
    RELATIVE_WORDS,
    a_person,
    after_comma_clause,
    bare_cue,
    before_own_cue,
    finite_clause,
    skip_mark_word,
)
from .misparsed import LISTENER_VERBS, misparsed_clauses, stray_subordinate
from .parentheticals import as_source_clause, aside_before_predicate, fronted_cue_clause
from .requests import holds_open_quote, request_report, topic_report, verb_particle

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Complements that make a stance ("urged Russia to ...", "called for talks").
STANCE_DEPS = frozenset(
    {"dobj", "xcomp", "ccomp", "prep", "dative", "prt", "oprd", "attr", "acomp"}
)
#: Complements that may carry a quoted fragment ("called it "a non-starter"").
FRAGMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "dative", "acomp"})


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


def _as_saying(verb: Token) -> bool:
    """ "cited the Air Force as stating ...": "as" with a gerund relays someone's words; it
    names nothing."""
    return any(
        t.lower_ == "as" and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in t.children)
        for t in verb.subtree
        if t.i > verb.i
    )


def _misparsed_relative(verb: Token, clause: Token) -> bool:
    """ "wrote a letter on Tuesday which he sent to ...": a clause opened by a relative "which"
    after a noun is a relative clause on that noun, whatever the parser hung it on; it holds
    nothing the cue reports ("explained which he preferred" has no noun before it). After a
    comma, "who" or "which" as the clause's subject opens a relative clause on what came before
    ("Ana Ruiz spoke, who headed the campaign of ..."): a question the cue reports has no comma."""
    first = clause.left_edge
    before = verb.doc[first.i - 1] if first.i > verb.i + 1 else None
    if (
        first.lower_ in {"who", "which"}
        and first.dep_ in {"nsubj", "nsubjpass"}
        and first.head.i == clause.i
        and before is not None
        and before.text == ","
    ):
        return True
    return (
        first.lower_ == "which"
        and first.head.i == clause.i
        and first.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"}
        and before is not None
        and before.pos_ in {"NOUN", "PROPN"}
    )


def _subject_after_comma(verb: Token) -> Token | None:
    """The cue's subject in `A, X said`, where the parser hung the cue under A as an adverbial
    clause: a cue with no subordinator of its own, its subject right after a comma; else None."""
    if verb.dep_ != "advcl" or verb.head.i > verb.i or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    if any(c.dep_ == "mark" or c.tag_ in {"WRB", "WDT", "WP"} for c in verb.children):
        return None  # "after the minister said", "when X said": a time, not a source
    subject = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i < 1:
        return None
    return subject if verb.doc[subject.left_edge.i - 1].text == "," else None


def _quotes_the_thinker(
    verb: Token, clauses: list[Token], marks: list[QuoteMarks], claimed: set[int]
) -> bool:
    """A belief or a hope whose clause holds the thinker's quoted words (`X hopes the
    "fireflies" will help`): the quotation marks show it was said, so it is reported. Only a
    named or pronoun subject's: "many fear the "worst"" reports no one."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in {"PROPN", "PRON"}:
        return False
    lo = min(c.left_edge.i for c in clauses)
    hi = max(c.right_edge.i for c in clauses)
    return holds_open_quote(verb, lo, hi, marks, claimed)


def complement(
    verb: Token, base: str, marks: list[QuoteMarks], claimed: set[int]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """What the cue verb reports, as (kind, first token, last token, particle)."""
    children = [
        c for c in verb.rights if not _reporting_clause(verb, c) and not bare_cue(verb, c)
    ]
    if base == "add" and _added_to_a_thing(children):
        return None  # "adding the words "and Emergency" to the name": a thing put in
    clauses = [
        c
        for c in children
        if c.dep_ in CLAUSE_DEPS
        and not stray_subordinate(verb, c)
        and not _comma_where(c)
        and not _after_sentence_end(verb, c)
        and not _misparsed_relative(verb, c)
        and not _purpose_or_cause(c)
    ]
    gerund = next((c for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if not clauses and gerund is not None and base in SPEECH_VERBS and _hides_clause(gerund):
        # "said naming the virus after the city would place ...": the gerund is the subject
        # of a clause the parser hung under it
        lo = gerund.left_edge.i
        return ("indirect", lo, before_own_cue(verb.doc, lo, gerund.right_edge.i), None)
    if not clauses and gerund is not None and base in GERUND_CUES:
        # "reported inventing a coating", "described witnessing bodies": what they did or saw
        lo = gerund.left_edge.i
        return ("indirect", lo, before_own_cue(verb.doc, lo, gerund.right_edge.i), None)
    claimed_self = _infinitive_claim(verb, base, children) if not clauses else None
    if claimed_self is not None:
        # "claimed to have bought it", "claimed to be unaware": a claim about oneself
        return ("indirect", claimed_self.left_edge.i, claimed_self.right_edge.i, None)
    aside = aside_before_predicate(verb) if base in SPEECH_VERBS | NAMING_VERBS else None
    if aside is not None:
        return ("indirect", *aside, None)
    as_source = as_source_clause(verb, base, children) if not clauses else None
    if as_source is not None:
        return ("indirect", *as_source, None)
    fronted = fronted_cue_clause(verb, base, children) if not clauses else None
    if fronted is not None:
        return ("indirect", *fronted, None)
    topic = topic_report(verb, base, children, marks, claimed) if not clauses else None
    if topic is not None:
        return topic
    if not clauses and base in SPEECH_VERBS and base not in LISTENER_VERBS:
        clauses = _object_infinitive(children)
    if not clauses and base in SPEECH_VERBS:
        clauses = misparsed_clauses(verb)
    if not clauses and base in SPEECH_VERBS | NAMING_VERBS and after_comma_clause(verb):
        # "Orders won't leave idle capacity, Maróth said, and ...": the clause is the head's
        head = verb.head
        if verb.dep_ == "parataxis" and head.dep_ in {"aux", "auxpass"} and head.head.i > verb.i:
            head = head.head  # "The driver, police say, was not injured": hung on the auxiliary
        hi = verb.left_edge.i - 1
        if verb.dep_ == "parataxis" and head.i > verb.i:
            hi = head.right_edge.i  # "They had, his father says, paid ...": the whole clause
        said = _words_said(verb.doc, head.left_edge.i, hi, verb.left_edge.i)
        if said is not None:
            return ("indirect", *said, None)
    subject = _subject_after_comma(verb) if not clauses and base in SPEECH_VERBS else None
    if subject is not None:
        # "The forces have been politicized ..., with X joining the party, Acme Watch said in
        # a report": the parser made the cue an adverbial clause of the clause it reports
        hi = subject.left_edge.i - 1
        said = _words_said(verb.doc, verb.head.left_edge.i, hi, hi)
        if said is not None:
            return ("indirect", *said, None)
    reported_as = _reported_as(children) if base in AS_REPORTS and not clauses else None
    if reported_as is not None:
        return ("indirect", reported_as.left_edge.i, reported_as.right_edge.i, None)
    if clauses and base in SPEECH_VERBS:  # `... but "that she had no plans"`: a second clause
        clauses += [
            c for c in children if c.dep_ == "conj" and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children
            )
        ]
    if clauses and base in SPEECH_VERBS:
        clauses += _content_conjuncts(verb, clauses)
    if clauses and base == "ask" and _is_question(clauses):
        return None  # "asked what he would tell them": a question put, not a statement
    reports = base in SPEECH_VERBS or base in CLAUSE_STANCES or base in FINDING_VERBS
    if clauses and reports and all(_open_question(c) for c in clauses):
        # "to determine whether the bridge is safe", "refused to answer whether ...": a
        # question left open states nothing ("questioned whether ..." is a stance, not here)
        return None
    if clauses and base in THOUGHT_VERBS:
        if not _quotes_the_thinker(verb, clauses, marks, claimed):
            return None  # "he believes ...": a belief, a statement only where reported as said
        reports = True  # `hopes the "fireflies" will help`: the quoted word was said
    if clauses and base in FINDING_VERBS and not any(finite_clause(c) for c in clauses):
        return None  # "found the plan to be unlawful": a verdict on a thing, no finding said
    if clauses and reports:
        lo = min(c.left_edge.i for c in clauses)
        hi = max(c.right_edge.i for c in clauses)
        subject = _object_as_subject(verb, base, children, clauses, lo)
        if subject is not None:
            lo = subject.left_edge.i
        hi = _with_further_that_clauses(verb, hi)
        while hi > lo and verb.doc[hi].text in {".", "!", "?"}:
            hi -= 1  # the sentence's stop, which the parser may hang on the clause
        lo = skip_mark_word(verb.doc, _after_time_of_saying(verb.doc, lo, hi), hi)
        return ("indirect", lo, before_own_cue(verb.doc, lo, hi), None)
    fragments = [c for c in children if c.dep_ in FRAGMENT_DEPS]
    if base in NAMING_VERBS:  # `which the Courier describes as "marred by ..."`
        fragments += [c for c in children if c.dep_ == "prep" and c.lower_ == "as"]
        # `calling it "a good day for riders"`: the quoted noun read as a time ("day")
        fragments += [c for c in children if c.dep_ == "npadvmod" and _opens_quoted(c)]
    phrasal = base in PARTICLE_STANCES and verb_particle(verb, PARTICLE_STANCES[base]) is not None
    if fragments and base in SPEECH_VERBS | NAMING_VERBS and not phrasal:
        lo = min(c.left_edge.i for c in fragments)
        hi = before_own_cue(verb.doc, lo, max(c.right_edge.i for c in fragments))
        if base in SPEECH_VERBS:
            # "recalled her season with X, when they were the "..."": the object's phrase runs
            # on in a preposition the parser hung on the cue
            hi = max([hi, *(c.right_edge.i for c in children if c.i > lo and _runs_on(c))])
        if holds_open_quote(verb, lo, hi, marks, claimed):
            # `called X a "con artist"`: a verdict on someone, a stance carrying the words
            verdict = base == "call" and any(c.dep_ == "dobj" for c in children)
            return ("stance" if verdict else "mixed", lo, hi, None)
    as_phrase = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if (
        base in NAMING_VERBS
        and as_phrase is not None
        and verb.dep_ in {"relcl", "acl"}
        and not any(c.dep_ == "dobj" and c.lower_ not in RELATIVE_WORDS for c in children)
        and as_phrase.right_edge.i > as_phrase.i
    ):
        # "a process Lind described as being tricky", "which critics describe as reckless":
        # the thing described is the noun the clause hangs on, the words after "as" the view
        return ("stance", as_phrase.i + 1, as_phrase.right_edge.i, None)
    if (
        base in NAMING_VERBS
        and base not in {"attack", "assail"}
        and _names_as(children)
        and not _as_saying(verb)
    ):
        # "describing issues with the signal as one potential scenario", "called the crisis
        # the worst in the world": a characterisation in the speaker's own terms
        lo = min(c.left_edge.i for c in fragments)
        hi = max(c.right_edge.i for c in fragments)
        return ("stance", lo, hi, None)
    opinion = next(
        (
            c
            for c in children
            if c.dep_ == "dobj"
            and c.lower_ in OPINION_NOUNS
            and not any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
        ),
        None,
    )  # "voiced no concern": no position held
    quoted = opinion is not None and any(
        t.text in {'"', "“", "”"} for t in verb.doc[verb.i : opinion.i]
    )  # `offered "condolences to ... ."`: a direct quote, read as one
    opinion_verb = base in OPINION_NOUN_VERBS | SPEECH_VERBS and base not in STANCE_VERBS
    if opinion is not None and not quoted and opinion_verb:
        # "tweeted support for the protests", "voiced concern over ...": a position held
        return ("stance", opinion.left_edge.i, opinion.right_edge.i, None)
    acts = [c for c in children if c.dep_ == "dobj" and c.lower_ in CLAIMED_NOUNS]
    if base == "claim" and acts:
        # "claimed responsibility for the attacks": taking a position on an act
        return ("stance", acts[0].left_edge.i, acts[0].right_edge.i, None)
    request = request_report(verb, base, children)
    if request is not None:
        return request
    if base not in STANCE_VERBS:
        return None
    if base == "request" and any(
        c.dep_ == "dobj" and c.lower_ in REQUESTED_FOR_ONESELF for c in children
    ):
        return None  # "a source who requested anonymity": a condition, no position
    if base in REFUSALS and any(
        c.dep_ == "xcomp" and c.lower_ in WITHHELD_ACTS for c in children
    ):
        return None  # "refused to give any more details": nothing said, no one opposed
    if base in RULING_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in PROCEEDINGS for c in children
    ):
        return None  # "a judge dismissed a lawsuit": a ruling that ends a case, no position
    if base in DECISION_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in PETITIONS for c in children
    ):
        return None  # "the court rejected his plea", "denied her application": a decision
    if (
        base == "dismiss"
        and any(c.dep_ == "dobj" and a_person(c) for c in children)
        and not any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
    ):
        return None  # "the airline dismissed pilot Ann Roe": firing; "dismissed him as ..." stays
    if base == "question" and any(c.dep_ == "dobj" and a_person(c) for c in children):
        return None  # "arrested and questioned the student": an interrogation, not a doubt
    if base == "hail" and any(c.dep_ == "prep" and c.lower_ == "from" for c in children):
        return None  # "who hails from Arizona": where someone comes from, not praise
    if base == "deny" and _withheld(children):
        return None  # "denying ballot access for the ticket": withholding, not a denial said
    if base in COMPARING_VERBS and not _compared_to(children):
        return None  # "compared with last year", "as compared to": no judgement of a thing
    if base in INFINITIVE_STANCES and not any(
        t.tag_ == "TO" and t.head.tag_ == "VB" for t in verb.subtree if t.i > verb.i
    ):
        return None  # "advised players on diet": coaching; "advised the court to ...": a stance
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
            return None  # "figures who advocate boycotts": the article describing, no report
        objects = [c for c in parts if c.dep_ == "dobj"]
        if base in OWN_ACT_STANCES and (verb.dep_ == "xcomp" or not any(_own(c) for c in objects)):
            return None  # "hopes to announce ...": not yet said; "announced the shutdown": news
        parts = objects and [
            c for c in parts if c in objects or (c.dep_ == "prep" and c.lower_ == "for")
        ]
    if not parts:
        return None
    first = min(parts, key=lambda c: c.i)
    if first.dep_ == "prep" and first.lower_ in MOTION_PREPOSITIONS:
        return None  # "the hurricane slammed into the coast": a movement, not a position
    if base == "express" and any(
        g.dep_ == "det" and g.lower_ == "no" for c in parts for g in c.children
    ):
        return None  # "expressed no regret": no feeling shown, no stance
    lo = min(c.left_edge.i for c in parts)
    hi = before_own_cue(verb.doc, lo, max(c.right_edge.i for c in parts))
    if particle is not None and lo == particle.i:
        lo = min(lo + 1, hi)
    return ("stance", lo, hi, particle)


POSSESSIVE_WORDS = frozenset({"his", "her", "their", "its", "our", "my"})


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


def _opens_quoted(phrase: Token) -> bool:
    """The phrase starts right after an opening quotation mark."""
    first = phrase.left_edge
    return first.i > 0 and first.doc[first.i - 1].is_quote and first.doc[first.i - 1].is_left_punct


def _added_to_a_thing(children: list[Token]) -> bool:
    """`added X to Y`: an object put into something, not words said ("added, to reporters,
    that ..." has no object)."""
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and c.i > obj.i
        for c in [*children, *obj.children]  # the parser hangs "to Y" on either
    )


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


#: Speech verbs whose infinitive complement states something of the subject ("claimed to be").
INFINITIVE_CLAIMS = frozenset({"claim", "allege", "profess", "purport"})


def _after_sentence_end(verb: Token, clause: Token) -> bool:
    """The clause starts after a full stop that follows the cue: another sentence the parser
    joined to this one (`said ... "victims[.]" She went on ...`)."""
    between = verb.doc[verb.i + 1 : clause.left_edge.i]
    return clause.i > verb.i and any(t.text in {".", "!", "?"} for t in between)


def _hides_clause(gerund: Token) -> bool:
    """A gerund with a finite verb with a modal under it ("naming it after the city would
    place ..."): a clause whose subject is the gerund, not an activity."""
    return any(
        t.dep_ in {"advcl", "ccomp"}
        and t.i > gerund.i
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in t.children)
        for t in gerund.subtree
    )


def _infinitive_claim(verb: Token, base: str, children: list[Token]) -> Token | None:
    """The infinitive after "claimed" with no object before it: what the subject claims of
    themself ("claimed to have found it"); "claimed responsibility" is an object."""
    if base not in INFINITIVE_CLAIMS or any(c.dep_ in {"dobj", "dative"} for c in children):
        return None
    if verb.tag_ not in FINITE_TAGS:
        return None  # "Novak, claiming to represent X": who claims is the parse's guess
    return next(
        (
            c
            for c in children
            if c.dep_ == "xcomp"
            and c.left_edge.tag_ == "TO"
            and c.left_edge.i == verb.i + 1
        ),
        None,
    )


def _comma_where(clause: Token) -> bool:
    """ "Unrest continued in Portland, where a man was shot": after a comma, a clause opening
    with "where"/"when" says where or when, as a relative clause would; it reports nothing."""
    first = clause.left_edge
    return (
        first.lower_ in {"where", "when"}
        and first.i > 0
        and first.doc[first.i - 1].text == ","
    )


#: Conjunctions that open a clause of purpose, cause or concession, never what was said.
PURPOSE_OR_CAUSE_MARKS = frozenset({"so", "because", "although", "though", "unless", "lest"})


def _purpose_or_cause(clause: Token) -> bool:
    """ "the emergency the president declared last Friday so he could fund a wall": a clause
    opened by its own "so", "because", "although" tells why or despite what, not what the cue
    reports ("said that because ..., X" hangs "because" on the inner clause, not on this one)."""
    return any(
        g.dep_ == "mark" and g.lower_ in PURPOSE_OR_CAUSE_MARKS and g.i == clause.left_edge.i
        for g in clause.children
    )


#: Cues that report a fact as "X as Y" ("reported his cause of death as heart failure").
AS_REPORTS = frozenset({"report", "confirm", "announce"})


def _reported_as(children: list[Token]) -> Token | None:
    """ "reported his cause of death as complications from lung disease": the object and what
    it is given as are a reported clause (his cause of death was ...)."""
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if obj is None or not any(c.dep_ == "prep" and c.lower_ == "as" for c in obj.rights):
        return None
    return obj


def _runs_on(child: Token) -> bool:
    """A part of the object's phrase the parser hung on the cue: a preposition ("her season
    with X") or a clause of time or place ("..., when they were the "..."")."""
    return child.dep_ == "prep" or (
        child.dep_ == "advcl"
        and any(g.dep_ == "advmod" and g.lower_ in {"when", "where"} for g in child.children)
    )


#: Cues whose gerund complement is a statement of what the speaker did or saw.
GERUND_CUES = frozenset(
    {"report", "describe", "recall", "recount", "admit", "acknowledge", "mention", "suggest",
     "propose"}  # "suggested expanding the court": a proposal
)


def _object_infinitive(children: list[Token]) -> list[Token]:
    """ "reported X to be dead", "confirmed X to have died": an object and its infinitive of
    "be" or "have" are a reported clause (X is dead), not an object and a purpose."""
    objects = [c for c in children if c.dep_ == "dobj"]
    if not objects:
        return []
    # the parser hangs the infinitive on the cue, or on the object as if it qualified it
    hung = [c for c in objects[0].rights if c.dep_ in {"relcl", "acl"}]
    for child in [*children, *hung]:
        if (
            child.dep_ in {"xcomp", "ccomp", "relcl", "acl"}
            and child.lower_ in {"be", "have"}
            and objects[0].i < child.i
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
        ):
            return [objects[0], child]
    return []


def _names_as(children: list[Token]) -> bool:
    """An object and what it is called: "X as Y" or "X Y" (object and predicate)."""
    objects = [c for c in children if c.dep_ == "dobj"]
    named = [c for c in children if (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ == "oprd"]
    if not objects and len(named) == 1 and named[0].dep_ == "oprd":
        # "called Novak a clown": the parser compounded the name into what it is called
        name = next((c for c in named[0].lefts if c.dep_ == "compound"), None)
        article = next((c for c in named[0].lefts if c.dep_ == "det"), None)
        return name is not None and article is not None and name.pos_ == "PROPN" and (
            name.i < article.i
        )
    return bool(objects) and bool(named) and all(n.i > objects[0].i for n in named)


#: What one claims for an act: "claimed responsibility for", "claimed credit for".
CLAIMED_NOUNS = frozenset({"responsibility", "credit", "authorship"})


def _is_question(clauses: list[Token]) -> bool:
    return any(
        t.lower_ in QUESTION_WORDS and t.i <= c.i
        for c in clauses
        for t in c.subtree
        if t.i - c.left_edge.i < 2
    )


#: Words that open a yes-no question as a clause's own conjunction ("whether it is safe").
YES_NO_MARKS = frozenset({"whether", "if"})


def _open_question(clause: Token) -> bool:
    """The clause is a yes-no question: its own conjunction is "whether" or "if" and opens it.
    An "if" heading a condition inside what was said ("said if talks fail, they would strike")
    hangs on the condition's verb, not on the clause's."""
    return any(
        g.dep_ == "mark" and g.lower_ in YES_NO_MARKS and g.i == clause.left_edge.i
        for g in clause.children
    )


#: Tags of a present-tense verb.
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
#: Tags of a cue that a present-tense verb cannot share a subject with: past and gerund.
NOT_PRESENT_CUES = frozenset({"VBD", "VBN", "VBG"})


def _content_conjuncts(verb: Token, clauses: list[Token]) -> list[Token]:
    """`claiming it alters the RNA and turns them into ...`, `claimed the man escaped and
    remains at large`: a verb the parser joined to the cue after its clause, with no subject
    of its own and in a tense the cue cannot share (present after a past or a gerund cue, past
    after a gerund), is no second act of the speaker's but goes on with what was said."""
    last = max(c.right_edge.i for c in clauses)
    found = []
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i <= last or conj.pos_ not in {"VERB", "AUX"}:
            continue
        if any(g.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for g in conj.children):
            continue
        present = conj.tag_ in PRESENT_TAGS and verb.tag_ in NOT_PRESENT_CUES
        if present or (conj.tag_ == "VBD" and verb.tag_ == "VBG"):
            found.append(conj)
    return found


def _with_further_that_clauses(verb: Token, hi: int) -> int:
    """`reported that A; that B; and that C`: the parser may end the clause at the first
    semicolon; each further "that" clause after it is reported by the same cue."""
    doc = verb.doc
    if hi + 2 >= len(doc) or doc[hi + 1].text not in {";", ","}:
        return hi  # no separator after the clause (checked before `Token.sent`, which scans)
    end = verb.sent.end
    j = hi + 1
    while j + 1 < end and doc[j].text in {";", ","}:
        k = j + 1
        if doc[k].lower_ in {"and", "but", "or"}:
            k += 1
        if k + 1 >= end or doc[k].lower_ != "that" or doc[k + 1].is_punct:
            break
        nxt = next((t.i for t in doc[k + 1 : end] if t.text == ";"), end)
        hi = nxt - 1
        while hi > k and (doc[hi].is_punct or doc[hi].is_space):
            hi -= 1
        j = hi + 1
    return hi


def _object_as_subject(
    verb: Token, base: str, children: list[Token], clauses: list[Token], lo: int
) -> Token | None:
    """`announced the voice recorder from Flight 610 has been recovered`: the parser made the
    clause's subject the cue's object and left the clause without one; the object opens it."""
    if base in LISTENER_VERBS:
        return None  # "told reporters ...": the object is who heard it
    first = min(clauses, key=lambda c: c.i)
    if first.pos_ not in {"VERB", "AUX"} or any(
        g.dep_ in {"nsubj", "nsubjpass", "expl", "csubj", "mark"} for g in first.children
    ):
        return None
    return next(
        (c for c in children if c.dep_ == "dobj" and verb.i < c.i and c.right_edge.i < lo), None
    )


def _reporting_clause(verb: Token, clause: Token) -> bool:
    """`"...," Ortega said Thursday, a translation of his remarks reported`: a second cue verb after
    a comma, with nothing it reports of its own, names a source; it is not what was said."""
    if clause.dep_ not in CLAUSE_DEPS or clause.i <= verb.i or clause.pos_ not in {"VERB", "AUX"}:
        return False
    if verb_base(clause.text) not in SPEECH_VERBS:
        return False
    if any(c.dep_ in CLAUSE_DEPS | {"dobj", "xcomp"} for c in clause.children):
        return False
    return any(t.text == "," for t in clause.doc[verb.i + 1 : clause.i])


#: Prepositions of a phrase of time between a cue and its clause ("said at the time ...").
TIME_OF_SAYING_PREPOSITIONS = frozenset({"at", "on", "in"})


def _after_time_of_saying(doc: Doc, lo: int, hi: int) -> int:
    """ "told reporters Friday the city would appeal": a bare date that opens the clause (the
    parser hung it inside) says when it was said, not what; the clause starts after it."""
    first = doc[lo]
    right_after_cue = lo > 0 and doc[lo - 1].pos_ in {"VERB", "AUX"}
    if first.dep_ == "prep" and first.lower_ in TIME_OF_SAYING_PREPOSITIONS and right_after_cue:
        # "said at the time the force had been sent", "said on Monday a jet ...": the
        # phrase of time between the cue and its clause is when it was said ("On Monday the
        # number passed ..., data indicated": a clause's own opening stays)
        objects = [c for c in first.children if c.dep_ == "pobj"]
        timed = bool(objects) and (
            objects[0].ent_type_ in {"DATE", "TIME"} or objects[0].lower_ == "time"
        )
        if not timed:
            return lo
        after = first.right_edge.i + 1
        if after < hi and not doc[after].is_punct and first.head.i > first.i:
            return after
        return lo
    if first.dep_ not in {"npadvmod", "compound"} or first.ent_type_ not in {"DATE", "TIME"}:
        return lo
    phrase = first if first.dep_ == "npadvmod" else first.head
    if phrase.dep_ != "npadvmod" or phrase.left_edge.i != lo or phrase.ent_type_ not in {
        "DATE", "TIME"
    }:
        return lo
    after = phrase.right_edge.i + 1
    if after >= hi or doc[after].is_punct or doc[after].lower_ in {"'s", "’s"}:
        return lo
    return after


def _words_said(doc: Doc, lo: int, hi: int, stop: int) -> tuple[int, int] | None:
    """Tokens `lo`..`hi` as words said before their cue: from after the last semicolon before
    `stop` ("A; the driver, police say, was not injured"), without trailing punctuation; None
    when nothing is left."""
    lo = next((t.i + 1 for t in reversed(doc[lo:stop]) if t.text == ";"), lo)
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return (lo, hi) if hi > lo else None

