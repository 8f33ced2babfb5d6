"""Quotes set out by layout, not by a cue verb: vox-pops, transcript labels and interviews.

`“We came for the music.” — Ana Ruiz, 24` (the dash and name on the same or the next line),
`HARRIS: We will not back down.` (a speaker label opening a paragraph) and Q&A, where a
question is the interviewer's (a quote only when the interviewer is a named person) and the
answers after it are the interviewee's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

from ..models import Article, Mention
from .names import fold_name, initials
from .quotemarks import QuoteMarks
from .speakers import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: After a closing mark: a dash, then the name (same paragraph or the next one).
_DASH_NAME = re.compile(r"\s*[—―–-]{1,2}\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
#: A paragraph opening with a speaker label: "HARRIS:", "Kamala Harris:", "Q:", "((WN))".
_LABEL = re.compile(
    r"(?:\(\((?P<bracketed>[^()]{1,30})\)\)|(?P<label>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):)"
    r"\s+(?=\S)"
)
#: Labels that mark a question or an answer without naming anyone.
QUESTION_LABELS = frozenset({"q", "question", "interviewer"})
ANSWER_LABELS = frozenset({"a", "answer"})
#: Fewest words for a labelled paragraph to be someone's words ("Note: see below" is not).
MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class LaidOut:
    """A quote found by layout: its text span, speaker and the label or dash that marks it;
    no speaker for an unnamed interviewer's question, which holds nobody's words."""

    start: int
    end: int
    speaker: Speaker | None
    cue_start: int
    cue_text: str
    continued: bool = False
    addressee: Speaker | None = None
    """Whom a question is put to: who answers next, else the interviewee."""


def vox_pop_speaker(
    text: str, mark: QuoteMarks, paragraphs: tuple[tuple[int, int], ...], mentions: list[Mention]
) -> tuple[Speaker, int, str] | None:
    """`“…” — Name, role`: the name after a dash right after the closing mark (on the same line,
    or opening the next paragraph), with where the dash is."""
    if not mark.closed:
        return None
    after = mark.close + 1
    end = next((e for s, e in paragraphs if s <= mark.close < e), len(text))
    if text[after:end].strip() == "":
        nxt = next((s for s, _e in paragraphs if s > mark.close), None)
        if nxt is None:
            return None
        after = nxt
    match = _DASH_NAME.match(text, after)
    if match is None or not any(c in text[after : match.start("name")] for c in "—―–-"):
        return None
    name_start = match.start("name")
    name = match.group("name").rstrip(".,")
    mention = next((m for m in mentions if m.start == name_start), None)
    if mention is not None and mention.end > name_start + len(name):
        # the model ran the name into its role ("Aparna Garg, Mysore Divisional Railway"):
        # the person of that name elsewhere in the article, else the name as written
        folded = fold_name(name)
        mention = next(
            (m for m in mentions if m.label == "PERSON" and fold_name(m.key) == folded), None
        )
    if mention is not None:
        speaker = Speaker(mention.key, name_start, name_start + len(name), mention.key)
    else:
        speaker = Speaker(name, name_start, name_start + len(name), None)
    dash = text.index(next(c for c in text[after:name_start] if c in "—―–-"), after)
    return speaker, dash, text[dash:name_start].strip() or "—"


#: A short paragraph naming who said the one before it: "– USCG dispatcher, CNN".
_ATTRIBUTION_LINE = re.compile(r"[—―–-]{1,2}\s*(?P<who>[A-Z][^,;.\n]{1,60})")
ATTRIBUTION_CHARS = 80
#: Words of someone speaking (reportage rarely has them): first and second person.
SPOKEN = re.compile(
    r"\b(?:I|I'm|I've|I'd|I'll|[Mm]e|[Mm]y|[Mm]ine|[Ww]e|[Ww]e're|[Ww]e've|us|[Oo]urs?|[Yy]ou"
    r"|[Yy]our)\b"
)  # case kept: "US" is a country


def attribution_lines(
    article: Article, mentions: list[Mention], doc: Doc | None = None
) -> list[LaidOut]:
    """A block quote without marks, signed on the next line: `– Name, outlet` (a short
    paragraph opening with a dash) makes the paragraph before it that person's words.

    Without "I", "we" or "you" in it, the block is the signer's only when it names no one
    else and tells nothing in the past tense (a ruling's words): a paragraph of reportage
    above a signature signs a pull quote the page lost."""
    text = article.text
    found: list[LaidOut] = []
    paragraphs = article.paragraphs
    for (p_start, p_end), (start, end) in pairwise(paragraphs):
        match = _ATTRIBUTION_LINE.match(text, start)
        if match is None or end - start > ATTRIBUTION_CHARS:
            continue
        if len(text[p_start:p_end].split()) < MIN_WORDS or _LABEL.match(text, p_start):
            continue
        who_start = match.start("who")
        who = match.group("who").strip()
        mention = next((m for m in mentions if m.start == who_start), None)
        # a signature under the lede signs a pull quote the copy lost, not the lede
        lede = (p_start, p_end) == paragraphs[0]
        if not SPOKEN.search(text, p_start, p_end) and (
            mention is None
            or lede
            or any(
                m.label == "PERSON" and p_start <= m.start < p_end and m.key != mention.key
                for m in mentions
            )
            or _tells_the_past(doc, p_start, p_end)
        ):
            # "—Testimony from the investigator" under reportage: a caption; "—Mike DeWine,
            # Twitter" under a paragraph of reportage signs a pull quote the page lost
            continue
        if mention is not None and mention.end - who_start >= len(who) - 1:
            speaker = Speaker(mention.key, mention.start, mention.end, mention.key)
        else:
            speaker = Speaker(who, who_start, who_start + len(who), None, basis="phrase")
        found.append(LaidOut(p_start, p_end, speaker, start, text[start:who_start].strip()))
    return found


def _tells_the_past(doc: Doc | None, start: int, end: int) -> bool:
    """A sentence of the paragraph has a main verb in the simple past ("Trump amassed ...")."""
    if doc is None:
        return False
    return any(
        sent.root.tag_ == "VBD"
        for sent in doc.sents
        if sent.start_char < end and sent.end_char > start
    )


def labelled_paragraphs(article: Article, mentions: list[Mention]) -> list[LaidOut]:
    """Transcript and interview paragraphs: the words after a speaker label, and answers.

    A label counts when it names a person of the article (a mention, a surname, or the
    person's initials, "MS" for "Michael Siegel"; in double brackets, "((Dorsa Derakhshani))",
    any name of a person's shape): that person's paragraph is theirs, a question too when the
    interviewer is named ("((WSS))" for "William S. Saturn"), and so are the unlabelled
    paragraphs that go on after it. "Q:" and a bracketed label that names nobody ("((WN))")
    open a question, which is nobody's quote; where answers carry no label, the paragraphs
    after a question, up to the next label, are the answer of the interviewee: the person
    named in answer labels, else the one the headline names, else the one named most.
    Narration between them (a paragraph naming people, with no "I" or "you" in it) ends
    the answer: transcripts whose answers were lost keep only questions and reportage.
    """
    text = article.text
    people = _people(mentions)
    paragraphs = article.paragraphs
    labels = [_LABEL.match(text, start) for start, _end in paragraphs]
    bracketed = {
        id(match): _bracketed_person(match, article, people, mentions)
        for match in labels
        if match is not None and match.group("bracketed") is not None
    }
    if not people and not any(bracketed.values()):
        return []
    labelled_answers = any(
        speaker is not None and not _is_question(text, match.end(), end)
        for match, (_start, end) in zip(labels, paragraphs, strict=True)
        if match is not None and (speaker := bracketed.get(id(match))) is not None
    )
    found: list[LaidOut] = []
    in_answer = False
    current: Speaker | None = None  # who a bracketed label gave the floor to
    interviewee: Speaker | None = None
    for (start, end), match in zip(paragraphs, labels, strict=True):
        body_start = _body_start(text, match.end(), end) if match else start
        words = len(text[body_start:end].split())
        if match is not None:
            current = None
            if match.group("bracketed") is not None:
                named = bracketed[id(match)]
                if named is None:
                    in_answer = True  # an unnamed interviewer's question: the answers follow
                    found.append(LaidOut(body_start, end, None, match.start(), "question"))
                    continue
                in_answer = False
                if words:
                    current = named
                    if not _is_question(text, body_start, end):
                        interviewee = interviewee or named
                    found.append(
                        LaidOut(body_start, end, named, match.start(), match.group(0).strip())
                    )
                continue
            label = match.group("label") or ""
            if fold_name(label) in QUESTION_LABELS:
                in_answer = True  # a question: the answers follow
                found.append(LaidOut(body_start, end, None, match.start(), "question"))
                continue
            named = _label_person(label, people, match.start(), match.end())
            if fold_name(label) in ANSWER_LABELS:
                named = interviewee or _most_named(people, start, match.end() - 1)
            if named is None or words < MIN_WORDS:
                in_answer = False
                continue
            if fold_name(label) not in ANSWER_LABELS:
                interviewee = interviewee or named
            found.append(LaidOut(body_start, end, named, match.start(), label.strip()))
            continue
        if words < MIN_WORDS:
            continue
        if current is not None:
            # an answer going on over paragraphs, up to narration about its speaker
            if _narrates(article, start, end, mentions, current):
                current = None
                continue
            found.append(LaidOut(start, end, current, start, "", continued=True))
            continue
        if in_answer:
            # an unlabelled answer: the interviewee's; a leading full name is their label
            lead = _leading_person(text, start, end, people)
            if lead is not None:
                speaker, body_start = lead
                interviewee = interviewee or speaker
                found.append(LaidOut(body_start, end, speaker, start, speaker.text))
                continue
            if labelled_answers or _narrates(article, start, end, mentions, None):
                in_answer = False  # answers here carry labels; this is reportage
                continue
            answerer = (
                interviewee
                or _headline_person(article.title, people, start)
                or _most_named(people, start, start)
            )
            if answerer is not None:
                found.append(LaidOut(start, end, answerer, start, "", continued=True))
    return _addressed(found, interviewee or _headline_person(article.title, people, 0))


def _addressed(found: list[LaidOut], interviewee: Speaker | None) -> list[LaidOut]:
    """Questions with whom they are put to: the next one to speak, else the interviewee."""
    out: list[LaidOut] = []
    for index, laid in enumerate(found):
        if laid.speaker is None:
            answer = next((f.speaker for f in found[index + 1 :] if f.speaker is not None), None)
            laid = replace(laid, addressee=answer or interviewee)
        out.append(laid)
    return out


def _body_start(text: str, start: int, end: int) -> int:
    """Where a labelled paragraph's words start: after the label and a colon set apart from
    it ("((WN)) : Why ...")."""
    while start < end and (text[start].isspace() or text[start] == ":"):
        start += 1
    return start


def _is_question(text: str, start: int, end: int) -> bool:
    return text[start:end].rstrip().endswith("?")


def _bracketed_person(
    match: re.Match[str], article: Article, people: dict[str, list[Mention]],
    mentions: list[Mention],
) -> Speaker | None:
    """The person a bracketed label names: a person of the article (name, surname,
    initials), else a name as written ("((Jaya))", a name the model did not tag); None for
    an outlet or an unnamed interviewer, written in capitals or as the outlet ("((WN))",
    "((RS))", "((Wikinews))")."""
    label = match.group("bracketed").strip()
    start = match.start("bracketed")
    folded = fold_name(label)
    if not folded or folded in QUESTION_LABELS or folded == fold_name(article.source or ""):
        return None
    named = _label_person(label, people, start, start + len(label))
    if named is not None and not (label.isupper() and folded == fold_name(named.text)):
        return named  # a person's name or initials (not an acronym the model took for one)
    if label.isupper() or not label[:1].isupper():
        return None
    for mention in mentions:
        # the model may tag the name as a body elsewhere ("Perttu Ahola" as an organisation)
        if folded in {fold_name(mention.text), fold_name(mention.key)}:
            return Speaker(mention.key, start, start + len(label), mention.key)
    return Speaker(label, start, start + len(label), None)


def _narrates(
    article: Article, start: int, end: int, mentions: list[Mention], speaker: Speaker | None
) -> bool:
    """Reportage, not someone's answer: the paragraph names the outlet, or names `speaker`
    (or, with no speaker given, any person) and has no first- or second-person words."""
    text = article.text
    if article.source and re.search(rf"\b{re.escape(article.source)}\b", text[start:end]):
        return True
    if SPOKEN.search(text, start, end):
        return False
    return any(
        m.label == "PERSON"
        and start <= m.start < end
        and (speaker is None or m.key == speaker.key)
        for m in mentions
    )


def _headline_person(title: str, people: dict[str, list[Mention]], at: int) -> Speaker | None:
    """The person a headline names ("Wikinews interviews Craig Farquharson, candidate ..."):
    the interviewee of a Q&A whose answers carry no label."""
    folded = f" {fold_name(title)} "
    for key in people:
        words = fold_name(key).split()
        if len(words) > 1 and f" {' '.join(words)} " in folded:
            return Speaker(key, at, at, key, basis="pronoun")
    return None


def _people(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Person cluster key -> its mentions."""
    out: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.label == "PERSON":
            out.setdefault(mention.key, []).append(mention)
    return out


def _label_person(
    label: str, people: dict[str, list[Mention]], start: int, end: int
) -> Speaker | None:
    """The person a label names: their full name, surname or initials."""
    folded = fold_name(label)
    if not folded:
        return None
    for key in people:
        key_fold = fold_name(key)
        words = key_fold.split()
        if (
            folded == key_fold
            or (len(words) > 1 and folded == words[-1])
            or (len(folded.split()) > 1 and key_fold.endswith(" " + folded))  # "Engineer X Y"
            or (label.isupper() and len(label) >= 2 and label == initials(key))
        ):
            return Speaker(key, start, start + len(label), key)
    return None


def _leading_person(
    text: str, start: int, end: int, people: dict[str, list[Mention]]
) -> tuple[Speaker, int] | None:
    """`Michael Siegel I am a professor ...` / `MS Although we ...`: a name or initials
    opening an answer paragraph, with where the answer proper starts."""
    first = text[start:end].split(maxsplit=3)
    for n in (2, 1):
        if len(first) <= n:
            continue
        label = " ".join(first[:n])
        if n == 1 and not (label.isupper() and len(label) >= 2):
            continue
        speaker = _label_person(label, people, start, start + len(label))
        if speaker is not None:
            body = start + len(label)
            while body < end and text[body].isspace():
                body += 1
            return speaker, body
    return None


def _most_named(people: dict[str, list[Mention]], start: int, end: int) -> Speaker | None:
    """The person the article names most (the interviewee when nothing else says who)."""
    counts = Counter({key: len(ms) for key, ms in people.items()})
    if not counts:
        return None
    key = counts.most_common(1)[0][0]
    return Speaker(key, start, end, key, basis="pronoun")
