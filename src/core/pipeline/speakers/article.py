"""One article as the speaker rules read it: its mentions, sentences and quoted stretches."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ...models import Mention
from ..antecedents import Candidate
from ..cues import SPEECH_VERBS, verb_base
from ..doccache import doc_text
from ..names import SUFFIXES, fold_name, looks_like_person_name, one_name_mark
from .gender import glossed_gender
from .mentions import common_noun
from .naming import clean_name, full_names, name_tokens
from .speaker import Speaker
from .words import PERSON_PRONOUNS, SPEAKER_LABELS, SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class ArticleMentions:
    """One article's mentions, sentences and quoted stretches, and the lookups every speaker
    rule makes in them (built once per article)."""

    def __init__(
        self, doc: Doc, mentions: list[Mention], quoted: Sequence[tuple[int, int]] = ()
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions = sorted(
            (m for m in mentions if m.label in SPEAKER_LABELS), key=lambda m: m.start
        )
        self._starts = [m.start for m in self.mentions]
        self._person_keys = {m.key for m in self.mentions if m.label == "PERSON"}
        self._alone = self._named_by_one_name()
        self._full_names = full_names(self.mentions, self._alone)
        self._quoted = sorted(quoted)
        self._quoted_starts = [lo for lo, _hi in self._quoted]
        self._sents = list(doc.sents)
        self._sent_of = [0] * len(doc)
        for index, sent in enumerate(self._sents):
            for i in range(sent.start, sent.end):
                self._sent_of[i] = index
        self._surnames: dict[str, Mention] = {}
        for mention in self.mentions:
            tokens = name_tokens(mention.key)
            if len(tokens) > 1 and (
                self._is_person(mention) or looks_like_person_name(mention.key)
            ):
                # people only: "Trust" is no surname of "Arden Shelter Trust"
                self._surnames.setdefault(tokens[-1], mention)
        self._given: dict[str, Mention | None] = {}
        for mention in self.mentions:
            tokens = [t for t in name_tokens(mention.key) if fold_name(t) not in SUFFIXES]
            if len(tokens) > 2 and (
                self._is_person(mention) or looks_like_person_name(mention.key)
            ):
                key = self._full_names.get(mention.key, mention.key)
                for word in tokens[1:-1]:
                    # "Nur" of "Elif Nur Kaplanoğlu"; two people sharing it: neither
                    seen = self._given.get(word, mention)
                    same = seen is not None and self._full_names.get(seen.key, seen.key) == key
                    self._given[word] = mention if same else None
        self._named_times: dict[str, int] = {}
        """How often the article names each person (by full-name key): salience."""
        for mention in self.mentions:
            key = self._full_names.get(mention.key, mention.key)
            self._named_times[key] = self._named_times.get(key, 0) + 1
        self._antecedents: dict[int, Mention | None] = {}
        self._unnamed: dict[int, Token] = {}
        """Pronouns whose antecedent is a person the article does not name: that subject."""
        self._genders: dict[str, str] = self._glossed_genders()

    def _glossed_genders(self) -> dict[str, str]:
        """People whose gender a noun beside their name says ("Prime Minister Tom Berg's
        daughter Ana Berg", "Ana Berg, his daughter"): a "he" never means them. A person
        glossed both ways gets neither; a noun joined to others is a list ("Tom Berg, his wife
        and their family"), not a gloss."""
        found: dict[str, set[str]] = {}
        for mention in self.mentions:
            if mention.label != "PERSON":
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            nouns = [c for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos":
                nouns.append(root.head)
            if span.start > 0 and self.doc[span.start - 1].dep_ == "compound":
                nouns.append(self.doc[span.start - 1])  # "his daughter Ana Berg"
            for noun in nouns:
                if noun.i != span.start - 1 and any(
                    c.dep_ in {"cc", "conj"} or (c.pos_ == "PROPN" and c.dep_ != "poss")
                    for c in noun.children
                ):
                    # "Tom Berg, his wife and their family": a list; "Tom Berg, his wife
                    # Ana": the noun glosses another name, not his
                    continue
                gender = glossed_gender(noun.lower_) if noun.pos_ == "NOUN" else None
                if gender is not None:
                    key = self._full_names.get(mention.key, mention.key)
                    found.setdefault(key, set()).add(gender)
                    found.setdefault(mention.key, set()).add(gender)
        return {key: next(iter(genders)) for key, genders in found.items() if len(genders) == 1}

    def sentence(self, token: Token) -> Span:
        """The sentence holding a token (cheap: `Token.sent` scans the document each time)."""
        return self._sents[self._sent_of[token.i]]

    def _named_by_one_name(self) -> set[str]:
        """One-word keys of people the article gives only that name ("Vanna, 34, said",
        "Mina, not her real name"; `names.one_name_mark`): no longer name's short form."""
        first_in_longer: dict[str, int] = {}
        for m in self.mentions:
            words = fold_name(m.text).split()
            for word in words if len(words) > 1 else ():
                first_in_longer.setdefault(word, m.start)
        alone: set[str] = set()
        for m in self.mentions:
            if " " in m.key.strip() or m.key in alone:
                continue
            mark = one_name_mark(self.text, m.start, m.end)
            longer = first_in_longer.get(fold_name(m.key), len(self.text))
            if mark == "alias" or (mark == "age" and m.start < longer):
                alone.add(m.key)
        return alone

    def _mention_at(self, token: Token) -> Mention | None:
        lo, hi = token.idx, token.idx + len(token.text)
        index = bisect_left(self._starts, hi) - 1
        while index >= 0:
            mention = self.mentions[index]
            if lo < mention.end:
                return mention
            if mention.start < lo - 200:  # mentions are short; no earlier one can reach here
                return None
            index -= 1
        return None

    def _appositive_mention(self, token: Token) -> Mention | None:
        """"television broadcaster ACME TV", "Tom's mother, Ana": the name next to the noun."""
        for child in token.children:
            if child.dep_ in {"appos", "compound"}:
                mention = self._mention_at(child)
                if mention is not None and (child.dep_ == "appos" or mention.end > token.idx):
                    return mention
        return None

    def person_within(self, start: int, end: int) -> Mention | None:
        """The last person named in full (two words or more) entirely within the characters
        [start, end): the name in "according to Acme Falls' first selectman, Tom
        Berg"."""
        index = bisect_left(self._starts, end) - 1
        while index >= 0 and self.mentions[index].start >= start:
            mention = self.mentions[index]
            if (
                mention.end <= end
                and mention.label == "PERSON"
                and " " in mention.text.strip()
                and self._is_person(mention)
            ):
                return mention
            index -= 1
        return None

    def lone_person_before(self, stretch: tuple[int, int]) -> Speaker | None:
        """The one person a stretch of text names (outside quotation marks), as a speaker;
        None if it names none or several, or speaks of someone as "he" or "she" (whom the
        pronoun means is the run's speaker)."""
        start, end = stretch
        words = self.text[start:end].split()
        if any(w.strip(",.;:").lower() in PERSON_PRONOUNS for w in words):
            return None
        return self._lone_person(stretch)

    def _lone_person(self, stretch: tuple[int, int]) -> Speaker | None:
        """The one person a stretch names outside quotation marks, as a speaker."""
        start, end = stretch
        index = bisect_left(self._starts, start)
        found: Mention | None = None
        keys: set[str] = set()
        while index < len(self.mentions) and self.mentions[index].start < end:
            mention = self.mentions[index]
            index += 1
            if mention.end > end or not self._is_person(mention) or self._in_quote(mention.start):
                continue
            keys.add(self._full_names.get(mention.key, mention.key))
            found = mention
        if found is None or len(keys) != 1:
            return None
        return self.speaker_for(found, found.start, found.end)

    def subject_introduced(self, stretch: tuple[int, int]) -> Speaker | None:
        """The one person a sentence names, when it is its main clause's subject ("The
        province's governor, Ana Ruiz, grew angry when asked about the fines."): a paragraph
        that closes on such a sentence introduces whose quoted paragraph follows (a "her" in
        it is the subject's own)."""
        person = self._lone_person(stretch)
        if person is None:
            return None
        span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
        if span is None:
            return None
        token = span.root
        if token.dep_ == "appos":  # "The governor, Ana Ruiz, grew angry"
            token = token.head
        if token.dep_ not in SUBJECT_DEPS or token.head.dep_ != "ROOT":
            return None
        return person

    def is_place(self, token: Token) -> bool:
        """The token is part of a place's name."""
        mention = self._mention_at(token)
        return mention is not None and mention.label in {"GPE", "LOC", "FAC"}

    def names_a_person(self, speaker: Speaker) -> bool:
        """The speaker is a person named in the article (not a group, body or phrase)."""
        key = speaker.key
        return key is not None and (key in self._person_keys or key in self._full_names)

    def speaker_for(self, mention: Mention, start: int, end: int) -> Speaker:
        """A named speaker written at [start, end) (where the cue names them)."""
        key = self._full_names.get(mention.key, mention.key)
        return Speaker(clean_name(key), start, end, key)

    def _is_person(self, mention: Mention) -> bool:
        """A person if any mention of its cluster is one (one mislabelled mention is outvoted)."""
        return mention.key in self._person_keys or mention.key in self._full_names

    def _in_quote(self, char: int) -> bool:
        index = bisect_right(self._quoted_starts, char) - 1
        return index >= 0 and char < self._quoted[index][1]

    def _with_salience(self, candidate: Candidate) -> Candidate:
        """The candidate with how often the article names its person."""
        mention = candidate.mention
        if mention is None:
            return candidate
        named = self._named_times.get(self._full_names.get(mention.key, mention.key), 0)
        return replace(candidate, salience=named)

    def _person_at(self, token: Token) -> Mention | None:
        """A person named by this subject token: its mention, or a surname the model missed."""
        mention = self._mention_at(token) or self._appositive_mention(token)
        if mention is not None and common_noun(self.doc, mention):
            return None
        if mention is not None and self._is_person(mention):
            return mention
        if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and token.text[:1].isupper()):
            return None  # ("Berg questioned ...", the surname tagged as a noun, counts)
        speaks = verb_base(token.head.text) in SPEECH_VERBS
        if mention is None or " " not in mention.text or speaks:
            # a surname the model missed or mislabelled, or the middle name a person goes by
            return self._surname(token.text) or (
                self._given.get(token.text) if mention is None else None
            )
        return None

    def _surname(self, word: str) -> Mention | None:
        """The first fuller name ending in this word ("Fehérvári" -> "Gáspár Fehérvári")."""
        return None if word in self._alone else self._surnames.get(word)
