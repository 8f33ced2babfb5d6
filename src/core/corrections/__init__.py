"""The reader's corrections of actors and quotes: records, their SQLite store, and the corrected
library every view reads.

May import `newsdesk.core.marks` (anchoring), `.store` and below; not search or export; never
Textual or Rich.
"""

from __future__ import annotations

from .desk import CorrectionDesk, open_desk
from .library import CorrectedLibrary, correction_of, open_corrected, with_corrections
from .records import (
    ACTOR_VERBS,
    QUOTE_VERBS,
    Anchor,
    Correction,
    CorrectionVerb,
    describe,
)
from .store import CORRECTIONS_FILE, CorrectionStore

__all__ = [
    "ACTOR_VERBS",
    "CORRECTIONS_FILE",
    "QUOTE_VERBS",
    "Anchor",
    "CorrectedLibrary",
    "Correction",
    "correction_of",
    "CorrectionDesk",
    "CorrectionStore",
    "CorrectionVerb",
    "describe",
    "open_corrected",
    "open_desk",
    "with_corrections",
]
