"""Reported speech and stances: a candidate per cue verb, nested ones dropped, marks taken in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import QuoteKind
from ..cues import (
    DOCUMENT_NOUNS,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    FINDING_VERBS,
    NAMING_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
    TOPIC_PREPOSITIONS,
    topic_verb,
    verb_base,
)
from ..doccache import doc_text, doc_tokens, lower_positions
from ..drafts import Draft, trim
from ..negation import negation_start, refused_stance
from ..quotemarks import QuoteMarks
from ..speakers import BODY_NOUNS, PEOPLE_ENDINGS, PEOPLE_PLURALS, SpeakerResolver
from .clauses import (
    AS_PRAISES,
    CLAUSE_DEPS,
    RELATIVE_WORDS,
    a_person,
    after_comma_clause,
    bare_cue,
    document_participle,
    is_passive,
    joined_cue,
    skip_mark_word,
)
from .complements import complement
from .direct import carries_sign, inverted_subject, negated
from .mixed import take_in_marks
from .statements import (
    STATEMENT_OR_IDEA_NOUNS,
    held_to_account,
    made_clear_report,
    speech_noun_clause,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def find_reported(
    doc: Doc,
    text: str,
    marks: list[QuoteMarks],
    inside: dict[int, int],
    resolver: SpeakerResolver,
    used_cues: set[int],
    claimed: set[int],
) -> list[Draft]:
    """Reported speech, mixed quotes and stances, in three phases: every cue verb's candidate,
    then candidates nested in another's clause dropped (or relayed, for documents), then the
    quotation marks inside what is left taken in (whole quote, or a quoted fragment)."""
    candidates = _reported_candidates(doc, text, marks, inside, resolver, used_cues, claimed)
    kept = _without_nested(candidates, resolver)
    take_in_marks(doc, text, marks, kept, claimed)
    return kept


def _reported_candidates(
    doc: Doc,
    text: str,
    marks: list[QuoteMarks],
    inside: dict[int, int],
    resolver: SpeakerResolver,
    used_cues: set[int],
    claimed: set[int],
) -> list[Draft]:
    """One draft per cue verb outside quotes whose complement reports something."""
    candidates: list[Draft] = []
    # `speech_noun_clause` finds nothing on another noun: only these are asked
    statement_nouns = set(lower_positions(doc, STATEMENT_OR_IDEA_NOUNS))
    for token in doc_tokens(doc):
        pos = token.pos_  # read once: most tokens are neither
        if pos == "NOUN" and token.i not in inside:
            if token.i in statement_nouns:
                noun_cue = speech_noun_clause(doc, text, token, resolver)
                if noun_cue is not None:
                    candidates.append(noun_cue)
            continue
        if pos not in {"VERB", "AUX"} or token.i in inside:
            continue
        if token.lower_ in MAKE_FORMS:
            made_clear = made_clear_report(doc, text, token, resolver)
            if made_clear is not None:
                candidates.append(made_clear)
            continue
        if token.lower_ in HOLD_FORMS:
            held = held_to_account(doc, text, token, resolver)
            if held is not None:
                candidates.append(held)
            continue
        base = verb_base(token.text) or topic_verb(token.text)
        relayed = document_participle(token)
        if base in NAMING_VERBS and token.dep_ == "acl" and token.tag_ == "VBN":
            # `a pattern described by X as "..."`: a reduced passive with its agent; only the
            # quoted characterisation is kept ("a man described by police as a suspect" is not)
            passive = _passive_stance(token, base, resolver)
            if passive is not None and passive.kind == "mixed":
                candidates.append(passive)
            continue
        if base is None or (token.dep_ in {"amod", "acl"} and not relayed):
            continue
        negation = None
        if negated(token):
            # "did not welcome X", "never criticised X": a stance all the same, its cue
            # keeping the negation; "did not say ..." reports nothing
            negation = negation_start(token) if base in STANCE_VERBS else None
            if negation is None or is_passive(token):
                continue
        if is_passive(token):
            passive = _passive_stance(token, base, resolver)
            if passive is not None:
                candidates.append(passive)
            continue
        misread = _participle_as_subject(token, base)
        if misread is not None:
            lo, hi, reporter = misread
            subject = resolver.subject_of(reporter)
            start, end = trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
            if subject is not None and end > start:
                speaker = resolver.resolve(subject)
                candidates.append(Draft(start, end, "indirect", token, None, speaker))
            continue
        found = complement(token, base, marks, claimed)
        if found is None or carries_sign(token):
            continue
        kind, lo, hi, particle = found
        if negation is not None and not _negated_stance(token, kind, particle):
            continue  # "did not agree on a budget", "did not agree that ...": no stance kept
        refused = refused_stance(token, base) if kind == "stance" else None
        if refused is not None and lo <= refused.i < hi:
            # "refused to condemn X": the cue is "refused to condemn", what is refused "X"
            particle, lo = refused, refused.i + 1
        if lo <= token.i < hi and kind == "indirect" and doc[lo].lower_ in RELATIVE_WORDS:
            # "which state media said were under control": the relative clause holds its own
            # cue; the words reported are those after it ("X, she said, Y" keeps both sides)
            lo = skip_mark_word(doc, token.i + 1, hi)
        if token.i in used_cues:
            # the cue of a direct quote: only a clause of its own before the quote counts
            # ("told the press the drugs were only part of it: "...""), cut where the quote starts;
            # so does a stance on an object ("affirmed her willingness to serve, writing, "..."")
            own = kind in {"indirect", "stance"} and lo > token.i
            hi = _before_quote(doc, lo, hi, inside, kind == "indirect") if own else -1
            if hi < 0:
                continue
            if kind == "stance" and _only_punct_to_quote(doc, hi, inside):
                continue  # `praised X on Twitter: "..."`: the quote is what the praise says
        if token.dep_ == "conj" and after_comma_clause(token):
            subject = inverted_subject(doc, token, inside)  # "..., argued the lawyer"
        elif joined_cue(token) and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in token.children
        ):
            # "told it this was unconfirmed and noted ...": the subject of the cue whose clause
            # the parser hung it in, not that clause's own ("this")
            outer = token.head.head
            reported = verb_base(outer.text) in SPEECH_VERBS and token.head.dep_ != "advcl"
            # "X remarked, though Y remained calm and encouraged ...": an adverbial clause
            # is no report of X's, and its subject is the second cue's too
            subject = resolver.subject_of(outer if reported else token)
        elif relayed:
            # "released a statement saying ...": whoever released it, else the statement
            issuer = token.head.head if token.head.dep_ == "dobj" else None
            subject = (resolver.subject_of(issuer) if issuer is not None else None) or (
                resolver.subject_of(token)
            )
        else:
            subject = (
                _quoted_as(token)
                or object_controller(token)
                or resolver.subject_of(token)
                or _subject_above(token, resolver)
            )
        relayed_by = next((c for c in token.rights if bare_cue(token, c)), None)
        if relayed_by is not None:
            # "..., the Courier reported the governor said": the outlet passes on his words
            subject = resolver.subject_of(relayed_by) or subject
        if subject is None or subject.lower_ == "you":  # an interviewer's question
            continue
        if subject.pos_ == "NUM" and not any(c.dep_ == "prep" for c in subject.children):
            continue  # "amassed 1,217 pledged delegates": a count, not who pledged
        hashtag = subject.i > 0 and doc[subject.i - 1].text == "#"
        if base in EVIDENCE_VERBS and (
            (subject.lower_ in EVIDENCE_NOUNS and not _owned(subject)) or hashtag
        ):
            continue  # "the evidence suggests ...", "#X went viral, suggesting": no speaker
        if base in FINDING_VERBS and not _can_report_finding(subject):
            continue  # "a search of the van found ...": what turned up, not a finding said
        if base in THING_CUES and subject.pos_ == "NOUN" and not (
            a_person(subject) or _can_report_finding(subject)
        ):
            continue  # "the revolution appears to signal ...": what an event means, unsaid
        if _copula_infinitive(token):
            continue  # "One of the goals is to encourage trade": a purpose, not a stance
        if kind == "stance" and (_permitted(token) or _describes_a_class(token)):
            continue  # "allows users to mock X", "listeners who praise X": no one's stance
        if _only_time(doc, lo, hi):
            continue  # "called off its search late on Tuesday": a time, not a position
        if hi < token.i:
            hi = _without_subjects_noun(doc, lo, hi, subject)
        start, end = trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        if end <= start:
            continue
        cue_end = particle.idx + len(particle.text) if particle is not None else None
        candidates.append(
            Draft(start, end, kind, token, cue_end, resolver.resolve(subject), cue_start=negation)
        )
    return candidates


def _participle_as_subject(cue: Token, base: str) -> tuple[int, int, Token] | None:
    """ `"...," X said, adding a court order followed the visit`: the parser read the
    participle and its bare clause's subject as the subject of that clause's verb. The words
    after the participle are the report, of the verb the clause hangs on: (first, last, that
    verb); None for any other cue."""
    verb = cue.head
    if cue.dep_ != "csubj" or cue.tag_ != "VBG" or base not in SPEECH_VERBS:
        return None
    if cue.i == 0 or cue.doc[cue.i - 1].text != "," or verb.i < cue.i:
        return None
    reporter = verb.head
    if verb.dep_ not in {"ccomp", "conj"} or reporter.i > cue.i:
        return None
    doc = cue.doc
    lo, hi = cue.i + 1, verb.right_edge.i
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    lo = skip_mark_word(doc, lo, hi)
    return (lo, hi, reporter) if hi > lo else None


def _subject_above(cue: Token, resolver: SpeakerResolver) -> Token | None:
    """The subject of a cue with none of its own, found above it: "she is quick to add that
    ..." (an infinitive on an adjective: the adjective's subject), "He does not think X is
    helpful, complaining that ..." (a participle the parser hung on the reported clause: the
    subject of the verb that reports it)."""
    head = cue.head
    if cue.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        if verb_base(cue.text) not in SPEECH_VERBS:
            return None  # "were able to determine": what they could do, not what they said
        subject = resolver.subject_of(head.head)
        # "It is worth noting that ...": the article's own aside
        return subject if subject is not None and subject.lower_ != "it" else None
    comma = cue.i > 0 and cue.doc[cue.i - 1].text == ","
    if cue.tag_ == "VBG" and cue.dep_ == "advcl" and comma and head.dep_ in {"ccomp", "xcomp"}:
        return resolver.subject_of(head.head) if head.head.i < head.i else None
    return None


def _clause_head(cue: Token) -> Token:
    """The first verb of a coordination the cue is in ("praise X and criticize Y": "praise")."""
    while cue.dep_ == "conj" and cue.head.pos_ in {"VERB", "AUX"}:
        cue = cue.head
    return cue


def _permitted(cue: Token) -> bool:
    """ "a culture that allows users to mock the powerful", "lets voters criticise X": what
    someone may do, which is no stance anyone took."""
    head = _clause_head(cue)
    permit = head.head
    # the permitting verb comes first ("allows X to ..."), not a "let" in a later quotation
    first = permit.i < head.i
    return head.dep_ in {"ccomp", "xcomp"} and first and permit.lower_ in PERMISSION_FORMS


#: Verbs of permitting, whose infinitive says what may be done, not what was done.
PERMISSION_FORMS = frozenset(
    f"{base}{ending}"
    for base in ("allow", "permit", "enable")
    for ending in ("", "s", "ed", "d", "ing")
) | frozenset("let lets letting".split())


def _describes_a_class(cue: Token) -> bool:
    """ "calls from listeners who praise the party", "targeting users who criticize the
    government": a relative clause in the present on a bare plural describes a kind of
    people, not a stance that people took; "protesters who condemned X" reports one."""
    head = _clause_head(cue)
    if head.dep_ != "relcl" or head.tag_ != "VBP":
        return False
    noun = head.head
    if noun.tag_ != "NNS":
        return False
    return not any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children)


#: Cues that events and things do as well as people ("the uprising signals a new chapter"):
#: with a common noun for a subject, a cue only if it names people, a body or a document.
THING_CUES = frozenset({"signal"})


#: Forms of "make", which states a position through what it makes clear.
MAKE_FORMS = frozenset({"make", "makes", "made", "making"})


#: Forms of "hold", which blames through what it holds someone ("held X responsible").
HOLD_FORMS = frozenset({"hold", "holds", "held", "holding"})


#: Common nouns, besides bodies, documents and people, that report findings ("the inquiry").
FINDING_NOUNS = frozenset(
    """
    inquiry investigation investigators review panel audit probe jury autopsy autopsies
    post-mortem necropsy inquest
    """.split()
)


def object_controller(cue: Token) -> Token | None:
    """ "Backlash led the senator to express "..."", "the court ordered the firm to state ...": the
    object of the verb above an infinitive cue is who speaks, not that verb's subject."""
    if cue.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children):
        return None
    if cue.head.lower_ not in OBJECT_CONTROL_FORMS:
        return None  # "founded the union to oppose X": a purpose, the founder's
    return next((c for c in cue.head.children if c.dep_ == "dobj" and c.i < cue.i), None)


