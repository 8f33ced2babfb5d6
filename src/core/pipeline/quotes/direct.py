"""Direct quotes: the cue and speaker around a pair of quotation marks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..cues import (
    EVIDENCE_VERBS,
    INTRO_VERBS,
    NAMING_VERBS,
    SIGN_NOUNS,
    SPEECH_VERBS,
    THOUGHT_VERBS,
    manner_verb,
    verb_base,
)
from ..drafts import SENTENCE_END, is_cue_verb
from ..names import HONORIFICS
from ..quotemarks import QuoteMarks
from ..speakers import Speaker, SpeakerResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Words after a closing mark within which the cue must appear (`"...," the minister told them`).
AFTER_WINDOW = 14
#: Minimum words for an unclaimed quote to count as someone's words rather than a term.
UTTERANCE_WORDS = 5


#: Speech verbs only a person does: `The poster wrote "..."`, `one poster writing "..."` is
#: someone posting online, not a placard; `a poster saying "..."` may be either, so it is a sign.
AUTHOR_VERBS = frozenset("write post tweet comment reply respond argue explain tell add".split())


def carries_sign(cue: Token) -> bool:
    """`a banner saying "..."`, `placards reading "..."`, `The sign read "..."`: not speech."""
    if verb_base(cue.text) in AUTHOR_VERBS:
        return False
    for child in cue.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ in SIGN_NOUNS:
            return True
    if cue.head.i != cue.i and cue.dep_ in {"acl", "relcl"} and cue.head.lower_ in SIGN_NOUNS:
        return True
    doc = cue.doc
    for token in reversed(doc[max(0, cue.i - 8) : cue.i]):
        if token.lower_ in SIGN_NOUNS and token.pos_ == "NOUN":
            return True
        if token.pos_ in {"VERB", "AUX"} or token.text in SENTENCE_END or token.text == ",":
            return False
    return False


def tokens_inside(doc: Doc, marks: list[QuoteMarks]) -> dict[int, int]:
    """Token index -> index of the quote marks it sits in (marks included)."""
    inside: dict[int, int] = {}
    for index, mark in enumerate(marks):
        span = doc.char_span(mark.open, mark.close + 1, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            inside.setdefault(token.i, index)
    return inside


def named_before_cue(
    doc: Doc, text: str, mark: QuoteMarks, cue: Token, resolver: SpeakerResolver
) -> Speaker | None:
    """The person named in the words between a quote's closing mark and its cue: one the
    model tagged in full, else the name ending a name phrase it did not tag."""
    between = text[mark.close + 1 : cue.idx]
    if any(c in between for c in ".;:?!\n"):
        return None
    person = resolver.person_within(mark.close + 1, cue.idx)
    if person is not None:
        return resolver.speaker_for(person, person.start, person.end)
    subject = _phrase_between(doc, text, mark, cue)
    return resolver.resolve(subject) if subject is not None else None


#: The most words a quoted term may have ("prosecution for anti-national plots" faces ...).
QUOTED_TERM_WORDS = 6


def quoted_subject(doc: Doc, mark: QuoteMarks) -> bool:
    """A few quoted words with no verb that are the subject of the verb right after the
    closing mark (`"COVID-19" is to replace ...`): a term used in the sentence, not words
    someone said."""
    if not mark.closed:
        return False
    words = doc.char_span(mark.open + 1, mark.close, alignment_mode="contract")
    if words is None or not len(words) or len(words) > QUOTED_TERM_WORDS:
        return False
    if any(t.pos_ in {"VERB", "AUX"} for t in words):
        return False
    after = next((t for t in doc[words.end :] if not t.is_punct), None)
    if after is None or after.idx > mark.close + 3 or after.pos_ not in {"VERB", "AUX"}:
        return False
    if verb_base(after.text) in SPEECH_VERBS:
        return False  # `"Fine" said the mayor`
    return any(t.dep_ in {"nsubj", "nsubjpass"} and t.head.i >= words.end for t in words)


def subject_of_speech_root(sent: Span, mark: QuoteMarks) -> Token | None:
    """The subject of a sentence whose root, before the quotation, spells a speech verb
    whatever its tag ("The agency notes, "..."")."""
    root = sent.root
    if root.idx >= mark.open or verb_base(root.text) not in SPEECH_VERBS:
        return None
    deps = {"nsubj", "nsubjpass"}
    if root.pos_ == "NOUN":
        deps |= {"nmod", "compound"}  # "The Department of X notes" read as one noun phrase
    return next((c for c in root.lefts if c.dep_ in deps and c.pos_ != "VERB"), None)


def inverted_subject(doc: Doc, cue: Token, inside: dict[int, int]) -> Token | None:
    """`"..." tweeted Mayor of Eastvale Omar Haddad`: the parser may miss an inverted subject.
    Whom a cue addresses is never it ("told reporters"), nor a participle's object (`"...",
    highlighting the importance of X`)."""
    if cue.tag_ == "VBG":
        return None
    window = []
    listener = verb_base(cue.text) in {"tell", "inform"}  # not `"...", read the warning`
    for token in doc[cue.i + 1 : cue.i + 8]:
        if token.i in inside or token.text in SENTENCE_END or token.text in {"(", ","}:
            break
        if listener and token.head == cue and token.dep_ in {"dobj", "dative"}:
            return None
        window.append(token)
    # `X wrote on Twitter, "..."`: where the cue happened is no one who speaks
    window = [t for t in window if not _in_cue_prep(t, cue)]
    for label in ("PERSON", "ORG", "NORP", "GPE"):  # "Mayor of Eastvale Omar Haddad": the person
        named = [t for t in window if t.ent_type_ == label]
        if named:
            return named[-1]
    for token in doc[cue.i + 1 : cue.i + 8]:
        if token.i in inside or token.is_punct:
            return None
        if token.pos_ in {"PROPN", "NOUN"} and not _in_cue_prep(token, cue):
            for chunk in doc.noun_chunks:
                if chunk.start <= token.i < chunk.end:
                    return chunk.root
            return token
    return None


def _in_cue_prep(token: Token, cue: Token) -> bool:
    """The token sits in a prepositional phrase of the cue ("wrote on Twitter", "said in
    Paris"): a place or a medium, never the cue's subject."""
    while token.head.i != token.i and token.i != cue.i:
        if token.dep_ == "prep" and token.head.i == cue.i:
            return True
        token = token.head
    return False


def cue_after(doc: Doc, text: str, mark: QuoteMarks, inside: dict[int, int]) -> Token | None:
    """`"...," she said` / `"..." wrote Novak`: a speech verb just after the closing mark."""
    if not mark.closed or not (
        starts_utterance(text, mark.open) or _runs_over_sentences(text, mark)
    ):
        return None
    inner = text[mark.open + 1 : mark.close].rstrip()
    first = _token_at_or_after(doc, mark.close + 1)
    if first is None:
        return None
    if inner.endswith(".") and first.text[:1].isupper():
        # `"... ." Next sentence` starts anew; `"...," she said` is the cue form; but a
        # sentence that is only a speaker and a speech verb (`"... ." Okafor said.`) is the
        # attribution the writer stopped with a full stop
        return _bare_attribution(doc, first, inside)
    if "\n" in text[mark.close : first.idx]:
        return None  # a quote's cue is never in a later paragraph (`"...?" ¶ ... asked`)
    words = 0
    for token in doc[first.i :]:
        if token.i in inside or (token.text in SENTENCE_END and not _after_title(token)):
            return None
        if token.is_punct:
            continue
        if is_cue_verb(token, INTRO_VERBS) and not negated(token):
            return token
        if words == 0 and verb_base(token.text) in SPEECH_VERBS and token.tag_.startswith("VB"):
            return token  # `"..." tweeted the mayor`: right after the mark, whatever the parse
        if _manner_cue(token, first, words):
            return token  # `"...," she laughed`, `"...", Zara sighs`
        words += 1
        if words > AFTER_WINDOW:
            return None
    return None


#: Words of a subject that may stand between a quote and a verb of manner (`Zara sighs`).
MANNER_SUBJECT_WORDS = 6


def _manner_cue(token: Token, first: Token, words: int) -> bool:
    """A verb of manner right after a quote: inverted (`"...," laughed Ana`), or after a short
    subject that is all that stands between (`"...," she laughed`, `"...", Ana Ruiz sighs`)."""
    if not manner_verb(token.text) or negated(token):
        return False
    doc = token.doc
    between = [t for t in doc[first.i : token.i] if not (t.is_punct or t.is_space)]
    if token.tag_ == "NNS" and token.text.islower():
        # `"...", Zara sighs,` with "sighs" read as a plural noun: only a name before it,
        # and the clause ends after it
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        return (
            0 < len(between) <= MANNER_SUBJECT_WORDS
            and all(t.pos_ == "PROPN" for t in between)
            and (after is None or after.is_punct)
        )
    if not token.tag_.startswith("VB"):
        return False
    if words == 0:
        return True
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if words > MANNER_SUBJECT_WORDS or len(subjects) != 1:
        return False
    subtree = {t.i for t in subjects[0].subtree}
    return all(t.i in subtree for t in between)


def _after_title(stop: Token) -> bool:
    """The full stop of an abbreviated title ("police spokesperson Sgt. Ana Ruiz told"),
    which the tokenizer split off and the parser took for a sentence end."""
    if stop.text != "." or stop.i == 0:
        return False
    before = stop.doc[stop.i - 1]
    return not before.whitespace_ and before.lower_ in HONORIFICS and before.text[:1].isupper()


def _bare_attribution(doc: Doc, first: Token, inside: dict[int, int]) -> Token | None:
    """`Okafor said.` / `The minister added on Friday.`: a short subject, a speech verb and
    the sentence's end (times aside); the verb, else None."""
    words = 0
    for token in doc[first.i :]:
        if token.i in inside:
            return None
        if verb_base(token.text) in SPEECH_VERBS and token.tag_.startswith("VB") and words:
            rest = [t for t in doc[token.i + 1 :] if not t.is_space]
            for after in rest:
                if after.text in SENTENCE_END:
                    return token
                if after.ent_type_ not in {"DATE", "TIME"} and after.lower_ not in {"on", "in"}:
                    return None
            return token
        if token.pos_ not in {"PROPN", "NOUN", "PRON", "DET", "ADJ"} and token.tag_ != "HYPH":
            return None
        words += 1
        if words > 5:
            return None
    return None


def cue_before(
    doc: Doc, text: str, mark: QuoteMarks, inside: dict[int, int], resolver: SpeakerResolver
) -> Token | None:
    """`X said, "..."` / `X said: "..."` / `saying "..."`: a speech verb just before the mark."""
    before = text[: mark.open].rstrip()
    if not before:
        return None
    last_char = before[-1]
    token = _token_before(doc, mark.open)
    if token is None or token.i in inside or "\n" in text[token.idx : mark.open]:
        return None
    verb = doc[token.i - 1] if token.i > 0 else token
    if (
        last_char == ";"
        and is_cue_verb(verb, INTRO_VERBS)
        and any(c.dep_ == "nsubj" for c in verb.children)
    ):
        # `X posted; "..."`: a semicolon right after a verb with its own subject (not `intends
        # to appeal; "..."`) stands for a colon
        last_char, token = ":", verb
    bare = last_char not in ",:—–-"
    if bare and not (_looks_like_utterance(text, mark) and _has_verb(doc, mark, inside)):
        return None  # `ruled in the case "Smith vs. Jones"`: a title, not words
    sent_start = resolver.sentence(token).start
    stretch = doc[sent_start : token.i + 1]
    plain = {t.i for t in _outside_asides(stretch)}
    best: Token | None = None
    for candidate in reversed(stretch):
        if candidate.i in inside or candidate.text in SENTENCE_END:
            break
        if candidate.i not in plain or is_as_clause(candidate):
            continue  # "— as reported by X —" names a source, it is not the cue
        if _reported_evidence(candidate):
            continue  # "X told Y the data suggested Z: "..."": what was told, not the cue
        # `described X as an individual, "facing ..."`: after a comma or colon a naming verb
        # introduces the quoted words too
        verbs = SPEECH_VERBS if bare else INTRO_VERBS | NAMING_VERBS
        if bare and token.lower_ == "that":
            # `feels that "it could be ..."`: a belief in the holder's own quoted words
            verbs = verbs | THOUGHT_VERBS
        if is_cue_verb(candidate, verbs) and not negated(candidate):
            # `X said on Friday "We ..."`, `told reporters "There ..."`, `saying that "Hell yes"`
            between = _outside_asides(doc[candidate.i + 1 : token.i + 1])
            subtree = {t.i for t in candidate.subtree}
            if bare and any(t.pos_ in {"VERB", "AUX"} for t in between):
                break
            if all(t.i in subtree or t.is_punct for t in between) or last_char == ":":
                best = candidate
                break
    return best


