"""Subjects the parser misplaced: parse shapes where the one who speaks is not the cue's subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import INTRO_VERBS, SPEECH_VERBS, verb_base
from ..names import looks_like_person_name
from .words import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token


def name_after_roles(subject: Token) -> Token | None:
    """ "Retired police detective and terrorism specialist Ana Ruiz": the parser joined the roles
    and the name as three conjuncts; a name after the last role with no "and" before it is
    the one they describe, and it is the speaker."""
    if subject.pos_ != "NOUN":
        return None
    conjuncts = [c for c in subject.rights if c.dep_ == "conj"]
    if len(conjuncts) < 2 or conjuncts[-1].pos_ != "PROPN":
        return None
    name = conjuncts[-1]
    before = subject.doc[name.left_edge.i - 1]
    if before.dep_ == "cc" or before.is_punct or conjuncts[-2].pos_ != "NOUN":
        return None
    return name


def name_before_verb(subject: Token) -> Token | None:
    """ "Longtime Acme in the Morning writer and performer Tom Berg tweeted": the parser
    made the show's name the subject and hung the rest on it; the name right before the verb,
    inside the subject's own phrase with no punctuation between (no relative clause, no
    apposition), is who speaks."""
    verb = subject.head
    if subject.dep_ not in SUBJECT_DEPS or verb.i <= subject.i + 1 or subject.tag_ == "NNS":
        return None  # "scientists from Acme and UC Acme say": they speak, not UC Acme
    last = subject.doc[verb.i - 1]
    if last.pos_ != "PROPN" or last.i <= subject.i or last.i > subject.right_edge.i:
        return None
    doc = subject.doc
    if any(t.is_punct and not _joins_a_name(t) for t in doc[subject.i : last.i]):
        return None
    first = last
    while first.i - 1 > subject.i and (
        doc[first.i - 1].pos_ == "PROPN" or _joins_a_name(doc[first.i - 1])
    ):
        first = doc[first.i - 1]
    before = subject.doc[first.i - 1]
    if before.lower_ in {"and", "or", "nor"}:
        return None  # "X and Y said": a second subject, not the one the phrase names
    if before.pos_ == "ADP":
        # "A lawyer for Tom Reed said": whom the role serves, not who speaks; but "Chief
        # officer at Acme Group Ana Ruiz said": a person's name glued after the body's is hers
        named = last
        while named.ent_iob_ == "I" and named.i > first.i:
            named = doc[named.i - 1]
        glued = (
            last.ent_type_ == "PERSON"
            and named.ent_iob_ == "B"
            and named.i > first.i
            and doc[named.i - 1].ent_type_ not in {"", "PERSON"}  # a body's name, no title
        )
        return last if glued else None
    return last


def _joins_a_name(token: Token) -> bool:
    """A hyphen inside a name ("Kim Chang-su"), not punctuation that ends a phrase."""
    doc = token.doc
    return (
        token.text in {"-", "\u2010"}
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].pos_ == "PROPN"
        and doc[token.i + 1].pos_ == "PROPN"
        and not token.whitespace_
        and not doc[token.i - 1].whitespace_
    )


def subject_in_time_phrase(verb: Token) -> Token | None:
    """ "On Friday Acme Motor Company announced ...": the parser took the name for part of the
    time phrase before the verb; the name right before the verb is its subject."""
    if verb.i == 0:
        return None
    name = verb.doc[verb.i - 1]
    prep = name.head
    if name.pos_ != "PROPN" or name.dep_ != "pobj" or prep.dep_ != "prep" or prep.head != verb:
        return None
    if not any(t.ent_type_ in {"DATE", "TIME"} for t in prep.subtree):
        return None
    return name


def object_read_as_subject(participle: Token, subject: Token) -> bool:
    """A participle ("saying") hung as an adverbial clause on a speech verb that has a subject
    of its own, whose "subject" is a thing possessed ("her reasoning", "his thoughts"): the
    parser read the speech verb's object as the participle's subject."""
    head = participle.head
    return (
        participle.tag_ == "VBG"
        and participle.dep_ == "advcl"
        and head.i != participle.i
        and verb_base(head.text) in INTRO_VERBS
        and any(c.dep_ in SUBJECT_DEPS for c in head.children)
        and subject.pos_ == "NOUN"
        and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in subject.children)
        and subject.i < participle.i
        and subject.i > head.i
    )


#: Nouns for a remark someone makes ("made a comment saying"): the maker speaks.
REMARK_NOUNS = frozenset("comment comments remark remarks statement statements".split())


def remark_read_as_subject(participle: Token, subject: Token) -> bool:
    """ "X made a comment saying: ...": the parser read the remark, the object of the verb
    before it, as the participle's subject; whoever made the remark speaks."""
    head = participle.head
    return (
        participle.tag_ == "VBG"
        and participle.dep_ in {"advcl", "ccomp", "xcomp"}
        and head.i != participle.i
        and head.pos_ == "VERB"
        and any(c.dep_ in SUBJECT_DEPS for c in head.children)
        and subject.lower_ in REMARK_NOUNS
        and head.i < subject.i < participle.i
    )


