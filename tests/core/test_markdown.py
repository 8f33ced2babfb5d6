"""Escaping untrusted text for Markdown: renders as exactly the text, never as structure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newsdesk.core.export.markdown import (
    blockquote,
    escape_inline,
    escape_lines,
    link,
    safe_url,
    yaml_string,
)

HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "# heading",
    "> quote",
    "- item",
    "+ item",
    "1. item",
    "2019) item",
    "---",
    "===",
    "***",
    "```python",
    "~~~",
    "    indented code",
    "[@click=app.quit]",
    "[link=file:///etc/passwd]x[/link]",
    "<http://evil.example>",
    "&lt;b&gt; &amp; &#x41;",
    "*emph* _emph_ **strong** __strong__ `code` ~~strike~~",
    "| a | b |",
    "[ref]: http://evil.example",
    "trailing backslash \\",
    "C# and F# #hashtag ##",
    "<!-- comment -->",
    "<img src=x onerror=alert(1)>",
]


def commonmark() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def rendered_text(markdown: str) -> tuple[str, list[str]]:
    """The plain text a renderer shows, and the token types that are not plain text."""
    tokens = commonmark().parse(markdown)
    text: list[str] = []
    structure: list[str] = []

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for token in items:
            if token.type == "inline":
                walk(token.children or [])
            elif token.type == "text":
                text.append(token.content)
            elif token.type in ("softbreak", "hardbreak"):
                text.append("\n")
            elif token.type not in ("paragraph_open", "paragraph_close"):
                structure.append(token.type)

    walk(tokens)
    return "".join(text), structure


def _normal(text: str) -> str:
    import re

    visible = "".join(
        c for c in text if c in "\t\n" or not (0 <= ord(c) < 32 or 0x7F <= ord(c) <= 0x9F)
    )
    return re.sub(r"[\n\u2028\u2029]", " ", visible).strip()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markdown_escape_inline_hostile_is_plain_text(hostile: str) -> None:
    text, structure = rendered_text(escape_inline(hostile))
    assert structure == []
    assert text == hostile.strip()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markdown_blockquote_hostile_stays_inside_one_quote(hostile: str) -> None:
    lines = blockquote(f"Before.\n{hostile}\n\n{hostile}\nafter")
    tokens = commonmark().parse("\n".join(lines) + "\n")
    types = [t.type for t in tokens]
    assert types.count("blockquote_open") == 1
    assert set(types) <= {
        "blockquote_open",
        "blockquote_close",
        "paragraph_open",
        "paragraph_close",
        "inline",
    }
    for token in tokens:
        for child in token.children or []:
            assert child.type in ("text", "softbreak"), (hostile, child.type)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
@settings(max_examples=300, deadline=None)
def test_markdown_escape_inline_round_trips(text: str) -> None:
    rendered, structure = rendered_text(escape_inline(text))
    assert structure == []
    assert rendered == _normal(text).strip()


@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40),
        min_size=1,
        max_size=5,
    )
)
@settings(max_examples=200, deadline=None)
def test_markdown_escape_lines_round_trips_each_line(lines: list[str]) -> None:
    escaped = escape_lines("\n".join(lines))
    expected = [" ".join(line.split()) for line in lines if line.strip()]
    got = [rendered_text(line)[0] for line in escaped if line]
    assert [" ".join(g.split()) for g in got] == expected


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.com/a b", True),
        ("http://example.com/x)](javascript:alert(1))", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,<script>", False),
        ("//evil.example", False),
        ("", False),
        (None, False),
    ],
)
def test_markdown_safe_url_only_http(url: str | None, ok: bool) -> None:
    target = safe_url(url)
    assert (target is not None) == ok
    if target:
        tokens = commonmark().parseInline(link("label", url))[0].children or []
        hrefs = [t.attrGet("href") for t in tokens if t.type == "link_open"]
        assert len(hrefs) == 1 and str(hrefs[0]).startswith(("http://", "https://"))
        assert "javascript" not in str(hrefs[0]) or "%28" in str(hrefs[0])
        assert [t.content for t in tokens if t.type == "text"] == ["label"]


def test_markdown_yaml_string_is_one_json_line() -> None:
    import json

    value = 'a "quoted" \\ line\nnext\u2028 \x1b end'
    out = yaml_string(value)
    assert "\n" not in out
    assert json.loads(out) == value