#: Verbs whose object does what the infinitive after it says ("led the senator to express").
OBJECT_CONTROL_FORMS = frozenset(
    f"{base}{ending}"
    for base in (
        "prompt", "force", "ask", "urge", "order", "encourage", "push", "invite", "persuade",
        "convince", "pressure", "inspire", "compel", "require", "cause", "allow", "permit",
    )
    for ending in ("", "s", "ed", "d", "ing")
) | frozenset(
    "lead leads led leading drive drove driven tell told bring brings brought bringing".split()
)  # "bringing the firm's owner, Ana Ruiz, to testify that ..."


def _without_subjects_noun(doc: Doc, lo: int, hi: int, subject: Token) -> int:
    """ "..., yoga and trekking, newspaper The Courier reported": the parser joined the noun
    that says what the speaker is to the clause before it; the clause ends at the comma."""
    if hi + 1 != subject.left_edge.i:
        return hi
    comma = next((t.i for t in reversed(doc[lo : hi + 1]) if t.text == ","), None)
    if comma is None or comma == hi or comma <= lo:
        return hi
    if all(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in doc[comma + 1 : hi + 1]):
        return comma - 1
    return hi


def _owned(subject: Token) -> bool:
    """ "Eastvale University data indicated ...", "the ministry's figures show ...": a
    named keeper (a proper name before the noun) publishes the evidence and states it."""
    return any(
        c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN" and c.i < subject.i
        for c in subject.children
    )


