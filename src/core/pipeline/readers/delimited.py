"""CSV and TSV dumps: a header row naming the fields, then one article per record.

Quoted fields may span lines and be long (a whole article): the csv module's default field
limit (128 KiB) is raised to the per-article size limit. A broken quote is found by the strict
dialect or by a record whose field count is not the header's; either way one record is
skipped, not the rest of the file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import BinaryIO

from .rows import BadRow, Row, has_undecodable, sniff_encoding


def read_delimited(stream: BinaryIO, max_row_bytes: int, delimiter: str) -> Iterator[Row | BadRow]:
    encoding = sniff_encoding(stream)
    csv.field_size_limit(max(max_row_bytes, csv.field_size_limit()))
    text_lines = (line.decode(encoding, errors="surrogateescape") for line in stream)
    reader = csv.reader(text_lines, delimiter=delimiter, strict=True)
    header: list[str] | None = None
    number = 0
    while True:
        first_line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            if header is None:
                yield BadRow(0, f"the header row cannot be read ({err})")
                return
            number += 1
            yield BadRow(number, f"broken quoting near line {reader.line_num} ({err})")
            continue
        if header is None:
            header = [name.strip().lstrip("\ufeff") for name in record]
            if not any(header):
                header = None  # blank lines before the header
            continue
        if not any(field.strip() for field in record):
            continue
        number += 1
        size = sum(len(field) for field in record)
        if size > max_row_bytes:
            yield BadRow(number, f"over the size limit of {max_row_bytes / 1e6:.1f} MB per article")
            continue
        if len(record) != len(header):
            # A record that ran over several lines may hide a stray quote; a one-line record
            # simply has too few or too many fields.
            lines = (
                f" (lines {first_line}-{reader.line_num}: a broken quote?)"
                if reader.line_num > first_line
                else ""
            )
            yield BadRow(
                number, f"{len(record)} fields where the header has {len(header)}{lines}"
            )
            continue
        if any(has_undecodable(field) for field in record):
            yield BadRow(number, f"bytes that are not {encoding.upper()} text")
            continue
        values = {name: value for name, value in zip(header, record, strict=True) if name}
        yield Row(number, values, size)
