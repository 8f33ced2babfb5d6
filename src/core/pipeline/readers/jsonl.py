"""JSON Lines / NDJSON dumps: one JSON object per line, read line by line (never whole)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from .rows import BadRow, Row, lines, sniff_encoding


def read_jsonl(stream: BinaryIO, max_row_bytes: int) -> Iterator[Row | BadRow]:
    encoding = sniff_encoding(stream)
    for number, (line, whole) in enumerate(lines(stream, max_row_bytes), 1):
        if not whole:
            yield BadRow(number, f"over the size limit of {max_row_bytes / 1e6:.1f} MB per article")
            continue
        try:
            text = line.decode(encoding)
        except UnicodeDecodeError:
            yield BadRow(number, f"bytes that are not {encoding.upper()} text")
            continue
        if not text.strip():
            continue
        try:
            values = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as err:
            reason = (
                f"{err.msg.removesuffix(' at')} at column {err.colno}"
                if isinstance(err, json.JSONDecodeError)
                else "nested too deeply"
            )
            yield BadRow(number, f"malformed JSON ({reason})")
            continue
        if not isinstance(values, dict):
            yield BadRow(number, f"a JSON {type(values).__name__}, not an object")
            continue
        yield Row(number, values, len(line))