def _can_report_finding(subject: Token) -> bool:
    """Who can find that something is so: a person or group (a pronoun, a name, "researchers"),
    a body ("the court", "the team") or a document ("the study"), not a search or a test."""
    word = subject.lower_
    if subject.pos_ in {"PRON", "PROPN"} or word in BODY_NOUNS or word in DOCUMENT_NOUNS:
        return True
    return word in FINDING_NOUNS or word in PEOPLE_PLURALS or word.endswith(PEOPLE_ENDINGS)


def _negated_stance(verb: Token, kind: QuoteKind, particle: Token | None) -> bool:
    """Whether a negated cue keeps a stance: one with an object ("did not welcome X",
    "never criticised X") or its particle ("did not call for X"). A negated clause ("did not
    agree that ...") or a topic ("could not agree on a budget") is a disagreement reported,
    not the speaker's stance towards anyone."""
    if kind != "stance":
        return False
    return particle is not None or any(c.dep_ == "dobj" for c in verb.children)


def _quoted_as(token: Token) -> Token | None:
    """ "cited the Air Force as stating ...", "quoted the minister as saying ...": the object
    of the citing verb is who spoke; the subject only passes the words on."""
    if token.dep_ != "pcomp" or token.head.lower_ != "as":
        return None
    if token.head.head.pos_ == "VERB":
        found = next(
            (c for c in token.head.head.children if c.dep_ == "dobj" and c.i < token.i), None
        )
        if found is not None:
            return found
        if token.head.head.lower_ in CITING_FORMS:
            # "X was quoted by a news agency as saying ...": the one quoted, not who quotes
            found = next((c for c in token.head.head.children if c.dep_ == "nsubjpass"), None)
            if found is not None:
                return found
    # "cited X, chief of ..., as saying": the parser hung "as" further on; the citing verb
    # before it in the sentence, with its object, still names who spoke
    for verb in reversed(list(token.sent[: token.head.i - token.sent.start])):
        if verb.lower_ in CITING_FORMS and verb.pos_ == "VERB":
            return next((c for c in verb.children if c.dep_ == "dobj"), None)
    return None


