"""Reported clauses the parser attached elsewhere, and clauses it wrongly made a cue's report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import DOCUMENT_NOUNS, SPEECH_VERBS, verb_base
from .clauses import CLAUSE_DEPS, FINITE_TAGS, RELATIVE_WORDS, document_participle

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Words that open an adverbial clause: such a clause sets the scene, it reports nothing.
ADVERBIAL_OPENERS = frozenset(
    "while although though whereas because since if when unless once after before".split()
)


def stray_subordinate(verb: Token, clause: Token) -> bool:
    """ "While all agreed that time off was rare, X emphasized ...": the parser made the end
    of an adverbial clause before the cue its reported clause; a clause before the cue that
    opens with a subordinator and has no subject of its own is not what the cue reports."""
    return (
        clause.i < verb.i
        and verb.doc[clause.left_edge.i].lower_ in ADVERBIAL_OPENERS
        and not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in clause.children)
    )


def _clause_under_listener(verb: Token, child: Token) -> Token | None:
    """ "told visiting reporters that ...", "told waiting journalists that ...": the parser
    read the listeners' participle as a verb of its own, with the listeners its object and
    the reported clause its complement; that clause is the cue's."""
    if child.dep_ != "xcomp" or child.tag_ != "VBG" or child.i != verb.i + 1:
        return None
    listeners = next((c for c in child.rights if c.dep_ == "dobj"), None)
    if listeners is None:
        return None
    return next(
        (
            c
            for c in child.rights
            if c.dep_ == "ccomp"
            and c.i > listeners.i
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ),
        None,
    )


def _main_clause_joined(verb: Token, clause: Token) -> bool:
    """ "While A has garnered attention, research on B has only begun, X said": the parser
    made the adverbial clause the cue's and joined the main clause to it as a conjunct; the
    two together, up to the comma before the cue's subject, are what was said."""
    if clause.dep_ != "advcl" or clause.i > verb.i or clause.pos_ not in {"VERB", "AUX"}:
        return False
    doc = verb.doc
    if doc[clause.left_edge.i].lower_ not in ADVERBIAL_OPENERS:
        return False
    main = [
        c
        for c in clause.rights
        if c.dep_ == "conj"
        and c.pos_ in {"VERB", "AUX"}
        and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
    ]
    if not main:
        return False
    after = main[-1].right_edge.i + 1
    return after < verb.i and doc[after].text == ","  # ", X said"


def misparsed_clauses(verb: Token) -> list[Token]:
    """Reported clauses the parser attached elsewhere.

    "..., police said" (the clause on the left), "said as a teenager she was forced" (parsed as
    an adverbial clause), "informed police she had ..." (parsed as a relative clause on "police").
    """
    found = [
        c
        for c in verb.lefts
        if (c.dep_ in CLAUSE_DEPS and c.pos_ in {"VERB", "AUX"} and not stray_subordinate(verb, c))
        or _main_clause_joined(verb, c)
    ]
    listener = verb_base(verb.text) in LISTENER_VERBS  # "..., the mayor told reporters"
    if found and not listener and any(c.dep_ == "dobj" for c in verb.rights):
        # "A secures X, B proposes a solution, and ...": a cue with an object of its own is a
        # clause in a list, not the reporting clause of the one before it
        found = []
    if found:
        return found
    for child in verb.rights:
        said = _clause_under_listener(verb, child)
        if said is not None:
            return [said]
        has_subject = any(g.dep_ in {"nsubj", "nsubjpass"} for g in child.children)
        unmarked = not any(
            g.dep_ == "mark" or (g.dep_ == "advmod" and g.lower_ in {"when", "where", "while"})
            for g in child.children
        )
        base = verb_base(verb.text)
        plain_say = base in {"say", "tell", "write", "add", "explain", "note"}
        if child.dep_ == "advcl" and has_subject and unmarked and plain_say:
            return [child]
        if child.dep_ == "dobj" and plain_say and _hides_finite_verb(child):
            # "said Lind required resuscitation, and was ...": a clause read as an object
            tail = [c for c in verb.rights if c.dep_ == "conj" and c.i > child.i and not any(
                g.dep_ in {"nsubj", "nsubjpass"} for g in c.children
            )]
            return [child, *tail]
        if child.dep_ == "dobj" and base in SPEECH_VERBS and _marked_object_clause(child):
            # "observed that the date of the fair coincided with ...": "that" hangs on the
            # object, the clause's verb on a noun inside it
            return [child]
        if child.dep_ == "dobj" and base == "say" and _past_read_as_participle(child):
            # "said several acres of land burned before ...": "say" takes no such object
            return [child]
        if child.dep_ == "dobj" and base not in LISTENER_VERBS:
            predicate = _stray_predicate(verb, child)
            if predicate is not None:
                # "ruled the male-only draft violated ...", "ruled the practice ... is
                # unconstitutional": the object is the subject of a verb hung off the cue
                return [child, predicate]
        if child.dep_ in {"dobj", "dative"}:
            for clause in child.rights:
                subjects = [g for g in clause.children if g.dep_ in {"nsubj", "nsubjpass"}]
                if clause.dep_ == "relcl" and subjects and subjects[0].tag_ == "PRP":
                    return [clause]
            that_clause = _that_clause_on_listener(child)
            if that_clause is not None:
                return [that_clause]
        if child.dep_ == "prep" and base in SPEECH_VERBS:
            that_clause = _that_clause_on_document(child)
            if that_clause is not None:
                return [that_clause]
    return _detached_clause(verb)


