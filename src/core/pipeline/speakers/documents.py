"""Documents and feeds as subjects: the name that issues or runs them, or that a group goes by."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import DOCUMENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Prepositions after a document or feed that name whose it is ("the account for X", "a
#: statement from X", "a report by X"); "of" only after a feed ("the website of X": "a report
#: of X" is about X).
ISSUER_LINKS = frozenset({"for", "from", "by"})

#: Kinds of name that issue nothing: times, numbers, places on the map, events.
NOT_ISSUERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "LOC", "FAC", "EVENT"})


def document_issuer(subject: Token) -> Token | None:
    """The name that issues a document or runs a feed that is a cue's subject ("The account
    for The Acme Show tweeted"), when a preposition of issuing joins it; else None."""
    if subject.pos_ != "NOUN" or subject.lower_ not in DOCUMENT_NOUNS | MEDIUM_NOUNS:
        return None
    links = ISSUER_LINKS | ({"of"} if subject.lower_ in MEDIUM_NOUNS else set())
    for prep in subject.rights:
        if prep.dep_ not in {"prep", "agent"} or prep.lower_ not in links:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ == "PROPN" and obj.ent_type_ not in NOT_ISSUERS:
            return obj  # ("a study in the journal X from March": a date issues nothing)
    return None


#: Participles that give the name a described subject goes by ("a group known as X").
NAMING_PARTICIPLES = frozenset({"known", "called", "named", "dubbed", "nicknamed"})


def name_it_goes_by(subject: Token) -> Token | None:
    """ "the internet activist group known as Acme", "a group called Acme": the name a
    described subject goes by, which is who it is; None without one. Not when the subject
    heads a sentence the parser found no verb in: its participle is then the sentence's own
    verb ("The director of the agency, Ana Ruiz, called Peru "a partner"")."""
    if subject.pos_ != "NOUN" or subject.dep_ == "ROOT":
        return None
    for acl in subject.rights:
        if acl.dep_ != "acl" or acl.lower_ not in NAMING_PARTICIPLES:
            continue
        for child in acl.children:
            if child.dep_ == "prep" and child.lower_ == "as" and acl.lower_ == "known":
                child = next((c for c in child.children if c.dep_ == "pobj"), child)
            elif child.dep_ not in {"oprd", "attr", "dobj", "xcomp"}:
                continue
            if child.pos_ == "PROPN" and child.ent_type_ not in NOT_ISSUERS:
                return child
    return None


#: Verbs by which someone puts out a document of their own ("posted a statement").
PUBLISHING_VERBS = frozenset(
    f"{base}{ending}"
    for base in ("post", "issue", "release", "publish", "share", "tweet")
    for ending in ("", "s", "ed", "d", "ing", "es")
) | frozenset("releasing issuing sharing".split()) | frozenset(  # the "e" drops before "-ing"
    "send sends sent sending write writes wrote written writing".split()
)
#: Nouns for where a document is put out ("a statement on its website").
MEDIUM_NOUNS = frozenset("website site page account feed blog channel".split())


def publishing_verb(noun: Token) -> Token | None:
    """The verb that puts out the document a relative clause hangs from ("posting a statement
    [on its website] which read"), when it has one; else None."""
    if noun.lower_ in MEDIUM_NOUNS and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head  # "a statement on its website"
    if noun.pos_ != "NOUN" or noun.lower_ not in DOCUMENT_NOUNS or noun.dep_ != "dobj":
        return None
    verb = noun.head
    return verb if verb.pos_ == "VERB" and verb.lower_ in PUBLISHING_VERBS else None


#: Documents one writes oneself, so that acting "in" one is writing it ("resigned in a letter").
OWN_DOCUMENTS = frozenset(
    "letter statement message tweet post email e-mail memo note communique communiqué "
    "announcement release".split()
)
#: Prepositions by which a document is the means of an act ("in a letter", "via a statement").
MEANS_LINKS = frozenset({"in", "via", "through"})


def written_by_acting(noun: Token) -> Token | None:
    """ "X resigned in a letter to the board stating ...": a document one writes oneself, the
    means of an active verb with a subject, is that subject's; the verb, else None."""
    if noun.pos_ != "NOUN" or noun.lower_ not in OWN_DOCUMENTS or noun.dep_ != "pobj":
        return None
    prep = noun.head
    verb = prep.head
    if prep.dep_ != "prep" or prep.lower_ not in MEANS_LINKS or verb.pos_ != "VERB":
        return None
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return None  # "X was named in a letter": the letter is someone else's
    if not any(c.dep_ == "nsubj" for c in verb.children) or document_issuer(noun) is not None:
        return None
    return verb
