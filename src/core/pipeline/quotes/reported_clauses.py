"""The clauses a cue verb reports: which of its complements, which state nothing, their span."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import FINDING_VERBS, SPEECH_VERBS, THOUGHT_VERBS
from ..quotemarks import QuoteMarks
from .clauses import (
    CLAUSE_DEPS,
    CLAUSE_STANCES,
    QUESTION_WORDS,
    before_own_cue,
    finite_clause,
    skip_mark_word,
)
from .misparsed import LISTENER_VERBS, stray_subordinate
from .requests import holds_open_quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def own_clauses(verb: Token, children: list[Token]) -> list[Token]:
    """The cue's clausal complements that can be what it reports: not a subordinate clause
    astray, a "where" after a comma, another sentence, a relative clause or one of purpose."""
    return [
        c
        for c in children
        if c.dep_ in CLAUSE_DEPS
        and not stray_subordinate(verb, c)
        and not _comma_where(c)
        and not _after_sentence_end(verb, c)
        and not _misparsed_relative(verb, c)
        and not _purpose_or_cause(c)
    ]


def reports_clauses(base: str) -> bool:
    """Cues whose clause is what was said: speech, a stance taken in a clause, a finding."""
    return base in SPEECH_VERBS or base in CLAUSE_STANCES or base in FINDING_VERBS


def with_conjoined_clauses(
    verb: Token, base: str, children: list[Token], clauses: list[Token]
) -> list[Token]:
    """What a speech cue reports goes on in what the parser joined to the cue after its
    clause: a second "that" clause, a verb with no subject of its own."""
    if base not in SPEECH_VERBS:
        return clauses
    # `... but "that she had no plans"`: a second clause
    clauses = [
        *clauses,
        *(
            c for c in children if c.dep_ == "conj" and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children
            )
        ),
    ]
    return [*clauses, *_content_conjuncts(verb, clauses)]


def states_nothing(
    verb: Token, base: str, clauses: list[Token], marks: list[QuoteMarks], claimed: set[int]
) -> bool:
    """The clauses say nothing the cue reports: a question put or left open, a belief not
    quoted as said, a verdict on a thing with no finite clause of a finding."""
    if base == "ask" and _is_question(clauses):
        return True  # "asked what he would tell them": a question put, not a statement
    if reports_clauses(base) and all(_open_question(c) for c in clauses):
        # "to determine whether the bridge is safe", "refused to answer whether ...": a
        # question left open states nothing ("questioned whether ..." is a stance, not here)
        return True
    if base in THOUGHT_VERBS and not _quotes_the_thinker(verb, clauses, marks, claimed):
        return True  # "he believes ...": a belief, a statement only where reported as said
    # "found the plan to be unlawful": a verdict on a thing, no finding said
    return base in FINDING_VERBS and not any(finite_clause(c) for c in clauses)


def clause_span(
    verb: Token, base: str, children: list[Token], clauses: list[Token]
) -> tuple[int, int]:
    """Where the reported clauses run, as (first token, last token): from the subject the
    parser made the cue's object, through further "that" clauses; without the sentence's
    stop, a time of saying, an opening "that" or a cue of the clause's own."""
    lo = min(c.left_edge.i for c in clauses)
    hi = max(c.right_edge.i for c in clauses)
    subject = _object_as_subject(verb, base, children, clauses, lo)
    if subject is not None:
        lo = subject.left_edge.i
    hi = _with_further_that_clauses(verb, hi)
    while hi > lo and verb.doc[hi].text in {".", "!", "?"}:
        hi -= 1  # the sentence's stop, which the parser may hang on the clause
    lo = skip_mark_word(verb.doc, _after_time_of_saying(verb.doc, lo, hi), hi)
    return lo, before_own_cue(verb.doc, lo, hi)


def _after_sentence_end(verb: Token, clause: Token) -> bool:
    """The clause starts after a full stop that follows the cue: another sentence the parser
    joined to this one (`said ... "victims[.]" She went on ...`)."""
    between = verb.doc[verb.i + 1 : clause.left_edge.i]
    return clause.i > verb.i and any(t.text in {".", "!", "?"} for t in between)


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
