"""Quotes, reported speech and stances, each attributed to a speaker.

Three passes over the parse: quotation marks that sit next to a speech cue are direct quotes;
cue verbs with a clausal complement are reported speech (mixed when that clause holds a quoted
fragment), stance verbs with an object are stances; "according to X" names a source. Quoted
fragments that no cue claims are scare quotes, terms or titles, and are not quotes.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING

from ..models import Article, Mention, Quote, QuoteKind
from .blocks import with_blocks
from .cues import (
    DOCUMENT_NOUNS,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    FINDING_VERBS,
    INTRO_VERBS,
    NAMING_VERBS,
    OBJECT_STANCES,
    OPINION_NOUN_VERBS,
    OPINION_NOUNS,
    OWN_ACT_STANCES,
    PARTICLE_STANCES,
    REQUEST_PARTICLES,
    REQUEST_VERBS,
    REQUESTED_FOR_ONESELF,
    SPEECH_VERBS,
    STANCE_VERBS,
    THOUGHT_VERBS,
    TITLING_WORDS,
    TOPIC_PREPOSITIONS,
    TOPIC_VERBS,
    topic_verb,
    verb_base,
)
from .doccache import doc_text, doc_tokens, lower_positions
from .drafts import Draft, is_cue_verb, trim
from .entities import PERSON_NOUNS
from .layouts import attribution_lines, labelled_paragraphs, vox_pop_speaker
from .names import HONORIFICS
from .negation import REFUSALS, negation_start, refused_stance
from .quotemarks import QuoteMarks, find_marks, is_title
from .quotes_direct import (
    UTTERANCE_WORDS,
    carries_sign,
    colon_verb,
    cue_after,
    cue_before,
    inverted_subject,
    is_as_clause,
    named_before_cue,
    negated,
    quoted_subject,
    subject_of_speech_root,
    tokens_inside,
    whose_words,
)
from .quotes_output import finish
from .quotes_surface import (
    surface_naming_cue,
    surface_quote_cue,
    surface_reported,
    with_participle_reports,
)
from .quotes_unclaimed import (
    CONTINUATION_CHARS,
    continuations,
    join_run_on,
    joined_pieces,
    joined_sentence,
)
from .quotes_unparsed import without_parse
from .repairs import repair_cue_modifiers
from .sources import (
    CONTRAST_SUBORDINATORS,
    according_to,
    as_asides,
    as_reported_by,
    document_sources,
)
from .speakers import BODY_NOUNS, PEOPLE_ENDINGS, PEOPLE_PLURALS, Speaker, SpeakerResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
#: Complements of a speech verb that hold reported content.
CLAUSE_DEPS = frozenset({"ccomp"})
#: Complements that make a stance ("urged Russia to ...", "called for talks").
STANCE_DEPS = frozenset(
    {"dobj", "xcomp", "ccomp", "prep", "dative", "prt", "oprd", "attr", "acomp"}
)
#: Complements that may carry a quoted fragment ("called it "a non-starter"").
FRAGMENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "dative", "acomp"})
#: Stance verbs that report speech when they take a clause ("warned that ...", "denied that ...").
CLAUSE_STANCES = frozenset(
    """
    urge agree demand warn deny reject vow promise pledge insist threaten accuse dispute
    advise request
    """.split()
)


def find_quotes(doc: Doc, article: Article, mentions: list[Mention]) -> list[Quote]:
    """Every quote in the article, in text order, with speakers resolved where possible."""
    text = article.text
    captions = _caption_paragraphs(article)
    marks = [
        m
        for m in _without_titles(text, find_marks(text, article.paragraphs))
        if not _in_spans(m.open, captions) and not _is_gloss(text, m)
    ]
    if not doc.has_annotation("DEP"):
        return without_parse(article, marks)
    repair_cue_modifiers(doc)
    resolver = SpeakerResolver(doc, mentions, [(m.open, m.close + 1) for m in marks])
    drafts = _claims(doc, text, marks, resolver, article, mentions)
    drafts, taken = _with_labelled_paragraphs(article, mentions, drafts, doc)
    drafts = with_blocks(doc, article, mentions, resolver, drafts, taken)
    return finish(article, [d for d in drafts if not _in_spans(d.start, captions)])


#: What may stand between two quoted pieces of one cue: `"A" and "B"`, `"A", but "B"`,
#: `said "A," and that "B."`.
JOINERS = frozenset({"and", "but", "or", "and also", "and then", "and that", "but that"})


def _joined_to_previous(text: str, previous: Draft, mark: QuoteMarks) -> bool:
    """The mark follows the previous direct quote's closing mark with only a conjunction (after
    a comma or, in a list of quoted pieces, a semicolon: `"A"; "B"; and "C"`)."""
    if previous.marks is None or previous.kind != "direct" or not previous.marks.closed:
        return False
    between = text[previous.marks.close + 1 : mark.open].strip(" ").lower()
    joined = between == ";" or between.strip(" ,;") in JOINERS
    return joined and "\n" not in text[previous.marks.close : mark.open]


def _joined_by_a_verb(doc: Doc, text: str, previous: Draft, mark: QuoteMarks) -> bool:
    """`X tweeted "A" and offered "B. C."`: a quoted piece of a sentence or more, the object of
    a verb joined by "and"/"but" to the previous direct quote's cue, is the same speaker's."""
    if previous.marks is None or previous.kind != "direct" or not previous.marks.closed:
        return False
    if previous.cue is None or "\n" in text[previous.marks.close : mark.open]:
        return False
    words = text[previous.marks.close + 1 : mark.open].split()
    if len(words) != 2 or words[0].lower() not in {"and", "but"}:
        return False
    inner = text[mark.inner[0] : mark.inner[1]]
    if len(inner.split()) < 5 and not any(e in inner.rstrip() for e in (". ", "? ", "! ")):
        return False  # `said "A" and signed "the bill"`: a short piece is a title or a term
    start = text.index(words[1], previous.marks.close + 1)
    verb = doc.char_span(start, start + len(words[1]))
    return (
        verb is not None
        and verb[0].dep_ == "conj"
        and verb[0].head.i == previous.cue.i
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb[0].children)
    )


def _with_labelled_paragraphs(
    article: Article, mentions: list[Mention], drafts: list[Draft], doc: Doc | None = None
) -> tuple[list[Draft], list[tuple[int, int]]]:
    """Transcript and interview paragraphs are one quote each, their speaker's; quotes the
    rules found inside such a paragraph are part of it. Also the spans so laid out."""
    laid = labelled_paragraphs(article, mentions)
    taken = [(p.start, p.end) for p in laid]
    for signed in attribution_lines(article, mentions, doc):
        inside = [d for d in drafts if signed.start <= d.start < signed.end]
        named = any(d.speaker is not None and d.speaker.key for d in inside)
        if not named and not any(s < signed.end and signed.start < e for s, e in taken):
            # a signed block quote: what the rules found in it is part of it (unless a label
            # already made it an answer: "MS We don't ..." then "—Professor Siegel")
            laid.append(signed)
    if not laid:
        return drafts, []
    spans = [(p.start, p.end) for p in laid]
    kept = [d for d in drafts if not any(s <= d.start < e for s, e in spans)]
    for p in laid:
        if p.speaker is None:
            # an unnamed interviewer's question is nobody's words, but what it cites of the
            # one it is put to ("On your website you state "..."") is theirs
            kept.extend(
                _cited_to(d, p.addressee)
                for d in drafts
                if p.start <= d.start < p.end
                and p.addressee is not None
                and _cites_you(d)
                and not article.text[d.end :].lstrip(" \"'”’").startswith("?")
            )
            continue
        kept.append(
            Draft(
                p.start, p.end, "direct", None, None, p.speaker, cue_text=p.cue_text or None,
                cue_start=p.cue_start if p.cue_text else None, continued=p.continued,
            )
        )
    return kept, spans


def _cites_you(draft: Draft) -> bool:
    """A statement of "you" in a question paragraph ("You mentioned that ...", "On your
    website you state "...""), not itself a question ("Did you say ...?")."""
    speaker = draft.speaker
    if speaker is None or speaker.text.lower() != "you" or draft.cue is None:
        return False
    return not draft.cue.sent.text.rstrip(" \"'”’").endswith("?")


def _cited_to(draft: Draft, addressee: Speaker) -> Draft:
    speaker = draft.speaker
    assert speaker is not None
    return replace(
        draft,
        speaker=Speaker(addressee.text, speaker.start, speaker.end, addressee.key, basis="pronoun"),
    )


#: Credit words that mark a photo caption ("Protesters at the march. Image: J. Smith.").
CAPTION_CREDITS = ("Image:", "Photo:", "Picture:", "Photograph:", "Photo credit:", "Credit:")
#: A caption is a short paragraph; a longer one with a credit in it is body text.
CAPTION_CHARS = 300


def _caption_paragraphs(article: Article) -> list[tuple[int, int]]:
    """Photo captions: short paragraphs carrying an image credit. They hold no one's words."""
    text = article.text
    return [
        (start, end)
        for start, end in article.paragraphs
        if end - start <= CAPTION_CHARS and any(c in text[start:end] for c in CAPTION_CREDITS)
    ]


def _in_spans(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in spans)


def _without_titles(text: str, marks: list[QuoteMarks]) -> list[QuoteMarks]:
    """Drop titles and names in marks (`an open letter titled "..."`) and a bracketed rendering
    right after one (`titled "A la ministra ..." ("To the minister ...")`): they name a thing,
    no one says them there."""
    kept: list[QuoteMarks] = []
    title_close = -1
    for mark in marks:
        before = text[: mark.open].rstrip()
        words = before.split()
        titled = bool(words) and words[-1].lower() in TITLING_WORDS
        rendering = (
            title_close >= 0
            and before.endswith(("(", "["))
            and before[:-1].rstrip() == text[: title_close + 1].rstrip()
        )
        if mark.closed and (titled or rendering):
            title_close = mark.close
            continue
        kept.append(mark)
    return kept


def _is_gloss(text: str, mark: QuoteMarks) -> bool:
    """`an anti-Brexit ("British exit") march`: a quoted gloss in brackets, not words said."""
    before = text[: mark.open].rstrip()
    after = text[mark.close + 1 :].lstrip()
    inner = text[mark.open + 1 : mark.close].split()
    return (
        mark.closed
        and before.endswith(("(", "["))
        and after.startswith((")", "]"))
        and len(inner) < UTTERANCE_WORDS
    )


def _claims(
    doc: Doc,
    text: str,
    marks: list[QuoteMarks],
    resolver: SpeakerResolver,
    article: Article,
    mentions: list[Mention],
) -> list[Draft]:
    inside = tokens_inside(doc, marks)
    drafts: list[Draft] = []
    used_cues: set[int] = set()
    claimed: set[int] = set()
    for index, mark in enumerate(marks):
        if is_title(text, mark):
            continue  # `an event called "Learning Together"`: a title, not words
        if quoted_subject(doc, mark):
            continue  # `the name: "COVID-19" is to replace ...`: a term the sentence is about
        # `X said, "A", also observing, "B"`: A belongs to "said" before it, not to "observing";
        # but a quote with its own cue after it is that cue's, even after a colon ("the agency
        # stressed the need to act: "...," said its director")
        own_cue = (
            cue_after(doc, text, mark, inside)
            if text[: mark.open].rstrip().endswith(":")
            else None
        )
        cue = (
            own_cue
            or cue_before(doc, text, mark, inside, resolver)
            or cue_after(doc, text, mark, inside)
            or colon_verb(doc, text, mark, inside, resolver)
        )
        if (
            cue is None
            and drafts
            and (
                _joined_to_previous(text, drafts[-1], mark)
                or _joined_by_a_verb(doc, text, drafts[-1], mark)
            )
        ):
            # `said "A" and "B"`: several quoted pieces around one cue are one quote each
            previous = drafts[-1]
            start, end = trim(text, *mark.inner)
            drafts.append(
                Draft(start, end, "direct", previous.cue, previous.cue_end, previous.speaker,
                       mark)
            )
            claimed.add(index)
            continue
        if cue is None:
            dashed = vox_pop_speaker(text, mark, article.paragraphs, mentions)
            if dashed is not None:  # `“…” — Name, role`
                signer, dash, dash_text = dashed
                start, end = trim(text, *mark.inner)
                drafts.append(
                    Draft(start, end, "direct", None, None, signer, mark, cue_text=dash_text,
                          cue_start=dash)
                )
                claimed.add(index)
            continue
        if carries_sign(cue):
            continue
        subject = _object_controller(cue) or resolver.subject_of(cue)
        if subject is not None and text[: mark.open].rstrip().endswith(":"):
            subject = whose_words(subject) or subject
        if subject is not None and subject.pos_ == "VERB":
            subject = None  # "Calling it "...", X told ...": a participle is no speaker
        speaker = resolver.resolve(subject) if subject is not None else None
        if speaker is None and mark.closed and cue.idx > mark.close:
            # `"...", Caloundra coach Geoff Ingram said.` with the phrase misparsed (a verb
            # "coach", or the role read as an object inside the quote): the person named
            # between the quote and its cue says it
            speaker = named_before_cue(doc, text, mark, cue, resolver)
        if speaker is None:
            subject = inverted_subject(doc, cue, inside)  # `"..." tweeted the mayor`
            speaker = resolver.resolve(subject) if subject is not None else None
        if speaker is None and cue.idx < mark.open:
            # `X of "Have no fear", a charity, told Reuters "..."`: quotation marks in the
            # subject broke the parse; the person named last before the cue says it
            person = resolver.person_within(resolver.sentence(cue).start_char, cue.idx)
            if person is not None:
                speaker = resolver.speaker_for(person, person.start, person.end)
        if speaker is None and cue.tag_ == "VBG" and cue.idx > mark.open:
            # `X notes, "...", highlighting Y` with "notes" read as a noun: the participle
            # hangs in the quote, and the speech word the sentence rests on has the subject
            subject = subject_of_speech_root(resolver.sentence(cue), mark)
            speaker = resolver.resolve(subject) if subject is not None else None
        if speaker is None and cue.tag_ == "VBG" and cue.i == resolver.sentence(cue).start:
            # "Writing in a blog post, Ana Ruiz of the Daily Star dubbed it: "..."": a fronted
            # participle is the clause's subject's; the person named before the quote
            person = resolver.person_within(cue.idx, mark.open)
            if person is not None:
                speaker = resolver.speaker_for(person, person.start, person.end)
        continued = False
        if speaker is None and drafts and mark.open - drafts[-1].end < CONTINUATION_CHARS:
            speaker = drafts[-1].speaker  # `X said, "...", also observing, "..."`
            continued = speaker is not None
        start, end = trim(text, *mark.inner)
        drafts.append(
            Draft(start, end, "direct", cue, None, speaker, mark, continued=continued)
        )
        used_cues.add(cue.i)
        claimed.add(index)
    drafts.extend(_reported(doc, text, marks, inside, resolver, used_cues, claimed))
    drafts.extend(_surface_quotes(doc, text, marks, inside, resolver, claimed))
    drafts.extend(_surface_naming(doc, text, marks, inside, resolver, claimed))
    drafts.extend(joined_pieces(text, marks, claimed, drafts))
    drafts.extend(continuations(text, marks, claimed, drafts, resolver))
    drafts = join_run_on(text, marks, claimed, drafts)
    drafts = according_to(doc, text, drafts, inside, resolver)
    drafts = as_asides(doc, text, drafts, inside, resolver)
    as_reported_by(doc, drafts, resolver)
    document_sources(doc, drafts, inside, resolver)
    drafts.extend(surface_reported(doc, text, drafts, inside, resolver))
    drafts.extend(with_participle_reports(doc, text, drafts, inside, resolver))
    for draft in drafts:
        if draft.kind in {"indirect", "mixed"}:
            draft.end = _before_gloss(doc, text, draft)
    return drafts


#: Words after a comma that open the article's own gloss on a reported clause
#: (", despite photos showing ...", ", whose vehicle ...").
GLOSS_OPENERS = frozenset({"despite", "whose"})
#: Participles by which the article explains or sources a clause (", meaning the UK would
#: ...", "citing sources within ..."), with or without a comma.
GLOSS_PARTICIPLES = frozenset({"meaning", "citing"})


def _before_gloss(doc: Doc, text: str, draft: Draft) -> int:
    """Where a reported clause ends once the article's gloss after it is left out. What was
    said comes first; a gloss holding quotation marks is kept (it may be the speaker's
    words). Other participles (", killing three people") may be part of what was said."""
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return draft.end
    for token in span[3:]:
        previous = doc[token.i - 1]
        opener = previous.text == "," and token.lower_ in GLOSS_OPENERS
        # the participle, not the noun: "the meaning of the term should prevail" is what was said
        participle = token.lower_ in GLOSS_PARTICIPLES and token.tag_ == "VBG"
        if not (opener or participle):
            continue
        cut = previous.idx if previous.text == "," else token.idx
        if any(m in text[cut : draft.end] for m in '"“”'):
            return draft.end
        return trim(text, draft.start, cut)[1]
    return draft.end


def _surface_quotes(
    doc: Doc,
    text: str,
    marks: list[QuoteMarks],
    inside: dict[int, int],
    resolver: SpeakerResolver,
    claimed: set[int],
) -> list[Draft]:
    """Quotations no rule claimed whose cue the parse missed (`Remarked X, "..."`): a speech
    verb by its written form before them, its subject by the words next to it."""
    found: list[Draft] = []
    for index, mark in enumerate(marks):
        if index in claimed:
            continue
        cued = surface_quote_cue(doc, text, mark, inside, resolver)
        if cued is None or carries_sign(cued[0]):
            continue
        cue, subject = cued
        speaker = resolver.resolve(subject)
        start, end = trim(text, *mark.inner)
        found.append(Draft(start, end, "direct", cue, None, speaker, mark))
        claimed.add(index)
    return found


def _surface_naming(
    doc: Doc,
    text: str,
    marks: list[QuoteMarks],
    inside: dict[int, int],
    resolver: SpeakerResolver,
    claimed: set[int],
) -> list[Draft]:
    """Quoted words no rule claimed after a characterising verb the parse read as a modifier
    (`Trump called Stone's sentence "unjust."`): a stance carrying the quoted words, as the
    dependency rules make of `X called Y "..."`."""
    found: list[Draft] = []
    for index, mark in enumerate(marks):
        if index in claimed:
            continue
        cued = surface_naming_cue(doc, text, mark, inside, resolver)
        if cued is None:
            continue
        cue, subject = cued
        start, end = trim(text, *mark.inner)
        claimed.add(index)
        later = index + 1
        while later < len(marks) and later not in claimed and marks[later].closed:
            # `called it "null and void" and "ridiculous"`: one stance, first piece to last
            between = text[marks[later - 1].close + 1 : marks[later].open].strip(" ,").lower()
            if between not in JOINERS:
                break
            end = trim(text, *marks[later].inner)[1]
            claimed.add(later)
            later += 1
        found.append(Draft(start, end, "stance", cue, None, resolver.resolve(subject), mark))
    return found


def _reported(
    doc: Doc,
    text: str,
    marks: list[QuoteMarks],
    inside: dict[int, int],
    resolver: SpeakerResolver,
    used_cues: set[int],
    claimed: set[int],
) -> list[Draft]:
    """Reported speech, mixed quotes and stances, in three phases: every cue verb's candidate,
    then candidates nested in another's clause dropped (or relayed, for documents), then the
    quotation marks inside what is left taken in (whole quote, or a quoted fragment)."""
    candidates = _reported_candidates(doc, text, marks, inside, resolver, used_cues, claimed)
    kept = _without_nested(candidates, resolver)
    _take_in_marks(doc, text, marks, kept, claimed)
    return kept


def _reported_candidates(
    doc: Doc,
    text: str,
    marks: list[QuoteMarks],
    inside: dict[int, int],
    resolver: SpeakerResolver,
    used_cues: set[int],
    claimed: set[int],
) -> list[Draft]:
    """One draft per cue verb outside quotes whose complement reports something."""
    candidates: list[Draft] = []
    # `_speech_noun_clause` finds nothing on another noun: only these are asked
    statement_nouns = set(lower_positions(doc, STATEMENT_OR_IDEA_NOUNS))
    for token in doc_tokens(doc):
        pos = token.pos_  # read once: most tokens are neither
        if pos == "NOUN" and token.i not in inside:
            if token.i in statement_nouns:
                noun_cue = _speech_noun_clause(doc, text, token, resolver)
                if noun_cue is not None:
                    candidates.append(noun_cue)
            continue
        if pos not in {"VERB", "AUX"} or token.i in inside:
            continue
        if token.lower_ in MAKE_FORMS:
            made_clear = _made_clear(doc, text, token, resolver)
            if made_clear is not None:
                candidates.append(made_clear)
            continue
        if token.lower_ in HOLD_FORMS:
            held = _held_to_account(doc, text, token, resolver)
            if held is not None:
                candidates.append(held)
            continue
        base = verb_base(token.text) or topic_verb(token.text)
        relayed = _document_participle(token)
        if base in NAMING_VERBS and token.dep_ == "acl" and token.tag_ == "VBN":
            # `a pattern described by X as "..."`: a reduced passive with its agent; only the
            # quoted characterisation is kept ("a man described by police as a suspect" is not)
            passive = _passive_stance(token, base, resolver)
            if passive is not None and passive.kind == "mixed":
                candidates.append(passive)
            continue
        if base is None or (token.dep_ in {"amod", "acl"} and not relayed):
            continue
        negation = None
        if negated(token):
            # "did not welcome X", "never criticised X": a stance all the same, its cue
            # keeping the negation; "did not say ..." reports nothing
            negation = negation_start(token) if base in STANCE_VERBS else None
            if negation is None or _passive(token):
                continue
        if _passive(token):
            passive = _passive_stance(token, base, resolver)
            if passive is not None:
                candidates.append(passive)
            continue
        found = _complement(token, base, marks, claimed)
        if found is None or carries_sign(token):
            continue
        kind, lo, hi, particle = found
        if negation is not None and not _negated_stance(token, kind, particle):
            continue  # "did not agree on a budget", "did not agree that ...": no stance kept
        refused = refused_stance(token, base) if kind == "stance" else None
        if refused is not None and lo <= refused.i < hi:
            # "refused to condemn X": the cue is "refused to condemn", what is refused "X"
            particle, lo = refused, refused.i + 1
        if lo <= token.i < hi and kind == "indirect" and doc[lo].lower_ in RELATIVE_WORDS:
            # "which state media said were under control": the relative clause holds its own
            # cue; the words reported are those after it ("X, she said, Y" keeps both sides)
            lo = _skip_mark_word(doc, token.i + 1, hi)
        if token.i in used_cues:
            # the cue of a direct quote: only a clause of its own before the quote counts
            # ("told the press the drugs were only part of it: "...""), cut where the quote starts;
            # so does a stance on an object ("affirmed her willingness to serve, writing, "..."")
            own = kind in {"indirect", "stance"} and lo > token.i
            hi = _before_quote(doc, lo, hi, inside, kind == "indirect") if own else -1
            if hi < 0:
                continue
            if kind == "stance" and _only_punct_to_quote(doc, hi, inside):
                continue  # `praised X on Twitter: "..."`: the quote is what the praise says
        if token.dep_ == "conj" and _after_comma_clause(token):
            subject = inverted_subject(doc, token, inside)  # "..., argued the lawyer"
        elif _joined_cue(token) and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in token.children
        ):
            # "told it this was unconfirmed and noted ...": the subject of the cue whose clause
            # the parser hung it in, not that clause's own ("this")
            outer = token.head.head
            reported = verb_base(outer.text) in SPEECH_VERBS and token.head.dep_ != "advcl"
            # "X remarked, though Y remained calm and encouraged ...": an adverbial clause
            # is no report of X's, and its subject is the second cue's too
            subject = resolver.subject_of(outer if reported else token)
        elif relayed:
            # "released a statement saying ...": whoever released it, else the statement
            issuer = token.head.head if token.head.dep_ == "dobj" else None
            subject = (resolver.subject_of(issuer) if issuer is not None else None) or (
                resolver.subject_of(token)
            )
        else:
            subject = (
                _quoted_as(token) or _object_controller(token) or resolver.subject_of(token)
            )
        relayed_by = next((c for c in token.rights if _bare_cue(token, c)), None)
        if relayed_by is not None:
            # "..., CNN reported the governor said": the outlet passes on the governor's words
            subject = resolver.subject_of(relayed_by) or subject
        if subject is None or subject.lower_ == "you":  # an interviewer's question
            continue
        if subject.pos_ == "NUM" and not any(c.dep_ == "prep" for c in subject.children):
            continue  # "amassed 1,217 pledged delegates": a count, not who pledged
        hashtag = subject.i > 0 and doc[subject.i - 1].text == "#"
        if base in EVIDENCE_VERBS and (
            (subject.lower_ in EVIDENCE_NOUNS and not _owned(subject)) or hashtag
        ):
            continue  # "the evidence suggests ...", "#X went viral, suggesting": no speaker
        if base in FINDING_VERBS and not _can_report_finding(subject):
            continue  # "a search of the van found ...": what turned up, not a finding said
        if base in THING_CUES and subject.pos_ == "NOUN" and not (
            _a_person(subject) or _can_report_finding(subject)
        ):
            continue  # "the revolution appears to signal ...": what an event means, unsaid
        if _copula_infinitive(token):
            continue  # "One of the goals is to encourage trade": a purpose, not a stance
        if _only_time(doc, lo, hi):
            continue  # "called off its search late on Tuesday": a time, not a position
        if hi < token.i:
            hi = _without_subjects_noun(doc, lo, hi, subject)
        start, end = trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        if end <= start:
            continue
        cue_end = particle.idx + len(particle.text) if particle is not None else None
        candidates.append(
            Draft(start, end, kind, token, cue_end, resolver.resolve(subject), cue_start=negation)
        )
    return candidates


