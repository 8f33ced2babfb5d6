"""Who said it: the subject of a cue, resolved to a named mention when the text allows."""

from __future__ import annotations

from .datelines import in_dateline
from .resolver import SpeakerResolver
from .speaker import Speaker
from .words import BODY_NOUNS, PEOPLE_ENDINGS, PEOPLE_PLURALS

__all__ = [
    "BODY_NOUNS",
    "PEOPLE_ENDINGS",
    "PEOPLE_PLURALS",
    "Speaker",
    "SpeakerResolver",
    "in_dateline",
]