def _marked_object_clause(obj: Token) -> bool:
    """An object opened by the subordinator "that" (a mark, not a determiner: "that the date
    of ... coincided") with a finite verb hung inside it, no relative pronoun its subject,
    is a that-clause the parser read as an object."""
    first = obj.left_edge
    if first.dep_ != "mark" or first.lower_ != "that" or first.head.i != obj.i:
        return False
    for verb in obj.subtree:
        if verb.dep_ not in {"acl", "relcl"} or verb.tag_ not in FINITE_TAGS:
            continue
        if not any(
            g.dep_ in {"nsubj", "nsubjpass"} and g.lower_ in RELATIVE_WORDS for g in verb.children
        ):
            return True
    return False


def _that_clause_on_document(prep: Token) -> Token | None:
    """"told the paper in a statement that the case ...": the parser hung the that-clause on
    the document the words came in; it is what the cue reports."""
    document = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if document is None or document.lower_ not in DOCUMENT_NOUNS:
        return None
    for clause in document.rights:
        marked = any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)
        subject = any(g.dep_ in {"nsubj", "nsubjpass"} for g in clause.children)
        if clause.dep_ in {"acl", "ccomp", "relcl"} and marked and subject:
            return clause
    return None


#: What "say" takes as a real object ("said a prayer dedicated to them").
SAID_THINGS = frozenset(
    "prayer prayers word words goodbye farewell grace mass hello thanks line lines".split()
)


def _past_read_as_participle(obj: Token) -> bool:
    """ "said several acres burned": a past tense the tagger read as a participle on the
    object (the two forms are one for regular verbs); a participle with an agent or an
    object of its own ("the figures released by ...") stays one."""
    doc = obj.doc
    if obj.lower_ in SAID_THINGS:
        return False
    for participle in obj.rights:
        if participle.dep_ != "acl" or participle.tag_ != "VBN":
            continue
        if not participle.lower_.endswith("ed") or doc[participle.i - 1].text == ",":
            return False
        return not any(
            g.dep_ in {"agent", "dobj", "attr", "oprd", "xcomp"} for g in participle.children
        )
    return False


def _that_clause_on_listener(listener: Token) -> Token | None:
    """ "told Eastvale Radio, a local outlet, that one of the dead was ...": the parser hung the
    reported clause on the listener's apposition as a relative clause; "that" as a
    subordinator (not a relative pronoun, which would be its subject or object) opens a
    clause the cue reports."""
    for phrase in [listener, *(c for c in listener.rights if c.dep_ == "appos")]:
        for clause in phrase.rights:
            if clause.dep_ in {"relcl", "acl"} and any(
                g.dep_ == "mark" and g.lower_ == "that" and g.i == clause.left_edge.i
                for g in clause.children
            ) and any(g.dep_ in {"nsubj", "nsubjpass"} for g in clause.children):
                return clause
    return None


