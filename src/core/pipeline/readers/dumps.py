"""Dump files (JSONL, CSV, TSV, JSON arrays, gzipped or not) as a stream of `Article`s.

Each row is one article with its own identity and content hash, so marks stay on their row
when rows are added, removed or reordered: `<file id>#<key>`, the key being the row's id or
URL field when it has one, else its content hash. Rows are read and converted one at a time.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from ...models import Article, SkippedFile
from ..formats import format_of, open_binary
from ..text import clean_text
from .fields import FieldMap, Role, flat
from .records import Fields, RowIds, build_record, id_key, looks_like_html, row_hash
from .rows import BadRow, Row


@dataclass(frozen=True, slots=True)
class DumpEnd:
    """Said once a dump is read to its end: rows read and skipped."""

    articles: int
    skipped: int


@dataclass(frozen=True, slots=True)
class RowKey:
    """A row's identity without its article: what planning an open needs, at a fraction of
    the cost (no paragraph parsing, no HTML extraction)."""

    id: str
    content_hash: str


def read_dump(
    path: str, file_id: str, fields: FieldMap, max_row_bytes: int, *, build: bool = True
) -> Iterator[Article | RowKey | SkippedFile | DumpEnd]:
    """Every row of the dump at `path`: an `Article` (a `RowKey` when not `build`), or a
    `SkippedFile` naming the row and why; a summary `SkippedFile` when rows were skipped;
    then one `DumpEnd`. A file that cannot be opened is one `SkippedFile` (no `DumpEnd`).

    Ids and hashes are the same either way; a row whose text is only markup that extracts to
    nothing is a `RowKey` but no `Article`."""
    ids = RowIds(file_id)
    articles = skipped = 0
    told = False  # a whole-file problem was said: no "no rows" after it
    try:
        stream = open_binary(path)
    except OSError as err:
        yield SkippedFile(path, f"cannot read ({err.strerror or err})")
        return
    with stream:
        rows = _rows(stream, path, max_row_bytes)
        try:
            for row in rows:
                if isinstance(row, BadRow):
                    skipped += row.number > 0  # 0: the whole file (not an array, no header)
                    told = True
                    yield _skip(path, row.number, row.reason)
                    continue
                article = _article(row, path, ids, fields, build)
                if isinstance(article, str):
                    skipped += 1
                    yield _skip(path, row.number, article)
                    continue
                articles += 1
                yield article
        except (OSError, EOFError, zlib.error) as err:
            skipped += 1
            where = articles + skipped - 1
            yield SkippedFile(path, f"damaged or cut short after {where} rows ({err})")
    if skipped:
        counts = f"{skipped} of {articles + skipped} rows skipped, {articles} read"
        yield SkippedFile(path, counts, summary=True)
    elif not articles and not told:
        yield SkippedFile(path, "no rows")
    yield DumpEnd(articles, skipped)


def _skip(path: str, number: int, reason: str) -> SkippedFile:
    where = f"row {number}: " if number else ""
    return SkippedFile(path, where + reason, row=number or None)


def _rows(stream: BinaryIO, path: str, max_row_bytes: int) -> Iterator[Row | BadRow]:
    kind = format_of(path)
    if kind == "jsonl":
        from .jsonl import read_jsonl

        return read_jsonl(stream, max_row_bytes)
    if kind in ("csv", "tsv"):
        from .delimited import read_delimited

        return read_delimited(stream, max_row_bytes, "\t" if kind == "tsv" else ",")
    from .json_array import read_json_array

    return read_json_array(stream, max_row_bytes)


def _article(
    row: Row, path: str, ids: RowIds, fields: FieldMap, build: bool = True
) -> Article | RowKey | str:
    """The row's article (or only its key), or why it has none."""
    found = fields.resolve(row.values)
    value: dict[Role, str | None] = {
        role: flat(row.values.get(name)) for role, name in found.items()
    }
    text = value.get("text")
    if not text or not text.strip():
        # The field may be there but empty (resolving skips empty values): say so, as a
        # --fields hint would send the reader looking for a field the row already has.
        named = found.get("text") or fields.resolve(dict.fromkeys(row.values, "-")).get("text")
        if named:
            return f"no article text (its field {named!r} is empty)"
        return "no article text (no text field; name it with --fields text=FIELD)"
    html = looks_like_html(text)
    if not html and not clean_text(text).strip():
        return "no article text left once cleaned"
    # Empty fields left out: a CSV that gains an empty column keeps every row's hash and key.
    filled = {k: v for k, v in row.values.items() if v not in (None, "", [], {})}
    canonical = json.dumps(filled, sort_keys=True, ensure_ascii=False, default=str)
    content_hash = row_hash(canonical.encode("utf-8", "surrogatepass"))
    key = id_key(value.get("id")) or id_key(value.get("url")) or content_hash[:12]
    article_id = ids.next(key)
    if not build:
        return RowKey(article_id, content_hash)
    if html:
        from .html import html_to_text

        text = html_to_text(text)
    article = build_record(
        Fields(
            text=text,
            title=value.get("title"),
            date=value.get("date"),
            author=value.get("author"),
            source=value.get("source"),
            url=value.get("url"),
        ),
        article_id=article_id,
        path=path,
        content_hash=content_hash,
    )
    if not article.text.strip():
        return "no article text left once cleaned"
    return article