#: Cues that events and things do as well as people ("the uprising signals a new chapter"):
#: with a common noun for a subject, a cue only if it names people, a body or a document.
THING_CUES = frozenset({"signal"})

#: Nouns of a statement that take a that-clause: "made an announcement that ...".
STATEMENT_NOUNS = frozenset(
    """
    announcement statement claim assertion declaration warning prediction admission
    allegation accusation pledge promise recommendation proposal suggestion demand insistence
    contention argument assurance denial threat vow claims allegations accusations warnings
    assurances promises ultimatum ultimatums
    """.split()
)
#: Verbs that make such a noun the subject's statement ("made/issued/posted a statement").
SPEECH_NOUN_VERBS = frozenset("make made makes making issue issued issues post posted".split())
#: Verbs that put an idea forward in public: "launched/floated the idea that ...".
PROPOSING_VERBS = frozenset(
    "launch launched launches launching float floated floats floating".split()
)
#: Nouns of an idea, a statement only when the subject puts it forward (`PROPOSING_VERBS`):
#: "floated the notion that ..."; "the idea that ..." alone is nobody's statement.
IDEA_NOUNS = frozenset({"idea", "notion", "possibility", "theory"})
#: The nouns `_speech_noun_clause` reads at all.
STATEMENT_OR_IDEA_NOUNS = STATEMENT_NOUNS | IDEA_NOUNS


