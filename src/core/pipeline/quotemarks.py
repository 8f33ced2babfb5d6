"""Pairing quotation marks in article text: straight and curly, within paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..models import Offsets

#: Marks that can only open, only close, or either (straight marks are decided by context).
OPENING = frozenset("“„«")
CLOSING = frozenset("”»")
STRAIGHT = frozenset('"')
ALL_MARKS = OPENING | CLOSING | STRAIGHT
#: Any one mark: the scan jumps from mark to mark instead of reading every character.
_ANY_MARK = re.compile("[" + "".join(sorted(ALL_MARKS)) + "]")
_OPEN_BEFORE = set("([{—–-/")
_CLOSE_AFTER = set(".,;:!?)]}—–-")

Role = Literal["open", "close", "either"]


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """A quoted stretch: `open` is the opening mark, `close` the closing one (or paragraph end)."""

    open: int
    close: int
    closed: bool = True
    """False for a quote that runs on into the next paragraph (which reopens it)."""

    @property
    def inner(self) -> Offsets:
        """The text between the marks, without surrounding whitespace."""
        return (self.open + 1, self.close)


def _role(text: str, i: int, start: int, end: int) -> Role:
    char = text[i]
    if char in OPENING:
        return "open"
    if char in CLOSING:
        return "close"
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    opening = prev.isspace() or prev in _OPEN_BEFORE
    closing = nxt.isspace() or nxt in _CLOSE_AFTER
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return "either"


def find_marks(text: str, paragraphs: Sequence[Offsets]) -> list[QuoteMarks]:
    """Every closed pair of double quotation marks, outermost first; marks that never close
    are dropped, except where the closing mark is plainly missing before an attribution.

    A quote nested in another with the same marks (`"He told me "go home" and left," she
    said`) is part of the outer one, not a quote of its own. A quote never runs across a
    paragraph, except in the news convention where a long quote leaves its paragraph open and
    the next paragraph starts with an opening mark.
    """
    spans = list(paragraphs) or [(0, len(text))]
    found: list[QuoteMarks] = []
    for index, (start, end) in enumerate(spans):
        opened: list[int] = []  # opening marks not closed yet, innermost last
        nested: list[QuoteMarks] = []  # pairs closed while an outer mark was open
        last_close = -1
        for mark in _ANY_MARK.finditer(text, start, end):
            i = mark.start()
            role = _role(text, i, start, end)
            if role == "either":
                role = "close" if opened else "open"
            if role == "open":
                opened.append(i)
                continue
            if not opened:
                continue
            open_at = opened.pop()
            last_close = i
            if text[open_at + 1 : i].strip():
                (nested if opened else found).append(QuoteMarks(open_at, i))
        if not opened:
            continue  # every mark closed: nested pairs lie inside the outer quotes
        # An opening mark never closed: the pairs after it were quotes of their own.
        found += nested
        for open_at in opened:
            after = [m.open for m in nested if m.open > open_at]
            cut = _missing_close(text, open_at, min(after) if after else None)
            if cut is not None:
                found.append(QuoteMarks(open_at, cut))
        open_at = opened[-1]
        if open_at > last_close and index + 1 < len(spans):
            next_start = spans[index + 1][0]
            if next_start < len(text) and text[next_start] in OPENING | STRAIGHT:
                inner_end = end
                while inner_end > open_at + 1 and text[inner_end - 1].isspace():
                    inner_end -= 1
                if inner_end > open_at + 1:
                    found.append(QuoteMarks(open_at, inner_end, closed=False))
    found.sort(key=lambda m: m.open)
    return found


#: Most words of an attribution after a quote whose closing mark is missing (`, Lopez said.`).
ATTRIBUTION_WORDS = 8
#: Fewest words of such a quote.
MISSING_CLOSE_WORDS = 4


def _missing_close(text: str, open_at: int, next_open: int | None) -> int | None:
    """Where a quote whose closing mark is missing ends, when an attribution follows it and
    the next quoted piece opens right after: `"The bridge will be done by June, Lopez said.
    "The money is there."` ends at the comma. None for any other shape."""
    if next_open is None:
        return None
    segment = text[open_at + 1 : next_open].rstrip()
    if not segment.endswith("."):
        return None
    comma = segment.rfind(", ")
    if comma < 0:
        return None
    words = segment[comma + 2 :].split()
    if not 2 <= len(words) <= ATTRIBUTION_WORDS:
        return None
    if len(segment[:comma].split()) < MISSING_CLOSE_WORDS:
        return None
    if any(ch in ALL_MARKS for ch in segment) or ". " in segment[comma + 2 :]:
        return None
    return open_at + 1 + comma


#: Most words a quoted title has ("Storm Area 51, They Can't Stop All of Us").
TITLE_WORDS = 10


def is_title(text: str, mark: QuoteMarks) -> bool:
    """The quoted words are a title or a name, not someone's words: every word of four letters
    or more is capitalised ("Learning Together", "Storm Area 51, They Can't Stop All of Us")."""
    words = text[mark.open + 1 : mark.close].split()
    long_words = [w.strip(",.:;!?'’\"()") for w in words]
    long_words = [w for w in long_words if len(w) >= 4 and w[:1].isalpha()]
    return (
        mark.closed
        and 2 <= len(words) <= TITLE_WORDS
        and len(long_words) >= 2
        and all(w[:1].isupper() for w in long_words)
        and not all(w.isupper() for w in long_words)  # "NO MORE WAR" is shouted words
    )
