"""Quotes, reported speech and stances, each attributed to a speaker.

BASELINE: only `"..." X said`; the quotes helper replaces this with the full rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Article, Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_quotes(doc: Doc, article: Article, mentions: list[Mention]) -> list[Quote]:
    """Every quote in the article, in text order, with speakers resolved where possible."""
    return []
