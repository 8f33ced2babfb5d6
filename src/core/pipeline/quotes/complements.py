"""What a cue verb reports: its complement as reported speech, a stance, a request or a topic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import QuoteKind
from ..cues import (
    NAMING_VERBS,
    OPINION_NOUN_VERBS,
    OPINION_NOUNS,
    PARTICLE_STANCES,
    SPEECH_VERBS,
    STANCE_VERBS,
    THOUGHT_VERBS,
    verb_base,
)
from ..quotemarks import QuoteMarks
from .clauses import (
    CLAUSE_DEPS,
    FINITE_TAGS,
    RELATIVE_WORDS,
    after_comma_clause,
    bare_cue,
    before_own_cue,
)
from .misparsed import LISTENER_VERBS, misparsed_clauses
from .parentheticals import as_source_clause, aside_before_predicate, fronted_cue_clause
from .reported_clauses import (
    clause_span,
    own_clauses,
    reports_clauses,
    states_nothing,
    with_conjoined_clauses,
)
from .requests import holds_open_quote, request_report, topic_report, verb_particle
from .stances import stance

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Complements that may carry a quoted fragment ("called it "a non-starter"").
FRAGMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "dative", "acomp"})


def complement(
    verb: Token, base: str, marks: list[QuoteMarks], claimed: set[int]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """What the cue verb reports, as (kind, first token, last token, particle): a clause (its
    own, or one the parser put elsewhere), else quoted words or a characterisation, else a
    position held in an opinion, a request or a stance."""
    children = [
        c for c in verb.rights if not _reporting_clause(verb, c) and not bare_cue(verb, c)
    ]
    if base == "add" and _added_to_a_thing(children):
        return None  # "adding the words "and Emergency" to the name": a thing put in
    clauses = own_clauses(verb, children)
    if not clauses and (found := _nonfinite_report(verb, base, children)) is not None:
        return found
    aside = aside_before_predicate(verb) if base in SPEECH_VERBS | NAMING_VERBS else None
    if aside is not None:
        return ("indirect", *aside, None)
    if not clauses:
        found = _report_around_cue(verb, base, children, marks, claimed)
        if found is not None:
            return found
        clauses = _clauses_hung_elsewhere(verb, base, children)
    if not clauses and (found := _said_without_clause(verb, base, children)) is not None:
        return found
    if clauses:
        clauses = with_conjoined_clauses(verb, base, children, clauses)
        if states_nothing(verb, base, clauses, marks, claimed):
            return None
        # a thought that got past `states_nothing` quotes the thinker: it was said
        if reports_clauses(base) or base in THOUGHT_VERBS:
            return ("indirect", *clause_span(verb, base, children, clauses), None)
    fragments = _fragments(base, children)
    found = (
        _quoted_fragment(verb, base, children, fragments, marks, claimed)
        or _characterisation(verb, base, children, fragments)
        or _opinion_held(verb, base, children)
        or request_report(verb, base, children)
    )
    if found is not None or base not in STANCE_VERBS:
        return found
    return stance(verb, base, children)


def _nonfinite_report(
    verb: Token, base: str, children: list[Token]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """With no clause: what a gerund or an infinitive reports, a clause hidden under a
    gerund, what the speaker did or saw, a claim about oneself."""
    gerund = next((c for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if gerund is not None and base in SPEECH_VERBS and _hides_clause(gerund):
        # "said naming the virus after the city would place ...": the gerund is the subject
        # of a clause the parser hung under it
        lo = gerund.left_edge.i
        return ("indirect", lo, before_own_cue(verb.doc, lo, gerund.right_edge.i), None)
    if gerund is not None and base in GERUND_CUES:
        # "reported inventing a coating", "described witnessing bodies": what they did or saw
        lo = gerund.left_edge.i
        return ("indirect", lo, before_own_cue(verb.doc, lo, gerund.right_edge.i), None)
    claimed_self = _infinitive_claim(verb, base, children)
    if claimed_self is not None:
        # "claimed to have bought it", "claimed to be unaware": a claim about oneself
        return ("indirect", claimed_self.left_edge.i, claimed_self.right_edge.i, None)
    return None


def _report_around_cue(
    verb: Token, base: str, children: list[Token], marks: list[QuoteMarks], claimed: set[int]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """With no clause: words said around a cue the parser made part of them ("As X told the
    Post, ...", "The paper reported in May, 62 stores had closed"), or given by their topic."""
    as_source = as_source_clause(verb, base, children)
    if as_source is not None:
        return ("indirect", *as_source, None)
    fronted = fronted_cue_clause(verb, base, children)
    if fronted is not None:
        return ("indirect", *fronted, None)
    return topic_report(verb, base, children, marks, claimed)


def _clauses_hung_elsewhere(verb: Token, base: str, children: list[Token]) -> list[Token]:
    """With no clause: a speech cue's clause in its object and infinitive, or one the parser
    attached elsewhere (`misparsed_clauses`)."""
    if base not in SPEECH_VERBS:
        return []
    clauses = [] if base in LISTENER_VERBS else _object_infinitive(children)
    return clauses or misparsed_clauses(verb)


def _said_without_clause(
    verb: Token, base: str, children: list[Token]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """With still no clause: the words before a cue the parser hung inside them, or an
    object reported "as" what it is."""
    if base in SPEECH_VERBS | NAMING_VERBS and after_comma_clause(verb):
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
    subject = _subject_after_comma(verb) if base in SPEECH_VERBS else None
    if subject is not None:
        # "The forces have been politicized ..., with X joining the party, Acme Watch said in
        # a report": the parser made the cue an adverbial clause of the clause it reports
        hi = subject.left_edge.i - 1
        said = _words_said(verb.doc, verb.head.left_edge.i, hi, hi)
        if said is not None:
            return ("indirect", *said, None)
    reported_as = _reported_as(children) if base in AS_REPORTS else None
    if reported_as is not None:
        return ("indirect", reported_as.left_edge.i, reported_as.right_edge.i, None)
    return None


def _fragments(base: str, children: list[Token]) -> list[Token]:
    """The complements that may carry quoted words or what something is called."""
    fragments = [c for c in children if c.dep_ in FRAGMENT_DEPS]
    if base in NAMING_VERBS:  # `which the Courier describes as "marred by ..."`
        fragments += [c for c in children if c.dep_ == "prep" and c.lower_ == "as"]
        # `calling it "a good day for riders"`: the quoted noun read as a time ("day")
        fragments += [c for c in children if c.dep_ == "npadvmod" and _opens_quoted(c)]
    return fragments


def _quoted_fragment(
    verb: Token,
    base: str,
    children: list[Token],
    fragments: list[Token],
    marks: list[QuoteMarks],
    claimed: set[int],
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """Quoted words in a speech or naming cue's complement: mixed speech, or a stance where
    they name what someone is (`called X a "con artist"`); a phrasal cue's are a stance's."""
    phrasal = base in PARTICLE_STANCES and verb_particle(verb, PARTICLE_STANCES[base]) is not None
    if not fragments or base not in SPEECH_VERBS | NAMING_VERBS or phrasal:
        return None
    lo = min(c.left_edge.i for c in fragments)
    hi = before_own_cue(verb.doc, lo, max(c.right_edge.i for c in fragments))
    if base in SPEECH_VERBS:
        # "recalled her season with X, when they were the "..."": the object's phrase runs
        # on in a preposition the parser hung on the cue
        hi = max([hi, *(c.right_edge.i for c in children if c.i > lo and _runs_on(c))])
    if not holds_open_quote(verb, lo, hi, marks, claimed):
        return None
    # `called X a "con artist"`: a verdict on someone, a stance carrying the words
    verdict = base == "call" and any(c.dep_ == "dobj" for c in children)
    return ("stance" if verdict else "mixed", lo, hi, None)


def _characterisation(
    verb: Token, base: str, children: list[Token], fragments: list[Token]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """A naming cue's view of something in its own terms: "described as reckless", "called
    the crisis the worst in the world"."""
    if base not in NAMING_VERBS:
        return None
    as_phrase = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if (
        as_phrase is not None
        and verb.dep_ in {"relcl", "acl"}
        and not any(c.dep_ == "dobj" and c.lower_ not in RELATIVE_WORDS for c in children)
        and as_phrase.right_edge.i > as_phrase.i
    ):
        # "a process Lind described as being tricky", "which critics describe as reckless":
        # the thing described is the noun the clause hangs on, the words after "as" the view
        return ("stance", as_phrase.i + 1, as_phrase.right_edge.i, None)
    if base not in {"attack", "assail"} and _names_as(children) and not _as_saying(verb):
        # "describing issues with the signal as one potential scenario", "called the crisis
        # the worst in the world": a characterisation in the speaker's own terms
        lo = min(c.left_edge.i for c in fragments)
        hi = max(c.right_edge.i for c in fragments)
        return ("stance", lo, hi, None)
    return None


def _opinion_held(
    verb: Token, base: str, children: list[Token]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """A position held in the cue's object: an opinion voiced ("voiced concern over ..."),
    responsibility claimed for an act."""
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
    return None


def _as_saying(verb: Token) -> bool:
    """ "cited the Air Force as stating ...": "as" with a gerund relays someone's words; it
    names nothing."""
    return any(
        t.lower_ == "as" and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in t.children)
        for t in verb.subtree
        if t.i > verb.i
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


#: Speech verbs whose infinitive complement states something of the subject ("claimed to be").
INFINITIVE_CLAIMS = frozenset({"claim", "allege", "profess", "purport"})


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


def _words_said(doc: Doc, lo: int, hi: int, stop: int) -> tuple[int, int] | None:
    """Tokens `lo`..`hi` as words said before their cue: from after the last semicolon before
    `stop` ("A; the driver, police say, was not injured"), without trailing punctuation; None
    when nothing is left."""
    lo = next((t.i + 1 for t in reversed(doc[lo:stop]) if t.text == ";"), lo)
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return (lo, hi) if hi > lo else None
