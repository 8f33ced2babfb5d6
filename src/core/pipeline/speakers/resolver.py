"""The resolver: one article's cue subjects matched to its named mentions, roles, pronouns."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ...models import Mention
from ..antecedents import Candidate, Role, best
from ..cues import DOCUMENT_NOUNS, INTRO_VERBS, SPEECH_VERBS, verb_base
from ..names import HONORIFICS
from .according import according_phrase_end, according_source, according_source_reported
from .clauses import (
    acting_on_its_noun,
    added_cue,
    in_main_clause,
    in_reported_clause,
    nearer_speech_verb,
    passive_agent,
    passive_agent_of,
    past_trailing_clause,
    plural_agreement,
    someone_is,
    within_what_was_said,
)
from .datelines import in_dateline
from .documents import document_issuer, name_it_goes_by, publishing_verb
from .gender import noun_gender, pronoun_gender
from .holders import RoleHolders
from .mentions import common_noun, modifies_a_noun, qualifies_a_noun, whom_role_serves
from .naming import clean_name, name_written, phrase_bounds, strip_phrase, without_title
from .people import introduces_someone, one_person_noun, people_noun, people_one_is_of, singular
from .speaker import Speaker
from .subjects import (
    cited_as_saying,
    name_after_roles,
    name_before_verb,
    noun_before,
    object_read_as_subject,
    quoted_as_saying,
    remark_read_as_subject,
    speaker_of_modifier_verb,
    subject_after_but,
    subject_after_contrast,
    subject_before_relative,
    subject_in_fronted_phrase,
    subject_in_time_phrase,
    unclosed_apposition,
)
from .words import (
    BODY_NOUNS,
    DISTRIBUTIVES,
    GROUP_PRONOUNS,
    INHERIT_DEPS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


#: How many sentences back a pronoun looks for its person.
PRONOUN_WINDOW = 4
#: How many pronouns a chain may pass through ("She ... . She ... . She said"); each link is
#: resolved once per article, so a long chain costs no more than a short one.
PRONOUN_CHAIN = 12


class SpeakerResolver(RoleHolders):
    """Resolves cue subjects against one article's mentions (built once per article)."""

    # -- subjects -------------------------------------------------------------------------

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a cue verb, climbing through conjoined and participle verbs."""
        seen = 0
        token = verb
        source = according_source_reported(verb)
        if source is not None:
            return source
        while seen < 4:
            cited = cited_as_saying(token)
            if cited is not None:
                return cited
            subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
            if len(subjects) > 1:  # "TORONTO — The agency says": the place filed from
                subjects = [c for c in subjects if not in_dateline(c)] or subjects
            agent = passive_agent(token) if token.i != verb.i else None
            if agent is not None:
                # "X were described by Berg as ..., saying ...": a participle on a passive
                # speaks for its agent, not for what was described
                return agent
            if subjects:
                # "said study co-author Professor Tom Berg": the parser split the phrase into
                # several subjects; the name among them is the speaker
                named = [c for c in subjects if c.pos_ == "PROPN"]
                # "X, an actor in the film Acme-Man and the Moth wrote": the parser made the
                # end of an unclosed apposition a second subject; a person among the named
                # subjects speaks, not a title or body beside them
                people = [c for c in named if self._person_at(c) is not None]
                named = people or named
                subject = named[-1] if len(subjects) > 1 and named else subjects[0]
                if len(subjects) > 1 and not named:
                    subject = subject_after_contrast(subjects, token)
                if object_read_as_subject(token, subject) or remark_read_as_subject(
                    token, subject
                ):
                    # "The governor tweeted her reasoning saying, "..."": the cue's object
                    # taken for the participle's subject; the tweeter speaks
                    token = token.head
                    seen += 1
                    continue
                subject = subject_after_but(subject, token)
                subject = speaker_of_modifier_verb(subject) or subject
                subject = self._person_read_as_conjunct(subject) or subject
                if self._person_at(subject) is not None:
                    return subject  # "Tom Berg, Dean of X Law School called it"
                return unclosed_apposition(subject, token) or subject
            host = added_cue(token)
            if host is not None:
                # `said the trial would not be impartial, saying ...`: the parser hung the
                # second cue on the reported clause; it belongs to the first cue's speaker
                token = host
                seen += 1
                continue
            if token.dep_ in INHERIT_DEPS and token.head.i != token.i:
                if token.dep_ == "advcl" and token.head.pos_ != "VERB" and not someone_is(
                    token.head
                ):
                    return None  # "margins are thin, while noting": not the speaker
                if self._in_quote(token.head.idx):
                    return None  # attached into the quoted words: the parse lost the speaker
                token = (
                    nearer_speech_verb(token) or past_trailing_clause(token) or token.head
                )
                seen += 1
                continue
            quoted = quoted_as_saying(token)
            if quoted is not None:
                return quoted
            if token.dep_ == "pcomp" and token.head.head.i != token.head.i:
                token = token.head.head  # "by saying ..."
                seen += 1
                continue
            if token.dep_ in {"relcl", "acl"} and token.head.i != token.i:
                publisher = publishing_verb(token.head) or acting_on_its_noun(token)
                if publisher is not None and seen < 3:
                    # "X denied it, posting a statement on its website which read": the
                    # statement is X's, whoever it is the parser hung the clause on
                    token = publisher
                    seen += 1
                    continue
                return token.head  # "a statement which read", "the summary of the decision read"
            return (
                subject_in_time_phrase(token)
                or subject_in_fronted_phrase(token)
                or subject_before_relative(token)
            )
        return None

    def _person_read_as_conjunct(self, subject: Token) -> Token | None:
        """ "On the website Acmenews.ru, analyst Ana Ruiz, the head of X, challenged ...": the
        parser read the person after the comma as a second subject joined with no "and"; a
        subject that is no person, with one such person joined to it, gives the person."""
        if any(c.dep_ == "cc" for c in subject.children) or self._person_at(subject) is not None:
            return None
        joined = [c for c in subject.children if c.dep_ == "conj"]
        if len(joined) != 1 or joined[0].pos_ != "PROPN" or self._person_at(joined[0]) is None:
            return None
        between = subject.doc[subject.i + 1 : joined[0].left_edge.i]
        return joined[0] if [t.text for t in between] == [","] else None

    def resolve(self, subject: Token) -> Speaker:
        """The speaker for a subject token: a named mention, a pronoun's person, or a group."""
        comma = according_phrase_end(subject)
        if comma is not None:
            # "According to news agency X, the prosecutor of Y, Ana Ruiz, said ...": the
            # parser made the source the subject; the person named after the comma speaks
            person = self.person_within(comma.idx + 1, subject.head.idx)
            if person is not None:
                return self.speaker_for(person, person.start, person.end)
        relative = subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl"
        before = noun_before(subject) if subject.lower_ == "who" else None
        # "... and health minister Tomás Ruiz who adds ...": a name right before "who", no
        # comma between, is whom the clause is about, wherever the parser hung it
        adjacent = before is not None and before.pos_ == "PROPN" and before.i == subject.i - 1
        host = subject.head.head
        if (
            relative
            and host.dep_ == "pobj"
            and host.head.dep_ == "prep"
            and host.head.head.dep_ == "appos"
            and self._person_at(host) is None
        ):
            host = host.head.head  # the clause hung on the place in the role ("at Acme U")
        # "Ana Ruiz, an expert from Acme University, who said": the clause hangs on the role
        # in apposition to a name, and the noun before "who" is inside the role's phrase
        appositive = (
            relative
            and before is not None
            and not adjacent
            and host.dep_ == "appos"
            and host.head.pos_ == "PROPN"
            and host.left_edge.i <= before.i <= host.right_edge.i
        )
        if appositive:
            subject = host.head
        elif before is not None and (adjacent or not (relative and host.pos_ == "PROPN")):
            # "according to police, who said ...": the noun right before, where the parser
            # hung the clause on a common noun further back or made it a verb of its own
            subject = before
        elif relative:
            subject = subject.head.head
            publisher = publishing_verb(subject)
            if publisher is not None:
                # "The union published a letter which said ...": the letter is the union's
                subject = self.subject_of(publisher) or subject
        named = name_after_roles(subject)
        if named is not None and self._person_at(named) is not None:
            subject = named  # "Retired police detective and terrorism specialist Ana Ruiz told"
        named = name_before_verb(subject)
        nearer = self._mention_at(named) if named is not None else None
        if named is not None and nearer is not None and self._is_person(nearer):
            subject = named  # "Longtime Acme in the Morning writer Tom Berg tweeted"
        start_tok, end_tok = phrase_bounds(subject)
        span = self.doc[start_tok : end_tok + 1]
        start, end = span.start_char, span.end_char
        if subject.lower_ in PERSON_PRONOUNS:
            mention = self._antecedent(subject)
            if mention is not None:
                key = self._full_names.get(mention.key, mention.key)
                return Speaker(clean_name(key), start, end, key, basis="pronoun")
            unnamed = self._unnamed.get(subject.i)
            if unnamed is not None:
                lo, hi = phrase_bounds(unnamed)
                text = strip_phrase(self.doc[lo : hi + 1].text)
                return Speaker(text, start, end, None, basis="phrase")
            return Speaker(subject.text, start, end, None, basis="phrase")
        if subject.lower_ in GROUP_PRONOUNS:
            found = self._body_antecedent(subject)
            near = found is None and subject.lower_ == "they"
            if near and not self._plural_subject_near(subject):
                # "The foundation said ... . Day, they said, desired ...": no group fits, so
                # "they" is the organisation that spoke last, as British usage has it
                found = self._body_antecedent(subject, as_body=True)
            if isinstance(found, Mention):
                found = self._surname_of_body(found)
                key = self._full_names.get(found.key, found.key)
                return Speaker(clean_name(key), start, end, key, basis="pronoun")
            if found is not None:
                lo, hi = phrase_bounds(found)
                text = strip_phrase(self.doc[lo : hi + 1].text)
                via = text if found.lower_ in DOCUMENT_NOUNS else None
                return Speaker(text, start, end, None, via, basis="phrase")
            return Speaker(subject.text, start, end, None, basis="phrase")
        owner = self._document_owner(subject)
        if owner is not None:
            # "UN Deputy Secretary-General Ana Ruiz's remarks calling it ...": the remarks
            # are hers; the document is the way they came
            key = self._full_names.get(owner.key, owner.key)
            return Speaker(clean_name(key), start, end, key, strip_phrase(span.text))
        issuer = document_issuer(subject)
        if issuer is not None:
            # "The account for The Acme Show tweeted", "a statement from Acme Corp said": the
            # one whose document or feed it is speaks; the document is the way it came
            return self._issuer_speaker(issuer, start, end, strip_phrase(span.text))
        known = name_it_goes_by(subject)
        if known is not None:
            # "the activist group known as Acme called on ...": the group is the one named
            return self._issuer_speaker(known, start, end, None)
        mention = self._mention_at(subject) or self._appositive_mention(subject)
        if mention is not None and according_source(subject):
            # "According to Acme International Jo Bloggs, reporter for X, was arrested": a
            # missing comma ran the source into the name of whom it speaks
            mention = self._body_glued(mention) or mention
        if mention is not None and not self._is_person(mention):
            # "Acme Export–Import Bank president Tom Berg said", parsed as the bank with
            # the person in apposition: the person speaks
            person = self._appositive_person(subject) or self._person_before_place(mention)
            unnamed = None if person is not None else self._untagged_role_holder(subject)
            if unnamed is not None:
                # "said University of X, San Diego's chancellor, Ana Ruiz": the role's holder,
                # whose name the model did not tag, speaks rather than the institution
                return Speaker(name_written(unnamed), start, end, None, basis="phrase")
            mention = person or self._surname_glued(mention) or mention
        if (
            mention is not None
            and subject.pos_ == "PROPN"
            and mention.label in {"NORP", "GPE"}
            and not (mention.start <= subject.idx < mention.end)
        ):
            mention = None  # "Pelosi, a Democrat from California": the name, not its gloss
        if mention is not None:
            mention = self._surname_of_body(mention)
        name_like = subject.pos_ == "PROPN" or (
            subject.pos_ == "NOUN" and subject.text[:1].isupper() and subject.tag_ != "NNS"
        )  # "Berg questioned ..." at a sentence start, tagged as a noun
        if name_like and (
            mention is None or (not self._is_person(mention) and " " not in mention.text)
        ):
            mention = self._surname(subject.text) or mention  # "Fehérvári" tagged as a place
        if mention is None and subject.pos_ == "NOUN" and subject.dep_ in SUBJECT_DEPS:
            # "Another co-author, civil engineering professor Tom Berg, said": the parser
            # split the phrase; the person named in it, with no "of"/"for" before, speaks
            mention = (
                self._person_in_phrase(subject)
                or self._apposition_at_verb(subject)
                or self._glued_holder(subject)
                or self._apposition_closing(subject)
            )
        elif mention is None and subject.dep_ in SUBJECT_DEPS and subject.lower_ in HONORIFICS:
            # "the current Patriarch, Patriarch Ilias, described ...": a capitalised title naming no
            # one, with the holder between commas before the verb (parsed as a conjunct)
            mention = self._apposition_at_verb(subject) or self._name_after_cut_title(subject)
        if mention is None and subject.pos_ == "NOUN" and subject.tag_ == "NN":
            # "the owner of Acme Canada, Tom Berg, to testify": the name in apposition to
            # the body the role is of names the role's holder
            mention = self._holder_after_body(subject)
        if mention is not None:
            key = self._full_names.get(mention.key, mention.key)
            return Speaker(clean_name(key), start, end, key)
        titled = self._titled_name(subject)
        if titled is not None:  # "Former US Ambassador to the United Nations Ana Ruiz wrote"
            key = self._full_names.get(titled.key, titled.key)
            return Speaker(clean_name(key), start, end, key)
        holder = self._role_holder(subject)
        if holder is not None:  # "the spokesperson said": the person introduced in that role
            key = self._full_names.get(holder.key, holder.key)
            return Speaker(clean_name(key), start, end, key, basis="role")
        text = without_title(strip_phrase(span.text))
        via = text if subject.lower_ in DOCUMENT_NOUNS else None
        return Speaker(text, start, end, None, via, basis="phrase")

    # -- mentions -------------------------------------------------------------------------

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
        plural = pronoun.lower_ == "they" and not as_body
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
                if token.lower_ == pronoun.lower_:
                    if depth < 3:
                        return self._body_antecedent(token, depth + 1)
                    return None
                if token.pos_ == "PRON" or (back > 0 and within_what_was_said(token)):
                    # "X said that the government was disappointed when India and Pakistan
                    # developed ...": those are talked about, not who "they" are next
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