def speaker_of_modifier_verb(subject: Token) -> Token | None:
    """ "Ruiz added local officials have been trained, saying ...": the parser read the
    speech verb as an adjective on the reported clause's subject ("added officials"); the
    name before that verb is its subject and speaks."""
    for child in subject.lefts:
        if (
            child.dep_ == "amod"
            and child.tag_ in {"VBD", "VBZ"}
            and verb_base(child.text) in SPEECH_VERBS
        ):
            speaker = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
            if speaker is not None and speaker.i < child.i:
                return speaker
    return None


def unclosed_apposition(subject: Token, verb: Token) -> Token | None:
    """ "In findings published in the journal Acme, a team of biologists report ...": the
    parser made the journal the subject and the team its apposition; an apposition that runs up
    to the verb with no comma closing it is no apposition but the subject.

    A subject with the shape of a person's name keeps it ("Ana Ruiz, a captain of a boat which
    sank stated": the closing comma is missing, the role is still hers)."""
    if person_shaped(subject):
        return None
    for child in subject.rights:
        if (
            child.dep_ == "appos"
            and child.pos_ in {"NOUN", "PROPN"}
            and child.right_edge.i == verb.i - 1
            and child.left_edge.i > 0
            and verb.doc[child.left_edge.i - 1].text == ","
            and verb.i > subject.i
        ):
            return child
    return None


def cited_as_saying(verb: Token) -> Token | None:
    """ `"...," the paper quoted the minister as saying`: a citing verb whose "as" phrase holds a
    speech verb passes on its object's words; the object speaks, not the outlet that quotes."""
    if verb.lower_ not in CITING_VERBS:
        return None
    spoken = next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "as"
            and any(g.dep_ == "pcomp" and g.tag_ == "VBG" and verb_base(g.text) in SPEECH_VERBS
                    for g in c.children)
        ),
        None,
    )
    if spoken is None:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < spoken.i), None)


#: The forms of the verbs that pass on someone else's words ("quoted X as saying").
CITING_VERBS = frozenset("cite cites cited citing quote quotes quoted quoting".split())


