"""`.json` files holding an array of article objects, read item by item (never whole).

The decoder reads one item at a time from a sliding buffer, so a large file's memory stays
that of its largest item. A malformed item ends the file (JSON has no line to resync on):
the items before it load, and one line says where it stopped.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import BinaryIO

from .rows import BadRow, Row, sniff_encoding

_CHUNK = 1 << 20
#: A news API's response wraps its articles in an object (`{"status": "ok", "articles": [...]}`);
#: such a file is read whole, so only up to this size.
WRAPPER_LIMIT = 64_000_000
#: Keys under which news APIs put their list of articles.
WRAPPER_KEYS = (
    "articles",
    "data",
    "items",
    "results",
    "docs",
    "documents",
    "stories",
    "news",
    "posts",
    "hits",
    "value",
    "response",
)
_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"


def read_json_array(stream: BinaryIO, max_row_bytes: int) -> Iterator[Row | BadRow]:
    encoding = sniff_encoding(stream)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    buffer = ""
    pos = 0
    eof = False

    def fill() -> bool:
        nonlocal buffer, pos, eof
        if eof:
            return False
        chunk = stream.read(_CHUNK)
        eof = not chunk
        buffer = buffer[pos:] + decoder.decode(chunk, final=eof)
        pos = 0
        return True

    def skip_space() -> None:
        nonlocal pos
        while True:
            while pos < len(buffer) and buffer[pos] in _SPACE:
                pos += 1
            if pos < len(buffer) or not fill():
                return

    fill()
    skip_space()
    if pos < len(buffer) and buffer[pos] == "{":
        while fill() and len(buffer) - pos <= WRAPPER_LIMIT:
            pass
        yield from _wrapped(buffer[pos:], eof)
        return
    if pos >= len(buffer) or buffer[pos] != "[":
        yield BadRow(0, "not a JSON array of articles (newsdesk reads [{...}, {...}])")
        return
    pos += 1
    number = 0
    while True:
        skip_space()
        if pos >= len(buffer):
            yield BadRow(number + 1, "the array is not closed (the file is cut short?)")
            return
        if buffer[pos] == "]":
            return
        if number and buffer[pos] == ",":
            pos += 1
            skip_space()
        number += 1
        while True:
            try:
                value, end = _DECODER.raw_decode(buffer, pos)
                break
            except json.JSONDecodeError as err:
                if len(buffer) - pos > max_row_bytes:
                    yield BadRow(number, "over the size limit per article; rest of file skipped")
                    return
                if not fill():
                    yield BadRow(number, f"malformed JSON ({err.msg}); rest of file skipped")
                    return
            except RecursionError:
                yield BadRow(number, "nested too deeply; rest of file skipped")
                return
        size = end - pos
        pos = end
        if size > max_row_bytes:
            yield BadRow(number, f"over the size limit of {max_row_bytes / 1e6:.1f} MB per article")
        elif not isinstance(value, dict):
            yield BadRow(number, f"a JSON {type(value).__name__}, not an object")
        else:
            yield Row(number, value, size)


def _wrapped(text: str, whole: bool) -> Iterator[Row | BadRow]:
    """The articles of an API response object: the first list of objects under a known key."""
    if not whole:
        yield BadRow(
            0,
            f"a JSON object over {WRAPPER_LIMIT // 1_000_000} MB (newsdesk streams "
            "arrays and JSON Lines; an object is read whole)",
        )
        return
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        yield BadRow(0, "malformed JSON")
        return
    while isinstance(value, dict):
        found = next(
            (value[k] for k in WRAPPER_KEYS if isinstance(value.get(k), (list, dict))), None
        )
        if found is None:
            break
        value = found
    if not isinstance(value, list):
        yield BadRow(
            0,
            "a JSON object without a list of articles (newsdesk reads [{...}, {...}] "
            'or {"articles": [...]})',
        )
        return
    for number, item in enumerate(value, 1):
        if isinstance(item, dict):
            yield Row(number, item, len(json.dumps(item)))
        else:
            yield BadRow(number, f"a JSON {type(item).__name__}, not an object")