def _speech_noun_clause(
    doc: Doc, text: str, noun: Token, resolver: SpeakerResolver
) -> Draft | None:
    """ "X made a surprise announcement on Twitter that he was running", "issued a statement
    that the plant would close": the that-clause on the noun is X's statement; so is it on
    "X's claim that ..." and "the warning by X that ...", whatever the sentence does with it."""
    verb = noun.head
    proposed = noun.dep_ == "dobj" and verb.lower_ in PROPOSING_VERBS
    if noun.lower_ not in STATEMENT_NOUNS and not (proposed and noun.lower_ in IDEA_NOUNS):
        return None
    owner = None if proposed else _statement_owner(noun)
    if owner is None and (
        noun.dep_ != "dobj"
        or verb.lower_ not in SPEECH_NOUN_VERBS | PROPOSING_VERBS
        or negated(verb)
    ):
        return None
    # "issued the ultimatum, in the wake of ..., that the board must resign": past an aside
    # the parser hangs the noun's clause on the verb that issues it
    hosts = [*noun.rights, *(c for c in verb.rights if c.i > noun.i)] if owner is None else []
    clause = next(
        (
            c
            for c in (hosts or list(noun.rights))
            if c.dep_ in {"acl", "ccomp", "relcl"}  # "that" as a mark: no relative clause
            and (c.head == noun or c.dep_ == "ccomp")
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    subject = owner if owner is not None else resolver.subject_of(verb)
    if subject is None:
        return None
    lo = _skip_mark_word(doc, clause.left_edge.i, clause.right_edge.i)
    last = doc[clause.right_edge.i]
    start, end = trim(text, doc[lo].idx, last.idx + len(last.text))
    if end <= start:
        return None
    if owner is not None:
        return Draft(start, end, "indirect", noun, None, resolver.resolve(owner))
    return Draft(
        start, end, "indirect", verb, noun.idx + len(noun.text), resolver.resolve(subject)
    )


def _statement_owner(noun: Token) -> Token | None:
    """Whose statement the noun is: "the senator's claim", "the warning by the agency". A
    noun the parser left as the sentence's root has no verb: the clause on it runs on into
    the sentence's own predicate, so no owner is read."""
    if noun.dep_ == "ROOT":
        return None
    owner = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
    if owner is None or owner.lower_ in RELATIVE_WORDS | {"whose"}:
        return None
    return owner


#: Forms of "make", which states a position through what it makes clear.
MAKE_FORMS = frozenset({"make", "makes", "made", "making"})
#: What one makes a clause: "made clear that ...", "made it known that ...".
MADE_PLAIN = frozenset({"clear", "plain", "known"})


def _made_clear(doc: Doc, text: str, verb: Token, resolver: SpeakerResolver) -> Draft | None:
    """ "The party made clear (that) it would vote against", "made it clear the tax would not
    rise": stating a position plainly is reported speech; "did not make clear whether ..."
    (negated, or a question left open) reports nothing."""
    plain = next(
        (
            c
            for c in verb.rights
            if c.lower_ in MADE_PLAIN and c.dep_ in {"ccomp", "oprd", "acomp", "xcomp", "dobj"}
        ),
        None,
    )
    if plain is None or negated(verb):
        return None
    clause = next(
        (
            c
            for c in [*verb.rights, *plain.rights]
            if c.i > plain.i
            and c.dep_ in {"ccomp", "advcl"}
            and c.pos_ in {"VERB", "AUX"}
            and any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in c.children)
        ),
        None,
    )
    if clause is None or clause.left_edge.i != plain.i + 1:
        return None  # the clause starts right after "clear" (with its "that")
    lo = _skip_mark_word(doc, clause.left_edge.i, clause.right_edge.i)
    if doc[lo].lower_ in QUESTION_WORDS:
        return None  # "made clear what ...": a question answered, no clause of its own
    subject = resolver.subject_of(verb)
    if subject is None:
        return None
    hi = _before_own_cue(doc, lo, clause.right_edge.i)
    start, end = trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
    if end <= start:
        return None
    return Draft(
        start, end, "indirect", verb, plain.idx + len(plain.text), resolver.resolve(subject)
    )


#: Forms of "hold", which blames through what it holds someone ("held X responsible").
HOLD_FORMS = frozenset({"hold", "holds", "held", "holding"})
#: What one holds someone to be when blaming them.
ACCOUNTABLE = frozenset({"responsible", "accountable", "liable", "culpable"})


def _held_to_account(
    doc: Doc, text: str, verb: Token, resolver: SpeakerResolver
) -> Draft | None:
    """ "The mayor held the contractor responsible for the collapse": a blame, a stance on
    the one held responsible; "held the door open" or "held a meeting" is none."""
    obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
    if obj is None or negated(verb) or _passive(verb):
        return None
    blame = next(
        (
            t
            for t in doc[obj.i + 1 : min(obj.right_edge.i + 3, verb.sent.end)]
            if t.lower_ in ACCOUNTABLE and t.head.i in {verb.i, obj.i}
        ),
        None,
    )
    subject = resolver.subject_of(verb) if blame is not None else None
    if blame is None or subject is None:
        return None
    hi = max(blame.right_edge.i, obj.right_edge.i)
    start, end = trim(text, doc[obj.left_edge.i].idx, doc[hi].idx + len(doc[hi].text))
    if end <= start:
        return None
    return Draft(start, end, "stance", verb, None, resolver.resolve(subject))


#: Common nouns, besides bodies, documents and people, that report findings ("the inquiry").
FINDING_NOUNS = frozenset(
    """
    inquiry investigation investigators review panel audit probe jury autopsy autopsies
    post-mortem necropsy inquest
    """.split()
)


def _object_controller(cue: Token) -> Token | None:
    """ "Backlash led Biden to express "..."", "the court ordered the firm to state ...": the
    object of the verb above an infinitive cue is who speaks, not that verb's subject."""
    if cue.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children):
        return None
    if cue.head.lower_ not in OBJECT_CONTROL_FORMS:
        return None  # "founded the union to oppose X": a purpose, the founder's
    return next((c for c in cue.head.children if c.dep_ == "dobj" and c.i < cue.i), None)


#: Verbs whose object does what the infinitive after it says ("led Biden to express").
OBJECT_CONTROL_FORMS = frozenset(
    f"{base}{ending}"
    for base in (
        "prompt", "force", "ask", "urge", "order", "encourage", "push", "invite", "persuade",
        "convince", "pressure", "inspire", "compel", "require", "cause", "allow", "permit",
    )
    for ending in ("", "s", "ed", "d", "ing")
) | frozenset(
    "lead leads led leading drive drove driven tell told bring brings brought bringing".split()
)  # "bringing the firm's owner, Ana Ruiz, to testify that ..."


def _without_subjects_noun(doc: Doc, lo: int, hi: int, subject: Token) -> int:
    """ "..., yoga and trekking, newspaper The Hindu reported": the parser joined the noun
    that says what the speaker is to the clause before it; the clause ends at the comma."""
    if hi + 1 != subject.left_edge.i:
        return hi
    comma = next((t.i for t in reversed(doc[lo : hi + 1]) if t.text == ","), None)
    if comma is None or comma == hi or comma <= lo:
        return hi
    if all(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in doc[comma + 1 : hi + 1]):
        return comma - 1
    return hi


def _owned(subject: Token) -> bool:
    """ "Johns Hopkins University data indicated ...", "the ministry's figures show ...": a
    named keeper (a proper name before the noun) publishes the evidence and states it."""
    return any(
        c.dep_ in {"compound", "poss"} and c.pos_ == "PROPN" and c.i < subject.i
        for c in subject.children
    )


def _can_report_finding(subject: Token) -> bool:
    """Who can find that something is so: a person or group (a pronoun, a name, "researchers"),
    a body ("the court", "the team") or a document ("the study"), not a search or a test."""
    word = subject.lower_
    if subject.pos_ in {"PRON", "PROPN"} or word in BODY_NOUNS or word in DOCUMENT_NOUNS:
        return True
    return word in FINDING_NOUNS or word in PEOPLE_PLURALS or word.endswith(PEOPLE_ENDINGS)


def _negated_stance(verb: Token, kind: QuoteKind, particle: Token | None) -> bool:
    """Whether a negated cue keeps a stance: one with an object ("did not welcome X",
    "never criticised X") or its particle ("did not call for X"). A negated clause ("did not
    agree that ...") or a topic ("could not agree on a budget") is a disagreement reported,
    not the speaker's stance towards anyone."""
    if kind != "stance":
        return False
    return particle is not None or any(c.dep_ == "dobj" for c in verb.children)


def _quoted_as(token: Token) -> Token | None:
    """ "cited the Air Force as stating ...", "quoted the minister as saying ...": the object
    of the citing verb is who spoke; the subject only passes the words on."""
    if token.dep_ != "pcomp" or token.head.lower_ != "as":
        return None
    if token.head.head.pos_ == "VERB":
        found = next(
            (c for c in token.head.head.children if c.dep_ == "dobj" and c.i < token.i), None
        )
        if found is not None:
            return found
        if token.head.head.lower_ in CITING_FORMS:
            # "X was quoted by Reuters as saying ...": the one quoted, not who quotes
            found = next((c for c in token.head.head.children if c.dep_ == "nsubjpass"), None)
            if found is not None:
                return found
    # "cited X, chief of ..., as saying": the parser hung "as" further on; the citing verb
    # before it in the sentence, with its object, still names who spoke
    for verb in reversed(list(token.sent[: token.head.i - token.sent.start])):
        if verb.lower_ in CITING_FORMS and verb.pos_ == "VERB":
            return next((c for c in verb.children if c.dep_ == "dobj"), None)
    return None


#: Verbs that pass on someone's words: "cited / quoted X as saying".
CITING_FORMS = frozenset("cite cites cited citing quote quotes quoted quoting".split())


def _before_own_cue(doc: Doc, lo: int, hi: int) -> int:
    """The clause ends before a participle cue of its own that the parser hung inside it
    (`said the use "costs billions," further saying, "..."`): that cue reports its own words.
    So does a cue with its own subject set against it whose object holds quoted words (`told
    X the plan "was a disaster," while Y praised its "courage" on Twitter`)."""
    for token in doc[lo + 1 : hi + 1]:
        if (
            token.dep_ in {"advcl", "conj", "acl"}  # first: the cheapest test, and most fail it
            and (token.tag_ == "VBG" or _contrasted_cue(token) or _joined_cue(token)
                 or _comma_participle(token))
            and (
                verb_base(token.text) in SPEECH_VERBS
                # "..., though critics warn it could ...": a stance verb's clause is reported
                or (_contrasted_cue(token) and verb_base(token.text) in CLAUSE_STANCES)
            )
            and any(c.dep_ in CLAUSE_DEPS for c in token.children)
        ) or _contrasted_quoting(token):
            end = token.left_edge.i - 1
            while end > lo and (doc[end].is_punct or doc[end].dep_ == "cc"):
                end -= 1
            for mark in doc[end + 1 : min(end + 3, token.i)]:
                if mark.text in {'"', "”"}:
                    end = mark.i  # keep the closing mark of the quoted words before the cue
                    break
            return end if end > lo else hi
        example = _speaking_example(token, lo)
        if example is not None:
            # "urged him to concede, such as Governor X, who denounced ... as "..."": the
            # named example speaks for itself; the content ends before the example
            end = example.left_edge.i - 1
            while end > lo and doc[end].is_punct:
                end -= 1
            return end if end > lo else hi
    return hi


def _speaking_example(token: Token, lo: int) -> Token | None:
    """For the cue of a "who" clause on a name given as an example ("such as X, who
    denounced", "including X, who said"), the phrase that introduces the example."""
    if token.dep_ != "relcl" or verb_base(token.text) not in INTRO_VERBS | NAMING_VERBS:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in token.children):
        return None
    name = token.head
    if name.pos_ != "PROPN" or name.dep_ != "pobj":
        return None
    prep = name.head
    if prep.dep_ != "prep" or prep.left_edge.i <= lo or prep.lower_ not in {"as", "including"}:
        return None
    return prep