def quoted_as_saying(verb: Token) -> Token | None:
    """ "The article quoted two officials as saying that ...": the object of the report, not
    its subject, says what follows "as saying"."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.dep_ != "prep":
        return None
    said_of = verb.head.head
    if said_of.pos_ not in {"NOUN", "PROPN"} or said_of.dep_ not in {"dobj", "nsubjpass"}:
        return None
    return said_of


def person_shaped(token: Token) -> bool:
    """A name token whose name (it and the name words before it) has the shape of a person's
    full name, tagged or not ("Ana Ruiz"; not "the journal Acme")."""
    if token.pos_ != "PROPN":
        return False
    words = [c for c in token.lefts if c.dep_ in {"compound", "flat"} and c.pos_ == "PROPN"]
    if not words or words[0].i + len(words) != token.i:  # the name words run up to it
        return False
    return looks_like_person_name(" ".join(t.text for t in [*words, token]))


def subject_before_relative(verb: Token) -> Token | None:
    """ "Smith, who was injured in 2011, said ...": the parser made the relative clause a
    clause of the verb, with the name as its subject beside "who"; the name is the verb's."""
    for clause in verb.lefts:
        if clause.dep_ not in {"ccomp", "advcl", "parataxis"}:
            continue
        for subject in clause.children:
            if subject.dep_ not in SUBJECT_DEPS or subject.pos_ not in {"PROPN", "NOUN"}:
                continue
            after = subject.right_edge.i + 1
            if after < verb.i and verb.doc[after].text == ",":
                after += 1
            if after < verb.i and verb.doc[after].lower_ == "who":
                return subject
    return None


def subject_in_fronted_phrase(verb: Token) -> Token | None:
    """ "In findings published in the journal X, an international team of scientists report
    ...": the parser hung the subject on the phrase before it, as an apposition after a comma;
    a finite verb with no subject has it for its own."""
    if verb.i == 0 or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    token = verb.doc[verb.i - 1]
    while token.dep_ != "appos" and token.head.i < verb.i and token.head.i != token.i:
        token = token.head
    if token.dep_ != "appos" or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    lead = token.left_edge.i - 1
    if lead < 0 or verb.doc[lead].text != "," or token.right_edge.i != verb.i - 1:
        return None
    top = token
    while top.head.i < verb.i and top.head.i != top.i:
        top = top.head
    return token if top.dep_ == "prep" and top.head == verb else None


def noun_before(token: Token) -> Token | None:
    """The noun or name right before `token`, a comma between allowed."""
    i = token.i - 1
    if i >= 0 and token.doc[i].text == ",":
        i -= 1
    if i >= 0 and token.doc[i].pos_ in {"NOUN", "PROPN"}:
        return token.doc[i]
    return None


def subject_after_contrast(subjects: list[Token], verb: Token) -> Token:
    """ "The partner asked for X, but the commissioner stated ...", parsed with both nouns as
    the verb's subjects: the one after "but", nearest the verb, is its own."""
    before = [s for s in subjects if s.i < verb.i]
    if len(before) > 1:
        last = before[-1]
        gap = verb.doc[before[0].i + 1 : last.left_edge.i]
        if any(t.lower_ == "but" for t in gap):
            return last
    return subjects[0]


def subject_after_but(subject: Token, verb: Token) -> Token:
    """ "the company invested in X and started Y, but Z reports ...", parsed with the first
    clause as the subject and Z joined to it by "but": Z, right before the verb, is its
    subject (a subject's own "A and B" is no contrast)."""
    for conj in subject.children:
        if conj.dep_ != "conj" or conj.i > verb.i or conj.right_edge.i != verb.i - 1:
            continue
        if any(c.dep_ == "cc" and c.lower_ == "but" and c.i < conj.i for c in subject.children):
            return conj
    return subject


def fronted_participle(verb: Token) -> bool:
    """ "Saying ..., X added": a participle clause before the verb it hangs on, whose subject
    is that verb's."""
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.i > verb.i


#: Nouns that count how often something happens ("several times", "on many occasions").
FREQUENCY_NOUNS = frozenset("time times occasion occasions".split())


def how_often(subject: Token) -> bool:
    """ "He ... and several times described it as ...": a count of times the parser took for
    a subject says how often, never who."""
    return (
        subject.pos_ == "NOUN"  # not "The Straits Times"
        and subject.lower_ in FREQUENCY_NOUNS
        and any(
            c.dep_ in {"amod", "nummod"} or (c.dep_ == "det" and c.lower_ in COUNTING_DETS)
            for c in subject.children
        )
    )


#: Determiners that count ("many times", "each time"), unlike "the" ("the time had come").
COUNTING_DETS = frozenset("several many some each every few both all".split())
