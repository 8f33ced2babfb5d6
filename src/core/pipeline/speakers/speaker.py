"""The Speaker record: who said it, where it is written, and how it was found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SpeakerBasis = Literal["name", "role", "pronoun", "phrase"]
"""How a speaker was found: a name at the cue, a role noun ("the minister") or a pronoun
resolved to a name, or a phrase ("officials", an unresolved "she") kept as written."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: the text to show, where it is written, its cluster key if named."""

    text: str
    start: int
    end: int
    key: str | None
    via: str | None = None
    basis: SpeakerBasis = "name"
