"""From extracted fields (a page's or a dump row's) to an `Article`, cleaned like a `.txt` file.

The body goes through `text.build_article`, so dumps and pages get the same cleaning of
escapes and controls, the same trailer rules and paragraph offsets as `.txt` files; then the
metadata the source states (title, date, author, source, URL) wins over what was guessed from
the text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime, timezone

from ...models import Article
from ..text import build_article, clean_text, parse_date_line, source_from_url

#: Stands in for the title line `build_article` expects first; the real title replaces it.
_TITLE_SLOT = "newsdesk title"
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T?\d{6})")
_NOT_ID = re.compile(r"[^\w.-]+", re.UNICODE)
_HTML_TAG = re.compile(
    r"<(?:p|div|br|html|body|article|section|span|a|h[1-6]|ul|ol|li|table|em|strong|b|i|figure|"
    r"blockquote|main|header|footer|nav)(?:\s[^<>]*)?/?>",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Fields:
    """What a reader found for one article, before cleaning (any value may be hostile)."""

    text: str
    title: str | None = None
    date: str | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None


def one_line(value: str | None, limit: int = 300) -> str | None:
    """A metadata value as one clean line (controls, escapes, bidi dropped; spaces collapsed)."""
    if value is None:
        return None
    line = " ".join(clean_text(value).split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line or None


def metadata_date(value: str | None) -> str | None:
    """ISO `YYYY-MM-DD` from the date formats dumps use: ISO, RFC 2822, "January 4, 2019",
    `20190104`, Unix seconds or milliseconds; None when it is none of them."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    for pattern in (_ISO_DATE, _COMPACT_DATE):
        if m := pattern.match(value):
            return _checked(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", value):
        seconds = float(value) / (1000 if len(value.split(".")[0]) > 11 else 1)
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if iso := parse_date_line(value):
        return iso
    from email.utils import parsedate_to_datetime  # imports socket: not on every warm open

    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


def looks_like_html(text: str) -> bool:
    """A text field holding markup (a scraper's `html` or `body` column) rather than plain text."""
    return _HTML_TAG.search(text[:20_000]) is not None


def line_paragraphs(text: str) -> str:
    """One paragraph per line, as extractors and most dumps write them, made into the blank-line
    paragraphs of a `.txt` file; text that already has blank lines, or is hard-wrapped (most
    lines 50-80 characters), is left as it is."""
    if "\n\n" in text or "\n" not in text:
        return text
    lines = [line for line in text.split("\n") if line.strip()]
    wrapped = sum(1 for line in lines[:-1] if 50 <= len(line) <= 80)
    if len(lines) > 2 and wrapped > 0.6 * (len(lines) - 1):
        return text
    return "\n\n".join(lines)


def build_record(fields: Fields, *, article_id: str, path: str, content_hash: str) -> Article:
    """An `Article` from extracted fields: the text cleaned and split into paragraphs as for a
    `.txt` file, then the stated metadata put over what the text suggested."""
    body = line_paragraphs(clean_text(fields.text))
    title = one_line(fields.title)
    if title:  # pages repeat their headline as the body's first line
        first, _sep, rest = body.lstrip().partition("\n")
        if " ".join(first.split()) == title:
            body = rest
    article = build_article(
        f"{_TITLE_SLOT}\n\n{body}", article_id=article_id, path=path, content_hash=content_hash
    )
    url = one_line(fields.url, 2000)
    if url and not re.match(r"https?://", url, re.I):
        url = None
    source = one_line(fields.source, 120) or (source_from_url(url) if url else article.source)
    return replace(
        article,
        title=title or _title_from(article.text) or article_id,
        date=metadata_date(one_line(fields.date)) or article.date,
        author=one_line(fields.author, 200),
        source=source,
        url=url or article.url,
    )


def _title_from(text: str) -> str | None:
    """No stated title: the first sentence-ish of the body, as a list row needs something."""
    first = text.split("\n", 1)[0]
    if not first:
        return None
    cut = re.search(r"[.!?](?:\s|$)", first[:160])
    return (first[: cut.end()] if cut else first[:120]).strip() or None


def row_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:20]


def id_key(value: str | None) -> str | None:
    """A row's id or URL as the part of its article id after `#` (a slug, at most 80 chars)."""
    if not value:
        return None
    value = re.sub(r"^[a-z]+://(?:www\.)?", "", value.strip(), flags=re.I)
    slug = _NOT_ID.sub("-", unicodedata.normalize("NFKC", value)).strip("-.")
    if len(slug) > 80:
        digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        slug = f"{slug[:69].rstrip('-.')}-{digest}"
    return slug or None


class RowIds:
    """`<file id>#<key>` for each row of one dump, a repeated key getting `-2`, `-3`, ..."""

    def __init__(self, file_id: str) -> None:
        self.file_id = file_id
        self.seen: dict[str, int] = {}

    def next(self, key: str) -> str:
        count = self.seen.get(key, 0) + 1
        self.seen[key] = count
        return f"{self.file_id}#{key}" if count == 1 else f"{self.file_id}#{key}-{count}"
