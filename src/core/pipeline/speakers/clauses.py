"""Clause shapes: which verb a participle speaks for, and where a subject's clause hangs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import DOCUMENT_NOUNS, FINDING_VERBS, INTRO_VERBS, SPEECH_VERBS, verb_base
from .according import according_source
from .words import PERSON_PRONOUNS, SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token


def passive_agent(verb: Token) -> Token | None:
    """The one who acts in a passive ("was described by Berg"), if named with "by"."""
    if not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def added_cue(token: Token) -> Token | None:
    """The speech verb a participle cue ("saying", "adding") with no subordinator speaks for,
    when the parser hung it on the clause that verb reports: on the clause itself, or after a
    comma on a clause inside it ("recommended that X give ..., just as it has given ...,
    stating"); else None."""
    comma = token.i > 0 and token.doc[token.i - 1].text == ","
    head = token.head
    if (
        token.dep_ not in {"advcl", "conj"}
        or token.tag_ != "VBG"
        or verb_base(token.text) not in SPEECH_VERBS
        or any(c.dep_ == "mark" for c in token.children)
        or (token.dep_ == "conj" and (not comma or head.tag_ == "VBG"))
    ):
        return None  # ("saying A and adding B": the second participle is the first's)
    for _depth in range(3):
        if head.dep_ == "ccomp" and verb_base(head.head.text) in SPEECH_VERBS:
            return head.head
        if not comma or head.dep_ not in {"advcl", "conj"} or head.head.i == head.i:
            return None
        head = head.head
    return None


def someone_is(copula: Token) -> bool:
    """ "She was shocked, releasing a statement": a copula whose subject is a person (a
    personal pronoun or a name) lends that person to a participle hung on it; "margins are
    thin, while noting" does not."""
    if copula.pos_ != "AUX":
        return False
    return any(
        c.dep_ == "nsubj" and (c.lower_ in PERSON_PRONOUNS or c.pos_ == "PROPN")
        for c in copula.children
    )


def acting_on_its_noun(participle: Token) -> Token | None:
    """ "X dismissed Y's remarks, calling them outrageous": a participle hung on a verb's
    object whose own object is a pronoun for that noun does something to it, so it is not
    the noun's act; the verb whose object it is (and that verb's subject) speaks."""
    noun = participle.head
    if participle.dep_ != "acl" or participle.tag_ != "VBG" or noun.dep_ != "dobj":
        return None
    verb = noun.head
    if verb.pos_ != "VERB":
        return None
    plural = noun.tag_ in {"NNS", "NNPS"}
    back = {"them", "they"} if plural else {"it"}
    if not any(c.dep_ == "dobj" and c.lower_ in back for c in participle.children):
        return None
    return verb


#: Nouns for events, which come and follow but say nothing ("The news came after ...").
EVENT_NOUNS = frozenset(
    "news move decision development step change visit arrival departure resignation "
    "death attack incident vote".split()
)

#: Verbs of coming in a sequence: what "came after" or "follows" something is an event.
SEQUENCE_VERBS = frozenset("come came comes coming follow follows followed following".split())


def _says_nothing_here(subject: Token, verb: Token) -> bool:
    """An event noun ("The news came after ..."), or a document in the place of one ("The
    announcement came after X urged ..."): it comes and follows, so speaks for no one there."""
    if subject.lower_ in EVENT_NOUNS:
        return True
    return subject.lower_ in DOCUMENT_NOUNS and verb.lower_ in SEQUENCE_VERBS


def nearer_speech_verb(conj: Token) -> Token | None:
    """ "The news came hours after Ruiz announced ..., and said ...": the parser joined
    the speech verb to the sentence's verb, whose subject is an event that says nothing; it
    goes on from the speech verb with a subject of its own in between."""
    head = conj.head
    if conj.dep_ != "conj" or head.i >= conj.i:
        return None
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.pos_ != "NOUN" or not _says_nothing_here(subject, head):
        return None
    for token in conj.doc[head.i + 1 : conj.i]:
        if (
            token.pos_ == "VERB"
            and verb_base(token.text) in INTRO_VERBS
            and token.dep_ in {"advcl", "ccomp", "conj"}
            and any(c.dep_ == "nsubj" for c in token.children)
            and head.is_ancestor(token)
        ):
            return token
    return None


#: Words that open a subordinate clause of time, cause or condition ("when they saw it").
SUBORDINATORS = frozenset("when whenever after before because since while as if once until".split())


def past_trailing_clause(participle: Token) -> Token | None:
    """ "X told of sharks biting him, releasing him when they saw their mistake, describing
    them as gentle": a participle after the comma that closes a trailing "when" clause goes
    on from the main clause, not from the clause the parser hung it on; that clause's verb
    (so the main clause's subject speaks). None for any other shape."""
    head = participle.head
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or head.dep_ != "advcl":
        return None
    doc = participle.doc
    if participle.i < 1 or doc[participle.i - 1].text != "," or head.i >= participle.i:
        return None
    if head.head.i >= head.i or head.head.pos_ not in {"VERB", "AUX"}:
        return None  # the clause must trail a verb of its own
    if not any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in SUBORDINATORS and c.i < head.i
        for c in head.children
    ):
        return None
    return head.head


def passive_agent_of(token: Token) -> bool:
    """The one "by" names as acting in a passive clause ("was criticised by Ana Ruiz")."""
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def in_main_clause(subject: Token) -> bool:
    """The subject of its sentence's root verb, or of a verb joined to it ("X met Y and
    said"): not of a clause that hangs from it ("After X resigned", "when X was arrested").
    The source of a fronted "According to X," counts as the main clause's."""
    if according_source(subject):
        return True
    if subject.dep_ == "appos":
        subject = subject.head  # "X, the chief executive, ..."
    verb = subject.head
    for _step in range(4):
        if verb.dep_ == "ROOT" or verb.head.i == verb.i:
            return True
        if verb.dep_ != "conj":
            return False
        verb = verb.head
    return False


def in_reported_clause(subject: Token) -> bool:
    """The subject of a clause that is the complement of a verb ("said [Berg is ...]",
    "believes [Ruiz does not qualify]"); not the subject of a speech verb the parser hung
    on another ("[He said Berg is ...]; however, "...", he added")."""
    verb = subject.head
    speaks = verb_base(verb.text) in SPEECH_VERBS
    return verb.dep_ == "ccomp" and verb.head.i != verb.i and not speaks


def plural_agreement(subject: Token) -> bool:
    """A name with a plural verb ("Acme Watch have called", "The Acme Trust say"):
    the body taken as its members, whom a "they" after it means."""
    verb = subject.head
    if verb.i == subject.i or subject.tag_ not in {"NNP", "NN"}:
        return False
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    first = auxes[0] if auxes else verb
    return first.tag_ == "VBP" or first.lower_ == "were"


def within_what_was_said(subject: Token) -> bool:
    """The subject of a clause anywhere inside a speech verb's complement ("said that the
    government was disappointed [when India and Pakistan developed ...]"), or a finding's
    ("the researchers found that officials denied ...": the officials are what was found)."""
    token = subject.head
    for _ in range(8):
        if token.head.i == token.i:
            return False
        if token.dep_ == "ccomp" and verb_base(token.head.text) in SPEECH_VERBS | FINDING_VERBS:
            return True
        token = token.head
    return False