def _comma_participle(token: Token) -> bool:
    """ ", writing, "..."" tagged as a noun: a participle cue after a comma all the same."""
    return token.lower_.endswith("ing") and token.i > 0 and token.doc[token.i - 1].text == ","


#: Words that set a second speaker's clause against the first: "X said A while Y wrote B".
CONTRAST_MARKS = CONTRAST_SUBORDINATORS | {"but"}


def _contrasted_cue(token: Token) -> bool:
    """A cue with a subject of its own, set against the clause it hangs in ("... while the
    minister wrote he had ..."): the words after it are that subject's, not the first speaker's."""
    return any(c.dep_ == "nsubj" and c.i < token.i for c in token.children) and any(
        c.lower_ in CONTRAST_MARKS and c.i < token.i for c in token.children
    )


def _contrasted_quoting(token: Token) -> bool:
    """A cue or stance verb with its own subject after "while"/"whereas"/"but", whose object
    holds quoted words ("... while the governor praised its "courage""): the quoted words are
    that subject's, not more of the clause it hangs in."""
    if token.dep_ not in {"advcl", "conj"} or not _contrasted_cue(token):
        return False
    if not is_cue_verb(token, SPEECH_VERBS | STANCE_VERBS):
        return False
    doc = token.doc
    return any(
        c.dep_ == "dobj"
        and any(
            doc[i].is_quote and doc[i].text not in {"'", "’"}  # an apostrophe is no mark
            for i in range(c.left_edge.i, c.right_edge.i + 1)
        )
        for c in token.children
    )


def _joined_cue(token: Token) -> bool:
    """A second cue joined by "and"/"but" that the parser hung inside the first one's clause
    ("told it this was unconfirmed and noted no ransom ...", "... and several said they ..."):
    the words after it are its own report, not more of the first."""
    before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    return (
        token.dep_ == "conj"
        and before is not None
        and before.lower_ in {"and", "but"}
        and token.head.i < token.i
        and verb_base(token.head.text) not in SPEECH_VERBS
        and _finite_clause(token.head)  # "noted the signal received ... but declared": no
        and not negated(token)  # "... but did not say he had ordered it": still the report
    )


def _document_participle(token: Token) -> bool:
    """ "a statement saying ...", "a message blaming ...": a participle on a document noun
    reports what the document says; so does one on a speech ("delivered a speech declaring
    ...": what the speaker declared)."""
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBG"
        and (token.head.lower_ in DOCUMENT_NOUNS or token.head.lower_ in SPEECH_NOUNS)
    )


#: Nouns for an act of speaking: a participle on them says what was said.
SPEECH_NOUNS = frozenset(
    "speech speeches address remarks testimony sermon lecture conference briefing".split()
)


def _only_time(doc: Doc, lo: int, hi: int) -> bool:
    """The content is nothing but a date or time ("late on Tuesday")."""
    words = [t for t in doc[lo : hi + 1] if not t.is_punct]
    return bool(words) and all(
        t.ent_type_ in {"DATE", "TIME"} or t.pos_ in {"ADP", "DET"} for t in words
    )


def _without_nested(candidates: list[Draft], resolver: SpeakerResolver) -> list[Draft]:
    """A verb inside someone else's reported clause is part of what they said, unless that
    someone is a document: `Guo called on X to ..., the report said` is Guo's, via the report."""
    by_sentence: dict[int, list[Draft]] = {}
    for draft in candidates:
        by_sentence.setdefault(_sentence_key(draft, resolver), []).append(draft)
    relayed: set[int] = set()
    nested: set[int] = set()
    for draft in candidates:
        near = by_sentence[_sentence_key(draft, resolver)]
        outer = [o for o in near if o is not draft and o.start <= _cue_char(draft) < o.end]
        documents = [o for o in outer if o.speaker is not None and o.speaker.via is not None]
        # "KXLA reported that Judge Ana Ruiz said ...": the outlet passes on her words
        reports = [o for o in outer if _relays(o, draft)]
        if documents and len(documents) == len(outer) and draft.speaker and draft.speaker.key:
            draft.via = documents[0].speaker.via if documents[0].speaker else None
            relayed.update(id(o) for o in documents)
        elif reports and len(reports) == len(outer):
            draft.via = reports[0].speaker.text if reports[0].speaker else None
            relayed.update(id(o) for o in reports)
        elif outer:
            nested.add(id(draft))
    return [d for d in candidates if id(d) not in relayed and id(d) not in nested]


def _relays(outer: Draft, inner: Draft) -> bool:
    """`X reported (that) Y said ...`: the report's clause is a named speaker's own cue."""
    return (
        outer.cue is not None
        and inner.cue is not None
        and verb_base(outer.cue.text) == "report"
        and inner.cue.head == outer.cue
        and inner.cue.dep_ in CLAUSE_DEPS
        and verb_base(inner.cue.text) in SPEECH_VERBS
        and inner.speaker is not None
        and inner.speaker.key is not None
    )


def _withheld(children: list[Token]) -> bool:
    """"denied him entry", "denying ballot access for the ticket": something kept from
    someone (a recipient), not a claim rejected ("denied the allegations for years")."""
    if any(c.dep_ == "dative" for c in children):
        return True
    objects = [c for c in children if c.dep_ == "dobj"]
    heads = [*children, *(g for o in objects for g in o.children)]
    for prep in (c for c in heads if c.dep_ == "prep" and c.lower_ in {"to", "for"}):
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if obj is not None and obj.ent_type_ not in {"DATE", "TIME"}:
            return True
    return False


def _take_in_marks(
    doc: Doc, text: str, marks: list[QuoteMarks], kept: list[Draft], claimed: set[int]
) -> None:
    """Quotation marks inside a reported clause: the whole clause quoted (a direct quote), or
    a quoted fragment (a mixed quote); a title or a name stays what it is."""
    opens = [m.open for m in marks]
    for draft in kept:
        taken: list[QuoteMarks] = []
        for index in range(bisect_left(opens, draft.start - 1), bisect_left(opens, draft.end)):
            mark = marks[index]
            if index in claimed:
                continue
            if taken and joined_sentence(text, mark):
                # `said she was "humbled" and "...we will ..."`: a quoted sentence of its own
                # (`joined_pieces`); the report ends before the joining word
                lead = text[draft.start : mark.open].rstrip()
                cut = draft.start + len(lead) - len(lead.split()[-1])
                draft.end = trim(text, draft.start, cut)[1]
                break
            claimed.add(index)
            if _named_by_participle(doc, mark, draft.cue) or is_title(text, mark):
                continue  # `a book called "The Silent Valley"`: a title, not words
            if _is_whole(text, draft, mark):
                draft.kind = "direct"
                draft.start, draft.end = trim(text, *mark.inner)
                draft.marks = mark
                continue
            cue_base = verb_base(draft.cue.text) if draft.cue is not None else None
            if draft.kind != "stance" or (cue_base == "call" and draft.cue_end is not None):
                # a stance keeps its kind and carries the quoted words ("blasted the media for
                # being "dishonest""); a call on someone to act quotes what was asked: mixed
                draft.kind = "mixed"
            inner_end = trim(text, *mark.inner)[1]
            if mark.closed and inner_end == mark.close:
                inner_end = mark.close + 1  # the quoted words keep their closing mark
            draft.end = max(draft.end, inner_end)
            taken.append(mark)
            if _ends_sentence_at_close(text, mark) and draft.end > mark.close + 1:
                # `said it would place "a heavy burden[.]" She went on ...`: the parser ran the
                # sentence on; the report stops at the closing mark of its last quoted words
                draft.end = mark.close + 1
                break
        if taken and draft.kind != "direct" and _characterises(draft):
            # `called the move a "smash and grab"`, `described X as an "emerging" figure`: the
            # speaker's words are the quoted ones; what they characterise is the article's
            draft.start, draft.end = trim(text, taken[0].open + 1, taken[-1].close)


def _ends_sentence_at_close(text: str, mark: QuoteMarks) -> bool:
    """The quoted words end their sentence ("...victims[.]"", "...home!"") and a new sentence
    starts after the closing mark."""
    if not mark.closed:
        return False
    inner = text[mark.open + 1 : mark.close].rstrip().removesuffix("]").rstrip()
    after = text[mark.close + 1 : mark.close + 4].lstrip(" ")
    return inner[-1:] in {".", "!", "?"} and after[:1].isupper()


def _as_saying(verb: Token) -> bool:
    """ "cited the Air Force as stating ...": "as" with a gerund relays someone's words; it
    names nothing."""
    return any(
        t.lower_ == "as" and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in t.children)
        for t in verb.subtree
        if t.i > verb.i
    )


def _characterises(draft: Draft) -> bool:
    """The draft's cue names or describes something in the speaker's words ("called X "Y"",
    "described X as "Y""), not a call on someone to act ("called on X to "...")."""
    if draft.cue is None or draft.cue_end is not None:
        return False
    base = verb_base(draft.cue.text)
    if base in AS_PRAISES and _passive(draft.cue):
        return True  # `was hailed as a "hero" by X`: the passive's quoted words, as named
    return base in NAMING_VERBS


def _named_by_participle(doc: Doc, mark: QuoteMarks, cue: Token | None) -> bool:
    """The quoted words hang from "called", "named", "dubbed" ... as a name, not a quotation."""
    span = doc.char_span(mark.open + 1, mark.close, alignment_mode="expand")
    if span is None or cue is None:
        return False
    token = span.root
    for _ in range(12):
        if token.i == cue.i or token.head.i == token.i:
            return False
        if token.dep_ in {"acl", "amod"} and token.pos_ == "VERB":
            return True
        token = token.head
    return False


def _is_whole(text: str, draft: Draft, mark: QuoteMarks) -> bool:
    """The reported clause is nothing but the quotation (`"...," Tam said in a statement`)."""
    before = text[draft.start : mark.open].strip(" ,")
    after = text[mark.close + 1 : draft.end].strip(" ,.")
    return before in {"", "that"} and not after and mark.closed


def _sentence_key(draft: Draft, resolver: SpeakerResolver) -> int:
    return resolver.sentence(draft.cue).start if draft.cue is not None else -1


def _cue_char(draft: Draft) -> int:
    return draft.cue.idx if draft.cue is not None else draft.start


def _passive(verb: Token) -> bool:
    """A passive cue, or a participle joined to one that shares its subject ("were seen as
    tight and criticized for ..."): its subject is what the stance is about, not who holds it."""
    if any(child.dep_ in {"nsubjpass", "auxpass"} for child in verb.children):
        return True
    if not (
        verb.dep_ == "conj"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in verb.children)
        and any(c.dep_ == "auxpass" for c in verb.head.children)
    ):
        return False
    if verb.tag_ == "VBN":
        return True
    # tagged as a past tense: a stance verb that needs an object and has none ("were seen as
    # tight and criticized for ..."); "was arrested and criticized the police" is active
    base = verb_base(verb.text)
    return (
        verb.tag_ == "VBD"
        and base in STANCE_VERBS
        and base not in SPEECH_VERBS
        and not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children)
    )


def _before_quote(
    doc: Doc, lo: int, hi: int, inside: dict[int, int], clause: bool = True
) -> int:
    """The last token of a reported clause (or, with `clause` false, of what a stance is
    about) that stops before any quotation, or -1."""
    first = next((i for i in range(lo, hi + 1) if i in inside), None)
    if first is not None:
        hi = first - 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    if hi - lo < 2:
        return -1
    # "said — as reported by X — "..."": a source or an aside, not a clause
    if doc[lo - 1].text in {"—", "–", "-", "("} or doc[lo].lower_ in {"as", "which", "who"}:
        return -1
    if not clause:
        return hi
    words = doc[lo : hi + 1]
    has_subject = any(t.dep_ in {"nsubj", "nsubjpass"} and lo <= t.head.i <= hi for t in words)
    return hi if has_subject or _object_read_as_subject(words) else -1


def _object_read_as_subject(words: Span) -> bool:
    """`argued the games help promote change: "..."`: the parser took the clause's subject for
    the cue's object and hung the clause's verb on the cue beside it; the two are one clause."""
    outer = [t for t in words if not words.start <= t.head.i < words.end]
    obj = next((t for t in outer if t.dep_ == "dobj"), None)
    verb = next((t for t in outer if t.dep_ == "ccomp" and t.pos_ in {"VERB", "AUX"}), None)
    return (
        obj is not None
        and verb is not None
        and obj.head == verb.head
        and obj.left_edge.i == words.start
        and obj.i < verb.i
    )


def _only_punct_to_quote(doc: Doc, hi: int, inside: dict[int, int]) -> bool:
    """Nothing but punctuation between a span's end and the next quotation."""
    for token in doc[hi + 1 :]:
        if token.i in inside:
            return True
        if not (token.is_punct or token.is_space):
            return False
    return True


#: Forms of "be" that make "is to encourage" a statement of purpose.
BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "'s", "’s"})


