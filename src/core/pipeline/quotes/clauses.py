"""What the reported-speech rules share: a cue's clause labels and where its reported words stop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import DOCUMENT_NOUNS, INTRO_VERBS, NAMING_VERBS, SPEECH_VERBS, STANCE_VERBS, verb_base
from ..drafts import is_cue_verb
from ..entities import PERSON_NOUNS
from ..names import HONORIFICS
from ..quotemarks import QuoteMarks
from ..sources import CONTRAST_SUBORDINATORS
from ..speakers import PEOPLE_PLURALS
from .direct import negated

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Complements of a speech verb that hold reported content.
CLAUSE_DEPS = frozenset({"ccomp"})
#: Stance verbs that report speech when they take a clause ("warned that ...", "denied that ...").
CLAUSE_STANCES = frozenset(
    """
    urge agree demand warn deny reject vow promise pledge insist threaten accuse dispute
    advise request
    """.split()
)


def before_own_cue(doc: Doc, lo: int, hi: int) -> int:
    """The clause ends before a participle cue of its own that the parser hung inside it
    (`said the use "costs billions," further saying, "..."`): that cue reports its own words.
    So does a cue with its own subject set against it whose object holds quoted words (`told
    X the plan "was a disaster," while Y praised its "courage" on Twitter`)."""
    for token in doc[lo + 1 : hi + 1]:
        if (
            token.dep_ in {"advcl", "conj", "acl"}  # first: the cheapest test, and most fail it
            and (token.tag_ == "VBG" or _contrasted_cue(token) or joined_cue(token)
                 or _comma_participle(token))
            and (
                verb_base(token.text) in SPEECH_VERBS
                # "..., though critics warn it could ...": a stance verb's clause is reported
                or (_contrasted_cue(token) and verb_base(token.text) in CLAUSE_STANCES)
            )
            and any(c.dep_ in CLAUSE_DEPS for c in token.children)
        ) or _contrasted_quoting(token):
            end = token.left_edge.i - 1
            while end > lo and (doc[end].is_punct or doc[end].dep_ == "cc"):
                end -= 1
            for mark in doc[end + 1 : min(end + 3, token.i)]:
                if mark.text in {'"', "”"}:
                    end = mark.i  # keep the closing mark of the quoted words before the cue
                    break
            return end if end > lo else hi
        example = _speaking_example(token, lo)
        if example is not None:
            # "urged him to concede, such as Governor X, who denounced ... as "..."": the
            # named example speaks for itself; the content ends before the example
            end = example.left_edge.i - 1
            while end > lo and doc[end].is_punct:
                end -= 1
            return end if end > lo else hi
    return hi


def _speaking_example(token: Token, lo: int) -> Token | None:
    """For the cue of a "who" clause on a name given as an example ("such as X, who
    denounced", "including X, who said"), the phrase that introduces the example."""
    if token.dep_ != "relcl" or verb_base(token.text) not in INTRO_VERBS | NAMING_VERBS:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in token.children):
        return None
    name = token.head
    if name.pos_ != "PROPN" or name.dep_ != "pobj":
        return None
    prep = name.head
    if prep.dep_ != "prep" or prep.left_edge.i <= lo or prep.lower_ not in {"as", "including"}:
        return None
    return prep


def _comma_participle(token: Token) -> bool:
    """ ", writing, "..."" tagged as a noun: a participle cue after a comma all the same."""
    return token.lower_.endswith("ing") and token.i > 0 and token.doc[token.i - 1].text == ","


#: Words that set a second speaker's clause against the first: "X said A while Y wrote B".
CONTRAST_MARKS = CONTRAST_SUBORDINATORS | {"but"}


def _contrasted_cue(token: Token) -> bool:
    """A cue with a subject of its own, set against the clause it hangs in ("... while the
    minister wrote he had ..."): the words after it are that subject's, not the first speaker's."""
    return any(c.dep_ == "nsubj" and c.i < token.i for c in token.children) and any(
        c.lower_ in CONTRAST_MARKS and c.i < token.i for c in token.children
    )


def _contrasted_quoting(token: Token) -> bool:
    """A cue or stance verb with its own subject after "while"/"whereas"/"but", whose object
    holds quoted words ("... while the governor praised its "courage""): the quoted words are
    that subject's, not more of the clause it hangs in."""
    if token.dep_ not in {"advcl", "conj"} or not _contrasted_cue(token):
        return False
    if not is_cue_verb(token, SPEECH_VERBS | STANCE_VERBS):
        return False
    doc = token.doc
    return any(
        c.dep_ == "dobj"
        and any(
            doc[i].is_quote and doc[i].text not in {"'", "’"}  # an apostrophe is no mark
            for i in range(c.left_edge.i, c.right_edge.i + 1)
        )
        for c in token.children
    )


def joined_cue(token: Token) -> bool:
    """A second cue joined by "and"/"but" that the parser hung inside the first one's clause
    ("told it this was unconfirmed and noted no ransom ...", "... and several said they ..."):
    the words after it are its own report, not more of the first."""
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    return (
        token.dep_ == "conj"
        and before is not None
        and before.lower_ in {"and", "but"}
        and token.head.i < token.i
        and verb_base(token.head.text) not in SPEECH_VERBS
        and finite_clause(token.head)  # "noted the signal received ... but declared": no
        and not negated(token)  # "... but did not say he had ordered it": still the report
    )


