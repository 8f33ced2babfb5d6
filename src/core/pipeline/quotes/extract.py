"""Quotes, reported speech and stances, each attributed to a speaker.

Three passes over the parse: quotation marks that sit next to a speech cue are direct quotes;
cue verbs with a clausal complement are reported speech (mixed when that clause holds a quoted
fragment), stance verbs with an object are stances; "according to X" names a source. Quoted
fragments that no cue claims are scare quotes, terms or titles, and are not quotes.

This module is the entry point (`find_quotes`) and the pass over the quotation marks; the rules
live in `direct` (a direct quote's cue and speaker), `reported` (reported speech
and stances, with `complements`, `reported_clauses`, `stances`, `requests`, `parentheticals`,
`misparsed`, `statements`, `mixed` and what they share, `clauses`),
`unclaimed` (marks no cue claims), `unparsed` (no parser) and `output`
(drafts -> `Quote` records).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...models import Article, Mention, Quote
from ..blocks import with_blocks
from ..cues import EVIDENCE_VERBS, SPEECH_VERBS, TITLING_WORDS, verb_base
from ..drafts import Draft, trim
from ..layouts import attribution_lines, labelled_paragraphs, vox_pop_speaker
from ..quotemarks import QuoteMarks, find_marks, is_title
from ..repairs import repair_cue_modifiers
from ..sources import according_to, as_asides, as_reported_by, document_sources
from ..speakers import Speaker, SpeakerResolver
from .direct import (
    UTTERANCE_WORDS,
    carries_sign,
    colon_verb,
    cue_after,
    cue_before,
    inverted_subject,
    named_before_cue,
    quoted_subject,
    subject_of_speech_root,
    tokens_inside,
    whose_words,
)
from .output import finish
from .reported import find_reported, object_controller
from .surface import (
    surface_naming_cue,
    surface_quote_cue,
    surface_reported,
    with_participle_reports,
)
from .unclaimed import CONTINUATION_CHARS, continuations, join_run_on, joined_pieces
from .unparsed import without_parse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


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
            # already made it an answer: "MS We don't ..." then "—Professor Okafor")
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
        subject = object_controller(cue) or resolver.subject_of(cue)
        if subject is not None and text[: mark.open].rstrip().endswith(":"):
            subject = whose_words(subject) or subject
        participle = subject if subject is not None and subject.pos_ == "VERB" else None
        if participle is not None:
            subject = None  # "Calling it "...", X told ...": a participle is no speaker
        speaker = resolver.resolve(subject) if subject is not None else None
        if speaker is None and participle is not None and participle.i < cue.i:
            # "Writing in a blog post, X of the Courier dubbed it: "..."", the participle
            # parsed as the subject: the person named between it and the cue speaks
            person = resolver.person_within(participle.idx, cue.idx)
            if person is not None:
                speaker = resolver.speaker_for(person, person.start, person.end)
        if speaker is None and mark.closed and cue.idx > mark.close:
            # `"...", Eastvale coach Lena Varga said.` with the phrase misparsed (a verb
            # "coach", or the role read as an object inside the quote): the person named
            # between the quote and its cue says it
            speaker = named_before_cue(doc, text, mark, cue, resolver)
        if speaker is None:
            subject = inverted_subject(doc, cue, inside)  # `"..." tweeted the mayor`
            speaker = resolver.resolve(subject) if subject is not None else None
        if speaker is None and cue.idx < mark.open:
            # `X of "Have no fear", a charity, told the Courier "..."`: quotation marks in the
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
            # "Writing in a blog post, Ana Ruiz of the Valley Courier dubbed it: "..."": a fronted
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
    drafts.extend(find_reported(doc, text, marks, inside, resolver, used_cues, claimed))
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
            draft.start = _with_opener(text, draft.start, draft.end)
    return drafts


#: Opening brackets and the marks that close them.
BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}


def _with_opener(text: str, start: int, end: int) -> int:
    """Where a reported clause starts once the bracket opening its first word is back in
    (`said [the ministry] had acted`, `said <b>it</b> was found`): the parser hangs a lone
    bracket on the verb, and the clause would start one character late."""
    opener = text[start - 1 : start]
    closer = BRACKETS.get(opener)
    if closer is None or closer not in text[start:end]:
        return start
    return start - 1


#: Words after a comma that open the article's own gloss on a reported clause
#: (", despite photos showing ...", ", whose vehicle ...").
GLOSS_OPENERS = frozenset({"despite", "whose"})
#: Participles by which the article explains or sources a clause (", meaning the UK would
#: ...", "citing sources within ..."), with or without a comma.
GLOSS_PARTICIPLES = frozenset({"meaning", "citing"})


#: Conjunctions that join a contrasting clause of the article's (", while footage showed").
CONTRASTS = frozenset({"while", "whereas"})
#: The written forms of the evidence verbs ("showed", "suggests", "revealed").
EVIDENCE_FORMS = frozenset(
    form
    for base in EVIDENCE_VERBS
    for form in (base, base + "s", base + "ed", base + "d", base + "n", base + "t")
)


def _sourced_contrast(token: Token) -> bool:
    """`, while footage from the scene showed ...`, `, whereas the ministry said ...`: a
    contrasting clause with a source and a cue of its own is the article's setting of another
    source beside the report, not more of it (", while wages fell" may be what was said)."""
    if token.lower_ not in CONTRASTS or token.dep_ != "mark":
        return False
    verb = token.head
    base = verb_base(verb.text)
    cued = verb.lower_ in EVIDENCE_FORMS or (base is not None and base in SPEECH_VERBS)
    return cued and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _before_gloss(doc: Doc, text: str, draft: Draft) -> int:
    """Where a reported clause ends once the article's gloss after it is left out. What was
    said comes first; a gloss holding quotation marks is kept (it may be the speaker's
    words). Other participles (", killing three people") may be part of what was said."""
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or len(span) < 4:
        return draft.end
    for token in span[3:]:
        previous = doc[token.i - 1]
        opener = previous.text == "," and (
            token.lower_ in GLOSS_OPENERS or _sourced_contrast(token)
        )
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
    (`The governor called Lund's sentence "unjust."`): a stance carrying the quoted words, as the
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