#: Verbs that pass on someone's words: "cited / quoted X as saying".
CITING_FORMS = frozenset("cite cites cited citing quote quotes quoted quoting".split())


def _only_time(doc: Doc, lo: int, hi: int) -> bool:
    """The content is nothing but a date or time ("late on Tuesday")."""
    words = [t for t in doc[lo : hi + 1] if not t.is_punct]
    return bool(words) and all(
        t.ent_type_ in {"DATE", "TIME"} or t.pos_ in {"ADP", "DET"} for t in words
    )


def _without_nested(candidates: list[Draft], resolver: SpeakerResolver) -> list[Draft]:
    """A verb inside someone else's reported clause is part of what they said, unless that
    someone is a document: `Ortega called on X to ..., the report said` is Ortega's, via it."""
    by_sentence: dict[int, list[Draft]] = {}
    for draft in candidates:
        by_sentence.setdefault(_sentence_key(draft, resolver), []).append(draft)
    relayed: set[int] = set()
    nested: set[int] = set()
    for draft in candidates:
        near = by_sentence[_sentence_key(draft, resolver)]
        outer = [o for o in near if o is not draft and o.start <= _cue_char(draft) < o.end]
        documents = [o for o in outer if o.speaker is not None and o.speaker.via is not None]
        # "Channel 9 reported that Judge Ana Ruiz said ...": the outlet passes on her words
        reports = [o for o in outer if _relays(o, draft)]
        if documents and len(documents) == len(outer) and draft.speaker and draft.speaker.key:
            draft.via = documents[0].speaker.via if documents[0].speaker else None
            relayed.update(id(o) for o in documents)
        elif reports and len(reports) == len(outer):
            draft.via = reports[0].speaker.text if reports[0].speaker else None
            relayed.update(id(o) for o in reports)
        elif outer:
            nested.add(id(draft))
    return [d for d in candidates if id(d) not in relayed and id(d) not in nested]


