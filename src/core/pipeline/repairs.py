"""Parse repairs for cue verbs the tagger read as modifiers, made before the quote rules run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import SPEECH_VERBS, STANCE_VERBS, cue_forms, verb_base
from .doccache import tokens_with_lower

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Tags of a past form, the tense a report is written in.
PAST_TAGS = frozenset({"VBD", "VBN"})


def repair_cue_modifiers(doc: Doc) -> None:
    """Make a cue verb that the parser read as an adjective or a noun a verb again.

    A subject that is also a common noun ("Trump", "Hunter") can make the model read the
    sentence as a noun phrase: the subject becomes the root and the past form after it an
    adjective on the object ("Trump accused Democrats of ..." as "[accused Democrats]" hung on
    "Trump"). The rules read speakers and complements from the parse, so the cue is restored
    as the root, the noun before it its subject and the words after it its dependents. Only
    this shape is touched: a root noun right before a past form of a cue verb, with nothing
    but that noun phrase before it and no verb anywhere else in the sentence. A speech verb
    tagged as a noun that has a subject before it and a clause after it is a verb.
    """
    for token in tokens_with_lower(doc, cue_forms(SPEECH_VERBS)):  # the speech verbs' forms
        if token.pos_ == "NOUN" and _verb_read_as_noun(token):
            # "Estimates by the government state about 350 ... are": a subject before it and a
            # clause after it, as only a verb has them
            token.pos_ = "VERB"
    for sent in doc.sents:
        root = sent.root
        if root.pos_ in {"VERB", "AUX"}:
            _restore_after_apposition(root)
            continue
        if root.pos_ not in {"NOUN", "PROPN"} or root.left_edge.i != sent.start:
            continue
        cue = doc[root.i + 1] if root.i + 1 < sent.end else None
        if cue is None or not _modifier_cue(cue):
            continue
        if any(t.pos_ in {"VERB", "AUX"} and t.i < cue.i for t in sent):
            continue
        _make_root(cue, root)


def _verb_read_as_noun(token: Token) -> bool:
    base = verb_base(token.text)
    if base is None or base not in SPEECH_VERBS:
        return False
    return any(c.dep_ == "nsubj" and c.i < token.i for c in token.children) and any(
        c.dep_ == "ccomp" and c.i > token.i for c in token.children
    )


def _modifier_cue(token: Token) -> bool:
    base = verb_base(token.text)
    return (
        base is not None
        and (base in SPEECH_VERBS or base in STANCE_VERBS)
        and token.dep_ == "amod"
        and token.tag_ in PAST_TAGS | {"JJ"}
        and token.text[:1].islower()
        and token.head.i > token.i
    )


def _restore_after_apposition(verb: Token) -> None:
    """ "Tom Reed, an economist at the bank who has studied it, noted growth had slowed": after
    a long apposition the model reads the cue as an adjective on the reported clause's subject
    and makes the speaker that clause's subject too. The cue becomes the root again, the
    speaker its subject and the clause its complement."""
    doc = verb.doc
    speaker = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if speaker is None or verb_base(verb.text) is not None:
        return  # "X, proposed Secretary of State, implied ...": the root is the cue already
    apposition = next((c for c in speaker.rights if c.dep_ == "appos"), None)
    if apposition is None:
        return
    for cue in doc[apposition.right_edge.i + 2 : verb.i]:
        if not _modifier_cue(cue) or doc[cue.i - 1].text != ",":
            continue
        subject = cue.head
        if subject.i != cue.i + 1 or subject.i >= verb.i:
            return
        if not (
            (subject.dep_ == "appos" and subject.head.i == speaker.i)
            or (subject.dep_ == "nsubj" and subject.head.i == verb.i)
        ):
            return
        if any(t.pos_ in {"VERB", "AUX"} and t.head.i == verb.i for t in doc[cue.i : subject.i]):
            return
        before = [t for t in verb.lefts if t.i < cue.i]  # the speaker, the comma
        _as_root_verb(cue)
        for token in before:
            token.head = cue
        verb.head = cue
        verb.dep_ = "ccomp"
        subject.head = verb
        subject.dep_ = "nsubj"
        return


def _make_root(cue: Token, subject: Token) -> None:
    after = [t for t in subject.rights if t.i > cue.i]
    _as_root_verb(cue)
    for token in after:
        token.head = cue
    subject.head = cue
    subject.dep_ = "nsubj"


def _as_root_verb(cue: Token) -> None:
    """The cue as the past-tense verb heading its sentence, as the parser should have read it."""
    cue.head = cue
    cue.dep_ = "ROOT"
    cue.pos_ = "VERB"
    cue.tag_ = "VBD"
