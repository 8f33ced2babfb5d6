"""Helpers the core tests share to run invented text through the pipeline or build its inputs."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdesk.core.models import ArticleAnalysis, Quote
from newsdesk.core.pipeline.entities.candidates import Candidate

#: The `analyze_text` fixture from tests/conftest.py.
AnalyzeText = Callable[..., ArticleAnalysis]

#: The fixture reads its first block as the title; the text under test is the body.
TITLE = "Invented test article\n\n"


def speaker_of(analyze_text: AnalyzeText, text: str, containing: str) -> str | None:
    """The speaker of the one quote of `text` (a body) whose words hold `containing`."""
    quotes: list[Quote] = [q for q in analyze_text(TITLE + text).quotes if containing in q.text]
    assert len(quotes) == 1, quotes
    return quotes[0].speaker


def candidates_at(text: str, labelled: list[tuple[str, str]]) -> list[Candidate]:
    """Candidates for each (name, label) at its every occurrence in `text`, as the model might
    tag them (labels chosen here, so a rule is tested whatever the model guesses)."""
    out: list[Candidate] = []
    for name, label in labelled:
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(c.start <= match.start() < c.end for c in out):
                out.append(Candidate(match.start(), match.end(), name, label))
    return sorted(out, key=lambda c: c.start)
