"""Quoted text no cue claims: a continuation of the previous quote, or no quote at all."""

from __future__ import annotations

from ..drafts import Draft, trim
from ..quotemarks import QuoteMarks
from ..speakers import Speaker, SpeakerResolver
from .direct import UTTERANCE_WORDS, starts_utterance

#: A quote that no cue claims continues the previous speaker only if it starts this close after it.
CONTINUATION_CHARS = 400
#: How close a short quoted sentence must follow the previous quote to continue it.
SHORT_CONTINUATION_CHARS = 60


#: Words that join a second quoted piece to what a cue reports.
JOINING_WORDS = ("and", "but")


def joined_pieces(
    text: str, marks: list[QuoteMarks], claimed: set[int], drafts: list[Draft]
) -> list[Draft]:
    """`said he was "humbled" by the results and "...we will never take it for granted."`: a
    quoted sentence joined by "and" / "but" to what a cue reports is the same speaker's quote,
    one of its own; the joining word belongs to neither."""
    found: list[Draft] = []
    for index, mark in enumerate(marks):
        if index in claimed:
            continue
        if not joined_sentence(text, mark):
            continue
        start, end = trim(text, *mark.inner)
        for draft in drafts:
            if draft.speaker is None or draft.kind not in {"indirect", "mixed"}:
                continue
            words = text[draft.start : mark.open].split()
            gap = text[draft.end : mark.open]
            if len(words) < 2 or gap.strip(" ,") not in {"", *JOINING_WORDS}:
                continue
            if gap.strip(" ,") == "":  # the reported span took the joining word in
                draft.end = trim(text, draft.start, draft.end - len(words[-1]))[1]
            found.append(
                Draft(start, end, "direct", draft.cue, draft.cue_end, draft.speaker, mark)
            )
            claimed.add(index)
            break
    return found


def joined_sentence(text: str, mark: QuoteMarks) -> bool:
    """A quoted sentence or more after "and" / "but", not a fragment (`"good" and "fair"`,
    `and "his leadership on ..."`)."""
    lead = text[max(0, mark.open - 8) : mark.open].split()
    start, end = trim(text, *mark.inner)
    words = text[start:end].lstrip(".… ").split()
    return (
        bool(lead)
        and lead[-1] in JOINING_WORDS
        and len(words) >= UTTERANCE_WORDS
        and words[0][:1].isupper()  # `and "secure their right to ..."`: the clause goes on
    )


def continuations(
    text: str,
    marks: list[QuoteMarks],
    claimed: set[int],
    drafts: list[Draft],
    resolver: SpeakerResolver,
) -> list[Draft]:
    """A full sentence in quotes right after someone's quote goes on with their words, unless
    the sentence that leads into it names one other person."""
    found: list[Draft] = []
    for index, mark in enumerate(marks):
        if index in claimed or not starts_utterance(text, mark.open):
            continue
        lead = text[max(0, mark.open - 20) : mark.open].rstrip(" ,").split()
        if lead and lead[-1].lower() in FRAGMENT_PREPOSITIONS:
            continue  # `convicted of, "Treason, Bribery ..."`: a preposition's object
        start, end = trim(text, *mark.inner)
        words = text[start:end].split()
        if not words or not (words[0][:1].isupper() or words[0][:1] in "[("):
            continue
        if _sourced_after(text, mark):
            continue  # `"...," according to X`: the quote names its own source
        # a short sentence in quotes ("None at all.") only right after the previous quote
        short = len(words) < UTTERANCE_WORDS
        earlier = [
            d
            for d in drafts + found
            if d.kind in {"direct", "mixed"} and d.end <= mark.open and d.speaker is not None
        ]
        # with no quote of theirs before, a named person's statement in the sentence before
        # opens the run ("X told of being forced to ... . "In my first stint, ...""): quoted
        # words without a cue right after it are theirs
        if not earlier:
            statements = [
                d
                for d in drafts
                if d.kind in {"indirect", "stance"}
                and d.speaker is not None
                and d.speaker.key is not None
                and d.end <= mark.open
            ]
            earlier = [max(statements, key=lambda d: d.end)] if statements else []
        if not earlier:
            continue
        previous = max(earlier, key=lambda d: d.end)
        speaker = previous.speaker
        # a statement since then ("X criticized the decision via Twitter. "...""), named or
        # not ("Survivor Amira, 37, said ... . "..."") hands the quote to its speaker
        between = [
            d
            for d in drafts
            if d.kind in {"indirect", "stance"}
            and _hands_on(d, speaker, short)
            and previous.end <= (d.cue.idx if d.cue is not None else d.start)
            and d.end <= mark.open
        ]
        if between:
            # the distance counts from that statement: their earlier quote may lie far back
            previous = max(between, key=lambda d: d.end)
            speaker = previous.speaker
        # `"...," Senate Majority Leader X said on the floor. "We did our job."`: a short
        # sentence right after the previous quote's own attribution goes on with it, however
        # long the attribution
        attributed = previous.cue is not None and previous.end <= previous.cue.idx < mark.open
        reach = SHORT_CONTINUATION_CHARS if short and not attributed else CONTINUATION_CHARS
        too_far = mark.open - previous.end > reach
        if too_far or _sentences_between(text, previous, mark) > 1:
            continue
        if short and (
            len(words) < 2
            or ("\n" in text[previous.end : mark.open] and not _spoken_paragraph(text, mark))
        ):
            continue
        lead_span = _lead_sentence(text, previous.end, mark.open)
        own_cue = previous.cue is not None and previous.cue.idx >= lead_span[0]
        lead_in = None if own_cue else resolver.lone_person_before(lead_span)
        if lead_in is None and not own_cue and _opens_paragraph(text, mark):
            # `"...," Okafor said. ¶ The club's chairman, Ana Ruiz, grew angry when asked
            # about it. ¶ "We did nothing wrong."`: the paragraph before introduces the speaker
            before = len(text[: lead_span[0]].rstrip())
            lead_in = resolver.subject_introduced(_lead_sentence(text, previous.end, before))
        if lead_in is not None and lead_in.key != (speaker.key if speaker else None):
            # `"...," Okafor said. ¶ The side got two yellow cards, leaving Lind
            # unimpressed. "One of them was questionable."`: the one the lead names
            speaker = lead_in
        found.append(
            Draft(
                start, end, "direct", previous.cue, previous.cue_end, speaker, mark,
                continued=True,
            )
        )
        claimed.add(index)
    return found


