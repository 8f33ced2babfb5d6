"""Sources of reported words: "according to X", "per X", "as reported by X", and documents
("a translation of his remarks reported") that relay someone else's words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import DOCUMENT_NOUNS, SPEECH_VERBS, cue_forms, verb_base
from .doccache import tokens_with_lower
from .drafts import SENTENCE_END, Draft, is_cue_verb, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .speakers import Speaker, SpeakerResolver


#: The words that open a source phrase ("according to X", "per X"): the only tokens
#: `according_to` visits.
_SOURCE_WORDS = frozenset({"according", "per"})
#: The participles of `as_reported_by` ("as reported by X", "as quoted by X").
_AS_REPORTED_WORDS = frozenset({"reported", "quoted"})


def according_to(
    doc: Doc, text: str, drafts: list[Draft], inside: dict[int, int], resolver: SpeakerResolver
) -> list[Draft]:
    cued: dict[int, list[Draft]] = {}
    relative: list[Token] = []
    for draft in drafts:
        if draft.continued:
            continue  # words that go on with an earlier cue's speaker: that cue is not theirs
        if draft.cue is not None and (draft.kind != "stance" or _carries_quote(text, draft)):
            subject = resolver.subject_of(draft.cue)
            if subject is not None and subject.lower_ in {"who", "which"}:
                continue  # "according to police, who said ...": the source's own words
            if draft.cue.dep_ == "relcl" or draft.cue.left_edge.lower_ in {"which", "who"}:
                # "...; which they note is ...": a relative clause's cue speaks about what
                # came before; it is not the sentence's cue, and the sourced clause ends there
                relative.append(draft.cue)
                continue
            cued.setdefault(resolver.sentence(draft.cue).start, []).append(draft)
    for token in tokens_with_lower(doc, _SOURCE_WORDS):
        if token.i in inside or token.i + 1 >= len(doc):
            continue
        if token.lower_ == "according" and doc[token.i + 1].lower_ == "to":
            to = doc[token.i + 1]
        elif token.lower_ == "per" and _opens_clause(token):
            to = token  # "Per numbers reported by the AP, ..."
        else:
            continue
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None and token.is_sent_start:
            # "Per numbers reported by X, ...": the parser made the source the subject
            source = next(
                (t for t in doc[to.i + 1 : to.i + 4] if t.pos_ in {"NOUN", "PROPN"}), None
            )
        if source is None:
            continue
        if source.lower_ in {"which", "whom"}:
            # "signed an agreement, according to which a section would cross X": the noun
            # before the comma is the source, the rest of its sentence what it says
            reported = _according_to_which(doc, text, token, source, resolver)
            if reported is not None:
                drafts.append(reported)
            continue
        phrase_end = _phrase_end(doc, token, source, resolver.sentence(token))
        # "according to Cuban vice-premier X and ...": the parser split the phrase into
        # several objects of "to"; it runs to the end of the last
        objects = [c for c in to.children if c.dep_ == "pobj" and c.i > source.i]
        phrase_end = max([phrase_end, *(c.right_edge.i for c in objects)])
        phrase_end = _with_relative_clause(doc, phrase_end, resolver.sentence(token))
        author = _document_author(source)
        if author is None and source.lower_ in MUTE_SOURCES and source.pos_ != "PROPN":
            continue  # "according to earlier plans": a thing that says nothing (a law with
            # a name of its own, "according to Ruritania's Press Law", states what it says)
        # standalone, "according to a tweet from X" is X's statement; next to someone's own cue
        # ("He said ..., according to a message from a reporter") the author is the via
        speaker = resolver.resolve(author if author is not None else source)
        if not resolver.names_a_person(speaker) and (
            source.pos_ != "PROPN" or resolver.is_place(source)
        ):
            # "according to Windsor Locks' first selectman, Chris Kervick", "according to
            # Connecticut Senator Richard Blumenthal": the person named after the role or place
            sent = resolver.sentence(token)
            comma = next((t.i for t in doc[to.i + 1 : sent.end] if t.text == ","), sent.end)
            after = next((t.i for t in doc[comma + 1 : sent.end] if t.text == ","), None)
            if after is not None and resolver.person_within(
                doc[comma].idx, doc[after].idx
            ) is not None and all(t.pos_ == "PROPN" for t in doc[comma + 1 : after]):
                comma = after  # "according to the mayor, Dee Margo, ...": the name in apposition
            last = doc[max(phrase_end, comma - 1)]
            person = resolver.person_within(source.idx + 1, last.idx + len(last.text))
            if person is not None:
                speaker = resolver.speaker_for(person, person.start, person.end)
                named_end = doc.char_span(person.start, person.end, alignment_mode="expand")
                if named_end is not None:
                    phrase_end = max(phrase_end, named_end.end - 1)
        stated_via = None
        stater = _named_stater(token, source, speaker, resolver) if author is None else None
        if stater is not None:
            # "X decided, according to the summary, that ...": X states it, the summary is
            # the way the words came
            speaker, stated_via = stater, _phrase_text(source)
        via = _phrase_text(author) if author is not None else None
        cue_end = to.idx + len(to.text)
        sent = resolver.sentence(token)
        seg_lo, seg_hi = _semicolon_part(doc, token, sent)
        owner = next(
            (
                d
                for d in cued.get(sent.start, ())
                if d.cue is not None and seg_lo <= d.cue.i <= seg_hi
            ),
            None,
        )  # "According to X, A; B said C": the cue beyond the semicolon is B's own
        own = _subordinate_clause(according=token)
        if own is not None:
            owner = None  # "While X own Y according to a study, organisers reported ...": apart
        if owner is not None and _introduced_by_colon(text, owner):
            # "According to X, the letter could strengthen the case: "..."": the clause and
            # the quote it introduces are both X's
            owner.speaker = speaker
            owner = None
            phrase_hi = _before_colon(doc, token, sent)
        else:
            phrase_hi = None
        if owner is not None:
            owner.via = owner.via or via or speaker.text
            continue
        via = None
        if own is not None:
            lo, hi = _own_clause_span(own, token)
        else:
            # after a semicolon, the clause is read in its part of the sentence alone
            part = doc[seg_lo : sent.end] if seg_lo > sent.start else sent
            lo, hi = _clause_without(doc, token, phrase_end, part)
        if lo is None or hi is None:
            continue
        lo, hi = max(lo, seg_lo), min(hi, seg_hi)
        while hi > lo and doc[hi].is_punct and doc[hi].text not in {")", "]"}:
            hi -= 1
        if hi < lo:
            continue
        if phrase_hi is not None:
            hi = min(hi, phrase_hi)
            if hi < lo:
                continue
        for cue in relative:
            if lo < cue.left_edge.i <= hi:
                hi = cue.left_edge.i - 1
                while hi > lo and doc[hi].is_punct and doc[hi].text not in {")", "]"}:
                    hi -= 1
        start, end = trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        if end <= start:
            continue
        draft = Draft(
            start, end, "direct" if _whole_quotation(text, start, end) else "indirect",
            token, cue_end, speaker, via=via or stated_via,
        )
        drafts.append(draft)
    return drafts


def _whole_quotation(text: str, start: int, end: int) -> bool:
    """`"...," according to X`: the sourced words are one quoted sentence, marks and all (not
    a fragment the clause around it quotes: `came to "defend the election," according to`)."""
    before = text[start - 1 : start]
    after = text[end : end + 2].lstrip(",.")[:1]
    inner = text[start:end]
    return (
        inner[:1].isupper()
        and before in {'"', "\u201c"}
        and after in {'"', "\u201d"}
        and not any(mark in inner for mark in ('"', "\u201c", "\u201d"))
    )


def _named_stater(
    according: Token, source: Token, speaker: Speaker, resolver: SpeakerResolver
) -> Speaker | None:
    """The named subject of the verb an "according to" phrase on a document qualifies, when
    that verb takes a clause ("Ana Ruiz, the judge, decided, according to the summary, that
    ..."): the clause is the subject's statement and the document only relays it. None when
    the source is named itself or the verb takes no clause ("X died, according to a report")."""
    if source.pos_ != "NOUN" or speaker.key is not None:
        return None
    verb = according.head
    if according.dep_ != "prep" or verb.pos_ != "VERB":
        return None
    if not any(c.dep_ == "ccomp" and c.i > according.i for c in verb.children):
        return None
    subject = resolver.subject_of(verb)
    if subject is None or subject.i > according.i:
        return None
    stater = resolver.resolve(subject)
    return stater if stater.key is not None else None


def _according_to_which(
    doc: Doc, text: str, according: Token, which: Token, resolver: SpeakerResolver
) -> Draft | None:
    """The report of "X, according to which ...": X the noun right before the comma."""
    if according.i < 2 or doc[according.i - 1].text != ",":
        return None
    noun = doc[according.i - 2]
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    sent = resolver.sentence(according)
    lo, hi = which.i + 1, sent.end - 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    if hi - lo < 2:
        return None
    start, end = trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
    if end <= start:
        return None
    to = doc[according.i + 1]
    return Draft(start, end, "indirect", according, to.idx + len(to.text), resolver.resolve(noun))


def _semicolon_part(doc: Doc, according: Token, sent: Span) -> tuple[int, int]:
    """The tokens of the sentence up to the first semicolon after "according to": a clause
    after it is a statement of its own, not the source's ("According to X, A; B said C").
    A trailing phrase sources the whole sentence before it, as without a semicolon; one that
    opens the part after a semicolon sources that part from itself on."""
    hi = next((t.i - 1 for t in doc[according.i : sent.end] if t.text == ";"), sent.end - 1)
    semicolon = next((t.i for t in reversed(doc[sent.start : according.i]) if t.text == ";"), None)
    if semicolon is not None and all(
        t.pos_ in {"CCONJ", "ADV", "PUNCT"} for t in doc[semicolon + 1 : according.i]
    ):
        # "A said B; according to X, C": opening the part after a semicolon, the phrase
        # sources that part alone, and A's cue before it is not the one it relays
        return according.i, hi
    return sent.start, hi


#: Sources that state nothing themselves: "according to the plans", "according to the data".
MUTE_SOURCES = frozenset(
    "plan plans framework frameworks data figures numbers statistics estimates estimate records "
    "schedule schedules rules law laws guidelines policy timetable map maps".split()
)


def _carries_quote(text: str, draft: Draft) -> bool:
    """A stance with quoted words in it ("called X a "breach ..."") reports words: an
    "according to" in its sentence relays them rather than stating something of its own."""
    around = text[max(0, draft.start - 1) : draft.end + 1]  # the marks of the words alone
    return any(mark in around for mark in '"“”')


def _with_relative_clause(doc: Doc, phrase_end: int, sent: Span) -> int:
    """ "according to police, who said ...", "according to officials, some of whom ...": the
    source's relative clause, to the sentence end, belongs to the phrase (it is the source's
    own statement, not what the phrase sources)."""
    i = phrase_end + 1
    if i < sent.end and doc[i].text == ",":
        i += 1
    if i < sent.end and (doc[i].lower_ in {"who", "which"} or _of_whom(doc, i, sent)):
        end = sent.end - 1
        while end > i and (doc[end].is_punct or doc[end].is_space):
            end -= 1
        return end
    return phrase_end


def _of_whom(doc: Doc, i: int, sent: Span) -> bool:
    """A relative clause opens at `i` with a part of the source ("some of whom", "two of
    which"): "according to officials, some of whom ..."."""
    words = [t.lower_ for t in doc[i : min(i + 4, sent.end)]]
    return any(a == "of" and b in {"whom", "which"} for a, b in zip(words, words[1:], strict=False))


def _introduced_by_colon(text: str, draft: Draft) -> bool:
    """A direct quote after a colon whose cue is no speech verb in the active voice (the verb
    of the sentence before the colon, or a participle in it, taken as its introduction)."""
    if draft.kind != "direct" or draft.cue is None or draft.marks is None:
        return False
    if verb_base(draft.cue.text) in SPEECH_VERBS and draft.cue.tag_ != "VBN":
        return False  # a speech verb in the active voice introduces the quote itself
    return text[max(0, draft.marks.open - 3) : draft.marks.open].rstrip().endswith(":")


def _before_colon(doc: Doc, according: Token, sent: Span) -> int | None:
    """The last token before the first colon after `according`, in its sentence."""
    colon = next((t.i for t in doc[according.i : sent.end] if t.text == ":"), None)
    return colon - 1 if colon is not None else None


def _opens_clause(token: Token) -> bool:
    """The word opens its sentence or follows a comma: "Per X, ...", "..., per X"."""
    return token.is_sent_start or (token.i > 0 and token.doc[token.i - 1].text == ",")


def _phrase_end(doc: Doc, according: Token, source: Token, sent: Span) -> int:
    """Where "according to X" ends. A leading phrase ends at the last comma before the verb of
    the clause it qualifies, whatever the parser hung on X ("According to a post by Amy Cook,
    director of the event, the tusk came from the wall")."""
    end = source.right_edge.i
    if according.i != sent.start:
        return end
    verb = sent.root
    if source.head.i != according.i and source.head.head.i != according.i:
        end = source.i  # the source is not the phrase's object: the phrase ends at its comma
    subject = next(
        (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > end), None
    )
    if verb.i > end and subject is not None:
        return _with_participle_aside(doc, end, subject.left_edge.i)
    commas = [t.i for t in doc[according.i : verb.i] if t.text == ","]
    return commas[-1] - 1 if commas else end


def _with_participle_aside(doc: Doc, end: int, clause_start: int) -> int:
    """ "According to the report, released Thursday by the auditor, the program cost ...": a
    participle set off by commas between the source and the clause's subject describes the
    source; the phrase runs on to the comma before the subject."""
    if end + 2 >= clause_start or doc[end + 1].text != "," or doc[clause_start - 1].text != ",":
        return end
    first = doc[end + 2]
    aside = doc[end + 2 : clause_start - 1]
    if first.tag_ not in {"VBN", "VBG"} or any(t.text == "," for t in aside):
        return end
    return clause_start - 2


def _named_text(source: Token) -> bool:
    """A source that is a name of its own ("Press Law"), with no common noun after it in
    its phrase ("the WHO's Emergency Use framework" is a framework, the WHO's)."""
    return source.pos_ == "PROPN" and not any(
        t.i > source.i and t.pos_ == "NOUN" for t in source.subtree
    )


def _document_author(source: Token) -> Token | None:
    """ "a message ... from a reporter" -> "reporter": who stands behind a document;
    "numbers reported by the AP" -> "AP": who published them."""
    for child in source.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN" and not _named_text(source):
            return child  # "WHO's statistics" (not "Ruritania's Press Law": a named text
            # speaks for itself; its possessor is where it holds, not who says it)
        if child.dep_ == "prep" and child.lower_ == "from" and source.lower_ in MUTE_SOURCES:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "PROPN":
                return obj  # "data from the Gun Violence Archive": the body that keeps it
        if child.dep_ == "acl" and child.tag_ == "VBN":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if obj is not None:
                return obj
    if source.lower_ not in DOCUMENT_NOUNS:
        return None
    for token in source.subtree:
        if token.lower_ in {"from", "by"} and token.dep_ in {"prep", "agent"}:
            obj = next((c for c in token.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _phrase_text(token: Token) -> str:
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text.strip(" ,.")


def _clause_without(
    doc: Doc, according: Token, phrase_end: int, sent: Span
) -> tuple[int | None, int | None]:
    """The sentence's clause that "according to X" qualifies, without that phrase."""
    if _trailing(doc, according, phrase_end, sent):
        # "X did A, and B happened, according to The Times": the phrase sources the sentence
        run = [t for t in doc[sent.start : according.i] if not t.is_space]
        while run and run[-1].is_punct and not _closes_bracket(run):
            run.pop()
        while run and run[0].is_punct:
            run.pop(0)
        return (run[0].i, run[-1].i) if run else (None, None)
    head = according.head if according.head.i != according.i else sent.root
    while head.dep_ not in {"ROOT", "ccomp", "conj"} and head.head.i != head.i:
        head = head.head
    if according.i == sent.start and head.dep_ == "ccomp" and verb_base(head.head.text) is None:
        # "According to X, A has a short runway, so when ..., it fell ...": the parser made
        # the first clause a complement of a later verb that reports nothing; the phrase
        # sources the whole sentence after it
        head = head.head
    tokens = [
        t
        for t in head.subtree
        if not (according.i <= t.i <= phrase_end)
        and not t.is_space
        and sent.start <= t.i < sent.end
    ]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return None, None
    # keep the contiguous run on the far side of the phrase (the clause it qualifies)
    after = [t for t in tokens if t.i > phrase_end]
    before = [t for t in tokens if t.i < according.i]
    run = after if len(after) >= len(before) else before
    if _after_conjunction(doc, according):
        # "small, poorly funded and, according to X, linked to Y": only the last conjunct
        # (the parser may hang that conjunct on X: the phrase ends at the comma after X)
        comma = next((t.i for t in doc[according.i + 2 : phrase_end + 1] if t.text == ","), None)
        first = comma + 1 if comma is not None else phrase_end + 1
        run = list(doc[first : _clause_end(doc, first, sent)])
    elif before and after and _between_commas(doc, according, phrase_end):
        # "The bridge, according to engineers, will not last": an aside inside the clause
        run = list(doc[before[0].i : after[-1].i + 1])
    while run and run[-1].is_punct and not _closes_bracket(run):
        run.pop()
    while run and run[0].is_punct:
        run.pop(0)
    if not run:
        return None, None
    return run[0].i, run[-1].i


#: Subordinators of a clause that states something of its own beside the main clause.
CONTRAST_SUBORDINATORS = frozenset({"while", "whereas", "although", "though"})


def _subordinate_clause(according: Token) -> Token | None:
    """The verb of a "while"/"although" clause that "according to X" sits in, with a subject
    of its own: the phrase sources that clause, not the main clause's cue."""
    head = according.head
    if head.dep_ != "advcl" or head.i > according.i:
        return None
    has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children)
    marked = any(c.dep_ == "mark" and c.lower_ in CONTRAST_SUBORDINATORS for c in head.children)
    return head if has_subject and marked else None


def _own_clause_span(verb: Token, according: Token) -> tuple[int | None, int | None]:
    """The subordinate clause's words without its subordinator and the "according to" phrase."""
    run = [
        t
        for t in verb.subtree
        if t.i < according.i
        and not (t.dep_ == "mark" and t.head.i == verb.i)
        and not t.is_space
    ]
    while run and run[-1].is_punct:
        run.pop()
    while run and run[0].is_punct:
        run.pop(0)
    return (run[0].i, run[-1].i) if run else (None, None)


def _closes_bracket(run: list[Token]) -> bool:
    """The run ends with a bracket it opened: "local time (1639 UTC)" keeps its ")"."""
    pairs = {")": "(", "]": "["}
    opener = pairs.get(run[-1].text)
    return opener is not None and any(t.text == opener for t in run[:-1])


def _trailing(doc: Doc, according: Token, phrase_end: int, sent: Span) -> bool:
    """The phrase closes its sentence after a comma, and the sentence before it has no cue of
    its own (then the phrase sources that cue's words instead)."""
    rest = [t for t in doc[phrase_end + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if rest or according.i == sent.start or doc[according.i - 1].text != ",":
        return False
    if _after_conjunction(doc, according):
        return False
    return not any(
        verb_base(t.text) in SPEECH_VERBS and t.pos_ == "VERB"
        for t in doc[sent.start : according.i]
    )


def _after_conjunction(doc: Doc, according: Token) -> bool:
    """The phrase follows "and"/"but"/"or" (commas between allowed), mid-sentence."""
    i = according.i - 1
    while i >= 0 and doc[i].text == ",":
        i -= 1
    return i > 0 and doc[i].dep_ == "cc" and doc[i].lower_ in {"and", "but", "or"}


def _between_commas(doc: Doc, according: Token, phrase_end: int) -> bool:
    return (
        according.i > 0
        and doc[according.i - 1].text == ","
        and phrase_end + 1 < len(doc)
        and doc[phrase_end + 1].text == ","
    )


def _clause_end(doc: Doc, start: int, sent: Span) -> int:
    """The token index where the clause from `start` ends: a semicolon or the sentence end."""
    for token in doc[start : sent.end]:
        if token.text in SENTENCE_END:
            return token.i
    return sent.end


def as_reported_by(doc: Doc, drafts: list[Draft], resolver: SpeakerResolver) -> None:
    """`said — as reported by X — "..."`, `..., as quoted by X`: X is a second-hand source."""
    for token in tokens_with_lower(doc, _AS_REPORTED_WORDS):
        if token.lower_ not in {"reported", "quoted"}:
            continue
        as_clause = any(c.lower_ == "as" for c in token.children)
        if not as_clause and doc[max(token.i - 1, 0)].lower_ != "as":
            continue
        agent = next((c for c in token.children if c.lower_ == "by"), None)
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if obj is None:
            continue
        via = doc[obj.left_edge.i : obj.right_edge.i + 1].text.strip(" ,.")
        sent = resolver.sentence(token)
        for draft in drafts:
            if (
                draft.cue is not None
                and resolver.sentence(draft.cue).start == sent.start
                and draft.kind != "stance"
            ):
                draft.via = draft.via or via


def document_sources(
    doc: Doc, drafts: list[Draft], inside: dict[int, int], resolver: SpeakerResolver
) -> None:
    """`"...," Guo said, a translation of his remarks reported`: the document is a `via`."""
    cue_sentences = {
        resolver.sentence(d.cue).start: d
        for d in drafts
        if d.cue is not None and d.kind == "direct"
    }
    used = {d.cue.i for d in drafts if d.cue is not None}
    for token in tokens_with_lower(doc, cue_forms(SPEECH_VERBS)):
        if token.i in inside or token.i in used or not is_cue_verb(token, SPEECH_VERBS):
            continue
        owner = cue_sentences.get(resolver.sentence(token).start)
        subject = resolver.subject_of(token)
        if owner is None or subject is None or owner.via:
            continue
        speaker = resolver.resolve(subject)
        if speaker.via is not None:
            owner.via = speaker.via


def as_asides(
    doc: Doc, text: str, drafts: list[Draft], inside: dict[int, int], resolver: SpeakerResolver
) -> list[Draft]:
    """ "The council is, as news sources noted, completely democratic": a speech verb marked
    by "as", with a subject, between commas inside a clause, reports that clause (with the
    aside in it, as "according to X" between commas does), not the words after it; a clause
    coordinated after the aside with a subject of its own (", and the councillors ...") is the
    article's own."""
    for verb in tokens_with_lower(doc, cue_forms(SPEECH_VERBS)):
        if verb.i in inside or not is_cue_verb(verb, SPEECH_VERBS):
            continue
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
        subject = resolver.subject_of(verb)
        if mark is None or subject is None or mark.i == 0 or doc[mark.i - 1].text != ",":
            continue
        sent = resolver.sentence(verb)
        after = next((t.i for t in doc[verb.i + 1 : sent.end] if t.text == ","), None)
        if after is None or after - verb.i > 4 or verb.dep_ not in {"advcl", "parataxis"}:
            continue  # the aside closes at a comma soon after its verb ("noted on Monday,")
        host = verb.head
        while host.head.i != host.i and (
            host.dep_ not in {"ROOT", "ccomp"} or host.left_edge.i >= mark.i
        ):  # the clause the aside sits in opens before it
            host = host.head
        own = {
            t.i
            for c in host.children
            if c.dep_ == "conj" and c.i > after and any(g.dep_ == "nsubj" for g in c.children)
            for t in c.subtree
        }
        run = [
            t
            for t in host.subtree
            if sent.start <= t.i < sent.end and t.i not in own and not t.is_space
        ]
        while run and (run[-1].is_punct or run[-1].dep_ == "cc") and not _closes_bracket(run):
            run.pop()
        while run and run[0].is_punct:
            run.pop(0)
        if not run or run[0].i >= mark.i or run[-1].i <= after:
            continue  # the aside opens or closes the clause: other rules read those
        start, end = trim(text, run[0].idx, run[-1].idx + len(run[-1].text))
        drafts = [d for d in drafts if d.cue is None or d.cue.i != verb.i]
        cue_end = verb.idx + len(verb.text)
        drafts.append(Draft(start, end, "indirect", verb, cue_end, resolver.resolve(subject)))
    return drafts
