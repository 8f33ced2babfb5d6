"""A hostile corpus, generated on demand (never committed as binary blobs).

Each entry names what it attacks; tests write them into tmp_path and index the folder.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Text that tries to act: markup, escapes, bidi, zero-width, Markdown and HTML.
HOSTILE_LINES: dict[str, str] = {
    "rich_markup": "[bold red]Alarm[/bold red] and [@click=app.quit]click me[/] and [link=file:///etc/passwd]x[/link]",
    "textual_vars": "Costs $variable and $accent and ${secret} today.",
    "ansi_colour": "Plain \x1b[31mred\x1b[0m text.",
    "cursor_moves": "Before \x1b[2J\x1b[H\x1b[10;10Hafter.",
    "osc52": "Copy \x1b]52;c;ZWNobyBwd25lZA==\x07done.",
    "osc8": "A \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ here.",
    "title": "\x1b]0;pwned title\x07Title change.",
    "bell": "Ring\x07 the bell.",
    "bidi": "Invoice \u202etxt.exe\u202c and \u2066isolate\u2069 end.",
    "zero_width": "Zero\u200bwidth\u200cjoin\u200d\ufeffhere.",
    "markdown": "# Not a heading\n\n> not a quote\n\n[click](javascript:alert(1)) and "
    "![img](http://x/y.png) *bold* `code`",
    "html": "<script>alert('x')</script> <img src=x onerror=alert(1)> &amp; <b>bold</b>",
}

VISIBLE_MARKERS: dict[str, str] = {
    "rich_markup": "[@click=app.quit]click me[/]",
    "textual_vars": "$variable",
    "ansi_colour": "Plain red text.",
    "cursor_moves": "Before after.",
    "osc52": "Copy done.",
    "osc8": "A link here.",
    "title": "Title change.",
    "bell": "Ring the bell.",
    "bidi": "Invoice txt.exe and isolate end.",
    "zero_width": "Zerowidthjoinhere.",
    "markdown": "[click](javascript:alert(1))",
    "html": "<script>alert('x')</script>",
}


def hostile_article(body: str, title: str = "Hostile article") -> str:
    return (
        f"{title}\n\nMarch 3, 2021\n\nOfficials said the text below arrived by mail.\n\n{body}\n\n"
        '"This is fine," Maria Lopez said.\n'
    )


def write_hostile_text_corpus(folder: Path) -> dict[str, Path]:
    """One article per hostile line; returns name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, line in HOSTILE_LINES.items():
        path = folder / f"{name}.txt"
        path.write_text(hostile_article(line, title=f"Hostile {name}"), encoding="utf-8")
        paths[name] = path
    return paths


def write_broken_files(folder: Path) -> dict[str, Path]:
    """Files that are broken in every way a folder of scraped text can be."""
    folder.mkdir(parents=True, exist_ok=True)
    body = 'Mayor Ana Silva said the bridge would reopen. "We are ready," Silva said.'
    files: dict[str, bytes] = {
        "latin1.txt": f"Caf\u00e9 story\n\n{body} Caf\u00e9 owners agreed.".encode("latin-1"),
        "cp1252.txt": f"Quotes story\n\n{body} \u201cSmart\u201d quotes \u2014 dashes.".encode(
            "cp1252"
        ),
        "utf16.txt": f"UTF-16 story\n\n{body}".encode("utf-16"),
        "utf8bom.txt": f"\ufeffBOM story\n\n{body}".encode(),
        "crlf.txt": f"CRLF story\r\n\r\n{body}\r\n\r\nSecond paragraph here.\r\n".encode(),
        "lonecr.txt": f"CR story\r\r{body}\r\rSecond paragraph here.\r".encode(),
        "empty.txt": b"",
        "blank.txt": b"   \n\n\t \n",
        "binary.txt": bytes(range(256)) * 64,
        "notes.pdf": b"%PDF-1.4 not an article",
    }
    paths = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = path
    broken = folder / "broken-link.txt"
    os.symlink(folder / "does-not-exist.txt", broken)
    paths["broken-link.txt"] = broken
    loop = folder / "loop"
    loop.mkdir()
    os.symlink(loop, loop / "again")
    return paths


def write_big_files(folder: Path, *, line_mb: int = 5, file_mb: int = 50) -> dict[str, Path]:
    """A single huge line and a very large file (slow: for the size-limit tests)."""
    folder.mkdir(parents=True, exist_ok=True)
    one_line = folder / "one-line.txt"
    sentence = "The council said the plan would work. "
    one_line.write_text(
        "One line\n\n" + sentence * (line_mb * 1_000_000 // len(sentence)), encoding="utf-8"
    )
    big = folder / "big.txt"
    with big.open("w", encoding="utf-8") as out:
        out.write("Big file\n\n")
        paragraph = "The minister said the economy grew. " * 20 + "\n\n"
        for _ in range(file_mb * 1_000_000 // len(paragraph)):
            out.write(paragraph)
    return {"one-line.txt": one_line, "big.txt": big}