#: Speech verbs whose object is the listener or the question, not a clause's subject.
LISTENER_VERBS = frozenset(
    {"tell", "inform", "ask", "answer", "address", "read", "speak", "assure"}
)


def _stray_predicate(verb: Token, obj: Token) -> Token | None:
    """A finite verb without a subject right after the cue's object, not joined to the cue by
    "and"/"but" nor introduced by a subordinator: the object is its subject."""
    doc = verb.doc
    rights = list(verb.rights)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        # "cited the Air Force as stating Arvo Air owned ...": the verb hung on "cited"
        rights += [c for c in verb.head.head.rights if c.i > obj.i]
    if document_participle(verb) and verb.head.dep_ == "dobj":
        # "issued a statement announcing the road had been reopened": the verb hung on "issued"
        rights += [c for c in verb.head.head.rights if c.i > obj.i]
    for child in rights:
        if child.i <= obj.i or child.dep_ not in {"advcl", "conj", "ccomp"}:
            continue
        finite_aux = any(
            g.dep_ in {"aux", "auxpass"} and g.tag_ in FINITE_TAGS and g.i < child.i
            for g in child.children
        )  # "reported Ines had strengthened"
        if child.tag_ not in FINITE_TAGS and not finite_aux:
            return None
        if any(g.dep_ in {"nsubj", "nsubjpass", "mark", "expl"} for g in child.children):
            return None
        gap = doc[obj.right_edge.i + 1 : child.left_edge.i]
        opened = doc[obj.right_edge.i].text == "," or (len(gap) > 0 and gap[0].text == ",")
        aside = len(gap) > 1 and opened and gap[-1].text == ","
        # "reported Ines in the Caribbean had ...": the object's place, hung on the cue
        placed = len(gap) > 0 and gap[0].dep_ == "prep" and gap[0].right_edge.i == gap[-1].i
        if (not (aside or placed) and any(not t.is_punct for t in gap)) or child.left_edge.dep_ in {
            "cc",
            "mark",
        }:
            return None  # "suggested piracy, perhaps to obtain the cargo, is ...": an aside
        return child
    return None


def _hides_finite_verb(phrase: Token) -> bool:
    """An object phrase with a finite verb inside it (not in a relative clause) is a clause."""
    doc = phrase.doc
    for t in phrase.subtree:
        if t.dep_ not in {"amod", "compound", "nmod"} or t.i == 0:
            continue
        if t.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
            return True
        # "said Lind required ...": a name then a past form is a subject and its verb
        if t.tag_ == "VBN" and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].head.i == phrase.i:
            return True
    for participle in phrase.rights:
        # "said a law allowing the termination of a life marked a ...": the parser hung the
        # clause's verb under a participle of its subject (not a cue: "a letter saying ...")
        if participle.dep_ == "acl" and participle.tag_ == "VBG" and not verb_base(participle.text):
            if any(
                g.dep_ == "ccomp"
                and g.tag_ in FINITE_TAGS
                and any(s.dep_ in {"nsubj", "nsubjpass"} for s in g.children)
                for g in participle.rights
            ):
                return True
    return False


def _detached_clause(verb: Token) -> list[Token]:
    """`announcing to journalists the boy remained stable`: the parser hung the clause after
    "to journalists" elsewhere. A subject right after the listener, with its verb, is it."""
    listener = [c for c in verb.rights if c.dep_ in {"prep", "dative"} and c.lower_ == "to"]
    if not listener or verb_base(verb.text) not in SPEECH_VERBS:
        return []
    doc = verb.doc
    after = verb.right_edge.i + 1
    if after >= len(doc) or listener[-1].right_edge.i != verb.right_edge.i:
        return []
    start = doc[after]
    subject = next(
        (t for t in doc[after : after + 6] if t.dep_ in {"nsubj", "nsubjpass"}), None
    )
    if subject is None or subject.left_edge.i != start.i or start.is_punct:
        return []
    clause = subject.head
    if clause.i <= subject.i or clause.pos_ not in {"VERB", "AUX"} or clause.head.i > verb.i:
        return []
    if verb.tag_ != "VBG":
        return []  # "a manifesto posted to the board 8chan was ...": not this construction
    return [clause]