def _copula_infinitive(verb: Token) -> bool:
    return (
        verb.dep_ in {"xcomp", "ccomp", "attr"}
        and verb.head.lower_ in BE_FORMS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _passive_stance(verb: Token, base: str, resolver: SpeakerResolver) -> Draft | None:
    """`The operation was condemned by members of the EU`: the agent takes the stance;
    `X were described by Johnson as a "historic mandate"`: the agent's characterisation."""
    agent = next((c for c in verb.rights if c.dep_ == "agent"), None)
    who = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    target = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    as_phrase = next(
        (
            c
            for c in [*verb.rights, *(who.rights if who is not None else ())]
            if c.dep_ == "prep" and c.lower_ == "as"
        ),
        None,
    )  # the parser hangs "as ..." on the cue or on the agent
    last_i = as_phrase.right_edge.i if as_phrase is not None else -1
    namer = who
    if who is None and as_phrase is not None and any(c.dep_ == "auxpass" for c in verb.children):
        # `being hailed as a "hero" by X`: the parser hangs "by X" on the quoted noun
        by = next((t for t in as_phrase.subtree if t.lower_ == "by" and t.dep_ == "prep"), None)
        namer = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        last_i = by.i - 1 if by is not None else last_i
    characterises = base in NAMING_VERBS or base in AS_PRAISES
    if characterises and namer is not None and as_phrase is not None and last_i > as_phrase.i:
        doc, text = verb.doc, doc_text(verb.doc)
        last = doc[last_i]
        start, end = trim(text, doc[as_phrase.i + 1].idx, last.idx + len(last.text))
        quoted = any(mark in text[start:end] for mark in '"“”')
        if base in NAMING_VERBS or quoted:  # "was praised as a hero by X": a stance, below
            kind: QuoteKind = "mixed" if quoted else "stance"
            return Draft(start, end, kind, verb, None, resolver.resolve(namer))
    elif base in NAMING_VERBS and who is not None and as_phrase is not None:
        return None
    ccomp = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    if (
        base in SPEECH_VERBS
        and who is not None
        and target is not None
        and target.lower_ == "it"
        and ccomp is not None
        and any(g.dep_ in {"nsubj", "nsubjpass"} for g in ccomp.children)
    ):
        # "It was announced by the ministry that the border would reopen": the agent's report
        doc, text = verb.doc, doc_text(verb.doc)
        lo, hi = ccomp.left_edge.i, ccomp.right_edge.i
        if doc[lo].lower_ == "that" and lo < hi:
            lo += 1  # the subordinator, however the parser labels it
        while hi > lo and doc[hi].is_punct:
            hi -= 1
        start, end = trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        if end <= start:
            return None
        return Draft(start, end, "indirect", verb, None, resolver.resolve(who))
    clause = next((c for c in verb.rights if c.dep_ in CLAUSE_DEPS), None)
    if clause is None and who is not None:
        # `told by a nurse that treatment ...`: the parser hangs the clause on the agent
        clause = next(
            (
                c
                for c in who.rights
                if c.dep_ == "acl"
                and c.left_edge.lower_ == "that"
                and any(k.dep_ == "nsubj" for k in c.children)
            ),
            None,
        )
    if base in TOLD_BY and who is not None and clause is not None and clause.i > who.i:
        # `She was told by a midwife that ...`: the agent said what the clause reports
        doc, text = verb.doc, verb.doc.text
        lo = _skip_mark_word(doc, clause.left_edge.i, clause.right_edge.i)
        last = doc[clause.right_edge.i]
        start, end = trim(text, doc[lo].idx, last.idx + len(last.text))
        if end <= start:
            return None
        return Draft(start, end, "indirect", verb, None, resolver.resolve(who))
    if base not in PASSIVE_STANCES:
        return None
    if agent is None or who is None or target is None or target.lower_ in RELATIVE_WORDS:
        return None
    doc = verb.doc
    lo = target.left_edge.i
    hi = max([target.right_edge.i, agent.right_edge.i] + [
        c.right_edge.i for c in verb.rights if not c.is_punct
    ])
    text = doc_text(doc)
    start, end = trim(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
    if end <= start:
        return None
    return Draft(start, end, "stance", verb, None, resolver.resolve(who))


#: Speech verbs whose passive with an agent reports what the agent said: "was told by X that".
TOLD_BY = frozenset({"tell", "inform", "assure"})

#: Stance verbs that characterise in quoted words in the passive, as naming verbs do:
#: `was hailed as a "hero" by X`.
AS_PRAISES = frozenset({"hail", "laud", "praise"})

#: Stance verbs that still judge in the passive ("was condemned by"); "was threatened by the
#: flood" or "was resisted by the soil" are events, not positions.
PASSIVE_STANCES = frozenset(
    """
    accuse blame condemn criticise criticize denounce decry dismiss dispute endorse oppose
    praise reject slam urge welcome applaud question
    """.split()
)

#: Relative pronouns: a passive subject that is one points elsewhere.
RELATIVE_WORDS = frozenset({"which", "that", "who", "whom"})


def _misparsed_relative(verb: Token, clause: Token) -> bool:
    """ "wrote a letter on Tuesday which he sent to ...": a clause opened by a relative "which"
    after a noun is a relative clause on that noun, whatever the parser hung it on; it holds
    nothing the cue reports ("explained which he preferred" has no noun before it). After a
    comma, "who" or "which" as the clause's subject opens a relative clause on what came before
    ("Ana Ruiz spoke, who headed the campaign of ..."): a question the cue reports has no comma."""
    first = clause.left_edge
    before = verb.doc[first.i - 1] if first.i > verb.i + 1 else None
    if (
        first.lower_ in {"who", "which"}
        and first.dep_ in {"nsubj", "nsubjpass"}
        and first.head.i == clause.i
        and before is not None
        and before.text == ","
    ):
        return True
    return (
        first.lower_ == "which"
        and first.head.i == clause.i
        and first.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"}
        and before is not None
        and before.pos_ in {"NOUN", "PROPN"}
    )


def _complement(
    verb: Token, base: str, marks: list[QuoteMarks], claimed: set[int]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """What the cue verb reports, as (kind, first token, last token, particle)."""
    children = [
        c for c in verb.rights if not _reporting_clause(verb, c) and not _bare_cue(verb, c)
    ]
    if base == "add" and _added_to_a_thing(children):
        return None  # "adding the words "and Emergency" to the name": a thing put in
    clauses = [
        c
        for c in children
        if c.dep_ in CLAUSE_DEPS
        and not _stray_subordinate(verb, c)
        and not _comma_where(c)
        and not _after_sentence_end(verb, c)
        and not _misparsed_relative(verb, c)
        and not _purpose_or_cause(c)
    ]
    gerund = next((c for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    if not clauses and gerund is not None and base in SPEECH_VERBS and _hides_clause(gerund):
        # "said naming the virus after the city would place ...": the gerund is the subject
        # of a clause the parser hung under it
        lo = gerund.left_edge.i
        return ("indirect", lo, _before_own_cue(verb.doc, lo, gerund.right_edge.i), None)
    if not clauses and gerund is not None and base in GERUND_CUES:
        # "reported inventing a coating", "described witnessing bodies": what they did or saw
        lo = gerund.left_edge.i
        return ("indirect", lo, _before_own_cue(verb.doc, lo, gerund.right_edge.i), None)
    claimed_self = _infinitive_claim(verb, base, children) if not clauses else None
    if claimed_self is not None:
        # "claimed to have bought it", "claimed to be unaware": a claim about oneself
        return ("indirect", claimed_self.left_edge.i, claimed_self.right_edge.i, None)
    aside = _aside_before_predicate(verb) if base in SPEECH_VERBS | NAMING_VERBS else None
    if aside is not None:
        return ("indirect", *aside, None)
    as_source = _as_source_clause(verb, base, children) if not clauses else None
    if as_source is not None:
        return ("indirect", *as_source, None)
    fronted = _fronted_cue_clause(verb, base, children) if not clauses else None
    if fronted is not None:
        return ("indirect", *fronted, None)
    topic = _topic(verb, base, children, marks, claimed) if not clauses else None
    if topic is not None:
        return topic
    if not clauses and base in SPEECH_VERBS and base not in LISTENER_VERBS:
        clauses = _object_infinitive(children)
    if not clauses and base in SPEECH_VERBS:
        clauses = _misparsed_clauses(verb)
    if not clauses and base in SPEECH_VERBS | NAMING_VERBS and _after_comma_clause(verb):
        # "Orders won't leave idle capacity, Maróth said, and ...": the clause is the head's
        head = verb.head
        if verb.dep_ == "parataxis" and head.dep_ in {"aux", "auxpass"} and head.head.i > verb.i:
            head = head.head  # "The driver, police say, was not injured": hung on the auxiliary
        lo, hi = head.left_edge.i, verb.left_edge.i - 1
        if verb.dep_ == "parataxis" and head.i > verb.i:
            hi = head.right_edge.i  # "They had, his father says, paid ...": the whole clause
        # "A; the driver, police say, was not injured": the words said start after a semicolon
        lo = next((t.i + 1 for t in reversed(verb.doc[lo : verb.left_edge.i]) if t.text == ";"), lo)
        while hi > lo and verb.doc[hi].is_punct:
            hi -= 1
        if hi > lo:
            return ("indirect", lo, hi, None)
    reported_as = _reported_as(children) if base in AS_REPORTS and not clauses else None
    if reported_as is not None:
        return ("indirect", reported_as.left_edge.i, reported_as.right_edge.i, None)
    if clauses and base in SPEECH_VERBS:  # `... but "that she had no plans"`: a second clause
        clauses += [
            c for c in children if c.dep_ == "conj" and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children
            )
        ]
    if clauses and base in SPEECH_VERBS:
        clauses += _content_conjuncts(verb, clauses)
    if clauses and base == "ask" and _is_question(clauses):
        return None  # "asked what he would tell them": a question put, not a statement
    reports = base in SPEECH_VERBS or base in CLAUSE_STANCES or base in FINDING_VERBS
    if clauses and reports and all(_open_question(c) for c in clauses):
        # "to determine whether the bridge is safe", "refused to answer whether ...": a
        # question left open states nothing ("questioned whether ..." is a stance, not here)
        return None
    if clauses and base in THOUGHT_VERBS:
        return None  # "he believes ...": a belief, a statement only where reported as said
    if clauses and base in FINDING_VERBS and not any(_finite_clause(c) for c in clauses):
        return None  # "found the plan to be unlawful": a verdict on a thing, no finding said
    if clauses and reports:
        lo = min(c.left_edge.i for c in clauses)
        hi = max(c.right_edge.i for c in clauses)
        subject = _object_as_subject(verb, base, children, clauses, lo)
        if subject is not None:
            lo = subject.left_edge.i
        hi = _with_further_that_clauses(verb, hi)
        while hi > lo and verb.doc[hi].text in {".", "!", "?"}:
            hi -= 1  # the sentence's stop, which the parser may hang on the clause
        lo = _skip_mark_word(verb.doc, _after_time_of_saying(verb.doc, lo, hi), hi)
        return ("indirect", lo, _before_own_cue(verb.doc, lo, hi), None)
    fragments = [c for c in children if c.dep_ in FRAGMENT_DEPS]
    if base in NAMING_VERBS:  # `which the BBC describes as "marred by ..."`
        fragments += [c for c in children if c.dep_ == "prep" and c.lower_ == "as"]
        # `calling it "a good day for riders"`: the quoted noun read as a time ("day")
        fragments += [c for c in children if c.dep_ == "npadvmod" and _opens_quoted(c)]
    phrasal = base in PARTICLE_STANCES and _particle(verb, PARTICLE_STANCES[base]) is not None
    if fragments and base in SPEECH_VERBS | NAMING_VERBS and not phrasal:
        lo = min(c.left_edge.i for c in fragments)
        hi = _before_own_cue(verb.doc, lo, max(c.right_edge.i for c in fragments))
        if base in SPEECH_VERBS:
            # "recalled her season with X, when they were the "..."": the object's phrase runs
            # on in a preposition the parser hung on the cue
            hi = max([hi, *(c.right_edge.i for c in children if c.i > lo and _runs_on(c))])
        if _holds_open_quote(verb, lo, hi, marks, claimed):
            # `called X a "con artist"`: a verdict on someone, a stance carrying the words
            verdict = base == "call" and any(c.dep_ == "dobj" for c in children)
            return ("stance" if verdict else "mixed", lo, hi, None)
    as_phrase = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if (
        base in NAMING_VERBS
        and as_phrase is not None
        and verb.dep_ in {"relcl", "acl"}
        and not any(c.dep_ == "dobj" and c.lower_ not in RELATIVE_WORDS for c in children)
        and as_phrase.right_edge.i > as_phrase.i
    ):
        # "a process Zapata described as being tricky", "which critics describe as reckless":
        # the thing described is the noun the clause hangs on, the words after "as" the view
        return ("stance", as_phrase.i + 1, as_phrase.right_edge.i, None)
    if (
        base in NAMING_VERBS
        and base not in {"attack", "assail"}
        and _names_as(children)
        and not _as_saying(verb)
    ):
        # "describing issues with the signal as one potential scenario", "called the crisis
        # the worst in the world": a characterisation in the speaker's own terms
        lo = min(c.left_edge.i for c in fragments)
        hi = max(c.right_edge.i for c in fragments)
        return ("stance", lo, hi, None)
    opinion = next(
        (
            c
            for c in children
            if c.dep_ == "dobj"
            and c.lower_ in OPINION_NOUNS
            and not any(g.dep_ == "det" and g.lower_ == "no" for g in c.children)
        ),
        None,
    )  # "voiced no concern": no position held
    quoted = opinion is not None and any(
        t.text in {'"', "“", "”"} for t in verb.doc[verb.i : opinion.i]
    )  # `offered "condolences to ... ."`: a direct quote, read as one
    opinion_verb = base in OPINION_NOUN_VERBS | SPEECH_VERBS and base not in STANCE_VERBS
    if opinion is not None and not quoted and opinion_verb:
        # "tweeted support for the protests", "voiced concern over ...": a position held
        return ("stance", opinion.left_edge.i, opinion.right_edge.i, None)
    acts = [c for c in children if c.dep_ == "dobj" and c.lower_ in CLAIMED_NOUNS]
    if base == "claim" and acts:
        # "claimed responsibility for the attacks": taking a position on an act
        return ("stance", acts[0].left_edge.i, acts[0].right_edge.i, None)
    request = _request(verb, base, children)
    if request is not None:
        return request
    if base not in STANCE_VERBS:
        return None
    if base == "request" and any(
        c.dep_ == "dobj" and c.lower_ in REQUESTED_FOR_ONESELF for c in children
    ):
        return None  # "a source who requested anonymity": a condition, no position
    if base in REFUSALS and any(
        c.dep_ == "xcomp" and c.lower_ in WITHHELD_ACTS for c in children
    ):
        return None  # "refused to give any more details": nothing said, no one opposed
    if base in RULING_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in PROCEEDINGS for c in children
    ):
        return None  # "a judge dismissed a lawsuit": a ruling that ends a case, no position
    if base in DECISION_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in PETITIONS for c in children
    ):
        return None  # "the court rejected his plea", "denied her application": a decision
    if (
        base == "dismiss"
        and any(c.dep_ == "dobj" and _a_person(c) for c in children)
        and not any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
    ):
        return None  # "the airline dismissed pilot Ann Roe": firing; "dismissed him as ..." stays
    if base == "question" and any(c.dep_ == "dobj" and _a_person(c) for c in children):
        return None  # "arrested and questioned the student": an interrogation, not a doubt
    if base == "hail" and any(c.dep_ == "prep" and c.lower_ == "from" for c in children):
        return None  # "who hails from Arizona": where someone comes from, not praise
    if base == "deny" and _withheld(children):
        return None  # "denying ballot access for the ticket": withholding, not a denial said
    if base in INFINITIVE_STANCES and not any(
        t.tag_ == "TO" and t.head.tag_ == "VB" for t in verb.subtree if t.i > verb.i
    ):
        return None  # "advised players on diet": coaching; "advised the court to ...": a stance
    particle = None
    if base in PARTICLE_STANCES:
        particle = _particle(verb, PARTICLE_STANCES[base])
        if particle is None:
            return None
        if particle.lower_ in REQUEST_PARTICLES.get(base, ()) and not any(
            t.tag_ == "TO" and t.head.tag_ == "VB" for t in verb.subtree if t.i > particle.i
        ):
            return None  # "the plan appealed to voters": no request made of them
        if particle.dep_ == "mark":  # "calling for the killers to be brought to justice"
            return ("stance", particle.i + 1, particle.head.right_edge.i, particle)
    parts = [c for c in children if c.dep_ in STANCE_DEPS]
    if particle is not None:
        parts = [c for c in parts if c.i >= particle.i]
        if particle.lower_ in REQUEST_PARTICLES.get(base, ()):
            # "appealed to leaders to restore order": what was asked, read as an adverbial
            parts += [
                c
                for c in children
                if c.dep_ == "advcl"
                and c.i > particle.i
                and any(g.tag_ == "TO" for g in c.children)
            ]
    if base in OBJECT_STANCES:  # "thanked the crews for their work": the object, its reason
        if verb.dep_ == "relcl":
            return None  # "figures who advocate boycotts": the article describing, no report
        objects = [c for c in parts if c.dep_ == "dobj"]
        if base in OWN_ACT_STANCES and (verb.dep_ == "xcomp" or not any(_own(c) for c in objects)):
            return None  # "hopes to announce ...": not yet said; "announced the shutdown": news
        parts = objects and [
            c for c in parts if c in objects or (c.dep_ == "prep" and c.lower_ == "for")
        ]
    if not parts:
        return None
    first = min(parts, key=lambda c: c.i)
    if first.dep_ == "prep" and first.lower_ in MOTION_PREPOSITIONS:
        return None  # "the hurricane slammed into the coast": a movement, not a position
    if base == "express" and any(
        g.dep_ == "det" and g.lower_ == "no" for c in parts for g in c.children
    ):
        return None  # "expressed no regret": no feeling shown, no stance
    lo = min(c.left_edge.i for c in parts)
    hi = _before_own_cue(verb.doc, lo, max(c.right_edge.i for c in parts))
    if particle is not None and lo == particle.i:
        lo = min(lo + 1, hi)
    return ("stance", lo, hi, particle)


POSSESSIVE_WORDS = frozenset({"his", "her", "their", "its", "our", "my"})


def _own(obj: Token) -> bool:
    """An object the subject owns by a possessive pronoun ("her retirement", "their plans")."""
    return any(g.dep_ == "poss" and g.lower_ in POSSESSIVE_WORDS for g in obj.children)


#: Prepositions that place a gerund in time ("after asking ..."): narration, no position.
TIME_PREPOSITIONS = frozenset({"after", "before", "while", "upon", "since"})
#: What one asks for to learn something: "asked for clarification" is a question.
INFORMATION_NOUNS = frozenset(
    """
    clarification clarifications information details detail comment comments explanation
    explanations answers answer update updates confirmation directions
    """.split()
)


def _request(
    verb: Token, base: str, children: list[Token]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """ "asked the court to delay its ruling", "told the army to withdraw", "asked for a
    recount": a request made of someone is a position, like "urged X to"; "asked him how to
    vote" is a question, "asked about the delay" no request."""
    if base not in REQUEST_VERBS:
        return None
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return None  # "notices are issued to ask police to ...": a purpose or a plan
    if verb.dep_ == "pcomp" and verb.head.head.tag_ == "VBN":
        return None  # "suspected of asking for X": what someone is suspected of, unsaid
    doc = verb.doc
    obj = next((c for c in children if c.dep_ in {"dobj", "dative"}), None)
    if obj is not None and obj.lower_ not in {"it", "this", "that"}:
        infinitive = next(
            (
                c
                for c in children
                if c.dep_ == "xcomp"
                and c.i > obj.i
                and any(g.dep_ == "aux" and g.tag_ == "TO" for g in c.children)
            ),
            None,
        )
        if infinitive is None or any(
            t.lower_ in QUESTION_WORDS for t in doc[obj.right_edge.i + 1 : infinitive.i]
        ):
            return None
        if verb_base(infinitive.text) in SPEECH_VERBS | NAMING_VERBS:
            return None  # "asked the officer to describe ...": a question put to someone
        if infinitive.lower_ in {"be", "have"}:
            return None  # "told the players to be ready": a state urged, no act demanded
        if verb.dep_ == "pcomp" and verb.head.lower_ in TIME_PREPOSITIONS:
            # "crashed shortly after asking the tower to return": an act narrated in time;
            # "after asking for his release" still names what was wanted
            return None
        lo = obj.left_edge.i
        return ("stance", lo, _before_own_cue(doc, lo, infinitive.right_edge.i), None)
    # "pressed for talks": the phrasal stance of `PARTICLE_STANCES`, below
    particle = _particle(verb, frozenset({"for"})) if base == "ask" else None
    if obj is None and particle is not None and particle.dep_ == "prep":
        asked = next((c for c in particle.children if c.dep_ == "pobj"), None)
        if asked is not None and asked.lower_ in INFORMATION_NOUNS:
            return None  # "asked for clarification": a question, no position
        if particle.right_edge.i > particle.i:
            lo = particle.i + 1
            return ("stance", lo, _before_own_cue(doc, lo, particle.right_edge.i), particle)
    return None


def _opens_quoted(phrase: Token) -> bool:
    """The phrase starts right after an opening quotation mark."""
    first = phrase.left_edge
    return first.i > 0 and first.doc[first.i - 1].is_quote and first.doc[first.i - 1].is_left_punct


def _added_to_a_thing(children: list[Token]) -> bool:
    """`added X to Y`: an object put into something, not words said ("added, to reporters,
    that ..." has no object)."""
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "to" and c.i > obj.i
        for c in [*children, *obj.children]  # the parser hangs "to Y" on either
    )


#: A stance verb that, on a case or a bill, is a ruling that ends it ("dismissed the suit").
RULING_VERBS = frozenset({"dismiss"})
#: Proceedings such a ruling ends.
PROCEEDINGS = frozenset(
    """lawsuit lawsuits suit suits case cases charge charges appeal appeals petition petitions
    motion motions indictment complaint complaints bill bills""".split()
)
#: Verbs that decide on what someone asked for: "rejected his appeal" grants nothing, says nothing.
DECISION_VERBS = frozenset({"reject", "deny"})
#: What one applies for and an authority decides: "denied her asylum application".
PETITIONS = frozenset(
    """application applications plea pleas appeal appeals petition petitions request requests
    motion motions lawsuit lawsuits suit suits case cases""".split()
)

#: What a refusal withholds when it is no stance: giving, telling ("refused to comment",
#: "refused to provide the licence"); "refused to meet X" is one.
WITHHELD_ACTS = frozenset(
    """give provide offer grant issue disclose reveal release share comment discuss elaborate
    answer confirm say speak specify explain detail""".split()
)

#: Object pronouns for people: "questioned him" is asked, not doubted.
PERSON_OBJECTS = frozenset({"him", "her", "them", "me", "us", "you"})


def _a_person(token: Token) -> bool:
    """The noun names a person or people: a pronoun, a person's name, a word for people."""
    word = token.lower_
    return (
        word in PERSON_OBJECTS
        or token.ent_type_ == "PERSON"
        or word in PERSON_NOUNS
        or word in PEOPLE_PLURALS
        or (word in HONORIFICS and token.pos_ == "NOUN")
    )

#: Stance verbs that hold a position only with an infinitive ("advised X to drop it").
INFINITIVE_STANCES = frozenset({"advise"})

#: Prepositions of movement: "slammed into X", "hit across Y" say where something went.
MOTION_PREPOSITIONS = frozenset("into onto through across toward towards".split())


#: Speech verbs whose infinitive complement states something of the subject ("claimed to be").
INFINITIVE_CLAIMS = frozenset({"claim", "allege", "profess", "purport"})


def _after_sentence_end(verb: Token, clause: Token) -> bool:
    """The clause starts after a full stop that follows the cue: another sentence the parser
    joined to this one (`said ... "victims[.]" She went on ...`)."""
    between = verb.doc[verb.i + 1 : clause.left_edge.i]
    return clause.i > verb.i and any(t.text in {".", "!", "?"} for t in between)


def _hides_clause(gerund: Token) -> bool:
    """A gerund with a finite verb with a modal under it ("naming it after the city would
    place ..."): a clause whose subject is the gerund, not an activity."""
    return any(
        t.dep_ in {"advcl", "ccomp"}
        and t.i > gerund.i
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in t.children)
        for t in gerund.subtree
    )


def _infinitive_claim(verb: Token, base: str, children: list[Token]) -> Token | None:
    """The infinitive after "claimed" with no object before it: what the subject claims of
    themself ("claimed to have found it"); "claimed responsibility" is an object."""
    if base not in INFINITIVE_CLAIMS or any(c.dep_ in {"dobj", "dative"} for c in children):
        return None
    if verb.tag_ not in FINITE_TAGS:
        return None  # "Giuliani, claiming to represent X": who claims is the parse's guess
    return next(
        (
            c
            for c in children
            if c.dep_ == "xcomp"
            and c.left_edge.tag_ == "TO"
            and c.left_edge.i == verb.i + 1
        ),
        None,
    )


#: Words that open an adverbial clause: such a clause sets the scene, it reports nothing.
ADVERBIAL_OPENERS = frozenset(
    "while although though whereas because since if when unless once after before".split()
)


def _comma_where(clause: Token) -> bool:
    """ "Unrest continued in Portland, where a man was shot": after a comma, a clause opening
    with "where"/"when" says where or when, as a relative clause would; it reports nothing."""
    first = clause.left_edge
    return (
        first.lower_ in {"where", "when"}
        and first.i > 0
        and first.doc[first.i - 1].text == ","
    )


#: Conjunctions that open a clause of purpose, cause or concession, never what was said.
PURPOSE_OR_CAUSE_MARKS = frozenset({"so", "because", "although", "though", "unless", "lest"})


def _purpose_or_cause(clause: Token) -> bool:
    """ "the emergency the president declared last Friday so he could fund a wall": a clause
    opened by its own "so", "because", "although" tells why or despite what, not what the cue
    reports ("said that because ..., X" hangs "because" on the inner clause, not on this one)."""
    return any(
        g.dep_ == "mark" and g.lower_ in PURPOSE_OR_CAUSE_MARKS and g.i == clause.left_edge.i
        for g in clause.children
    )


def _stray_subordinate(verb: Token, clause: Token) -> bool:
    """ "While all agreed that time off was rare, X emphasized ...": the parser made the end
    of an adverbial clause before the cue its reported clause; a clause before the cue that
    opens with a subordinator and has no subject of its own is not what the cue reports."""
    return (
        clause.i < verb.i
        and verb.doc[clause.left_edge.i].lower_ in ADVERBIAL_OPENERS
        and not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in clause.children)
    )


