"""Quotes set out by layout, not by a cue verb: vox-pops, transcript labels and interviews.

`“We came for the music.” — Ana Ruiz, 24` (the dash and name on the same or the next line),
`HARRIS: We will not back down.` (a speaker label opening a paragraph) and Q&A, where a
question is the interviewer's (a quote only when the interviewer is a named person) and the
answers after it are the interviewee's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from ..models import Article, Mention
from .names import fold_name, initials
from .quotemarks import QuoteMarks
from .speakers import Speaker

#: After a closing mark: a dash, then the name (same paragraph or the next one).
_DASH_NAME = re.compile(r"\s*[—―–-]{1,2}\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
#: A paragraph opening with a speaker label: "HARRIS:", "Kamala Harris:", "Q:", "((WN))".
_LABEL = re.compile(
    r"(?:\(\((?P<outlet>[^()]{1,30})\)\)|(?P<label>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):)"
    r"\s+(?=\S)"
)
#: Labels that mark a question or an answer without naming anyone.
QUESTION_LABELS = frozenset({"q", "question", "interviewer"})
ANSWER_LABELS = frozenset({"a", "answer"})
#: Fewest words for a labelled paragraph to be someone's words ("Note: see below" is not).
MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class LaidOut:
    """A quote found by layout: its text span, speaker and the label or dash that marks it."""

    start: int
    end: int
    speaker: Speaker
    cue_start: int
    cue_text: str
    continued: bool = False


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
    mention = next((m for m in mentions if m.start == name_start), None)
    if mention is not None:
        speaker = Speaker(mention.key, mention.start, mention.end, mention.key)
    else:
        name = match.group("name").rstrip(".,")
        speaker = Speaker(name, name_start, name_start + len(name), None)
    dash = text.index(next(c for c in text[after:name_start] if c in "—―–-"), after)
    return speaker, dash, text[dash:name_start].strip() or "—"


#: A short paragraph naming who said the one before it: "– USCG dispatcher, CNN".
_ATTRIBUTION_LINE = re.compile(r"[—―–-]{1,2}\s*(?P<who>[A-Z][^,;.\n]{1,60})")
ATTRIBUTION_CHARS = 80
#: Words of someone speaking (reportage rarely has them): first and second person.
_SPOKEN = re.compile(r"\b(?:I|I'm|I've|we|We|we're|you|You|my|My|our|Our)\b")


def attribution_lines(article: Article, mentions: list[Mention]) -> list[LaidOut]:
    """A block quote without marks, signed on the next line: `– Name, outlet` (a short
    paragraph opening with a dash) makes the paragraph before it that person's words."""
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
        if mention is None and not _SPOKEN.search(text, p_start, p_end):
            continue  # "—Testimony from the investigator" under reportage: a caption
        if mention is not None and mention.end - who_start >= len(who) - 1:
            speaker = Speaker(mention.key, mention.start, mention.end, mention.key)
        else:
            speaker = Speaker(who, who_start, who_start + len(who), None, basis="phrase")
        found.append(LaidOut(p_start, p_end, speaker, start, text[start:who_start].strip()))
    return found


def labelled_paragraphs(article: Article, mentions: list[Mention]) -> list[LaidOut]:
    """Transcript and interview paragraphs: the words after a speaker label, and answers.

    A label counts when it names a person of the article (a mention, a surname, or the
    person's initials, "MS" for "Michael Siegel"); "Q:" and an outlet's "((WN))" open a
    question, which is nobody's quote; paragraphs after a question, up to the next label, are
    the answer of the article's interviewee: the person named in answer labels, else the
    person the article names most.
    """
    text = article.text
    people = _people(mentions)
    if not people:
        return []
    found: list[LaidOut] = []
    in_answer = False
    interviewee: Speaker | None = None
    for start, end in article.paragraphs:
        match = _LABEL.match(text, start)
        body_start = match.end() if match else start
        words = len(text[body_start:end].split())
        if match is not None:
            label = match.group("label") or ""
            if match.group("outlet") or fold_name(label) in QUESTION_LABELS:
                in_answer = True  # a question: the answers follow
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
        if in_answer and words >= MIN_WORDS:
            # an unlabelled answer: the interviewee's; a leading full name is their label
            lead = _leading_person(text, start, end, people)
            if lead is not None:
                speaker, body_start = lead
                interviewee = interviewee or speaker
                found.append(LaidOut(body_start, end, speaker, start, speaker.text))
                continue
            answerer = interviewee or _most_named(people, start, start)
            if answerer is not None:
                found.append(LaidOut(start, end, answerer, start, "", continued=True))
    return found


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
