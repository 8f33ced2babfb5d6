"""How counts, nouns and cut text read in the panes: "1 actor", "2 actors", "an organization",
"a long quote…"."""

from __future__ import annotations


def counted(n: int, noun: str) -> str:
    """`n` and the noun, plural unless `n` is one (nouns here all take a plain "s")."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def with_article(noun: str) -> str:
    """The noun with "a" or "an" ("an organization", "a person"): by its first letter, which
    is right for the words these labels use (types and kinds)."""
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"


def one_line(text: str, width: int) -> str:
    """`text` on one line (whitespace folded) in at most `width` characters, a cut one ending
    with "…" (quotes, titles and notes can span paragraphs)."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
