"""Who said it: the subject of a cue, resolved to a named mention when the text allows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cues import DOCUMENT_NOUNS
from .models import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Subject dependencies, active and passive.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Verbs that borrow the subject of the verb they hang from ("X declined and said", "X spoke, saying").
INHERIT_DEPS = frozenset({"conj", "xcomp", "advcl"})
#: Personal pronouns that can refer back to a named person.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Relative pronouns: the speaker is the noun the clause hangs from ("a statement which said").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
#: Labels a named speaker can have.
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: How many sentences back a pronoun looks for its person.
PRONOUN_WINDOW = 4


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: the text to show, where it is written, its cluster key if named."""

    text: str
    start: int
    end: int
    key: str | None
    via: str | None = None


class SpeakerResolver:
    """Resolves cue subjects against one article's mentions (built once per article)."""

    def __init__(self, doc: Doc, mentions: list[Mention]) -> None:
        self.doc = doc
        self.mentions = sorted(
            (m for m in mentions if m.label in SPEAKER_LABELS), key=lambda m: m.start
        )
        self._full_names = _full_names(self.mentions)

    # -- subjects -------------------------------------------------------------------------

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a cue verb, climbing through conjoined and participle verbs."""
        seen = 0
        token = verb
        while seen < 4:
            for child in token.children:
                if child.dep_ in SUBJECT_DEPS:
                    return child
            if token.dep_ in INHERIT_DEPS and token.head is not token:
                token = token.head
                seen += 1
                continue
            if token.dep_ == "relcl" and token.head is not token:
                return token.head
            return None
        return None

    def resolve(self, subject: Token) -> Speaker:
        """The speaker for a subject token: a named mention, a pronoun's person, or a group."""
        if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
            subject = subject.head.head
        start_tok, end_tok = _phrase_bounds(subject)
        span = self.doc[start_tok : end_tok + 1]
        start, end = span.start_char, span.end_char
        if subject.lower_ in PERSON_PRONOUNS:
            mention = self._antecedent(subject)
            if mention is not None:
                key = self._full_names.get(mention.key, mention.key)
                return Speaker(_clean_name(key), start, end, key)
            return Speaker(subject.text, start, end, None)
        mention = self._mention_at(subject)
        if mention is None:
            mention = self._appositive_mention(subject)
        if mention is not None:
            key = self._full_names.get(mention.key, mention.key)
            return Speaker(_clean_name(key), start, end, key)
        text = _strip_phrase(span.text)
        via = text if subject.lower_ in DOCUMENT_NOUNS else None
        return Speaker(text, start, end, None, via)

    def resolve_phrase(self, head: Token) -> Speaker:
        """A speaker from a noun phrase such as the object of "according to"."""
        return self.resolve(head)

    # -- mentions -------------------------------------------------------------------------

    def _mention_at(self, token: Token) -> Mention | None:
        lo, hi = token.idx, token.idx + len(token.text)
        for mention in self.mentions:
            if mention.start < hi and lo < mention.end:
                return mention
        return None

    def _appositive_mention(self, token: Token) -> Mention | None:
        for child in token.children:
            if child.dep_ == "appos":
                mention = self._mention_at(child)
                if mention is not None and mention.label == "PERSON":
                    return mention
        return None

    def _antecedent(self, pronoun: Token) -> Mention | None:
        """The person a pronoun most likely means: a recent subject, else the last person named."""
        persons = [m for m in self.mentions if m.label == "PERSON" and m.end <= pronoun.idx]
        if not persons:
            return None
        sents = list(self.doc.sents)
        here = pronoun.sent
        index = next((i for i, s in enumerate(sents) if s.start == here.start), 0)
        for back in range(PRONOUN_WINDOW + 1):
            if index - back < 0:
                break
            sent = sents[index - back]
            in_sent = [m for m in persons if sent.start_char <= m.start < sent.end_char]
            subjects = [m for m in in_sent if self._is_subject(m)]
            if subjects:
                return subjects[-1] if back else subjects[0]
        return persons[-1]

    def _is_subject(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if root.dep_ in SUBJECT_DEPS:
            return True
        if root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS:
            return True
        return False


def _phrase_bounds(head: Token) -> tuple[int, int]:
    """The written extent of a speaker phrase: the head and its modifiers on the left, plus names."""
    left = head.i
    for child in head.lefts:
        if child.dep_ in {"preconj", "punct", "cc"}:
            continue
        left = min(left, child.left_edge.i)
    right = head.i
    for child in head.rights:
        if child.dep_ in {"compound", "flat", "nummod"} or (
            child.dep_ == "prep" and child.lower_ == "of" and head.ent_type_
        ):
            right = max(right, child.right_edge.i)
        else:
            break
    doc = head.doc
    while left < head.i and doc[left].is_punct:
        left += 1
    return left, right


def _strip_phrase(text: str) -> str:
    text = text.strip().strip(",;:—–- ")
    for lead in ("both ", "Both "):
        if text.startswith(lead):
            text = text[len(lead) :]
    return text


def _clean_name(name: str) -> str:
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _name_tokens(name: str) -> list[str]:
    return _clean_name(name).replace(".", ". ").split()


def _full_names(mentions: list[Mention]) -> dict[str, str]:
    """Short person keys -> the fuller key of the same article ("Johnson" -> "Boris Johnson").

    With clustered mentions the keys are already full names and this maps nothing; with bare
    mentions it joins surname-only and given-name-only keys to the first full name that fits
    (either name order, so surname-first names like "Guo Shengkun" work too).
    """
    persons: list[str] = []
    for mention in mentions:
        if mention.label == "PERSON" and mention.key not in persons:
            persons.append(mention.key)
    mapping: dict[str, str] = {}
    for key in persons:
        tokens = _name_tokens(key)
        if not tokens:
            continue
        best: str | None = None
        for other in persons:
            if other == key:
                continue
            longer = _name_tokens(other)
            if len(longer) <= len(tokens):
                continue
            if longer[-len(tokens) :] == tokens or longer[: len(tokens)] == tokens:
                best = other
                break
        if best is not None:
            mapping[key] = best
    return mapping


def sentence_of(doc: Doc, char: int) -> Span | None:
    """The sentence holding a character offset, if any."""
    for sent in doc.sents:
        if sent.start_char <= char < sent.end_char:
            return sent
    return None
