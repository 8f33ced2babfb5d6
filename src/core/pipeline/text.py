"""From files on disk to `Article`s: decoding, cleaning untrusted text, metadata, paragraphs."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from ..errors import ArticleReadError
from ..models import Article, SkippedFile
from .scan import article_id_for, scan

# Terminal escape sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
# (ESC P/X/^/_ ... ST), two-byte escapes; and their 8-bit C1 forms.
_ESCAPES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI
  | \x9b[0-?]*[ -/]*[@-~]              # 8-bit CSI
  | (?:\x1b\]|\x9d)[^\n]*?(?:\x07|\x1b\\|\x9c|(?=\n)|$)      # OSC ... BEL / ST / end of line
  | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\n]*?(?:\x1b\\|\x9c|(?=\n)|$)  # DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]?                   # other escapes (ESC c, ESC ( B, a lone ESC)
    """,
    re.VERBOSE,
)
# C0 and C1 controls except tab and newline; DEL; bidi embeddings, overrides and isolates;
# zero-width and invisible formatting characters. None of them is visible text.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)


def clean_text(raw: str) -> str:
    """Untrusted text to plain text: newlines normalised, escapes and invisible controls dropped.

    Runs before any offset exists, so every offset in newsdesk points into cleaned text.
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\t", " ").replace("\u00a0", " ")
    return unicodedata.normalize("NFC", text)


def decode_bytes(data: bytes, path: str = "") -> str:
    """Decode as well as can be: BOMs, UTF-8, then Windows-1252, then Latin-1; refuse binaries."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if _looks_binary(data):
        raise ArticleReadError(f"{path or 'file'}: binary data, not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.1


# ---------------------------------------------------------------------------------------------
# Metadata

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_LINES = (
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$", re.I),
    re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})$", re.I),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.+Z-]*)?$"),
)
_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>\d{1,2})[/-](?P<day>\d{1,2})(?:/|-|$)")
_URL = re.compile(r"https?://[^\s<>()\[\]\"']+", re.I)
_CREDIT = re.compile(r"^(?:full\s+(?:article|story)|source|originally\s+published)\s*:.*\((?P<source>[^()]+)\)\s*$", re.I)
_DATED_CREDIT = re.compile(r"^(?:source|publisher|published by)\s*:\s*(?P<source>[^()<>]{2,60})$", re.I)
_TRAILER_START = re.compile(
    r"^(?:read more|related(?: news| articles| stories)?|see also|sources?|external links|"
    r"original url|share this(?: article)?|comments are closed|full (?:article|story)|"
    r"this article (?:was )?originally (?:appeared|published)|copyright|©)\b",
    re.I,
)
_LINK_ONLY = re.compile(r"^(?:[-*•]\s*)?(?:\[[^\]]*\]\([^)]*\)|<https?://[^>]*>|https?://\S+)[\s.]*$", re.I)
_MD_HEADING = re.compile(r"^#{1,6}\s+")
#: A paragraph of prose: several words ending a sentence (a linked headline has no full stop).
_PROSE_END = re.compile(r"\S+(?:\s+\S+){5,}[.!?][\"”’)]?$")

#: Hosts of well-known publications whose names can't be read off the domain.
_KNOWN_HOSTS = {
    "themoscowtimes.com": "The Moscow Times", "voanews.com": "Voice of America",
    "en.wikinews.org": "Wikinews", "wikinews.org": "Wikinews", "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post", "theguardian.com": "The Guardian",
    "bbc.co.uk": "BBC", "bbc.com": "BBC", "reuters.com": "Reuters", "apnews.com": "AP News",
    "rferl.org": "Radio Free Europe/Radio Liberty", "aljazeera.com": "Al Jazeera",
    "wsj.com": "The Wall Street Journal", "ft.com": "Financial Times", "cnn.com": "CNN",
    "bloomberg.com": "Bloomberg", "economist.com": "The Economist", "scmp.com": "South China Morning Post",
    "globaltimes.cn": "Global Times", "tass.com": "TASS", "rt.com": "RT", "dw.com": "Deutsche Welle",
    "france24.com": "France 24", "npr.org": "NPR", "politico.com": "Politico",
    "theatlantic.com": "The Atlantic", "independent.co.uk": "The Independent",
    "telegraph.co.uk": "The Telegraph", "latimes.com": "Los Angeles Times",
}


def parse_date_line(line: str) -> str | None:
    """`"Friday, January 4, 2019"` -> `"2019-01-04"`; None when the line is not just a date."""
    line = line.strip().rstrip(".")
    for pattern in _DATE_LINES:
        if m := pattern.match(line):
            return _iso(m.group("year"), m.group("month"), m.group("day"))
    return None


def date_from_url(url: str) -> str | None:
    if m := _URL_DATE.search(urlparse(url).path):
        return _iso(m.group("year"), m.group("month"), m.group("day"))
    return None


def _iso(year: str, month: str, day: str) -> str | None:
    month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
    if month_number is None:
        return None
    try:
        return date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return None


def source_from_url(url: str) -> str | None:
    """The publication named by a URL's host: known outlets by name, others by domain."""
    host = (urlparse(url).hostname or "").lower()
    if not host:
        return None
    for candidate in (host, host.removeprefix("www."), ".".join(host.split(".")[-2:])):
        if candidate in _KNOWN_HOSTS:
            return _KNOWN_HOSTS[candidate]
    parts = host.removeprefix("www.").split(".")
    if len(parts) >= 2 and len(parts[-1]) == 2 and parts[-2] in {"co", "com", "org", "net", "ac"}:
        label = parts[-3] if len(parts) >= 3 else parts[0]
    else:
        label = parts[-2] if len(parts) >= 2 else parts[0]
    return label.capitalize() if label else None