def _aside_before_predicate(verb: Token) -> tuple[int, int] | None:
    """ "around 50 gallons of fuel, officials said, spilled and ignited", "If ..., they
    reasoned, the specimens would have shown ...": a cue between commas before the predicate
    it hangs on reports the clause going on after it (what comes before is its subject or a
    condition the parser read as the cue's own clause or as the clause holding the cue)."""
    doc = verb.doc
    head = verb.head
    if head.i <= verb.i or verb.dep_ not in {"parataxis", "ccomp"} or head.pos_ not in {
        "VERB", "AUX"
    }:
        return None
    if verb.dep_ == "parataxis" and not any(c.dep_ in CLAUSE_DEPS for c in verb.lefts):
        return None  # "The bridge, they said, will reopen": the whole clause (below)
    subjects = [c for c in verb.lefts if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
        return None
    before = subjects[0].left_edge.i - 1
    if before < 0 or doc[before].text != "," or any(not c.is_punct for c in verb.rights):
        return None
    lo, hi = verb.i + 2, head.right_edge.i
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return (lo, hi) if hi > lo else None


#: Cues that report a fact as "X as Y" ("reported his cause of death as heart failure").
AS_REPORTS = frozenset({"report", "confirm", "announce"})


def _fronted_cue_clause(verb: Token, base: str, children: list[Token]) -> tuple[int, int] | None:
    """ "The paper reported in May, 62 stores had closed": the parser made the cue a clause of
    the verb after the comma; the words from the comma on are what was reported."""
    head = verb.head
    if (
        base not in SPEECH_VERBS
        or verb.dep_ != "ccomp"
        or head.i <= verb.i
        or head.pos_ not in {"VERB", "AUX"}
        or verb_base(head.text) is not None
        or not any(c.dep_ == "nsubj" for c in verb.children)
        or not any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > verb.i for c in head.children)
        or any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in children)
    ):
        return None
    doc = verb.doc
    comma = verb.right_edge.i + 1
    if comma >= head.i or doc[comma].text != ",":
        return None
    lo, hi = comma + 1, head.right_edge.i
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    return (lo, hi) if hi - lo >= 2 else None


