"""Positions as CSV and JSON lines: read back by the csv module, formulas neutralised."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.core.export.document import collect
from newsdesk.core.export.tables import (
    COLUMNS,
    FORMULA_STARTS,
    PositionRecord,
    neutralise,
    position_records,
    to_csv,
    to_jsonl,
)
from newsdesk.core.store.library import MemoryLibrary


def _row(text: str) -> PositionRecord:
    return PositionRecord(
        title=text,
        date=None,
        source=text,
        url=None,
        article="a",
        quote="q",
        speaker=text,
        actor=None,
        kind="direct",
        cue="said",
        text=text,
        paragraph=3,
        confidence=0.9,
        corrected=False,
        note=text,
    )


@given(st.text())
def test_tables_csv_reads_back_and_never_starts_a_formula(text: str) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv([_row(text)]), newline="")))
    assert len(rows) == 1
    for column in ("title", "source", "speaker", "text", "note"):
        cell = rows[0][column]
        assert not cell.startswith(FORMULA_STARTS)
        assert cell in (text, "'" + text)


def test_tables_neutralise_only_what_a_spreadsheet_would_run() -> None:
    assert neutralise('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert neutralise("-1+2") == "'-1+2"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("Plain words") == "Plain words"


def test_tables_positions_of_every_quote(summit_library: MemoryLibrary) -> None:
    passages = collect(summit_library, [], every_position=True)
    rows = position_records(summit_library, passages)
    assert len(rows) == len(summit_library.corpus.quotes)
    table = list(csv.DictReader(io.StringIO(to_csv(rows), newline="")))
    assert list(table[0]) == list(COLUMNS)
    hale = [r for r in table if r["speaker"] == "Victor Hale"]
    assert hale and all(r["title"] and r["article"] and r["quote"] for r in hale)
    dated = [r for r in table if r["article"] == "talks"]
    assert dated and all(r["date"] == "2019-03-21" for r in dated)
    assert all(r["paragraph"].isdigit() for r in table)
    lines = [json.loads(line) for line in to_jsonl(rows).splitlines()]
    assert [line["quote"] for line in lines] == [r["quote"] for r in table]
    assert set(lines[0]) == set(COLUMNS)