def _relays(outer: Draft, inner: Draft) -> bool:
    """`X reported (that) Y said ...`: the report's clause is a named speaker's own cue."""
    return (
        outer.cue is not None
        and inner.cue is not None
        and verb_base(outer.cue.text) == "report"
        and inner.cue.head == outer.cue
        and inner.cue.dep_ in CLAUSE_DEPS
        and verb_base(inner.cue.text) in SPEECH_VERBS
        and inner.speaker is not None
        and inner.speaker.key is not None
    )


def _sentence_key(draft: Draft, resolver: SpeakerResolver) -> int:
    return resolver.sentence(draft.cue).start if draft.cue is not None else -1


def _cue_char(draft: Draft) -> int:
    return draft.cue.idx if draft.cue is not None else draft.start


def _before_quote(
    doc: Doc, lo: int, hi: int, inside: dict[int, int], clause: bool = True
) -> int:
    """The last token of a reported clause (or, with `clause` false, of what a stance is
    about) that stops before any quotation, or -1."""
    first = next((i for i in range(lo, hi + 1) if i in inside), None)
    if first is not None:
        hi = first - 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    if hi - lo < 2:
        return -1
    # "said — as reported by X — "..."": a source or an aside, not a clause
    if doc[lo - 1].text in {"—", "–", "-", "("} or doc[lo].lower_ in {"as", "which", "who"}:
        return -1
    if not clause:
        return hi
    words = doc[lo : hi + 1]
    has_subject = any(t.dep_ in {"nsubj", "nsubjpass"} and lo <= t.head.i <= hi for t in words)
    return hi if has_subject or _object_read_as_subject(words) else -1