# ---------------------------------------------------------------------------------------------
# Articles


@dataclass(frozen=True, slots=True)
class _Parsed:
    title: str
    date: str | None
    source: str | None
    url: str | None
    paragraphs: list[str]


def _blocks(text: str) -> list[str]:
    """Paragraph blocks: split on blank lines; a block's lines joined by spaces."""
    blocks = []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines:
            blocks.append(" ".join(re.sub(r"\s+", " ", line) for line in lines))
    return blocks


def _parse(text: str, fallback_title: str) -> _Parsed:
    blocks = _blocks(text)
    title = ""
    if blocks and len(blocks[0]) <= 300 and not _LINK_ONLY.match(blocks[0]):
        title = _MD_HEADING.sub("", blocks.pop(0)).strip()
    found_date: str | None = None
    source: str | None = None
    urls: list[str] = []
    body: list[str] = []
    trailer = _trailer_start(blocks)
    for index, block in enumerate(blocks):
        if index < 4 and (iso := parse_date_line(block)):
            # a dateline in the header, also after a notice ("This article requires review")
            found_date = found_date or iso
            continue
        if m := _CREDIT.match(block):
            source = source or m.group("source").strip()
            urls.extend(_URL.findall(block))
            continue
        if m := _DATED_CREDIT.match(block):
            source = source or m.group("source").strip()
            continue
        if index >= trailer:
            urls.extend(_URL.findall(block))
            continue
        if _TRAILER_START.match(block) or _LINK_ONLY.match(block):
            # a "READ MORE: ..." teaser or a bare link mid-article: that line only, never the
            # body after it
            urls.extend(_URL.findall(block))
            continue
        body.append(_unglued_credit(_MD_HEADING.sub("", block)))
    url = _pick_url(urls)
    if found_date is None and url:
        found_date = date_from_url(url)
    if source is None and url:
        source = source_from_url(url)
    return _Parsed(title or fallback_title, found_date, source, url, body)


#: A photo credit glued to the caption before it ("Jo JorgensenImage: Jo Jorgensen for
#: President."), as pages copied without their layout have them.
_GLUED_CREDIT = re.compile(r"(?<=[a-z0-9.)\]])(?=(?:Image|Photo|Picture|Photograph|Credit): )")
#: Longest paragraph read as a caption whose credit may be glued on.
_CAPTION_CHARS = 300


def _unglued_credit(block: str) -> str:
    """A caption and its credit apart: "X for PresidentImage: Y" -> "... President Image: Y", so
    the caption's last name does not run into the credit word."""
    return _GLUED_CREDIT.sub(" ", block, count=1) if len(block) <= _CAPTION_CHARS else block


def _trailer_start(blocks: list[str]) -> int:
    """Index of the first block of the article's trailer ("Read more", "Original url:", links),
    or len(blocks). A trailer runs to the end: every block after its opening line is short, a
    link or another trailer line (a headline); an opening line followed by prose is mid-article."""
    start = len(blocks)
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if _TRAILER_START.match(block) or _LINK_ONLY.match(block) or _CREDIT.match(block):
            start = index
        elif not _URL.search(block) and (len(block) >= 200 or _PROSE_END.search(block)):
            break
    return start


def _pick_url(urls: list[str]) -> str | None:
    """The article's own URL: the last one in the trailer ("Original url:" comes last)."""
    cleaned = [u.rstrip(".,;>)") for u in urls]
    return cleaned[-1] if cleaned else None


def build_article(raw: str, *, article_id: str, path: str, content_hash: str) -> Article:
    """An `Article` from decoded file text."""
    fallback = Path(path).stem.replace("_", " ").replace("-", " ").strip() or article_id
    parsed = _parse(clean_text(raw), fallback)
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in parsed.paragraphs:
        if pieces:
            offset += 2
        spans.append((offset, offset + len(paragraph)))
        pieces.append(paragraph)
        offset += len(paragraph)
    return Article(
        id=article_id,
        path=path,
        title=parsed.title,
        date=parsed.date,
        source=parsed.source,
        url=parsed.url,
        text="\n\n".join(pieces),
        paragraphs=tuple(spans),
        content_hash=content_hash,
    )


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:20]


def read_article(path: Path, *, article_id: str | None = None, max_bytes: int | None = None) -> Article:
    """Read and parse one file; raises `ArticleReadError` with a message a user can act on."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise ArticleReadError(
                f"{path}: {size / 1e6:.1f} MB is over the size limit of {max_bytes / 1e6:.1f} MB "
                "(set NEWSDESK_MAX_FILE_BYTES to raise it)"
            )
        data = path.read_bytes()
    except ArticleReadError:
        raise
    except OSError as err:
        raise ArticleReadError(f"{path}: cannot read ({err.strerror or err})") from err
    text = decode_bytes(data, str(path))
    return build_article(
        text, article_id=article_id or article_id_for(path), path=str(path), content_hash=content_hash(data)
    )


def discover(paths: Iterable[Path]) -> tuple[list[tuple[str, Path]], list[SkippedFile]]:
    """Article files under `paths` (recursive), each with a unique stable id; and what was skipped.

    Raises `PathNotFound` for a path that does not exist; other trouble is a `SkippedFile`.
    The walk itself is `scan.scan`, which the store also uses (with the files' stamps).
    """
    found, skipped = scan(paths)
    return [(f.id, Path(f.path)) for f in found], skipped
