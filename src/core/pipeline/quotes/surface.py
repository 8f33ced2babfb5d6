"""Reported speech and quote cues the parse missed, found by the words around a speech verb.

The dependency rules need the parser to make the cue a verb with a subject and a clause. When
it does not ("with local media reporting no-one was ...", "they reason" tagged a noun, "PG&E
announced via Twitter around 11:30 am (1830 UTC), phase one had ..."), a sentence in which they
found nothing is read once more by its words: a speech verb with a subject next to it and a
clause (a finite verb with a subject) after it, or a clause before ", X said" / ", said X".
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..cues import INTRO_VERBS, NAMING_VERBS, PARTICLE_STANCES, TITLING_WORDS, cue_forms, verb_base
from ..doccache import doc_text, tokens_with_lower
from ..drafts import SENTENCE_END, Draft, trim
from ..quotemarks import QuoteMarks, is_title

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..speakers import SpeakerResolver

#: Speech verbs trusted by their written form alone, whatever tag the parser gave them.
SURFACE_CUES = frozenset(
    """
    say state report announce claim add note explain insist argue reveal confirm allege write
    tweet acknowledge admit assert stress declare remark disclose reason contend warn
    """.split()
)
#: Subordinators that open a fronted adverbial clause before the main clause ("While A, B").
FRONTED_OPENERS = frozenset("while although though whereas".split())
#: Words that may stand between a subject and its cue ("PAP has also reported").
BETWEEN_WORDS = frozenset("has have had also further later previously then again".split())
#: Forms of "have" that make a participle cue finite ("has reported").
HAVE_FORMS = frozenset({"has", "have", "had"})
#: Words that open a subordinate clause or a list: a verb after them is not the clause's own.
SUBORDINATORS = frozenset(
    """
    before after when while because if until since although though whether where including
    which who whom whose
    """.split()
)
#: Tags of a finite verb: what makes the words after a cue a clause, not a noun phrase.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Parts of speech a subject may have, whatever its dependency label.
SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: Words of a noun phrase, walking left from its head.
PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "PART"})
#: Subjects that are no speaker ("you" asks; relative words belong to the parse's own rules).
NOT_SUBJECTS = frozenset({"you", "i", "me", "which", "that", "who", "what", "there", "this"})
#: Words that open a gloss after a comma; the reported clause ends before them.
GLOSS_WORDS = frozenset({"which", "who", "whose"})
#: Fewest words a reported clause has.
MIN_WORDS = 3
#: Most words between a reported clause's start and its verb.
VERB_REACH = 10
#: How far before a quotation mark a cue the parser missed may stand.
MARK_WINDOW = 12


def surface_reported(
    doc: Doc,
    text: str,
    drafts: list[Draft],
    inside: dict[int, int],
    resolver: SpeakerResolver,
) -> list[Draft]:
    """Reported speech in sentences where the dependency rules found nothing."""
    # a stance alone does not make a sentence read: "X claimed A and argued against B" with
    # "claimed" read as an adjective leaves only the stance to the dependency rules
    busy = _sentences_with_drafts([d for d in drafts if d.kind != "stance"], resolver)
    found: list[Draft] = []
    for sent in doc.sents:
        if sent.start in busy or any(i in inside for i in range(sent.start, sent.end)):
            continue
        draft = _cue_then_clause(doc, text, sent, resolver) or _clause_then_cue(
            doc, text, sent, resolver
        )
        if draft is None:
            continue
        stances = [
            d
            for d in drafts
            if d.kind == "stance" and d.cue is not None and draft.start <= d.cue.idx < draft.end
        ]
        if stances:
            cue = min(stances, key=lambda d: d.cue.idx if d.cue is not None else 0).cue
            assert cue is not None
            cut = cue.left_edge.i if cue.left_edge.i < cue.i else cue.i
            if cut > 0 and doc[cut - 1].lower_ in {"and", "but"}:
                cut -= 1  # the clause ends before "and argued against ..."
            draft.end = trim(text, draft.start, doc[cut].idx)[1]
            if draft.end <= draft.start:
                continue
            said_at = draft.cue.idx if draft.cue is not None else -1
            for stance in stances:
                if stance.speaker is not None and (
                    stance.speaker.start <= said_at < stance.speaker.end
                ):
                    stance.speaker = draft.speaker  # "Trump claimed carbon emissions" is Trump
        found.append(draft)
    return found


#: The one word `with_participle_reports` starts from.
_WITH = frozenset({"with"})


def with_participle_reports(
    doc: Doc, text: str, drafts: list[Draft], inside: dict[int, int], resolver: SpeakerResolver
) -> list[Draft]:
    """`..., with the latter confirming on Twitter they were "not ..."`, `with local media
    reporting the mayor had left`: a speech verb's participle after "with" and its subject,
    then a clause. The parser reads such a phrase every which way (the participle hung on the
    clause, "reporting" as a noun), so it is read by its words, in any sentence, where no draft
    holds the clause yet."""
    found: list[Draft] = []
    for token in tokens_with_lower(doc, _WITH):
        if token.lower_ != "with" or token.i in inside:
            continue
        sent = resolver.sentence(token)
        cue = next(
            (
                t
                for t in doc[token.i + 2 : min(sent.end, token.i + 7)]
                if t.lower_.endswith("ing") and verb_base(t.text) in SURFACE_CUES
            ),
            None,
        )
        if cue is None or cue.i in inside:
            continue
        between = doc[token.i + 1 : cue.i]
        if not all(
            t.pos_ in PHRASE_POS or t.tag_ in {"HYPH", "POS"} or t.ent_type_ in {"DATE", "TIME"}
            for t in between
        ):
            continue
        heads = [t for t in between if t.ent_type_ not in {"DATE", "TIME"}]
        subject = next(
            (t for t in reversed(heads) if t.pos_ in SUBJECT_POS or t.lower_ in ORDINAL_REFS),
            None,
        )
        if subject is None or subject.lower_ in NOT_SUBJECTS:
            continue
        lo = cue.i + 1
        if lo < sent.end and doc[lo].lower_ == "that":
            lo += 1
        hi = _clause_end(doc, lo, sent)
        start = _clause_start(doc, lo, hi)
        if start is None:
            continue
        span_start = doc[start].idx
        span_end = doc[hi].idx + len(doc[hi].text)
        if any(d.start < span_end and d.end > span_start for d in drafts):
            continue
        draft = _draft(doc, text, start, hi, cue, subject, resolver)
        if draft is None:
            continue
        if any(m in text[draft.start : draft.end] for m in '"“”'):
            draft.kind = "mixed"
        found.append(draft)
    return found


#: Words that name an earlier noun phrase and may be a subject ("the latter confirming").
ORDINAL_REFS = frozenset({"latter", "former"})


def surface_quote_cue(
    doc: Doc, text: str, mark: QuoteMarks, inside: dict[int, int], resolver: SpeakerResolver
) -> tuple[Token, Token] | None:
    """A cue before a quotation that the parse did not make a verb with a subject ("Remarked
    X, "..."", "has, in a statement, called on drivers to "..."" with "called" hung on
    "statement"): the cue and its subject. None without a subject to see: a quotation after
    "further remarking" goes on with the previous speaker (`_continuations`)."""
    if not mark.closed or is_title(text, mark):
        return None
    inner = text[mark.open + 1 : mark.close].strip()
    if not (inner[:1].isupper() or len(inner.split()) >= 5):
        return None  # a term or a title, not someone's words
    span = doc.char_span(0, mark.open, alignment_mode="contract") if mark.open else None
    if span is None or not len(span):
        return None
    if text[: mark.open].rstrip()[-1:] not in {",", ":", "—", "–", "-"}:
        words = doc.char_span(mark.open + 1, mark.close, alignment_mode="contract")
        if words is None or not any(t.pos_ in {"VERB", "AUX"} for t in words):
            return None  # `ruled in the case "Lopez versus Ohio"`: a title, not words
    last = span[-1]
    while last.is_space and last.i > 0:
        last = doc[last.i - 1]
    sent = resolver.sentence(last)
    for token in reversed(doc[max(sent.start, last.i - MARK_WINDOW) : last.i + 1]):
        if token.i in inside or token.text in SENTENCE_END:
            return None
        base = verb_base(token.text)
        if base in INTRO_VERBS and _in_a_name(token, sent):
            continue  # "told The Huffington Post, "..."": a word of a name, not a cue
        if base in INTRO_VERBS and not _negated_word(token):
            particles = PARTICLE_STANCES.get(base)
            if particles is not None and (
                token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in particles
            ):
                return None  # `called it "..."`: a name, which the naming rules read
            if token.i == sent.start or (token.i == sent.start + 1 and doc[sent.start].is_punct):
                named = _name_after(doc, token, last.i)  # "Remarked X, "...""
                return (token, named) if named is not None else None
            subject = _subject_before(doc, token, sent)
            if subject is not None and _object_of_preposition(doc, subject, sent):
                # "The family's statement on the death read:": the noun the phrase hangs on
                subject = _subject_before(doc, doc[_phrase_start(doc, subject, sent) - 1], sent)
            return (token, subject) if subject is not None else None
        if token.tag_ in FINITE_TAGS:
            return None  # another verb stands between: not this cue's quotation
    return None


#: Verbs that characterise someone or something in quoted words ("called the ruling "unjust"",
#: "lauded Cain as a "..."", "dismissed the claims as "..."").
CHARACTERISING_VERBS = NAMING_VERBS | frozenset(
    """
    praise laud hail criticize criticise condemn denounce slam blast dismiss decry lambaste
    """.split()
)
#: Parts of speech of the object between such a verb and the quoted words.
OBJECT_POS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "NUM", "PART", "PRON", "ADP"})


def surface_naming_cue(
    doc: Doc, text: str, mark: QuoteMarks, inside: dict[int, int], resolver: SpeakerResolver
) -> tuple[Token, Token] | None:
    """`Trump called Stone's sentence "unjust."` / `Trump lauded Cain as a "..."` with the verb
    read as a modifier ("Trump called" a noun and its participle): a characterising verb by its
    written form, an object after it, the quoted words after that, and a subject right before
    it; the cue and its subject. Without an object between (`a group called "..."`) the words
    are a name, not a quote."""
    if not mark.closed or is_title(text, mark):
        return None
    first = _token_at_or_after_char(doc, mark.open)
    if first is None or first.i == 0:
        return None
    sent = resolver.sentence(first)
    objects = 0
    for token in reversed(doc[max(sent.start, first.i - MARK_WINDOW) : first.i]):
        if token.i in inside or token.text in SENTENCE_END:
            return None
        base = verb_base(token.text)
        if base in CHARACTERISING_VERBS and token.text.islower() and token.dep_ in MODIFIER_DEPS:
            if not objects or _negated_word(token):
                return None
            if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in PARTICLES_AFTER_CALL:
                return None  # "called on X to ...": a stance the parse's rules read
            subject = _characteriser(doc, token, sent)
            return (token, subject) if subject is not None else None
        if token.pos_ not in OBJECT_POS:
            return None  # a verb or a clause stands between: not this verb's object
        if token.pos_ in {"NOUN", "PROPN", "PRON"}:
            objects += 1
    return None


#: Dependencies of a verb the parser read as a modifier of the noun before it.
MODIFIER_DEPS = frozenset({"acl", "amod", "relcl"})
#: Particles after "called" that make it "call on / for".
PARTICLES_AFTER_CALL = frozenset({"on", "for", "upon", "off", "out", "in", "up"})


def _characteriser(doc: Doc, cue: Token, sent: Span) -> Token | None:
    """Who characterises: the noun phrase opening the sentence right before the cue ("Trump"
    even when tagged a verb, as a named entity), or, when the words before the cue are a
    participle's phrase hung on the sentence's subject ("X speaking to the Y think tank
    called ..."), that subject."""
    subject = _subject_before(doc, cue, sent)
    before = doc[cue.i - 1] if cue.i > sent.start else None
    if (
        subject is None
        and before is not None
        and before.text.istitle()
        and (before.ent_type_ or before.i == sent.start)
    ):
        subject = before  # "Trump lauded Cain": the name tagged a verb
    if subject is not None:
        subject = _head_of_of_phrase(doc, subject, sent)
    if subject is not None and subject.i == _sentence_subject(doc, sent, subject):
        return subject
    root = sent.root
    if root.tag_ == "VBG" and root.i < cue.i:
        return next((c for c in root.children if c.dep_ == "nsubj"), None)
    return None


def _head_of_of_phrase(doc: Doc, noun: Token, sent: Span) -> Token:
    """The noun an "of" phrase hangs on ("the director of the agency": director), so a
    subject ending in such a phrase is read from its head, not from its last noun."""
    while True:
        start = _phrase_start(doc, noun, sent)
        if start - 2 < sent.start or doc[start - 1].lower_ != "of":
            return noun
        head = doc[start - 2]
        if head.pos_ not in {"NOUN", "PROPN"}:
            return noun
        noun = head


def _sentence_subject(doc: Doc, sent: Span, subject: Token) -> int:
    """The subject's index if its phrase opens the sentence (after a fronted time or place
    and its comma: "On Tuesday, X called ..."), else -1: a noun inside a longer phrase."""
    start = _phrase_start(doc, subject, sent)
    if start == sent.start:
        return subject.i
    before = doc[start - 1]
    return subject.i if before.text == "," and not any(
        t.pos_ in {"VERB", "AUX"} for t in doc[sent.start : start]
    ) else -1


def _token_at_or_after_char(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, len(doc_text(doc)), alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _in_a_name(token: Token, sent: Span) -> bool:
    """A capitalised word inside a named entity after the sentence's start ("The Washington
    Post", "Daily Report"): part of a name, whatever verb it spells."""
    return token.i > sent.start and token.text[:1].isupper() and bool(token.ent_type_)


# -- the two shapes --------------------------------------------------------------------


def _titled(doc: Doc, lo: int, hi: int) -> bool:
    """A title word right before a quote mark in the stretch: the verb in the marks is the
    title's, not a reported clause's."""
    end = min(hi, len(doc) - 1)
    return any(doc[i].lower_ in TITLING_WORDS and doc[i + 1].is_quote for i in range(lo, end))


def _cue_then_clause(
    doc: Doc, text: str, sent: Span, resolver: SpeakerResolver
) -> Draft | None:
    """`X (has also) reported + clause`, `with X reporting + clause`."""
    for cue in tokens_with_lower(doc, cue_forms(SURFACE_CUES), sent.start, sent.end):
        if not _surface_cue(cue):
            continue
        subject = _subject_before(doc, cue, sent)
        if subject is None or _object_of_preposition(doc, subject, sent):
            continue
        lo = cue.i + 1
        if lo < sent.end and doc[lo].lower_ == "that":
            lo += 1
        if lo < sent.end and doc[lo].lower_ == "by":
            continue  # "the rate reported by the team": a participle, its agent after it
        hi = _clause_end(doc, lo, sent)
        if _titled(doc, lo, hi):
            continue  # `wrote a column titled "Why ... must close"`: a thing named, no clause
        bounds = _clause_start(doc, lo, hi)
        if bounds is None:
            continue
        return _draft(doc, text, bounds, hi, cue, subject, resolver)
    return None


def _clause_then_cue(
    doc: Doc, text: str, sent: Span, resolver: SpeakerResolver
) -> Draft | None:
    """`clause, X said.` / `clause, reported officials, with ...` / `A, they reason, B`."""
    for cue in tokens_with_lower(doc, cue_forms(SURFACE_CUES), sent.start, sent.end):
        if not _surface_cue(cue) or cue.i == sent.start:
            continue
        before = doc[cue.i - 1]
        subject: Token | None
        if before.text == ",":
            if cue.tag_ == "VBG":
                continue  # ", stressing bipartisanship": a participle's object, no speaker
            subject = _phrase_after(doc, cue, sent)  # ", reported officials"
            comma = cue.i - 1
        else:
            subject = _subject_before(doc, cue, sent)  # ", officials said"
            if subject is None:
                continue
            comma = _phrase_start(doc, subject, sent) - 1
            if comma < sent.start or doc[comma].text != ",":
                continue
        if subject is None or subject.lower_ in NOT_SUBJECTS:
            continue
        after = subject.i + 1 if subject.i > cue.i else cue.i + 1
        while after < sent.end and doc[after].ent_type_ in {"DATE", "TIME"}:
            after += 1  # ", officials said Monday."
        while after < sent.end and doc[after].dep_ == "prep" and doc[after].head.i == cue.i:
            after = doc[after].right_edge.i + 1  # ", X said in a 2017 report on the issue."
        if after >= sent.end or doc[after].text not in {",", ".", "!", "?", ";"}:
            continue
        hi = _clause_end(doc, after + 1, sent)
        if doc[after].text == "," and after + 1 <= hi and _finite(doc[after + 1]):
            # "A, they reason, could B": the words after the aside are the predicate said
            if hi - after >= MIN_WORDS:
                return _draft(doc, text, after + 1, hi, cue, subject, resolver)
            continue
        head_hi = comma - 1
        if _clause_start(doc, sent.start, head_hi) is None:
            continue
        return _draft(doc, text, sent.start, head_hi, cue, subject, resolver)
    return None


# -- helpers ---------------------------------------------------------------------------


def _draft(
    doc: Doc, text: str, lo: int, hi: int, cue: Token, subject: Token, resolver: SpeakerResolver
) -> Draft | None:
    start, end = trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
    if end <= start:
        return None
    speaker = resolver.resolve(subject)
    cue_end = cue.idx + len(cue.text)
    if speaker.key is None and speaker.start <= cue.idx < speaker.end:
        # ", reported officials,": the parser's phrase took in the cue; the speaker follows it
        words = text[cue_end : speaker.end].strip()
        speaker = replace(speaker, text=words, start=speaker.end - len(words))
    return Draft(start, end, "indirect", cue, None, speaker)


def _sentences_with_drafts(drafts: list[Draft], resolver: SpeakerResolver) -> set[int]:
    """Sentence starts (token index) holding a draft's words or its cue."""
    busy: set[int] = set()
    doc = resolver.doc
    for draft in drafts:
        if draft.cue is not None:
            busy.add(resolver.sentence(draft.cue).start)
        for char in (draft.start, max(draft.start, draft.end - 1)):
            span = doc.char_span(char, char + 1, alignment_mode="expand")
            if span is not None and len(span):
                busy.add(resolver.sentence(span[0]).start)
    return busy


def _subject_before(doc: Doc, cue: Token, sent: Span) -> Token | None:
    """The head of the noun phrase just before the cue, over "has also" and an aside between
    commas ("The ministry has, in a statement, called")."""
    j = cue.i - 1
    while j >= sent.start and (doc[j].lower_ in BETWEEN_WORDS or doc[j].tag_ == "RB"):
        j -= 1
    if j >= sent.start and doc[j].text == ",":
        opening = next(
            (k for k in range(j - 1, max(sent.start, j - 10) - 1, -1) if doc[k].text == ","),
            None,
        )
        if opening is None:
            return None
        j = opening - 1
        while j >= sent.start and (doc[j].lower_ in BETWEEN_WORDS or doc[j].tag_ == "RB"):
            j -= 1
    if j < sent.start:
        return None
    subject = doc[j]
    if subject.pos_ not in SUBJECT_POS or subject.lower_ in NOT_SUBJECTS:
        return None
    if subject.pos_ == "PRON" and subject.tag_ not in {"PRP"}:
        return None  # "its", "whose": not a subject
    return subject


def _name_after(doc: Doc, cue: Token, last: int) -> Token | None:
    """The last word of a name between an inverted cue and the quotation ("Remarked role X,")."""
    named = [t for t in doc[cue.i + 1 : last + 1] if t.ent_type_ == "PERSON"]
    if named:
        return named[-1]
    words = [t for t in doc[cue.i + 1 : last + 1] if t.pos_ in {"PROPN", "NOUN"}]
    return words[-1] if words else None


def _phrase_after(doc: Doc, cue: Token, sent: Span) -> Token | None:
    """The head of a noun phrase right after an inverted cue (", reported officials")."""
    last: Token | None = None
    for token in doc[cue.i + 1 : min(sent.end, cue.i + 7)]:
        if token.pos_ in PHRASE_POS or token.tag_ == "HYPH":
            if token.pos_ in SUBJECT_POS:
                last = token
            continue
        break
    return last


def _phrase_start(doc: Doc, head: Token, sent: Span) -> int:
    """The first word of the noun phrase ending at `head`."""
    j = head.i
    while j - 1 >= sent.start and (doc[j - 1].pos_ in PHRASE_POS or doc[j - 1].tag_ == "HYPH"):
        j -= 1
    return j


def _object_of_preposition(doc: Doc, subject: Token, sent: Span) -> bool:
    """`in the report said`: a noun after a preposition is no subject ("with X reporting" is)."""
    start = _phrase_start(doc, subject, sent)
    if start - 1 < sent.start:
        return False
    before = doc[start - 1]
    return before.pos_ == "ADP" and before.lower_ != "with"


def _clause_end(doc: Doc, lo: int, sent: Span) -> int:
    """The last word of the reported clause: the sentence's end, or before ", which ..."."""
    hi = sent.end - 1
    for token in doc[lo : sent.end]:
        if token.text == ";" or (
            token.text == "," and token.i + 1 < sent.end and doc[token.i + 1].lower_ in GLOSS_WORDS
        ):
            hi = token.i - 1
            break
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return hi


def _clause_start(doc: Doc, lo: int, hi: int) -> int | None:
    """Where a clause with a finite verb and a subject starts in [lo, hi], or None.

    Words before its last comma ahead of the verb are the cue's own adjuncts ("via Twitter
    around 11:30 am, phase one had been completed"), unless a relative word follows it."""
    if hi - lo + 1 < MIN_WORDS:
        return None
    if doc[lo].lower_ in FRONTED_OPENERS:
        # "While A has drawn attention, research on B has only begun, X said": a fronted
        # adverbial clause, then the main clause; the two are what was said
        comma = next((t.i for t in doc[lo : hi + 1] if t.text == ","), None)
        if comma is None or doc[comma + 1].lower_ in FRONTED_OPENERS:
            return None
        return lo if _clause_start(doc, comma + 1, hi) is not None else None
    verbs = [t for t in doc[lo : hi + 1] if _finite(t)]
    if not verbs:
        return None
    verb = verbs[0]
    start = lo
    if doc[lo].pos_ in {"ADP", "ADV"} or doc[lo].ent_type_ in {"DATE", "TIME"}:
        for token in doc[lo : verb.i]:
            if token.text == "," and doc[token.i + 1].lower_ not in GLOSS_WORDS:
                start = token.i + 1
    if verb.i == start and len(verbs) > 1:
        verb = verbs[1]  # "phase one had been completed", "phase" tagged a verb
    while doc[start].pos_ == "ADP" and doc[start].lower_ not in SUBORDINATORS:
        # "announced on Facebook on Tuesday there were ...": the cue's own adjuncts, no comma
        end = doc[start].right_edge.i
        if not start < end < verb.i - 1:
            break
        start = end + 1
    if verb.i == start or verb.i - start > VERB_REACH:
        return None  # no verb near the start: a noun phrase with a clause inside it
    if any(
        t.lower_ in SUBORDINATORS or t.text in {",", ";", ":"} or _purpose_so(t)
        for t in doc[start : verb.i]
    ):
        return None  # "more cases, including 165 before the shutdown began": not one clause
    k = verb.i - 1
    while k > start and (doc[k].tag_ == "RB" or doc[k].lower_ in {"not", "n't", "also"}):
        k -= 1
    if doc[k].pos_ not in SUBJECT_POS and doc[k].pos_ != "NUM":
        return None  # "declared X, shut down Y": a second predicate, not a clause
    return start


def _purpose_so(token: Token) -> bool:
    """ "announced a curfew so police could clear the streets": "so" as the conjunction of a
    clause of purpose (not "so far", "so many")."""
    return token.lower_ == "so" and token.dep_ == "mark"


def _finite(token: Token) -> bool:
    """A finite verb, or a third-person verb the tagger read as a plural noun right after a
    singular one ("the coating repels bacteria")."""
    if token.tag_ in FINITE_TAGS:
        return True
    doc = token.doc
    return (
        token.tag_ == "NNS"
        and token.lower_.endswith("s")
        and token.i > 0
        and doc[token.i - 1].tag_ == "NN"
        and token.i + 1 < len(doc)
        and doc[token.i + 1].pos_ in {"NOUN", "DET", "PRON", "ADJ", "NUM", "PROPN"}
    )


def _surface_cue(cue: Token) -> bool:
    """A speech verb by its form, written in lower case, that is not a noun of a longer name
    nor a bare participle ("the rate reported", "reported incidents"); "has reported" is."""
    if verb_base(cue.text) not in SURFACE_CUES or not cue.text.islower() or _noun_compound(cue):
        return False
    if cue.tag_ in {"NN", "NNS", "NNP", "NNPS"} and cue.doc[cue.i - 1].tag_ != "PRP":
        return False  # "US states as having", "the orange warning issued": a noun ("they reason")
    if cue.tag_ in {"VBN", "JJ"}:
        doc = cue.doc
        if cue.i > 1 and doc[cue.i - 1].text == "," and doc[cue.i - 2].pos_ == "PROPN":
            return True  # "The city's chief, Ana Ruiz, announced on ...": after a name's aside
        j = cue.i - 1
        while j > 0 and (doc[j].tag_ == "RB" or doc[j].lower_ in BETWEEN_WORDS - HAVE_FORMS):
            j -= 1
        return doc[j].lower_ in HAVE_FORMS
    return True


def _noun_compound(cue: Token) -> bool:
    """`New York state lawmakers`, `a police report form`: the cue's word is a noun of a
    longer name, not a verb."""
    doc = cue.doc
    return (
        cue.pos_ in {"NOUN", "PROPN", "ADJ"}
        and cue.i + 1 < len(doc)
        and doc[cue.i + 1].pos_ in {"NOUN", "PROPN"}
    )


def _negated_word(token: Token) -> bool:
    doc = token.doc
    return any(t.lower_ in {"not", "n't", "never"} for t in doc[max(0, token.i - 2) : token.i])
