"""Role holders: the person a role noun, an apposition or a name run into another stands for."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from ...models import Mention
from ..antecedents import Candidate, best, holder_score
from ..cues import DOCUMENT_NOUNS
from ..names import HONORIFICS, fold_name, looks_like_person_name
from .article import ArticleMentions
from .mentions import appositive_roles
from .naming import clean_name, name_written
from .roles import (
    ROLE_LINKS,
    holds_title,
    role_heads,
    role_scope,
    role_serves,
    roles_written,
    serves,
)
from .speaker import Speaker
from .subjects import noun_before, person_shaped
from .words import SPOKEN_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token


#: Sentences of the lede, where "a judge ruled" may name the judge only afterwards.
LEDE_SENTENCES = 3


class RoleHolders(ArticleMentions):
    """Finds the person a subject stands for when the cue does not name them: a role's
    holder, a name in apposition, a name run into another."""

    def _document_owner(self, subject: Token) -> Mention | None:
        """Whose a document or a remark is, when a name owns it ("Ana Ruiz's remarks",
        "the Acme Agency's report"): the named person or body."""
        if subject.pos_ != "NOUN" or subject.lower_ not in DOCUMENT_NOUNS | SPOKEN_NOUNS:
            return None
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None or owner.pos_ != "PROPN":
            return None
        mention = self._mention_at(owner)
        if mention is None or mention.label not in {"PERSON", "ORG"}:
            return None
        return mention

    def _issuer_speaker(self, issuer: Token, start: int, end: int, via: str | None) -> Speaker:
        """A name standing for a subject (a document's issuer, the name a group goes by) as
        the speaker: its mention when that is the whole name as written, else the name as
        written (a show's name the model cut into two people)."""
        written = name_written(issuer)
        mention = self._mention_at(issuer)
        if mention is not None and fold_name(mention.text) == fold_name(written):
            key = self._full_names.get(mention.key, mention.key)
            return Speaker(clean_name(key), start, end, key, via)
        return Speaker(written, start, end, None, via, basis="phrase")

    def _titled_name(self, subject: Token) -> Mention | None:
        """A capitalised title whose "to/of/for" phrase ends in a person's name: the parser
        hung the name off the organisation ("Ambassador to the United Nations Ana Ruiz"),
        so the subject is the title and the speaker is the name that closes the phrase."""
        if subject.pos_ != "PROPN" or subject.lower_ not in HONORIFICS:
            return None  # "Cardinal Tomas Berg of the Holy See": the subject is a name
        if self._mention_at(subject) is not None:
            return None
        if not any(c.dep_ == "prep" and c.lower_ in {"to", "of", "for"} for c in subject.rights):
            return None
        last = subject.right_edge
        mention = self._mention_at(last)
        if mention is None or mention.start <= subject.idx:
            return None
        if mention.end != last.idx + len(last.text) or len(mention.text.split()) < 2:
            return None
        if self._is_person(mention) or (
            mention.label == "ORG" and looks_like_person_name(mention.text)
        ):
            return mention
        return None

    def _person_in_phrase(self, subject: Token) -> Mention | None:
        """A person named in full in the words from the subject to the next verb, with no
        preposition before the name ("a lawyer for John Smith" is not John Smith). After
        its verb ("..., said observer and party member Ana Ruiz, before ...") no verb closes
        the subject: a comma does."""
        doc = self.doc
        sent = self.sentence(subject)
        last = subject.i
        inverted = subject.head.i < subject.i
        for token in doc[subject.i + 1 : sent.end]:
            if token.pos_ in {"VERB", "AUX"} or token.text in {".", ";", ":", '"', "“", "”"}:
                break
            if inverted and token.text == ",":
                break
            if token.pos_ == "ADP" or token.i - subject.i > 15:
                return None
            last = token.i
        if last == subject.i:
            return None
        return self.person_within(subject.idx, doc[last].idx + len(doc[last].text))

    def _apposition_at_verb(self, subject: Token) -> Mention | None:
        """ "The then-manager of Acme Publicity and Director of the Tourism Partnership,
        Tom Berg, called it ...": a person's name between commas right before the verb
        closes the role phrase the subject opens, wherever the parser hung it."""
        doc = self.doc
        verb = subject.head
        close = verb.i - 1
        while close > subject.i and doc[close].pos_ in {"ADV", "AUX", "PART"}:
            close -= 1  # "Tom Berg, also said", "Tom Berg, has said"
        if close <= subject.i + 2 or doc[close].text != ",":
            return None
        opening = next(
            (i for i in range(close - 1, subject.i, -1) if doc[i].text in {",", "(", ";"}), None
        )
        if opening is None or doc[opening].text != ",":
            return None
        start, end = doc[opening + 1].idx, doc[close].idx
        written = self.text[start:end].strip()
        person = self.person_within(start, end)
        if person is not None and written == person.text.strip():
            return person
        named = self._mention_at(doc[close - 1])
        if (
            named is not None
            and named.label in {"PERSON", "ORG"}
            and written == named.text.strip()
            and looks_like_person_name(named.text)
            and any(c.dep_ == "prep" and c.lower_ in {"for", "of"} for c in subject.children)
        ):
            return named  # "A spokesman for the agency, Ana Ruiz, said", the name read as a body
        titled = self._mention_at(doc[close - 1])
        if (
            titled is not None
            and titled.label == "PERSON"
            and titled.role
            and self._is_person(titled)
            and written == f"{titled.role} {titled.text.strip()}"
        ):
            return titled  # "..., Patriarch Ilias, described": a title and one name
        return None

    def _apposition_closing(self, subject: Token) -> Mention | None:
        """ "..., said spokesperson for the Acme Agency, Jo Bloggs.": a bare role noun after
        the verb (no article, so a title) whose phrase ends the sentence with a person's name
        after a comma; the parser hangs the name on the body, but it names the role's holder."""
        verb = subject.head
        if subject.i < verb.i or any(c.dep_ in {"det", "poss"} for c in subject.children):
            return None
        right = subject.right_edge
        comma = next(
            (self.doc[i] for i in range(right.i, subject.i, -1) if self.doc[i].text == ","), None
        )
        after = self.doc[right.i + 1] if right.i + 1 < len(self.doc) else None
        if comma is None or (after is not None and after.text not in {".", "!", "?"}):
            return None  # the name closes the sentence
        start, end = comma.idx + 1, right.idx + len(right.text)
        mention = self._mention_at(right)
        if (
            mention is None
            or self.text[start:end].strip() != mention.text.strip()
            or not (self._is_person(mention) or looks_like_person_name(mention.text))
        ):
            return None
        return mention

    def _glued_holder(self, subject: Token) -> Mention | None:
        """ "Executive director of the Dallas chapter of X Anna Berg said": a bare role noun
        whose "of" phrase runs into the name right before the verb, where the model read the
        organisation and the name as one entity (split in `entities`, the organisation kept as
        the person's role): the person holds the role, so speaks."""
        if any(c.dep_ == "det" for c in subject.children):
            return None  # "a lawyer for the family of Anna Berg said": not Anna Berg
        verb = subject.head
        last = self.doc[verb.i - 1] if verb.i > subject.i + 1 else None
        if last is None or last.i > subject.right_edge.i:
            return None
        mention = self._mention_at(last)
        if (
            mention is None
            or mention.label != "PERSON"
            or mention.end != last.idx + len(last.text)
            or not mention.role
            or not ROLE_LINKS & set(mention.role.lower().split())
            or not self._is_person(mention)
        ):
            return None
        before = self.text[subject.idx : mention.start].rstrip()
        return mention if before.endswith(mention.role) else None

    def _role_holder(self, subject: Token) -> Mention | None:
        """`The commissioner said`: the person named earlier with a role ending in that noun
        ("European Commissioner Ana Ruiz"); the latest one if several fit."""
        titled = subject.tag_ == "NNP" and subject.lower_ in HONORIFICS  # "the Prime Minister"
        if not (subject.pos_ == "NOUN" and subject.tag_ == "NN") and not titled:
            return None
        dets = {c.lower_ for c in subject.children if c.dep_ == "det"}
        noun = subject.lower_
        scope = role_scope(subject)
        title = [c.lower_ for c in subject.lefts if c.dep_ == "compound"] + [noun]
        if dets & {"the", "this"}:
            text = self.text
            holders = [
                m
                for m in self.mentions
                if m.label == "PERSON" and m.start < subject.idx
                and any(
                    noun in role_heads(role)
                    and holds_title(written, title)
                    and (scope is None or role_serves(role, scope))
                    for role, written in roles_written(text, m) + appositive_roles(self.doc, m)
                )
            ]
            return self._salient_holder(holders, subject) if holders else None
        if dets & {"a", "an"} and self._sent_of[subject.i] < LEDE_SENTENCES:
            # the lede's "A federal judge in Texas ruled ...", named in the next sentences
            # ("U.S. District Judge Tom Berg"): the one person introduced in that role
            reach = self._sents[min(len(self._sents), LEDE_SENTENCES + 2) - 1].end_char
            holders = [
                m
                for m in self.mentions
                if m.label == "PERSON" and m.role and subject.idx < m.start < reach
                and noun in role_heads(m.role)
            ]
            if len({m.key for m in holders}) == 1:
                return holders[0]
        return None

    def _salient_holder(self, holders: list[Mention], subject: Token) -> Mention:
        """Which of the people introduced in a role (in the article's order) "the president"
        means: the best by `antecedents.holder_score` (recency, then how often the article
        names them, then the latest)."""
        here = self._sent_of[subject.i]
        candidates = []
        for nearness, mention in enumerate(reversed(holders)):
            at = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            back = here - self._sent_of[at.start] if at is not None else 0
            plain = Candidate(mention, None, back, "mention", False, False, False, nearness)
            candidates.append(self._with_salience(plain))
        chosen = best(candidates, holder_score)
        return chosen.mention if chosen is not None and chosen.mention else holders[-1]

    def _name_after_cut_title(self, title: Token) -> Mention | None:
        """ "said Const. Tom Berg": the tokenizer cut the abbreviated title's full stop off and
        the parser ended the sentence there; the person named right after it holds the title."""
        doc = self.doc
        stop = title.i + 1
        if stop + 1 >= len(doc) or doc[stop].text != "." or title.whitespace_:
            return None
        mention = self._mention_at(doc[stop + 1])
        if mention is None or mention.start != doc[stop + 1].idx or not self._is_person(mention):
            return None
        return mention

    def _holder_after_body(self, role: Token) -> Mention | None:
        """A person named between commas right after the body a role noun is of ("the owner
        of Acme, Ana Ruiz,"), not after a person ("the son of Ana Ruiz, Tom Berg"); after the
        person a role serves ("a spokesman for Ana Ruiz, Tom Berg,") the name is the role's
        holder's, since whom the role serves is already named."""
        for prep in role.rights:
            if prep.dep_ != "prep" or prep.lower_ not in {"of", "for", "at"}:
                continue
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            named = self._mention_at(body) if body is not None else None
            if body is None or named is None:
                continue
            if self._is_person(named) and not (prep.lower_ == "for" and serves(role)):
                continue
            for child in body.rights:
                if child.dep_ != "appos" or self.doc[child.left_edge.i - 1].text != ",":
                    continue
                mention = self._mention_at(child)
                if mention is not None and self._is_person(mention) and mention.key != named.key:
                    return mention
        return None

    def _appositive_person(self, token: Token) -> Mention | None:
        # "University of X, San Diego's chancellor, Ana Ruiz": the parser joined the
        # institution and its role noun (conjuncts, or the role in apposition); the name in
        # apposition to the role speaks
        roles = [c for c in token.children if c.dep_ in {"conj", "appos"} and c.pos_ == "NOUN"]
        for head in (token, *roles):
            for child in head.children:
                if child.dep_ == "appos" and child.i > head.i:
                    mention = self._mention_at(child)
                    if mention is not None and self._is_person(mention):
                        return mention
        return None

    def _untagged_role_holder(self, token: Token) -> Token | None:
        """A name with the shape of a person's, untagged, in apposition to a role noun joined
        to the institution `token` ("University of X, San Diego's chancellor, Ana Ruiz")."""
        roles = [c for c in token.children if c.dep_ in {"conj", "appos"} and c.pos_ == "NOUN"]
        for role in roles:
            for child in role.rights:
                if (
                    child.dep_ == "appos"
                    and self._mention_at(child) is None
                    and person_shaped(child)
                ):
                    return child
        return None

    def _surname_glued(self, mention: Mention) -> Mention | None:
        """ "According to Okoro the Acme property ...", "On Twitter Gray accused", a
        missing comma read as one name: a person's known surname at its edge is that person."""
        first, _, rest = mention.text.partition(" ")
        if rest.startswith("the "):
            return self._surname(first)
        # "On Twitter Gray accused ...": a name the article writes on its own ("Twitter")
        # run into a person's known surname
        lead, _, last = mention.text.strip().rpartition(" ")
        person = self._surname(last) if lead else None
        if person is None or not self._is_person(person):
            return None
        alone = any(
            m.text.strip() == lead and not self._is_person(m) for m in self.mentions
        )
        return person if alone else None

    def _person_before_place(self, mention: Mention) -> Mention | None:
        """ "Police chief Budi Acme Island said": the model ran the name on into the place
        after it, and the parse made the place the subject; the person right before it (one
        space, one phrase) speaks."""
        if mention.label not in {"GPE", "LOC", "FAC"}:
            return None
        index = bisect_left(self._starts, mention.start) - 1
        before = self.mentions[index] if index >= 0 else None
        if (
            before is None
            or before.end + 1 != mention.start
            or self.text[before.end] != " "
            or not self._is_person(before)
        ):
            return None
        return before

    def _body_glued(self, mention: Mention) -> Mention | None:
        """The body a name opens with, when the article names that body on its own and the
        rest has the shape of a person's name ("Acme International Jo Bloggs")."""
        text = mention.text.strip()
        for other in self.mentions:
            lead = other.text.strip()
            if (
                other is not mention
                and not self._is_person(other)
                and text.startswith(lead + " ")
                and looks_like_person_name(text[len(lead) + 1 :])
            ):
                return other
        return None

    def _subject_person(self, token: Token) -> Mention | None:
        """The person a subject names, for a pronoun to refer back to: the name, or for a
        common noun the person in apposition or its possessor ("Ruiz's positions
        include ... . She supports ..."), never a name that only qualifies the noun ("The
        Ruiz-Berg ticket")."""
        if token.lower_ == "who" and token.head.dep_ == "relcl":
            # "like Ana Ruiz, who lives near X. She says": "who" is said of a person, so a
            # full name the model took for a body is one here
            noun = noun_before(token) or token.head.head
            mention = self._mention_at(noun)
            if mention is not None and (
                self._is_person(mention)
                or (mention.label == "ORG" and looks_like_person_name(mention.text))
            ):
                return mention
        if token.pos_ != "NOUN" or token.text[:1].isupper():
            return self._person_at(token)
        # "Ana Ruiz's business partner Tom Berg held ...": the name in apposition is the
        # noun's person; the possessor is whom the role is of, so only when none is named
        for dep in ("appos", "poss"):
            for child in token.children:
                if child.dep_ == dep:
                    mention = self._mention_at(child)
                    if mention is not None and self._is_person(mention):
                        return mention
        return self._name_closing_role(token) or self._holder_after_body(token)

    def _name_closing_role(self, token: Token) -> Mention | None:
        """ "Former director of operations for the Acme Armed Forces Jo Ann Bloggs was ...": a
        bare role noun whose phrase runs into a full name right before the verb, glued to the
        body before it (no "for"/"of" of its own, so not "a lawyer for Jo Bloggs"): its holder."""
        if any(c.dep_ in {"det", "poss"} for c in token.children):
            return None
        right = token.right_edge
        if right.i + 1 != token.head.i or right.i <= token.i:
            return None
        mention = self._mention_at(right)
        if (
            mention is None
            or mention.end != right.idx + len(right.text)
            or " " not in mention.text.strip()
            or not self._is_person(mention)
        ):
            return None
        first = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if first is None or first.start == 0:
            return None
        before = self.doc[first.start - 1]
        return mention if before.pos_ == "PROPN" and before.ent_type_ else None

    def _surname_of_body(self, mention: Mention) -> Mention:
        """ "Berg of C-ACME" tagged as one body, where the article names a "Tom Berg": the
        person of the surname before "of"; any other mention as it is."""
        if self._is_person(mention) or " of " not in mention.text:
            return mention
        head = mention.text.split(" of ", 1)[0]
        person = self._surname(head) if " " not in head and head[:1].isupper() else None
        return person if person is not None and self._is_person(person) else mention