def document_participle(token: Token) -> bool:
    """ "a statement saying ...", "a message blaming ...": a participle on a document noun
    reports what the document says; so does one on a speech ("delivered a speech declaring
    ...": what the speaker declared)."""
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBG"
        and (token.head.lower_ in DOCUMENT_NOUNS or token.head.lower_ in SPEECH_NOUNS)
    )


#: Nouns for an act of speaking: a participle on them says what was said.
SPEECH_NOUNS = frozenset(
    "speech speeches address remarks testimony sermon lecture conference briefing".split()
)


def named_by_participle(doc: Doc, mark: QuoteMarks, cue: Token | None) -> bool:
    """The quoted words hang from "called", "named", "dubbed" ... as a name, not a quotation."""
    span = doc.char_span(mark.open + 1, mark.close, alignment_mode="expand")
    if span is None or cue is None:
        return False
    token = span.root
    for _ in range(12):
        if token.i == cue.i or token.head.i == token.i:
            return False
        if token.dep_ in {"acl", "amod"} and token.pos_ == "VERB":
            return True
        token = token.head
    return False


def is_passive(verb: Token) -> bool:
    """A passive cue, or a participle joined to one that shares its subject ("were seen as
    tight and criticized for ..."): its subject is what the stance is about, not who holds it."""
    if any(child.dep_ in {"nsubjpass", "auxpass"} for child in verb.children):
        return True
    if not (
        verb.dep_ == "conj"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children)
        and any(c.dep_ == "auxpass" for c in verb.head.children)
    ):
        return False
    if verb.tag_ == "VBN":
        return True
    # tagged as a past tense: a stance verb that needs an object and has none ("were seen as
    # tight and criticized for ..."); "was arrested and criticized the police" is active
    base = verb_base(verb.text)
    return (
        verb.tag_ == "VBD"
        and base in STANCE_VERBS
        and base not in SPEECH_VERBS
        and not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children)
    )


#: Stance verbs that characterise in quoted words in the passive, as naming verbs do:
#: `was hailed as a "hero" by X`.
AS_PRAISES = frozenset({"hail", "laud", "praise"})

#: Relative pronouns: a passive subject that is one points elsewhere.
RELATIVE_WORDS = frozenset({"which", "that", "who", "whom"})

#: Object pronouns for people: "questioned him" is asked, not doubted.
PERSON_OBJECTS = frozenset({"him", "her", "them", "me", "us", "you"})


def a_person(token: Token) -> bool:
    """The noun names a person or people: a pronoun, a person's name, a word for people."""
    word = token.lower_
    return (
        word in PERSON_OBJECTS
        or token.ent_type_ == "PERSON"
        or word in PERSON_NOUNS
        or word in PEOPLE_PLURALS
        or (word in HONORIFICS and token.pos_ == "NOUN")
    )


#: Words that open an indirect question ("asked whether ...", "asked what ...").
QUESTION_WORDS = frozenset("what whether if why how when where who whom which".split())


def finite_clause(clause: Token) -> bool:
    """The clause has a finite verb of its own ("the flies had", "oxygen levels would be")."""
    return clause.tag_ in FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in clause.children
    )


def bare_cue(verb: Token, clause: Token) -> bool:
    """`..., the Courier reported the governor said.`: a cue with its own subject and nothing it
    reports, right after the cue, says whose words the outlet passes on."""
    return (
        clause.dep_ in CLAUSE_DEPS
        and clause.i > verb.i
        and verb_base(clause.text) in SPEECH_VERBS
        and clause.tag_ in {"VBD", "VBZ", "VBP"}
        and any(c.dep_ == "nsubj" for c in clause.children)
        and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)  # "were continuing"
        and not any(c.i > clause.i and not c.is_punct for c in clause.children)
        and not any(t.text == "," for t in clause.doc[verb.i + 1 : clause.i])
    )


def after_comma_clause(verb: Token) -> bool:
    """`Orders won't leave idle capacity, Varga said` / `..., argued the lawyer, Tomas Lind`."""
    if verb.dep_ == "parataxis":
        return True
    doc = verb.doc
    return (
        verb.dep_ == "conj"
        and verb.head.i < verb.i
        and verb.i > 0
        and (
            doc[verb.i - 1].text == ","
            # ", and claimed a death": a second predicate of the same subject, not a cue after
            or (verb.i > 1 and doc[verb.i - 2].text == "," and doc[verb.i - 1].dep_ != "cc")
        )
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        and any(c.dep_ == "dobj" for c in verb.children)
    )


#: Finite verb tags.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def skip_mark_word(doc: Doc, lo: int, hi: int) -> int:
    """Reported content starts after a complementiser ("said that ...")."""
    if lo < hi and doc[lo].lower_ == "that" and doc[lo].dep_ == "mark":
        return lo + 1
    return lo
