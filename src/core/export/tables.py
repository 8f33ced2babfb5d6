"""Positions as rows for spreadsheets and scripts: CSV and JSON lines.

One row per passage in scope (a marked or listed position): where it is, who said it, how it
was found. Cells a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from ..corrections import correction_of
from ..models import ArticleAnalysis
from ..store.library import Library
from .document import Passage, paragraph_number

TableFormat = Literal["csv", "jsonl"]
TABLE_FORMATS: tuple[TableFormat, ...] = ("csv", "jsonl")

#: What a spreadsheet reads as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class PositionRecord:
    """One exported row; the column order of the CSV."""

    title: str
    date: str | None
    source: str | None
    url: str | None
    article: str
    quote: str | None
    speaker: str | None
    actor: str | None
    kind: str
    cue: str | None
    text: str
    paragraph: int | None
    confidence: float | None
    corrected: bool
    note: str


COLUMNS: tuple[str, ...] = tuple(PositionRecord.__dataclass_fields__)


def position_records(library: Library, passages: Iterable[Passage]) -> list[PositionRecord]:
    """Rows for the passages, with the article's metadata and the quote's cue."""
    details: dict[str, ArticleAnalysis] = {}
    rows: list[PositionRecord] = []
    for passage in passages:
        detail = details.get(passage.article)
        if detail is None:
            detail = details[passage.article] = library.article(passage.article)
        article = detail.article
        quote = next((q for q in detail.quotes if q.id == passage.quote), None)
        correction = correction_of(library, quote.id) if quote else None
        rows.append(
            PositionRecord(
                title=article.title,
                date=article.date,
                source=article.source,
                url=article.url,
                article=article.id,
                quote=passage.quote,
                speaker=passage.speaker,
                actor=passage.actor,
                kind=passage.quote_kind or passage.kind,
                cue=quote.cue if quote else None,
                text=passage.text,
                paragraph=paragraph_number(article, passage.start),
                confidence=quote.confidence if quote else None,
                corrected=correction is not None,
                note=passage.note or (correction.note if correction else ""),
            )
        )
    return rows


def neutralise(cell: str) -> str:
    """A cell that would start a spreadsheet formula, prefixed with `'` so it stays text."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def to_csv(rows: Sequence[PositionRecord]) -> str:
    """RFC 4180 CSV with a header row; every text cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(getattr(row, column)) for column in COLUMNS])
    return buffer.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise(str(value))


def to_jsonl(rows: Sequence[PositionRecord]) -> str:
    """One JSON object a line (JSON is data: no neutralising, nothing to run)."""
    return "".join(json.dumps(asdict(row), ensure_ascii=False) + "\n" for row in rows)


def render_table(rows: Sequence[PositionRecord], fmt: TableFormat) -> str:
    return to_csv(rows) if fmt == "csv" else to_jsonl(rows)
