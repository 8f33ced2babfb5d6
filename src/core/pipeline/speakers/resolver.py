"""The resolver: one article's cue subjects matched to its named mentions, roles, pronouns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Mention
from ..cues import DOCUMENT_NOUNS
from ..names import HONORIFICS
from .according import according_phrase_end, according_source, according_source_reported
from .clauses import (
    acting_on_its_noun,
    added_cue,
    nearer_speech_verb,
    passive_agent,
    past_trailing_clause,
    someone_is,
)
from .datelines import in_dateline
from .documents import (
    document_issuer,
    name_it_goes_by,
    publishing_verb,
    written_by_acting,
)
from .naming import clean_name, name_written, phrase_bounds, strip_phrase, without_title
from .pronouns import PronounAntecedents
from .speaker import Speaker
from .subjects import (
    cited_as_saying,
    fronted_participle,
    how_often,
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
    GROUP_PRONOUNS,
    INHERIT_DEPS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPOKEN_NOUNS,
    SUBJECT_DEPS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


class SpeakerResolver(PronounAntecedents):
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
            # "..., and several times described it as ...": how often, not who
            subjects = [c for c in subjects if not how_often(c)]
            if fronted_participle(token):
                # `Saying "...", (in Spanish: ...), President X added`: a participle before
                # its clause has no subject after it; the words after the quote misparsed
                subjects = [c for c in subjects if c.i < token.i]
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
                publisher = (
                    publishing_verb(token.head)
                    or acting_on_its_noun(token)
                    or written_by_acting(token.head)
                )
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
        sourced = self._person_after_according(subject)
        if sourced is not None:
            return sourced
        subject = self._name_in_phrase(self._relative_antecedent(subject))
        start_tok, end_tok = phrase_bounds(subject)
        span = self.doc[start_tok : end_tok + 1]
        start, end = span.start_char, span.end_char
        if subject.lower_ in PERSON_PRONOUNS:
            return self._person_pronoun_speaker(subject, start, end)
        if subject.lower_ in GROUP_PRONOUNS:
            return self._group_pronoun_speaker(subject, start, end)
        through = self._speaker_via_document(subject, start, end, span.text)
        if through is not None:
            return through
        found = self._subject_mention(subject)
        if found is not None and not isinstance(found, Mention):
            # "said University of X, San Diego's chancellor, Ana Ruiz": the role's holder,
            # whose name the model did not tag, speaks rather than the institution
            return Speaker(name_written(found), start, end, None, basis="phrase")
        if found is not None:
            key = self._full_names.get(found.key, found.key)
            return Speaker(clean_name(key), start, end, key)
        return self._speaker_without_mention(subject, start, end, span.text)

    def _person_after_according(self, subject: Token) -> Speaker | None:
        """ "According to news agency X, the prosecutor of Y, Ana Ruiz, said ...": the parser
        made the source the subject; the person named after the comma speaks."""
        comma = according_phrase_end(subject)
        if comma is None:
            return None
        person = self.person_within(comma.idx + 1, subject.head.idx)
        if person is None:
            return None
        return self.speaker_for(person, person.start, person.end)

    def _relative_antecedent(self, subject: Token) -> Token:
        """Whom a relative subject ("who", "which") stands for, where the parser hung its
        clause on a role, a place in it, a noun further back or a published document; any
        other subject is itself."""
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
        return subject

    def _name_in_phrase(self, subject: Token) -> Token:
        """A person's name the subject's phrase holds after its roles or before its verb,
        where the parser made a role word or an earlier name the subject."""
        named = name_after_roles(subject)
        if named is not None and self._person_at(named) is not None:
            subject = named  # "Retired police detective and terrorism specialist Ana Ruiz told"
        named = name_before_verb(subject)
        nearer = self._mention_at(named) if named is not None else None
        if named is not None and nearer is not None and self._is_person(nearer):
            subject = named  # "Longtime Acme in the Morning writer Tom Berg tweeted"
        return subject

    def _person_pronoun_speaker(self, subject: Token, start: int, end: int) -> Speaker:
        """A personal pronoun speaks for its antecedent, else for the person an unnamed
        phrase introduced, else as written."""
        mention = self._antecedent(subject)
        if mention is not None:
            key = self._full_names.get(mention.key, mention.key)
            return Speaker(clean_name(key), start, end, key, basis="pronoun")
        unnamed = self._unnamed.get(subject.i)
        if unnamed is not None:
            lo, hi = phrase_bounds(unnamed)
            if self._titled_untagged(unnamed):  # the title's whole phrase, name and all
                lo, hi = unnamed.left_edge.i, unnamed.right_edge.i
            text = strip_phrase(self.doc[lo : hi + 1].text)
            return Speaker(text, start, end, None, basis="phrase")
        return Speaker(subject.text, start, end, None, basis="phrase")

    def _group_pronoun_speaker(self, subject: Token, start: int, end: int) -> Speaker:
        """A group pronoun speaks for the group or body it refers to, else as written."""
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

    def _speaker_via_document(
        self, subject: Token, start: int, end: int, written: str
    ) -> Speaker | None:
        """A subject that is a statement, an account or a feed: whose it is speaks, and the
        document, as `written`, is the way the words came."""
        owned = self._owner_unnamed(subject, start, end, strip_phrase(written))
        if owned is not None:
            return owned
        owner = self._document_owner(subject)
        if owner is not None:
            # "UN Deputy Secretary-General Ana Ruiz's remarks calling it ...": the remarks
            # are hers; the document is the way they came
            key = self._full_names.get(owner.key, owner.key)
            return Speaker(clean_name(key), start, end, key, strip_phrase(written))
        issuer = document_issuer(subject)
        if issuer is not None:
            # "The account for The Acme Show tweeted", "a statement from Acme Corp said": the
            # one whose document or feed it is speaks; the document is the way it came
            return self._issuer_speaker(issuer, start, end, strip_phrase(written))
        known = name_it_goes_by(subject)
        if known is not None:
            # "the activist group known as Acme called on ...": the group is the one named
            return self._issuer_speaker(known, start, end, None)
        return None

    def _subject_mention(self, subject: Token) -> Mention | Token | None:
        """The mention that speaks for the subject: the one at it, a person beside a body
        the parser made the subject, or one in the phrase the parser split; a token where a
        role's holder the model did not tag speaks."""
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
                return unnamed
            mention = person or self._surname_glued(mention) or mention
        mention = self._checked_mention(subject, mention)
        if mention is None:
            mention = self._mention_in_split_phrase(subject)
        return mention

    def _checked_mention(self, subject: Token, mention: Mention | None) -> Mention | None:
        """The mention checked against the subject's word: a gloss on a name is not the name,
        a body's name may be a person's surname, and a name tagged as no person may be one."""
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
        return mention

    def _mention_in_split_phrase(self, subject: Token) -> Mention | None:
        """With no mention at the subject: a person named in the phrase the parser split
        around a role noun or a capitalised title."""
        mention = None
        if subject.pos_ == "NOUN" and subject.dep_ in SUBJECT_DEPS:
            # "Another co-author, civil engineering professor Tom Berg, said": the parser
            # split the phrase; the person named in it, with no "of"/"for" before, speaks
            mention = (
                self._person_in_phrase(subject)
                or self._apposition_at_verb(subject)
                or self._glued_holder(subject)
                or self._apposition_closing(subject)
            )
        elif subject.dep_ in SUBJECT_DEPS and subject.lower_ in HONORIFICS:
            # "the current Patriarch, Patriarch Ilias, described ...": a capitalised title naming no
            # one, with the holder between commas before the verb (parsed as a conjunct)
            mention = self._apposition_at_verb(subject) or self._name_after_cut_title(subject)
        if mention is None and subject.pos_ == "NOUN" and subject.tag_ == "NN":
            # "the owner of Acme Canada, Tom Berg, to testify": the name in apposition to
            # the body the role is of names the role's holder
            mention = self._holder_after_body(subject)
        return mention

    def _speaker_without_mention(
        self, subject: Token, start: int, end: int, written: str
    ) -> Speaker:
        """No mention speaks: a name behind a long title, the person introduced in the role,
        else the phrase as written (a document's, the way the words came)."""
        titled = self._titled_name(subject)
        if titled is not None:  # "Former US Ambassador to the United Nations Ana Ruiz wrote"
            key = self._full_names.get(titled.key, titled.key)
            return Speaker(clean_name(key), start, end, key)
        holder = self._role_holder(subject)
        if holder is not None:  # "the spokesperson said": the person introduced in that role
            key = self._full_names.get(holder.key, holder.key)
            return Speaker(clean_name(key), start, end, key, basis="role")
        text = without_title(strip_phrase(written))
        via = text if subject.lower_ in DOCUMENT_NOUNS else None
        return Speaker(text, start, end, None, via, basis="phrase")

    def _owner_unnamed(self, subject: Token, start: int, end: int, via: str) -> Speaker | None:
        """Whose a statement is when no name owns it ("The family's statement said", "Their
        statement said", "his letter says"): the owner speaks, the statement is the way it came.
        A named owner is `_document_owner`'s."""
        if subject.pos_ != "NOUN" or subject.lower_ not in DOCUMENT_NOUNS | SPOKEN_NOUNS:
            return None
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None or owner.pos_ == "PROPN":
            return None
        found: Mention | Token | None = None
        if owner.lower_ in POSSESSIVE_PERSON:
            found = self._antecedent(owner)
        elif owner.lower_ in POSSESSIVE_GROUP:
            found = self._body_antecedent(owner)
            if found is None and owner.lower_ == "their" and not self._plural_subject_near(owner):
                # "The government issued a statement ... Their statement": no group fits, so
                # "their" is the body that spoke last, as with "they"
                found = self._body_antecedent(owner, as_body=True)
        elif owner.pos_ == "NOUN":
            said = self.resolve(owner)  # "The family's statement": the family
            return Speaker(said.text, start, end, said.key, via, said.basis)
        if isinstance(found, Mention):
            key = self._full_names.get(found.key, found.key)
            return Speaker(clean_name(key), start, end, key, via, basis="pronoun")
        if found is not None:
            lo, hi = phrase_bounds(found)
            text = strip_phrase(self.doc[lo : hi + 1].text)
            return Speaker(text, start, end, None, via, "phrase")
        return None


#: Possessive pronouns of a person ("his statement") and of a group or a body ("their
#: statement", "its report"), whose owner is the pronoun's antecedent.
POSSESSIVE_PERSON = frozenset({"his", "her"})
POSSESSIVE_GROUP = frozenset({"their", "its"})

