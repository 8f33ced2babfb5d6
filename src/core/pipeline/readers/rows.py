"""What the dump readers yield: a row's fields, or why a row was skipped."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
#: Bytes read to decide a dump's encoding (UTF-8 unless this much of it is not).
_SNIFF = 1 << 16


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a dump: field name -> value (values as parsed: str, number, list, dict)."""

    number: int
    """1-based: the line of a JSONL file, the record of a CSV (header excluded), the item of
    a JSON array."""
    values: dict[str, Any]
    size: int
    """Bytes the row takes in the file: the per-article size limit applies to it."""


@dataclass(frozen=True, slots=True)
class BadRow:
    number: int
    reason: str


def sniff_encoding(stream: BinaryIO) -> str:
    """`utf-8` (BOM skipped) unless the start of the file is not UTF-8: then Windows-1252.

    Reads from `stream` (which must be at its start) and leaves it after a BOM.
    """
    head = stream.peek(_SNIFF)[:_SNIFF] if hasattr(stream, "peek") else b""
    if head.startswith(codecs.BOM_UTF8):
        stream.read(3)
        return "utf-8"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 4:  # not just a character cut at the sniff's end
            return "cp1252"
    return "utf-8"


def has_undecodable(text: str) -> bool:
    """Bytes that did not decode, kept as lone surrogates by `errors="surrogateescape"`."""
    return _ESCAPED_BYTE.search(text) is not None


def lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes, bool]]:
    """The stream's lines, each at most `limit` bytes: (line, whole) where `whole` is False for
    a line that was longer (its rest is read and dropped, never held in memory)."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, True
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(1 << 20)
        yield b"", False