def _reported_evidence(verb: Token) -> bool:
    """A verb that things do as well as people ("suggested", "showed") in the clause another
    speech verb reports, with a subject of its own: part of what was said."""
    head = verb.head
    return (
        verb_base(verb.text) in EVIDENCE_VERBS
        and verb.dep_ == "ccomp"
        and head.i < verb.i
        and is_cue_verb(head, INTRO_VERBS)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )


def _has_verb(doc: Doc, mark: QuoteMarks, inside: dict[int, int]) -> bool:
    span = doc.char_span(mark.open + 1, mark.close, alignment_mode="contract")
    return span is not None and any(t.pos_ in {"VERB", "AUX"} for t in span)


def colon_verb(
    doc: Doc, text: str, mark: QuoteMarks, inside: dict[int, int], resolver: SpeakerResolver
) -> Token | None:
    """`The summary read in part: "..."`, `X made the following announcement: "..."`.

    A colon right before a quoted sentence introduces it whatever the verb: the main verb of
    the clause before the colon (the one nearest the root) is the cue, its subject the speaker.
    """
    before = text[: mark.open].rstrip()
    token = _token_before(doc, mark.open)
    if not before.endswith(":") or token is None or not _looks_like_utterance(text, mark):
        return None
    stretch = doc[resolver.sentence(token).start : token.i + 1]
    best: tuple[tuple[int, int], Token] | None = None
    for candidate in reversed(stretch):
        if candidate.i in inside or candidate.text in SENTENCE_END:
            break
        if candidate.pos_ not in {"VERB", "AUX"} or negated(candidate):
            continue
        has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in candidate.children)
        if has_subject or candidate.dep_ == "acl":  # `The summary of the decision read: "..."`
            # a named subject first (`Another was X, who cited ...:`), then the main verb
            subject = resolver.subject_of(candidate)
            named = subject is not None and resolver.resolve(subject).key is not None
            score = (0 if named else 1, sum(1 for _ in candidate.ancestors))
            if best is None or score < best[0]:
                best = (score, candidate)
    return best[1] if best else None


