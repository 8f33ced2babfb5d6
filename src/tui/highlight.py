"""Article text as wrapped lines and highlight spans: pure functions, no widgets.

Everything drawn comes from core offsets (`Mention`, `Quote`, sentences, paragraphs); the TUI
never re-tokenizes. Text stays plain data: spans name a kind (`person`, `quote`, `cursor`, ...)
that the widget turns into a style from its TCSS component class `article-text--<kind>`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from rich.cells import cell_len, chop_cells

from newsdesk.core.models import ActorType, ArticleAnalysis, Offsets, Quote, Span

#: Entity kinds, each with a colour of its own in every theme (`entity_colors`).
ENTITY_KINDS: tuple[ActorType, ...] = ("person", "organization", "place", "group", "other")
LEGEND: tuple[tuple[str, str], ...] = (
    ("person", "person"),
    ("organization", "org"),
    ("place", "place"),
    ("group", "group"),
    ("other", "other"),
    ("quote", "quote"),
    ("cue", "cue"),
)


@dataclass(frozen=True, slots=True)
class Target:
    """A place in an article: where jumps, walks, search hits and marks point."""

    article: str
    start: int
    end: int
    label: str = ""
    """Shown in the status line ("Fang Binxing", "search: firewall")."""


#: A highlight: article offsets and the kind naming its style. Core hands over finished ones
#: (`ArticleAnalysis.spans`); the TUI adds its own layers (cursor, target, search, marks).
HSpan = Span


LineKind = Literal["title", "meta", "url", "text", "speaker", "blank", "empty"]


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line. Text lines carry their article offsets; others carry their own text."""

    kind: LineKind
    plain: str
    start: int = -1
    end: int = -1
    paragraph: int = -1
    quote: Quote | None = None


def base_spans(detail: ArticleAnalysis) -> list[HSpan]:
    """Entities by type, quotes and their cues: the layer under every other highlight."""
    return list(detail.spans)


def sentences_of(detail: ArticleAnalysis) -> tuple[Offsets, ...]:
    """The cursor's steps: core sentences, else paragraphs (never re-split here)."""
    if detail.sentences:
        return tuple(sorted(detail.sentences))
    return paragraphs_of(detail)


def paragraphs_of(detail: ArticleAnalysis) -> tuple[Offsets, ...]:
    article = detail.article
    if article.paragraphs:
        return tuple(article.paragraphs)
    return ((0, len(article.text)),) if article.text else ()


_WORD = re.compile(r"\s*\S+\s*")


def divide_line(text: str, width: int) -> list[int]:
    """Where to break `text` so each piece fits `width` cells: at word starts, and inside a
    word longer than a line (the same breaks Rich's `Text.wrap` makes with `fold=True`)."""
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = cell_len(word.rstrip())
        if width - used >= length:
            used += cell_len(word)
        elif length > width:
            pieces = chop_cells(word, width)
            for number, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if number == len(pieces) - 1:
                    used = cell_len(piece)
                else:
                    start += len(piece)
        elif used and start:
            breaks.append(start)
            used = cell_len(word)
    return breaks


def _wrap_plain(text: str, width: int) -> list[str]:
    out: list[str] = []
    for piece in text.split("\n"):
        offsets = [0, *divide_line(piece, width), len(piece)]
        out.extend(piece[a:b].rstrip() for a, b in pairwise(offsets) if b > a)
        if not piece:
            out.append("")
    return out


def wrap_range(text: str, start: int, end: int, width: int) -> Iterable[Offsets]:
    """Visual lines of `text[start:end]` as article offsets (trailing spaces left out)."""
    pos = start
    for piece in text[start:end].split("\n"):
        offsets = [0, *divide_line(piece, width), len(piece)]
        for a, b in pairwise(offsets):
            if b <= a:
                continue
            line_end = b
            while line_end > a and piece[line_end - 1] == " ":
                line_end -= 1
            if line_end > a:
                yield (pos + a, pos + line_end)
        pos += len(piece) + 1


def speaker_line(quote: Quote) -> str:
    """The annotation under a paragraph: who said it, how."""
    who = quote.speaker or "unattributed"
    parts = [f"  ❝ {who}", quote.kind]
    if quote.cue:
        parts.append(quote.cue)
    line = " · ".join(parts)
    if quote.via and quote.via.casefold() != who.casefold():
        # a document that no one owns speaks for itself: "(via The report)" says it twice
        line += f" (via {quote.via})"
    return line


def layout_article(detail: ArticleAnalysis, width: int) -> list[Line]:
    """Header, wrapped paragraphs, and a speaker line under each paragraph holding a quote."""
    width = max(width, 10)
    article = detail.article
    lines: list[Line] = []
    lines += [Line("title", s) for s in _wrap_plain(article.title or article.id, width)]
    byline = f"by {article.author}" if article.author else None
    meta = " · ".join(x for x in (article.source, byline, article.date) if x)
    if meta:
        lines += [Line("meta", s) for s in _wrap_plain(meta, width)]
    if article.url:
        lines += [Line("url", s) for s in _wrap_plain(article.url, width)]
    lines.append(Line("blank", ""))
    quotes = sorted(detail.quotes, key=lambda q: (q.start, q.end))
    text = article.text
    paragraphs = paragraphs_of(detail)
    if not paragraphs:
        lines.append(Line("empty", "(this article has no text)"))
    for index, (ps, pe) in enumerate(paragraphs):
        for s, e in wrap_range(text, ps, pe, width):
            lines.append(Line("text", text[s:e], s, e, index))
        for q in quotes:
            if ps <= q.start < pe:
                chunks = _wrap_plain(speaker_line(q), width - 4)
                for n, chunk in enumerate(chunks):
                    chunk = chunk if n == 0 else "      " + chunk.lstrip()
                    lines.append(Line("speaker", chunk, q.start, q.end, index, q))
        if index < len(paragraphs) - 1:
            lines.append(Line("blank", ""))
    return lines


class LineIndex:
    """Offset -> visual line lookups over a layout (binary search on text lines)."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.rows = [i for i, line in enumerate(lines) if line.kind == "text"]
        self.starts = [lines[i].start for i in self.rows]

    def line_of(self, offset: int) -> int:
        """The visual line holding `offset` (the nearest one before it, between lines)."""
        if not self.rows:
            return 0
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.rows[max(k, 0)]


def spans_in(spans: Sequence[HSpan], start: int, end: int) -> Iterable[HSpan]:
    """Spans overlapping [start, end)."""
    for span in spans:
        if span.start < end and span.end > start:
            yield span


def index_at(ranges: Sequence[Offsets], offset: int) -> int:
    """Index of the range holding `offset` (or the last one starting before it)."""
    starts = [s for s, _ in ranges]
    return max(bisect.bisect_right(starts, offset) - 1, 0)
