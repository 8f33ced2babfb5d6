"""How far a reader can trust a quote's speaker: one score from 0 to 1 per quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import QuoteKind

if TYPE_CHECKING:
    from .speakers import Speaker

#: By how the speaker was found: a name at the cue is nearly always right, a role noun ("the
#: minister") or a pronoun resolved to the person that fits usually, a phrase kept as written
#: ("officials") names no one.
BASIS_SCORE = {"name": 0.95, "role": 0.8, "pronoun": 0.75, "phrase": 0.6}
#: No speaker at all: the words are real, whose they are is unknown.
NO_SPEAKER = 0.2
#: A quote that carries on the previous one's speaker with no cue of its own.
CONTINUATION = 0.75
#: Reported speech and stances are paraphrases: their span is less certain than quoted words.
KIND_FACTOR: dict[QuoteKind, float] = {
    "direct": 1.0,
    "mixed": 1.0,
    "indirect": 0.95,
    "stance": 0.9,
}
#: Words relayed through a document or another outlet.
VIA_FACTOR = 0.95
#: Below this the explorer dims the speaker.
LOW_CONFIDENCE = 0.5


def quote_confidence(
    kind: QuoteKind, speaker: Speaker | None, *, continued: bool, via: bool
) -> float:
    """The quote's confidence: speaker basis x continuation x kind x relay, two decimals."""
    score = NO_SPEAKER if speaker is None else BASIS_SCORE[speaker.basis]
    if continued:
        score *= CONTINUATION
    score *= KIND_FACTOR[kind]
    if via:
        score *= VIA_FACTOR
    return round(score, 2)
