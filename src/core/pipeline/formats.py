"""Which reader a file name calls for, and opening it (gzip read transparently)."""

from __future__ import annotations

import io
from typing import BinaryIO, Literal

Format = Literal["text", "html", "jsonl", "csv", "tsv", "json"]

#: Suffix (lower case, without `.gz`) -> format.
FORMATS: dict[str, Format] = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jsonlines": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".json": "json",
}
#: Formats whose files hold many articles, one per row.
DUMPS: frozenset[Format] = frozenset({"jsonl", "csv", "tsv", "json"})
#: Their suffixes (lower case, without `.gz`).
DUMP_SUFFIXES = frozenset(s for s, f in FORMATS.items() if f in DUMPS)


def split_name(name: str) -> tuple[str, str] | None:
    """`"news.jsonl.gz"` -> `("news", ".jsonl.gz")`; None when newsdesk does not read the file.

    String operations only: the folder walk calls this for every file.
    """
    lower = name.lower()
    inner = lower[:-3] if lower.endswith(".gz") else lower
    dot = inner.rfind(".")
    if dot <= 0 or inner[dot:] not in FORMATS:
        return None
    return name[:dot], name[dot:]


def format_of(name: str) -> Format | None:
    parts = split_name(name)
    if parts is None:
        return None
    suffix = parts[1].lower().removesuffix(".gz")
    return FORMATS[suffix]


def is_dump(name: str) -> bool:
    """True for files that hold many articles (JSONL, CSV, TSV, JSON arrays, and their `.gz`)."""
    return format_of(name) in DUMPS


def open_binary(path: str) -> BinaryIO:
    """The file's bytes as a stream; a gzip file (by its magic bytes) is decompressed on the fly.

    Raises `OSError` as `open` does; a damaged gzip stream raises `OSError` (`BadGzipFile`) or
    `EOFError` while it is read.
    """
    raw = open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    try:
        magic = raw.peek(2)[:2] if isinstance(raw, io.BufferedReader) else b""
    except OSError:
        raw.close()
        raise
    if magic == b"\x1f\x8b":
        import gzip

        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def read_all(path: str, max_bytes: int | None) -> bytes:
    """A whole (single-article) file, decompressed, refusing more than `max_bytes`.

    Raises `ValueError` when the file is over the limit, `OSError`/`EOFError` when unreadable.
    """
    with open_binary(path) as stream:
        if max_bytes is None:
            return stream.read()
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValueError(len(data))
    return data
