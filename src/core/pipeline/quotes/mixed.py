"""Quotation marks inside reported speech: a quoted clause is direct, a quoted fragment mixed."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from ..cues import NAMING_VERBS, verb_base
from ..drafts import Draft, trim
from ..quotemarks import QuoteMarks, is_title
from .clauses import AS_PRAISES, is_passive, named_by_participle
from .unclaimed import joined_sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc


def take_in_marks(
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
            if named_by_participle(doc, mark, draft.cue) or is_title(text, mark):
                continue  # `a book called "The Silent Valley"`: a title, not words
            if _is_whole(doc, text, draft, mark):
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


def _characterises(draft: Draft) -> bool:
    """The draft's cue names or describes something in the speaker's words ("called X "Y"",
    "described X as "Y""), not a call on someone to act ("called on X to "...")."""
    if draft.cue is None or draft.cue_end is not None:
        return False
    base = verb_base(draft.cue.text)
    if base in AS_PRAISES and is_passive(draft.cue):
        return True  # `was hailed as a "hero" by X`: the passive's quoted words, as named
    return base in NAMING_VERBS


def _is_whole(doc: Doc, text: str, draft: Draft, mark: QuoteMarks) -> bool:
    """The reported clause is nothing but the quotation (`"...," Okafor said in a statement`),
    or the quotation and an adjunct of the telling after it (`said "..." on Monday`, `said
    "..." last week`): words the parser hung on the quote that hold no verb of their own."""
    before = text[draft.start : mark.open].strip(" ,")
    after = text[mark.close + 1 : draft.end].strip(" ,.")
    if before not in {"", "that"} or not mark.closed:
        return False
    return not after or _is_adjunct(doc, mark.close + 1, draft.end)


#: Parts of speech that open an adjunct of the telling after a whole quotation: a preposition
#: ("on Monday", "in a statement"), an adverb ("again", "later"); a bare date ("last week",
#: "Tuesday") is told by its entity type.
ADJUNCT_OPENERS = frozenset({"ADP", "ADV"})


def _is_adjunct(doc: Doc, start: int, end: int) -> bool:
    """The words between a closing mark and the clause's end are an adjunct (a time, a place,
    a manner) and no clause: no verb, opened by a preposition, an adverb or a date."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words or any(t.pos_ in {"VERB", "AUX"} for t in words):
        return False
    first = words[0]
    return first.pos_ in ADJUNCT_OPENERS or first.ent_type_ in {"DATE", "TIME"}
