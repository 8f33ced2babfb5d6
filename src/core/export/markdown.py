"""Untrusted text into Markdown that renders as exactly that text: no structure, links or HTML.

Targets CommonMark (and GFM's tables, strikethrough and autolinks): every character that can
start markup is backslash-escaped, so an article saying `<script>` or `[x](javascript:alert(1))`
shows those characters and nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit

#: Characters escaped wherever they appear: emphasis, code, links, images, HTML, entities,
#: headings (and ATX closing sequences), tables, strikethrough, the escape character itself.
_ALWAYS = frozenset("\\`*_[]<>&#|~")
#: Block markers that only count at the start of a line: lists, quotes, setext underlines.
_LINE_START = re.compile(r"^(?:([-+=>])|(\d{1,9})([.)]))")
_SPACES = re.compile(r"[ \t]+")
#: Line breaks in the Markdown sense (CommonMark knows only LF and CR; we fold the rest too).
_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")


def _visible(text: str) -> str:
    """Drop control characters (never visible text; NUL and CR would change the parse)."""
    return "".join(
        ch for ch in text if ch in "\t\n" or unicodedata.category(ch) not in ("Cc", "Cs")
    )


def escape_inline(text: str) -> str:
    """One line of inline Markdown that renders as `text` (line breaks folded into spaces).

    Leading and trailing whitespace is dropped, as any Markdown renderer would drop it.
    """
    line = _BREAKS.sub(" ", _visible(text).replace("\n", " ")).strip()
    out = "".join("\\" + ch if ch in _ALWAYS else ch for ch in line)
    return _LINE_START.sub(_escape_marker, out, count=1)


def _escape_marker(match: re.Match[str]) -> str:
    """`- x` -> `\\- x`; `1. x` -> `1\\. x` (digits cannot be escaped, their delimiter can)."""
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def escape_lines(text: str) -> list[str]:
    """Markdown lines for a multi-paragraph passage; an empty string separates paragraphs.

    Each line is escaped as a line start (so `- x`, `1. x`, `> x` and `---` stay text).
    """
    paragraphs: list[list[str]] = [[]]
    for raw in _BREAKS.split(_visible(text)):
        line = raw.strip()
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(escape_inline(_SPACES.sub(" ", line)))
    lines: list[str] = []
    for para in paragraphs:
        if not para:
            continue
        if lines:
            lines.append("")
        lines.extend(para)
    return lines


def blockquote(text: str) -> list[str]:
    """`text` as the lines of a Markdown blockquote (`> ...`, `>` between paragraphs)."""
    return [f"> {line}" if line else ">" for line in escape_lines(text)]


def safe_url(url: str | None) -> str | None:
    """A link destination we are willing to make: http(s) only, in `<...>` with nothing that can
    end it early; None for anything else (`javascript:`, `file:`, relative paths, garbage)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Percent-encode everything but the URL's own punctuation; `<`, `>`, spaces, quotes,
    # backslashes and controls can then never close or bend the destination.
    encoded = quote(url, safe="/:?#[]@!$&'()*+,;=%~.-_")
    encoded = encoded.replace("(", "%28").replace(")", "%29").replace("'", "%27")
    return f"<{encoded}>"


def link(label: str, url: str | None) -> str:
    """`[label](url)` with the label escaped; the bare escaped label when the URL is refused."""
    target = safe_url(url)
    text = escape_inline(label)
    return f"[{text}]({target})" if target else text


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax, valid YAML 1.2) on one line."""
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif (
            code < 0x20
            or 0x7F <= code <= 0x9F
            or code in (0x2028, 0x2029)
            or 0xD800 <= code <= 0xDFFF
            or code in (0xFEFF, 0xFFFE, 0xFFFF)
        ):
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)