#: Cues that name a source in an "as" clause; others there tell a time ("as the search
#: continued", "as he answered the door").
AS_SOURCE_VERBS = frozenset(
    """
    say tell note write report explain observe state remark point mention claim argue stress
    emphasise emphasize acknowledge admit predict reveal announce recall confirm
    """.split()
)


def _as_source_clause(verb: Token, base: str, children: list[Token]) -> tuple[int, int] | None:
    """ "As X told the Post, the river is cleaner now" / "..., as X said": the cue sits in an
    "as" clause and the main clause around it is what X said (first and last token), unless
    the cue has words of its own ("as he said goodbye") or the main clause its own cue."""
    head = verb.head
    if (
        base not in AS_SOURCE_VERBS
        or verb.dep_ != "advcl"
        or not is_as_clause(verb)
        or head.pos_ not in {"VERB", "AUX"}
        or verb_base(head.text) is not None
        or not any(c.dep_ == "nsubj" for c in verb.children)
    ):
        return None
    own = {"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd"}
    if any(c.dep_ in own for c in children) and base not in LISTENER_VERBS:
        return None
    doc = verb.doc
    if verb.i < head.i:
        lo, hi = verb.right_edge.i + 1, head.right_edge.i
    else:
        lo, hi = head.left_edge.i, verb.left_edge.i - 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    if hi - lo < 2 or not any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in doc[lo : hi + 1]):
        return None
    return lo, hi


def _reported_as(children: list[Token]) -> Token | None:
    """ "reported his cause of death as complications from lung disease": the object and what
    it is given as are a reported clause (his cause of death was ...)."""
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if obj is None or not any(c.dep_ == "prep" and c.lower_ == "as" for c in obj.rights):
        return None
    return obj


def _runs_on(child: Token) -> bool:
    """A part of the object's phrase the parser hung on the cue: a preposition ("her season
    with X") or a clause of time or place ("..., when they were the "..."")."""
    return child.dep_ == "prep" or (
        child.dep_ == "advcl"
        and any(g.dep_ == "advmod" and g.lower_ in {"when", "where"} for g in child.children)
    )


def _topic(
    verb: Token, base: str, children: list[Token], marks: list[QuoteMarks], claimed: set[int]
) -> tuple[QuoteKind, int, int, Token | None] | None:
    """What was said, given by its topic: "told of being forced to ...", "talked about how the
    series was underestimated" report it; a plain noun ("talked about the weather") only
    when it holds someone's quoted words ("talked of X's "countless discoveries"")."""
    if base not in TOPIC_VERBS:
        return None
    prep = next(
        (c for c in children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS), None
    )
    if prep is None or prep.right_edge.i <= prep.i:
        return None
    lo, hi = prep.i + 1, _before_own_cue(verb.doc, prep.i + 1, prep.right_edge.i)
    if any(c.dep_ == "pcomp" for c in prep.children):
        return ("indirect", lo, hi, None)
    if _holds_open_quote(verb, lo, hi, marks, claimed):
        return ("mixed", lo, hi, None)
    return None


#: Cues whose gerund complement is a statement of what the speaker did or saw.
GERUND_CUES = frozenset(
    {"report", "describe", "recall", "recount", "admit", "acknowledge", "mention", "suggest",
     "propose"}  # "suggested expanding the court": a proposal
)


def _object_infinitive(children: list[Token]) -> list[Token]:
    """ "reported X to be dead", "confirmed X to have died": an object and its infinitive of
    "be" or "have" are a reported clause (X is dead), not an object and a purpose."""
    objects = [c for c in children if c.dep_ == "dobj"]
    if not objects:
        return []
    # the parser hangs the infinitive on the cue, or on the object as if it qualified it
    hung = [c for c in objects[0].rights if c.dep_ in {"relcl", "acl"}]
    for child in [*children, *hung]:
        if (
            child.dep_ in {"xcomp", "ccomp", "relcl", "acl"}
            and child.lower_ in {"be", "have"}
            and objects[0].i < child.i
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
        ):
            return [objects[0], child]
    return []


def _names_as(children: list[Token]) -> bool:
    """An object and what it is called: "X as Y" or "X Y" (object and predicate)."""
    objects = [c for c in children if c.dep_ == "dobj"]
    named = [c for c in children if (c.dep_ == "prep" and c.lower_ == "as") or c.dep_ == "oprd"]
    if not objects and len(named) == 1 and named[0].dep_ == "oprd":
        # "called Trump a clown": the parser compounded the name into what it is called
        name = next((c for c in named[0].lefts if c.dep_ == "compound"), None)
        article = next((c for c in named[0].lefts if c.dep_ == "det"), None)
        return name is not None and article is not None and name.pos_ == "PROPN" and (
            name.i < article.i
        )
    return bool(objects) and bool(named) and all(n.i > objects[0].i for n in named)


#: What one claims for an act: "claimed responsibility for", "claimed credit for".
CLAIMED_NOUNS = frozenset({"responsibility", "credit", "authorship"})


#: Words that open an indirect question ("asked whether ...", "asked what ...").
QUESTION_WORDS = frozenset("what whether if why how when where who whom which".split())


def _is_question(clauses: list[Token]) -> bool:
    return any(
        t.lower_ in QUESTION_WORDS and t.i <= c.i
        for c in clauses
        for t in c.subtree
        if t.i - c.left_edge.i < 2
    )


#: Words that open a yes-no question as a clause's own conjunction ("whether it is safe").
YES_NO_MARKS = frozenset({"whether", "if"})


def _open_question(clause: Token) -> bool:
    """The clause is a yes-no question: its own conjunction is "whether" or "if" and opens it.
    An "if" heading a condition inside what was said ("said if talks fail, they would strike")
    hangs on the condition's verb, not on the clause's."""
    return any(
        g.dep_ == "mark" and g.lower_ in YES_NO_MARKS and g.i == clause.left_edge.i
        for g in clause.children
    )


#: Tags of a present-tense verb.
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
#: Tags of a cue that a present-tense verb cannot share a subject with: past and gerund.
NOT_PRESENT_CUES = frozenset({"VBD", "VBN", "VBG"})


def _content_conjuncts(verb: Token, clauses: list[Token]) -> list[Token]:
    """`claiming it alters the RNA and turns them into ...`, `claimed the man escaped and
    remains at large`: a verb the parser joined to the cue after its clause, with no subject
    of its own and in a tense the cue cannot share (present after a past or a gerund cue, past
    after a gerund), is no second act of the speaker's but goes on with what was said."""
    last = max(c.right_edge.i for c in clauses)
    found = []
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i <= last or conj.pos_ not in {"VERB", "AUX"}:
            continue
        if any(g.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for g in conj.children):
            continue
        present = conj.tag_ in PRESENT_TAGS and verb.tag_ in NOT_PRESENT_CUES
        if present or (conj.tag_ == "VBD" and verb.tag_ == "VBG"):
            found.append(conj)
    return found


def _finite_clause(clause: Token) -> bool:
    """The clause has a finite verb of its own ("the flies had", "oxygen levels would be")."""
    return clause.tag_ in FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in clause.children
    )


def _with_further_that_clauses(verb: Token, hi: int) -> int:
    """`reported that A; that B; and that C`: the parser may end the clause at the first
    semicolon; each further "that" clause after it is reported by the same cue."""
    doc = verb.doc
    if hi + 2 >= len(doc) or doc[hi + 1].text not in {";", ","}:
        return hi  # no separator after the clause (checked before `Token.sent`, which scans)
    end = verb.sent.end
    j = hi + 1
    while j + 1 < end and doc[j].text in {";", ","}:
        k = j + 1
        if doc[k].lower_ in {"and", "but", "or"}:
            k += 1
        if k + 1 >= end or doc[k].lower_ != "that" or doc[k + 1].is_punct:
            break
        nxt = next((t.i for t in doc[k + 1 : end] if t.text == ";"), end)
        hi = nxt - 1
        while hi > k and (doc[hi].is_punct or doc[hi].is_space):
            hi -= 1
        j = hi + 1
    return hi


def _object_as_subject(
    verb: Token, base: str, children: list[Token], clauses: list[Token], lo: int
) -> Token | None:
    """`announced the voice recorder from Flight 610 has been recovered`: the parser made the
    clause's subject the cue's object and left the clause without one; the object opens it."""
    if base in LISTENER_VERBS:
        return None  # "told reporters ...": the object is who heard it
    first = min(clauses, key=lambda c: c.i)
    if first.pos_ not in {"VERB", "AUX"} or any(
        g.dep_ in {"nsubj", "nsubjpass", "expl", "csubj", "mark"} for g in first.children
    ):
        return None
    return next(
        (c for c in children if c.dep_ == "dobj" and verb.i < c.i and c.right_edge.i < lo), None
    )


def _reporting_clause(verb: Token, clause: Token) -> bool:
    """`"...," Guo said Thursday, a translation of his remarks reported`: a second cue verb after
    a comma, with nothing it reports of its own, names a source; it is not what was said."""
    if clause.dep_ not in CLAUSE_DEPS or clause.i <= verb.i or clause.pos_ not in {"VERB", "AUX"}:
        return False
    if verb_base(clause.text) not in SPEECH_VERBS:
        return False
    if any(c.dep_ in CLAUSE_DEPS | {"dobj", "xcomp"} for c in clause.children):
        return False
    return any(t.text == "," for t in clause.doc[verb.i + 1 : clause.i])


def _bare_cue(verb: Token, clause: Token) -> bool:
    """`..., CNN reported the governor said.`: a cue with its own subject and nothing it
    reports, right after the cue, says whose words the outlet passes on."""
    return (
        clause.dep_ in CLAUSE_DEPS
        and clause.i > verb.i
        and verb_base(clause.text) in SPEECH_VERBS
        and clause.tag_ in {"VBD", "VBZ", "VBP"}
        and any(c.dep_ == "nsubj" for c in clause.children)
        and not any(c.dep_ in {"aux", "auxpass"} for c in clause.children)  # "were continuing"
        and not any(c.i > clause.i and not c.is_punct for c in clause.children)
        and not any(t.text == "," for t in clause.doc[verb.i + 1 : clause.i])
    )