def _object_read_as_subject(words: Span) -> bool:
    """`argued the games help promote change: "..."`: the parser took the clause's subject for
    the cue's object and hung the clause's verb on the cue beside it; the two are one clause."""
    outer = [t for t in words if not words.start <= t.head.i < words.end]
    obj = next((t for t in outer if t.dep_ == "dobj"), None)
    verb = next((t for t in outer if t.dep_ == "ccomp" and t.pos_ in {"VERB", "AUX"}), None)
    return (
        obj is not None
        and verb is not None
        and obj.head == verb.head
        and obj.left_edge.i == words.start
        and obj.i < verb.i
    )


def _only_punct_to_quote(doc: Doc, hi: int, inside: dict[int, int]) -> bool:
    """Nothing but punctuation between a span's end and the next quotation."""
    for token in doc[hi + 1 :]:
        if token.i in inside:
            return True
        if not (token.is_punct or token.is_space):
            return False
    return True


#: Forms of "be" that make "is to encourage" a statement of purpose.
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "'s", "’s"})


def _copula_infinitive(verb: Token) -> bool:
    return (
        verb.dep_ in {"xcomp", "ccomp", "attr"}
        and verb.head.lower_ in BE_FORMS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _passive_stance(verb: Token, base: str, resolver: SpeakerResolver) -> Draft | None:
    """`The operation was condemned by members of the EU`: the agent takes the stance;
    `X were described by Lind as a "clear mandate"`: the agent's characterisation."""
    agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
    who = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    target = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    as_phrase = next(
        (
            c
            for c in [*verb.rights, *(who.rights if who is not None else ())]
            if c.dep_ == "prep" and c.lower_ == "as"
        ),
        None,
    )  # the parser hangs "as ..." on the cue or on the agent
    last_i = as_phrase.right_edge.i if as_phrase is not None else -1
    namer = who
    if who is None and as_phrase is not None and any(c.dep_ == "auxpass" for c in verb.children):
        # `being hailed as a "hero" by X`: the parser hangs "by X" on the quoted noun
        by = next((t for t in as_phrase.subtree if t.lower_ == "by" and t.dep_ == "prep"), None)
        namer = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        last_i = by.i - 1 if by is not None else last_i
    characterises = base in NAMING_VERBS or base in AS_PRAISES
    if characterises and namer is not None and as_phrase is not None and last_i > as_phrase.i:
        doc, text = verb.doc, doc_text(verb.doc)
        last = doc[last_i]
        start, end = trim(text, doc[as_phrase.i + 1].idx, last.idx + len(last.text))
        quoted = any(mark in text[start:end] for mark in '"“”')
        if base in NAMING_VERBS or quoted:  # "was praised as a hero by X": a stance, below
            kind: QuoteKind = "mixed" if quoted else "stance"
            return Draft(start, end, kind, verb, None, resolver.resolve(namer))
    elif base in NAMING_VERBS and who is not None and as_phrase is not None:
        return None
    named = _quoted_name_given(verb, base, who)
    if named is not None:
        return Draft(*named, "mixed", verb, None, resolver.resolve(who) if who else None)
    ccomp = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    if (
        base in SPEECH_VERBS
        and who is not None
        and target is not None
        and target.lower_ == "it"
        and ccomp is not None
        and any(g.dep_ in {"nsubj", "nsubjpass"} for g in ccomp.children)
    ):
        # "It was announced by the ministry that the border would reopen": the agent's report
        doc, text = verb.doc, doc_text(verb.doc)
        lo, hi = ccomp.left_edge.i, ccomp.right_edge.i
        if doc[lo].lower_ == "that" and lo < hi:
            lo += 1  # the subordinator, however the parser labels it
        while hi > lo and doc[hi].is_punct:
            hi -= 1
        start, end = trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        if end <= start:
            return None
        return Draft(start, end, "indirect", verb, None, resolver.resolve(who))
    clause = next((c for c in verb.rights if c.dep_ in CLAUSE_DEPS), None)
    if clause is None and who is not None:
        # `told by a nurse that treatment ...`: the parser hangs the clause on the agent
        clause = next(
            (
                c
                for c in who.rights
                if c.dep_ == "acl"
                and c.left_edge.lower_ == "that"
                and any(k.dep_ == "nsubj" for k in c.children)
            ),
            None,
        )
    if base in TOLD_BY and who is not None and clause is not None and clause.i > who.i:
        # `She was told by a midwife that ...`: the agent said what the clause reports
        doc, text = verb.doc, verb.doc.text
        lo = skip_mark_word(doc, clause.left_edge.i, clause.right_edge.i)
        last = doc[clause.right_edge.i]
        start, end = trim(text, doc[lo].idx, last.idx + len(last.text))
        if end <= start:
            return None
        return Draft(start, end, "indirect", verb, None, resolver.resolve(who))
    told_of = _told_of(verb, base, who, resolver)
    if told_of is not None:
        return told_of
    if base not in PASSIVE_STANCES:
        return None
    if agent is None or who is None or target is None or target.lower_ in RELATIVE_WORDS:
        return None
    doc = verb.doc
    lo = target.left_edge.i
    hi = max([target.right_edge.i, agent.right_edge.i] + [
        c.right_edge.i for c in verb.rights if not c.is_punct
    ])
    text = doc_text(doc)
    start, end = trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
    if end <= start:
        return None
    return Draft(start, end, "stance", verb, None, resolver.resolve(who))


def _quoted_name_given(verb: Token, base: str, who: Token | None) -> tuple[int, int] | None:
    """`have been labeled "traitors" and "urban rebels" by X`: a passive naming verb whose
    quoted name comes before its agent gives the agent's words, as (start, end); an unquoted
    one ("was called a hero by X") is left to the stance rules."""
    if base not in NAMING_VERBS or who is None:
        return None
    named = next((c for c in verb.rights if c.dep_ in {"oprd", "attr"} and c.i < who.i), None)
    if named is None:
        return None
    doc, text = verb.doc, doc_text(verb.doc)
    last = doc[named.right_edge.i]
    start, end = trim(text, doc[named.left_edge.i].idx, last.idx + len(last.text))
    if end <= start or not any(mark in text[start:end] for mark in '"“”'):
        return None
    return start, end


def _told_of(
    verb: Token, base: str, who: Token | None, resolver: SpeakerResolver
) -> Draft | None:
    """`He was told by X of "..."`, `was told by X of having to ...`: the agent said what the
    topic phrase holds, when it holds quoted words or a clause (a plain topic, "told by X
    about the plan", reports nothing said)."""
    if base not in TOLD_BY or who is None:
        return None
    topic = next(  # the parser hangs "of ..." on the cue or on the agent
        (
            c
            for c in [*verb.rights, *who.rights]
            if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS
        ),
        None,
    )
    if topic is None or topic.i < who.i or topic.right_edge.i <= topic.i:
        return None
    doc, text = verb.doc, doc_text(verb.doc)
    last = doc[topic.right_edge.i]
    start, end = trim(text, doc[topic.i + 1].idx, last.idx + len(last.text))
    quoted = any(mark in text[start:end] for mark in '"“”')
    clause = any(c.dep_ == "pcomp" for c in topic.children)
    if end <= start or not (quoted or clause):
        return None
    return Draft(start, end, "mixed" if quoted else "indirect", verb, None, resolver.resolve(who))


#: Speech verbs whose passive with an agent reports what the agent said: "was told by X that".
TOLD_BY = frozenset({"tell", "inform", "assure"})

#: Stance verbs that still judge in the passive ("was condemned by"); "was threatened by the
#: flood" or "was resisted by the soil" are events, not positions.
PASSIVE_STANCES = frozenset(
    """
    accuse blame condemn criticise criticize denounce decry dismiss dispute endorse oppose
    praise reject slam urge welcome applaud question
    """.split()
)
