"""Pronouns: whom a "he", "she", "they" or "it" stands for, searched back through the article."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ...models import Mention
from ..antecedents import Candidate, Role, best
from ..cues import DOCUMENT_NOUNS, INTRO_VERBS, SPEECH_VERBS, verb_base
from ..names import HONORIFICS
from .according import according_source
from .clauses import (
    in_main_clause,
    in_reported_clause,
    passive_agent_of,
    plural_agreement,
    within_what_was_said,
)
from .gender import noun_gender, pronoun_gender
from .holders import RoleHolders
from .mentions import common_noun, modifies_a_noun, qualifies_a_noun, whom_role_serves
from .people import introduces_someone, one_person_noun, people_noun, people_one_is_of, singular
from .words import BODY_NOUNS, DISTRIBUTIVES, PERSON_PRONOUNS, SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


#: How many sentences back a pronoun looks for its person.
PRONOUN_WINDOW = 4
#: How many pronouns a chain may pass through ("She ... . She ... . She said"); each link is
#: resolved once per article, so a long chain costs no more than a short one.
PRONOUN_CHAIN = 12


class PronounAntecedents(RoleHolders):
    """Finds whom a speaker pronoun means: a person of its gender for "he" and "she", a body
    or a group for "it" and "they"."""

    def _antecedent(self, pronoun: Token, depth: int = 0) -> Mention | None:
        """The person a pronoun most likely means: the best of the candidates by one score.

        Candidates are the people written outside quotation marks before the pronoun in its
        sentence and the PRONOUN_WINDOW sentences before it (an earlier "he" or "she" of the
        same gender stands for its own antecedent; an unnamed person who spoke, for
        themselves), plus the last person named before the window. Hard filters: gender (a
        name once called "he" is not "she"), and a speaker does not name themselves in the
        quotation the pronoun closes. `antecedents.score` ranks the rest.
        """
        if pronoun.i in self._antecedents:
            return self._antecedents[pronoun.i]
        self._antecedents[pronoun.i] = None  # guards against cycles
        gender = pronoun_gender(pronoun)
        chosen = best(self._candidates(pronoun, gender, depth))
        found = chosen.mention if chosen is not None else None
        if chosen is not None and chosen.unnamed is not None:
            self._unnamed[pronoun.i] = self.doc[chosen.unnamed]
        if found is not None:
            self._genders.setdefault(found.key, gender)
        self._antecedents[pronoun.i] = found
        return found

    def _candidates(self, pronoun: Token, gender: str, depth: int) -> Iterator[Candidate]:
        """The people a pronoun may mean, with their features (see `_antecedent`)."""
        index = self._sent_of[pronoun.i]
        named = self._named_in_quote_before(pronoun.idx)

        def fits(mention: Mention | None) -> bool:
            return (
                mention is not None
                and self._genders.get(mention.key, gender) == gender
                and self._full_names.get(mention.key, mention.key) not in named
            )

        for back in range(min(index, PRONOUN_WINDOW) + 1):
            sent = self._sents[index - back]
            subjects = [
                t
                for t in sent
                if t.i < pronoun.i
                and (
                    t.dep_ in SUBJECT_DEPS
                    or (t.dep_ == "appos" and t.head.dep_ in SUBJECT_DEPS)
                    or according_source(t)
                    or passive_agent_of(t)
                )
                and not self._in_quote(t.idx)
            ]
            if back > 0:
                holder = self._viewpoint_holder(sent)
                if holder is not None and self._genders.get(holder.key, gender) == gender:
                    yield Candidate(holder, None, back, "subject", False, True, True, 0)
            for nearness, token in enumerate(reversed(subjects)):
                # a subject inside what someone said or believes ("He said Berg is ...",
                # "While he believes Ruiz does not qualify") is talked about, not talking
                # the one "by" names in a passive ("This was criticised by X") acts: a subject
                acting = token.head if passive_agent_of(token) else token
                reported = in_reported_clause(acting)
                role: Role = "reported" if reported else "subject"
                verb = acting.head.text
                spoke = back > 0 and not reported and verb_base(verb) in SPEECH_VERBS
                main = back > 0 and not reported and in_main_clause(acting)
                here = Candidate(None, None, back, role, spoke, main, False, nearness)
                if token.lower_ in PERSON_PRONOUNS:
                    if pronoun_gender(token) != gender or depth >= PRONOUN_CHAIN:
                        continue
                    # "She credited ... . Later, she said": the earlier pronoun's person
                    mention = self._antecedent(token, depth + 1)
                    unnamed = self._unnamed.get(token.i)
                    if mention is not None:
                        yield replace(here, mention=mention)
                    elif unnamed is not None:
                        yield replace(here, unnamed=unnamed.i)
                elif (spoke or introduces_someone(token)) and self._unnamed_speaker(
                    token, gender
                ):
                    # "The head of the investigators told the court ... . She also said": a
                    # person the article does not name ("the judge", introduced as "Judge
                    # Ana Ruiz", is her)
                    holder = self._role_holder(token)
                    if holder is None:
                        yield replace(here, unnamed=self._untagged_name_glossed(token).i)
                    elif self._genders.get(holder.key, gender) == gender:
                        yield replace(here, mention=holder)
                elif main and self._titled_untagged(token):
                    # "Minister of Youth Affairs Vong Sauth made it clear ... . He said": a
                    # titled person whose name the model did not tag
                    holder = self._role_holder(token)
                    if holder is None:
                        yield replace(here, unnamed=token.i)
                    elif self._genders.get(holder.key, gender) == gender:
                        yield replace(here, mention=holder)
                elif not self._names_several(token.head if token.dep_ == "appos" else token):
                    mention = self._subject_person(token)
                    if fits(mention):
                        yield replace(here, mention=mention)
        # people named as objects or inside phrases: in the window, each; before it, the last
        first = self._sents[index - min(index, PRONOUN_WINDOW)].start_char
        ranks: dict[int, int] = {}
        for mention in reversed(self.mentions[: bisect_left(self._starts, pronoun.idx)]):
            if (
                mention.end <= pronoun.idx
                and self._is_person(mention)
                and not self._in_quote(mention.start)
                and fits(mention)
                and not qualifies_a_noun(self.doc, mention)
                and not common_noun(self.doc, mention)
            ):
                at = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                back = index - self._sent_of[at.start] if at is not None else PRONOUN_WINDOW
                rank = ranks[back] = ranks.get(back, -1) + 1
                yield Candidate(mention, None, back, "mention", False, False, False, rank)
                if mention.start < first:
                    break

    def _unnamed_speaker(self, subject: Token, gender: str) -> bool:
        """A common noun for one person ("the head of the investigators", "a lawyer", "one of
        the victims") as a subject, naming no one: whom a "he" or "she" after it may mean."""
        group = people_one_is_of(subject)
        if group is not None:
            word = singular(group.lower_)  # "one of their daughters" is a woman
        elif subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.text[:1].isupper():
            return False
        else:
            word = subject.lower_
            if not one_person_noun(word):
                return False
        if noun_gender(word) not in {None, gender}:
            return False
        if self._subject_person(subject) is not None:
            return False
        # "The head of the inquiry, Ann Ward, told": a person named anywhere up to the verb
        # holds the role, wherever the parser hung the name
        last = self.doc[max(subject.right_edge.i, subject.head.i - 1)]
        named = self.person_within(subject.idx, last.idx + len(last.text))
        return named is None or whom_role_serves(self.doc, subject, named)

    def _titled_untagged(self, subject: Token) -> bool:
        """A capitalised title as a subject ("Minister of X, Y and Z Vong Sauth") whose phrase
        ends in a proper noun no mention covers, and names no one the model tagged: a
        person, written in full, whom a later "he" or "she" may mean."""
        last = subject.right_edge
        return (
            subject.pos_ == "PROPN"
            and subject.is_title
            and subject.lower_ in HONORIFICS
            and last.i > subject.i
            and last.pos_ == "PROPN"
            and last.is_title
            and last.lower_ not in HONORIFICS
            and self._mention_at(subject) is None
            and self._mention_at(last) is None
            and self.person_within(subject.idx, last.idx + len(last.text)) is None
        )

    def _untagged_name_glossed(self, role: Token) -> Token:
        """ "Ana Sorvino, an associate professor at X, said": the role in apposition to a
        name the model did not tag is that person's gloss, so the name (not "an associate
        professor") is whom a later "she" means; any other role stands for itself."""
        name = role.head
        if (
            role.dep_ == "appos"
            and name.pos_ == "PROPN"
            and name.dep_ in SUBJECT_DEPS
            and name.text[:1].isupper()
            and self._mention_at(name) is None
        ):
            return name
        return role

    def _names_several(self, subject: Token) -> bool:
        """A subject naming people joined by "and" ("X of Indiana, Y of Arizona, and Z each
        asked"), or with "each"/"both"/"all" beside it: plural, so no "he" or "she"."""
        verb = subject.head
        if any(
            c.dep_ in SUBJECT_DEPS and c.i != subject.i and c.lower_ in DISTRIBUTIVES
            for c in verb.children
        ):
            return True
        if any(c.lower_ in DISTRIBUTIVES and c.dep_ in {"appos", "det"} for c in subject.children):
            return True
        joined = [
            c
            for c in subject.children
            if c.dep_ in {"conj", "appos"}
            and c.pos_ == "PROPN"
            and (c.dep_ == "conj" or any(g.dep_ == "cc" for g in c.children))
        ]
        return any(self._person_at(c) is not None for c in joined)

    def _named_in_quote_before(self, char: int) -> set[str]:
        """The people the quotation right before a pronoun names (`"I cannot accept Ruiz's
        lies," he said`): a speaker does not name themselves, so "he" is someone else."""
        index = bisect_right(self._quoted_starts, char) - 1
        if index < 0:
            return set()
        lo, hi = self._quoted[index]
        if hi > char or self.text[hi:char].strip(" ,.;:\u201d\u2019\"'\n"):
            return set()
        first = bisect_left(self._starts, lo)
        return {
            self._full_names.get(m.key, m.key)
            for m in self.mentions[first : bisect_left(self._starts, hi)]
            if m.end <= hi and self._is_person(m)
        }

    def _viewpoint_holder(self, sent: Span) -> Mention | None:
        """The person a sentence opens on as whose view it gives ("For Tom Berg, an art
        instructor, the painter was a legend"): the one a "he" after it speaks as."""
        if len(sent) < 4 or sent[0].lower_ not in {"for", "to"}:
            return None
        mention = self._mention_at(sent[1])
        if mention is None or not self._is_person(mention) or self._in_quote(mention.start):
            return None
        after = self.text[mention.end : mention.end + 1]
        return mention if after == "," else None

    def _body_antecedent(
        self, pronoun: Token, depth: int = 0, as_body: bool = False
    ) -> Mention | Token | None:
        """What "it" or "they" speaks for: the nearest earlier subject outside quotation marks
        that fits the pronoun's number, else the last fitting name in those sentences.

        "it" takes an organisation or a state (a named one, or "the agency"), or a document
        ("the report ... it said"); "they" takes a group (a named one, "the researchers",
        "Smith and Jones"). A person is never "it"; a pronoun passes on its own antecedent.
        A name is returned as its mention, an unnamed subject as its head token.
        """
        plural = pronoun.lower_ in {"they", "their"} and not as_body
        index = self._sent_of[pronoun.i]
        first = self._sents[max(0, index - PRONOUN_WINDOW)].start
        group_between = False  # a plural subject nearer the pronoun: "they" may mean it
        for back in range(min(index, PRONOUN_WINDOW) + 1):
            sent = self._sents[index - back]
            subjects = [
                t
                for t in sent
                if t.i < pronoun.i and t.dep_ in SUBJECT_DEPS and not self._in_quote(t.idx)
            ]
            for token in reversed(subjects):
                if back > 0 and within_what_was_said(token):
                    # "X said that the government was disappointed when India and Pakistan
                    # developed ...", "found that officials denied ... whether they qualified":
                    # those (and the pronouns for them) are talked about, not who "they" are next
                    continue
                if token.lower_ == pronoun.lower_:
                    if depth < 3:
                        return self._body_antecedent(token, depth + 1)
                    return None
                if token.pos_ == "PRON":
                    continue
                fit = self._body_fits(token, plural, spoken=not group_between)
                if fit is not None:
                    return fit
                group_between = group_between or token.tag_ in {"NNS", "NNPS"}
        labels = {"NORP"} if plural else {"ORG"}
        for mention in reversed(self.mentions[: bisect_left(self._starts, pronoun.idx)]):
            if mention.start < self.doc[first].idx:
                break
            if (
                mention.label in labels
                and not self._is_person(mention)
                and not self._in_quote(mention.start)
                and not modifies_a_noun(self.doc, mention)
            ):
                return mention
        return None

    def _plural_subject_near(self, pronoun: Token) -> bool:
        """A plural subject outside quotation marks in the pronoun's sentence or the ones
        before it ("Her neighbours described ..."): "they" may mean them, whatever the noun."""
        index = self._sent_of[pronoun.i]
        first = self._sents[max(0, index - PRONOUN_WINDOW)].start
        return any(
            t.dep_ in SUBJECT_DEPS and t.tag_ in {"NNS", "NNPS"} and not self._in_quote(t.idx)
            for t in self.doc[first : pronoun.i]
        )

    def _body_fits(
        self, token: Token, plural: bool, spoken: bool = True
    ) -> Mention | Token | None:
        """The subject `token` as what "it" (`plural` False) or "they" stands for, or None;
        `spoken`: "they" may be a body that spoke (no group named nearer the pronoun)."""
        several = token.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in token.children)
        mention = self._mention_at(token) or self._appositive_mention(token)
        if mention is not None:
            if self._is_person(mention):
                return mention if plural and several else None
            if plural:
                fits = (
                    mention.label == "NORP"
                    or several
                    or (mention.label == "ORG" and plural_agreement(token))
                    or (spoken and self._spoke_as_body(token, mention))
                )
                return mention if fits else None
            return mention if mention.label in {"ORG", "GPE"} and not several else None
        if plural and token.pos_ == "PROPN" and plural_agreement(token):
            return token  # a body's name the model missed, with a plural verb
        if plural and spoken and self._spoke_as_body(token, None):
            return token
        if not plural and not several and self._spoke_as_body(token, None):
            return token  # "Acme says ...; it noted": a body's name the model left untagged
        if token.pos_ != "NOUN":
            return None
        if plural:
            return token if several and people_noun(token) else None
        if not several and (token.lower_ in BODY_NOUNS or token.lower_ in DOCUMENT_NOUNS):
            return token
        return None

    def _spoke_as_body(self, token: Token, mention: Mention | None) -> bool:
        """An organisation named as the subject of a speech or stance verb ("Acme Rights
        Watch have called for ...", "Acme said that ..."): British usage calls the body that
        spoke "they", so "They say ..." after it is its voice. A capitalised name the model
        left untagged counts unless it ends in the surname of a person the article names."""
        if token.dep_ != "nsubj" or token.tag_ not in {"NN", "NNP"} or self._in_quote(token.idx):
            return False
        if verb_base(token.head.text) not in INTRO_VERBS:
            return False
        if mention is not None:
            return mention.label == "ORG" and not self._is_person(mention)
        return (
            token.pos_ == "PROPN"
            and self._surname(token.text) is None
            and not any(c.dep_ == "conj" for c in token.children)
        )