#: Nouns for someone's words that may introduce them before a colon ("X's response was
#: blunt: "..."", "The message from X was clear: "...""): the words are X's.
WORDS_NOUNS = frozenset(
    """
    response reply answer message advice verdict warning retort reaction comment comments words
    explanation assessment view position plea
    """.split()
)


def whose_words(subject: Token) -> Token | None:
    """The person whose words the subject noun is: its possessor ("X's response") or the
    object of its "from" ("the message from X"), a name; else None."""
    if subject.lower_ not in WORDS_NOUNS:
        return None
    for child in subject.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            return child
        if child.dep_ == "prep" and child.lower_ == "from":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                return obj
    return None


def is_as_clause(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _outside_asides(tokens: Span) -> list[Token]:
    """Tokens not inside a dash or bracket aside ("said — as reported by X — ...")."""
    kept: list[Token] = []
    depth = 0
    for token in tokens:
        if token.text in {"—", "–", "--"}:
            depth = 0 if depth else 1
            continue
        if token.text in {"(", "["}:
            depth += 1
            continue
        if token.text in {")", "]"}:
            depth = max(0, depth - 1)
            continue
        if not depth:
            kept.append(token)
    return kept


def _looks_like_utterance(text: str, mark: QuoteMarks) -> bool:
    """Someone's words rather than a term: a capitalised start or several words."""
    inner = text[mark.open + 1 : mark.close].strip()
    return inner[:1].isupper() or len(inner.split()) >= UTTERANCE_WORDS


def starts_utterance(text: str, open_at: int) -> bool:
    """The mark opens a sentence or follows a clause break, so the quote is not a fragment."""
    before = text[:open_at].rstrip()
    return not before or before[-1] in ".!?:,;—–-(\n\"”"


_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")


def _runs_over_sentences(text: str, mark: QuoteMarks) -> bool:
    """`We need to "make sure ... . But at the other end ...," Ms Ruiz said.`: quoted words
    opened inside a sentence run on over a sentence end and close before a comma; they are
    someone's words with their own cue, not a fragment of the sentence they open in."""
    inner = text[mark.open + 1 : mark.close].rstrip()
    closes_clause = inner.endswith(",") or text[mark.close + 1 : mark.close + 2] == ","
    return closes_clause and _SENTENCE_INSIDE.search(inner) is not None


def _token_at_or_after(doc: Doc, char: int) -> Token | None:
    # The text's length from the last token: `doc.text` would rebuild the whole string per call.
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if char >= length:
        return None
    span = doc.char_span(char, length, alignment_mode="expand")
    for token in span if span is not None else ():
        if token.idx >= char and not token.is_space and token.text not in {'"', "“", "”"}:
            return token
    return None


def _token_before(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(0, char, alignment_mode="contract") if char > 0 else None
    for token in reversed(span) if span is not None else ():
        if not token.is_space:
            return token
    return None


def negated(verb: Token) -> bool:
    """"did not say", "never said", and "neither X nor Y would endorse", "no group claimed"
    (the subject's "neither" or "no")."""
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ == "never":
            return True
        if child.dep_ in {"nsubj", "nsubjpass"} and any(
            g.lower_ in {"neither", "no"} for g in child.children
        ):
            return True  # "neither X nor Y would endorse", "no group claimed"
    return False


def _phrase_between(doc: Doc, text: str, mark: QuoteMarks, cue: Token) -> Token | None:
    """`"...", Eastvale coach Ana Ruiz said.` with "coach" read as a verb: the parse gave the
    cue no subject, but the words between the quotation and the cue are a name phrase; its
    last name word is who speaks."""
    if not mark.closed or cue.idx <= mark.close:
        return None
    if text[mark.close : cue.idx].lstrip('"”’ ,').split() == []:
        return None
    span = doc.char_span(mark.close + 1, cue.idx, alignment_mode="contract")
    if span is None:
        return None
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not 1 <= len(words) <= 6 or not all(t.is_alpha for t in words):
        return None
    last = words[-1]
    # a role and a name ("Eastvale coach Ana Ruiz"): the phrase ends with a capitalised name
    return last if last.pos_ == "PROPN" and last.text[:1].isupper() else None