def _hands_on(statement: Draft, speaker: Speaker | None, short: bool) -> bool:
    """A statement after a quote takes the next quote from its speaker: a named one always;
    one the article does not name ("Survivor Amira, 37, a refugee") when the quote before was
    a named person's and the quote is a full sentence (not a nickname in marks, `"Tax
    King" Ed Lowry`): the latest voice is whose words go on."""
    if statement.speaker is None:
        return False
    if statement.speaker.key is not None:
        return True
    return not short and speaker is not None and speaker.key is not None


def _sourced_after(text: str, mark: QuoteMarks) -> bool:
    """`"...," according to X, ...`: the words right after the closing mark name the source."""
    after = text[mark.close + 1 : mark.close + 40].lstrip(" ,")
    return mark.closed and after.startswith("according to ")  # not a new sentence's "According"


def _opens_paragraph(text: str, mark: QuoteMarks) -> bool:
    """The quote's opening mark starts its paragraph, after the previous paragraph's text."""
    line_start = text.rfind("\n", 0, mark.open) + 1
    return line_start > 0 and not text[line_start : mark.open].strip()


def _spoken_paragraph(text: str, mark: QuoteMarks) -> bool:
    """`"It breaks my heart."` as a paragraph of its own: quoted from the paragraph's start to
    its end, ending as a sentence does; someone's words, not a title or a term."""
    if not mark.closed:
        return False
    line_start = text.rfind("\n", 0, mark.open) + 1
    line_end = text.find("\n", mark.close)
    rest = text[mark.close + 1 : len(text) if line_end < 0 else line_end]
    inner = text[mark.open + 1 : mark.close].rstrip()
    return (
        not text[line_start : mark.open].strip()
        and not rest.strip()
        and inner[-1:] in {".", "!", "?"}
    )


#: Prepositions whose object a quote can be: then it is words inside a sentence, no one's turn.
FRAGMENT_PREPOSITIONS = frozenset("of for to with by from in on as about against".split())


def join_run_on(
    text: str, marks: list[QuoteMarks], claimed: set[int], drafts: list[Draft]
) -> list[Draft]:
    """A quote running over paragraphs (no closing mark at the paragraph end, an opening mark
    on the next) is one quote: an unclaimed run-on part joins the claimed part after it."""
    by_mark = {id(d.marks): d for d in drafts if d.marks is not None}
    for index, mark in enumerate(marks[:-1]):
        if index in claimed or mark.closed or not starts_utterance(text, mark.open):
            continue
        words = text[mark.open + 1 : mark.close].split()
        if len(words) < UTTERANCE_WORDS or not words[0][:1].isupper():
            continue  # `the "meeting.`: a stray mark, not a quote running on
        following = by_mark.get(id(marks[index + 1]))
        between = text[mark.close : marks[index + 1].open]
        if following is None or between.strip() or "\n" not in between:
            continue
        following.start = trim(text, *mark.inner)[0]
        claimed.add(index)
    return drafts


def _lead_sentence(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The sentence right before a quote, in the quote's paragraph and after `lo`: from the
    last sentence end or paragraph break before `hi`."""
    start = max(lo, text.rfind("\n", 0, hi) + 1)
    body = text[start:hi].rstrip()
    cut = max(body.rfind(f"{end} ", 0, len(body) - 1) for end in ".!?")
    for quote_char in '"“”':
        cut = max(cut, body.rfind(quote_char, 0, len(body) - 1))  # a closing mark's sentence
    return (start + cut + 1 if cut >= 0 else start), hi


def _sentences_between(text: str, previous: Draft, mark: QuoteMarks) -> int:
    """Full stops outside quotes between a quote and the next one (the cue sentence is allowed)."""
    gap = text[previous.end : mark.open]
    for quote_char in '"“”':
        gap = gap.replace(quote_char, "")
    return sum(gap.count(c) for c in ".!?") - 1 if gap.strip() else 0