def _after_comma_clause(verb: Token) -> bool:
    """`Orders won't leave idle capacity, Maróth said` / `..., argued the lawyer, Richard Keen`."""
    if verb.dep_ == "parataxis":
        return True
    doc = verb.doc
    return (
        verb.dep_ == "conj"
        and verb.head.i < verb.i
        and verb.i > 0
        and (
            doc[verb.i - 1].text == ","
            # ", and claimed a death": a second predicate of the same subject, not a cue after
            or (verb.i > 1 and doc[verb.i - 2].text == "," and doc[verb.i - 1].dep_ != "cc")
        )
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def _misparsed_clauses(verb: Token) -> list[Token]:
    """Reported clauses the parser attached elsewhere.

    "..., police said" (the clause on the left), "said as a teenager she was forced" (parsed as
    an adverbial clause), "informed police she had ..." (parsed as a relative clause on "police").
    """
    found = [
        c
        for c in verb.lefts
        if c.dep_ in CLAUSE_DEPS and c.pos_ in {"VERB", "AUX"} and not _stray_subordinate(verb, c)
    ]
    listener = verb_base(verb.text) in LISTENER_VERBS  # "..., the mayor told reporters"
    if found and not listener and any(c.dep_ == "dobj" for c in verb.rights):
        # "A secures X, B proposes a solution, and ...": a cue with an object of its own is a
        # clause in a list, not the reporting clause of the one before it
        found = []
    if found:
        return found
    for child in verb.rights:
        has_subject = any(g.dep_ in {"nsubj", "nsubjpass"} for g in child.children)
        unmarked = not any(
            g.dep_ == "mark" or (g.dep_ == "advmod" and g.lower_ in {"when", "where", "while"})
            for g in child.children
        )
        base = verb_base(verb.text)
        plain_say = base in {"say", "tell", "write", "add", "explain", "note"}
        if child.dep_ == "advcl" and has_subject and unmarked and plain_say:
            return [child]
        if child.dep_ == "dobj" and plain_say and _hides_finite_verb(child):
            # "said Adamowicz required resuscitation, and was ...": a clause read as an object
            tail = [c for c in verb.rights if c.dep_ == "conj" and c.i > child.i and not any(
                g.dep_ in {"nsubj", "nsubjpass"} for g in c.children
            )]
            return [child, *tail]
        if child.dep_ == "dobj" and base in SPEECH_VERBS and _marked_object_clause(child):
            # "observed that the date of the fair coincided with ...": "that" hangs on the
            # object, the clause's verb on a noun inside it
            return [child]
        if child.dep_ == "dobj" and base == "say" and _past_read_as_participle(child):
            # "said several acres of land burned before ...": "say" takes no such object
            return [child]
        if child.dep_ == "dobj" and base not in LISTENER_VERBS:
            predicate = _stray_predicate(verb, child)
            if predicate is not None:
                # "ruled the male-only draft violated ...", "ruled the practice ... is
                # unconstitutional": the object is the subject of a verb hung off the cue
                return [child, predicate]
        if child.dep_ in {"dobj", "dative"}:
            for clause in child.rights:
                subjects = [g for g in clause.children if g.dep_ in {"nsubj", "nsubjpass"}]
                if clause.dep_ == "relcl" and subjects and subjects[0].tag_ == "PRP":
                    return [clause]
            that_clause = _that_clause_on_listener(child)
            if that_clause is not None:
                return [that_clause]
        if child.dep_ == "prep" and base in SPEECH_VERBS:
            that_clause = _that_clause_on_document(child)
            if that_clause is not None:
                return [that_clause]
    return _detached_clause(verb)


def _marked_object_clause(obj: Token) -> bool:
    """An object opened by the subordinator "that" (a mark, not a determiner: "that the date
    of ... coincided") with a finite verb hung inside it, no relative pronoun its subject,
    is a that-clause the parser read as an object."""
    first = obj.left_edge
    if first.dep_ != "mark" or first.lower_ != "that" or first.head.i != obj.i:
        return False
    for verb in obj.subtree:
        if verb.dep_ not in {"acl", "relcl"} or verb.tag_ not in FINITE_TAGS:
            continue
        if not any(
            g.dep_ in {"nsubj", "nsubjpass"} and g.lower_ in RELATIVE_WORDS for g in verb.children
        ):
            return True
    return False


def _that_clause_on_document(prep: Token) -> Token | None:
    """"told the paper in a statement that the case ...": the parser hung the that-clause on
    the document the words came in; it is what the cue reports."""
    document = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if document is None or document.lower_ not in DOCUMENT_NOUNS:
        return None
    for clause in document.rights:
        marked = any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)
        subject = any(g.dep_ in {"nsubj", "nsubjpass"} for g in clause.children)
        if clause.dep_ in {"acl", "ccomp", "relcl"} and marked and subject:
            return clause
    return None


#: What "say" takes as a real object ("said a prayer dedicated to them").
SAID_THINGS = frozenset(
    "prayer prayers word words goodbye farewell grace mass hello thanks line lines".split()
)


def _past_read_as_participle(obj: Token) -> bool:
    """ "said several acres burned": a past tense the tagger read as a participle on the
    object (the two forms are one for regular verbs); a participle with an agent or an
    object of its own ("the figures released by ...") stays one."""
    doc = obj.doc
    if obj.lower_ in SAID_THINGS:
        return False
    for participle in obj.rights:
        if participle.dep_ != "acl" or participle.tag_ != "VBN":
            continue
        if not participle.lower_.endswith("ed") or doc[participle.i - 1].text == ",":
            return False
        return not any(
            g.dep_ in {"agent", "dobj", "attr", "oprd", "xcomp"} for g in participle.children
        )
    return False


def _that_clause_on_listener(listener: Token) -> Token | None:
    """ "told Anadolu Agency, a local outlet, that one of the dead was ...": the parser hung the
    reported clause on the listener's apposition as a relative clause; "that" as a
    subordinator (not a relative pronoun, which would be its subject or object) opens a
    clause the cue reports."""
    for phrase in [listener, *(c for c in listener.rights if c.dep_ == "appos")]:
        for clause in phrase.rights:
            if clause.dep_ in {"relcl", "acl"} and any(
                g.dep_ == "mark" and g.lower_ == "that" and g.i == clause.left_edge.i
                for g in clause.children
            ) and any(g.dep_ in {"nsubj", "nsubjpass"} for g in clause.children):
                return clause
    return None


#: Speech verbs whose object is the listener or the question, not a clause's subject.
LISTENER_VERBS = frozenset(
    {"tell", "inform", "ask", "answer", "address", "read", "speak", "assure"}
)
#: Finite verb tags.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _stray_predicate(verb: Token, obj: Token) -> Token | None:
    """A finite verb without a subject right after the cue's object, not joined to the cue by
    "and"/"but" nor introduced by a subordinator: the object is its subject."""
    doc = verb.doc
    rights = list(verb.rights)
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        # "cited the Air Force as stating Saha Airlines owned ...": the verb hung on "cited"
        rights += [c for c in verb.head.head.rights if c.i > obj.i]
    if _document_participle(verb) and verb.head.dep_ == "dobj":
        # "issued a statement announcing the road had been reopened": the verb hung on "issued"
        rights += [c for c in verb.head.head.rights if c.i > obj.i]
    for child in rights:
        if child.i <= obj.i or child.dep_ not in {"advcl", "conj", "ccomp"}:
            continue
        finite_aux = any(
            g.dep_ in {"aux", "auxpass"} and g.tag_ in FINITE_TAGS and g.i < child.i
            for g in child.children
        )  # "reported Dorian had strengthened"
        if child.tag_ not in FINITE_TAGS and not finite_aux:
            return None
        if any(g.dep_ in {"nsubj", "nsubjpass", "mark", "expl"} for g in child.children):
            return None
        gap = doc[obj.right_edge.i + 1 : child.left_edge.i]
        opened = doc[obj.right_edge.i].text == "," or (len(gap) > 0 and gap[0].text == ",")
        aside = len(gap) > 1 and opened and gap[-1].text == ","
        # "reported Dorian in the Caribbean had ...": the object's place, hung on the cue
        placed = len(gap) > 0 and gap[0].dep_ == "prep" and gap[0].right_edge.i == gap[-1].i
        if (not (aside or placed) and any(not t.is_punct for t in gap)) or child.left_edge.dep_ in {
            "cc",
            "mark",
        }:
            return None  # "suggested piracy, perhaps to obtain the cargo, is ...": an aside
        return child
    return None


def _hides_finite_verb(phrase: Token) -> bool:
    """An object phrase with a finite verb inside it (not in a relative clause) is a clause."""
    doc = phrase.doc
    for t in phrase.subtree:
        if t.dep_ not in {"amod", "compound", "nmod"} or t.i == 0:
            continue
        if t.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
            return True
        # "said Adamowicz required ...": a name then a past form is a subject and its verb
        if t.tag_ == "VBN" and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].head.i == phrase.i:
            return True
    for participle in phrase.rights:
        # "said a law allowing the termination of a life marked a ...": the parser hung the
        # clause's verb under a participle of its subject (not a cue: "a letter saying ...")
        if participle.dep_ == "acl" and participle.tag_ == "VBG" and not verb_base(participle.text):
            if any(
                g.dep_ == "ccomp"
                and g.tag_ in FINITE_TAGS
                and any(s.dep_ in {"nsubj", "nsubjpass"} for s in g.children)
                for g in participle.rights
            ):
                return True
    return False


def _detached_clause(verb: Token) -> list[Token]:
    """`announcing to journalists the boy remained stable`: the parser hung the clause after
    "to journalists" elsewhere. A subject right after the listener, with its verb, is it."""
    listener = [c for c in verb.rights if c.dep_ in {"prep", "dative"} and c.lower_ == "to"]
    if not listener or verb_base(verb.text) not in SPEECH_VERBS:
        return []
    doc = verb.doc
    after = verb.right_edge.i + 1
    if after >= len(doc) or listener[-1].right_edge.i != verb.right_edge.i:
        return []
    start = doc[after]
    subject = next(
        (t for t in doc[after : after + 6] if t.dep_ in {"nsubj", "nsubjpass"}), None
    )
    if subject is None or subject.left_edge.i != start.i or start.is_punct:
        return []
    clause = subject.head
    if clause.i <= subject.i or clause.pos_ not in {"VERB", "AUX"} or clause.head.i > verb.i:
        return []
    if verb.tag_ != "VBG":
        return []  # "a manifesto posted to the board 8chan was ...": not this construction
    return [clause]


def _particle(verb: Token, words: frozenset[str]) -> Token | None:
    """The particle of a phrasal cue ("called on", "called for"), also as a clause's "for"."""
    for child in verb.rights:
        if child.dep_ in {"prt", "prep"} and child.lower_ in words:
            return child
        if child.dep_ in {"advcl", "ccomp", "xcomp"}:
            first = child.left_edge
            if first.dep_ == "mark" and first.lower_ in words and first.i == verb.i + 1:
                return first
    return None


#: Prepositions of a phrase of time between a cue and its clause ("said at the time ...").
TIME_OF_SAYING_PREPOSITIONS = frozenset({"at", "on", "in"})


def _after_time_of_saying(doc: Doc, lo: int, hi: int) -> int:
    """ "told reporters Friday the city would appeal": a bare date that opens the clause (the
    parser hung it inside) says when it was said, not what; the clause starts after it."""
    first = doc[lo]
    right_after_cue = lo > 0 and doc[lo - 1].pos_ in {"VERB", "AUX"}
    if first.dep_ == "prep" and first.lower_ in TIME_OF_SAYING_PREPOSITIONS and right_after_cue:
        # "said at the time the force had been sent", "said on Monday a jet ...": the
        # phrase of time between the cue and its clause is when it was said ("On Monday the
        # number passed ..., data indicated": a clause's own opening stays)
        objects = [c for c in first.children if c.dep_ == "pobj"]
        timed = bool(objects) and (
            objects[0].ent_type_ in {"DATE", "TIME"} or objects[0].lower_ == "time"
        )
        if not timed:
            return lo
        after = first.right_edge.i + 1
        if after < hi and not doc[after].is_punct and first.head.i > first.i:
            return after
        return lo
    if first.dep_ not in {"npadvmod", "compound"} or first.ent_type_ not in {"DATE", "TIME"}:
        return lo
    phrase = first if first.dep_ == "npadvmod" else first.head
    if phrase.dep_ != "npadvmod" or phrase.left_edge.i != lo or phrase.ent_type_ not in {
        "DATE", "TIME"
    }:
        return lo
    after = phrase.right_edge.i + 1
    if after >= hi or doc[after].is_punct or doc[after].lower_ in {"'s", "’s"}:
        return lo
    return after


def _skip_mark_word(doc: Doc, lo: int, hi: int) -> int:
    """Reported content starts after a complementiser ("said that ...")."""
    if lo < hi and doc[lo].lower_ == "that" and doc[lo].dep_ == "mark":
        return lo + 1
    return lo


def _holds_open_quote(
    verb: Token, lo: int, hi: int, marks: list[QuoteMarks], claimed: set[int]
) -> bool:
    doc = verb.doc
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    opens = [m.open for m in marks]
    return any(
        i not in claimed and not _named_by_participle(doc, marks[i], verb)
        for i in range(bisect_left(opens, start - 1), bisect_left(opens, end))
    )
