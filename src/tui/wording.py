"""How counts read in the panes: "1 actor", "2 actors"."""

from __future__ import annotations


def counted(n: int, noun: str) -> str:
    """`n` and the noun, plural unless `n` is one (nouns here all take a plain "s")."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
