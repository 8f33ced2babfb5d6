"""Readers: one module per file format, each turning files into `Article` records.

`text` files and saved `html` pages hold one article each; `jsonl`, `delimited` (CSV, TSV) and
`json_array` dumps hold one per row (`dumps`); `formats` tells them apart and reads `.gz`
transparently. Imports only `newsdesk.core` records and text cleaning, never the store.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...errors import ArticleReadError
from ...models import Article, SkippedFile
from ..formats import FORMATS, format_of, is_dump, split_name
from .dumps import DumpEnd, read_dump
from .fields import FieldMap, FieldsError

__all__ = [
    "FORMATS",
    "DumpEnd",
    "FieldMap",
    "FieldsError",
    "format_of",
    "is_dump",
    "read_articles_in",
    "read_dump",
    "read_single",
    "split_name",
]


def read_single(path: str, *, article_id: str, max_bytes: int | None) -> Article:
    """A one-article file (text or HTML, gzipped or not); raises `ArticleReadError`."""
    from pathlib import Path

    from ..formats import read_all
    from ..text import build_article, content_hash, decode_bytes, read_article

    kind = format_of(path)
    gzipped = path.lower().endswith(".gz")
    if kind == "text" and not gzipped:
        return read_article(Path(path), article_id=article_id, max_bytes=max_bytes)
    try:
        data = read_all(path, max_bytes)
    except ValueError:
        limit = (max_bytes or 0) / 1e6
        raise ArticleReadError(
            f"{path}: over the size limit of {limit:.1f} MB"
            f"{' once decompressed' if gzipped else ''} (set NEWSDESK_MAX_FILE_BYTES to raise it)"
        ) from None
    except (OSError, EOFError) as err:
        reason = getattr(err, "strerror", None) or err or "cut short"
        raise ArticleReadError(f"{path}: cannot read ({reason})") from err
    if kind == "html":
        from .html import read_html

        return read_html(path, data, article_id=article_id)
    text = decode_bytes(data, path)
    return build_article(text, article_id=article_id, path=path, content_hash=content_hash(data))


def read_articles_in(
    path: str, *, file_id: str, fields: FieldMap, max_bytes: int | None
) -> Iterator[Article | SkippedFile]:
    """Every article in one file: one for a page or text, one per row for a dump; what cannot
    be read is a `SkippedFile` (naming the row for a dump)."""
    if is_dump(path):
        for item in read_dump(path, file_id, fields, max_bytes or 2**62):
            if isinstance(item, (Article, SkippedFile)):
                yield item
        return
    try:
        article = read_single(path, article_id=file_id, max_bytes=max_bytes)
    except ArticleReadError as err:
        yield SkippedFile(path, str(err).removeprefix(f"{path}: "))
        return
    if not article.text.strip():
        yield SkippedFile(path, "empty article (no body text)")
        return
    yield article
