"""Entity rules for the rule-based pipeline (no trained model installed).

BASELINE: the entities helper extends these.
"""

from __future__ import annotations

from typing import Any

_TITLES = ["President", "Minister", "Mr.", "Mrs.", "Ms.", "Dr.", "Senator", "Governor", "Prime"]


def entity_patterns() -> list[dict[str, Any]]:
    """Patterns for spaCy's EntityRuler: titled names become PERSON."""
    return [
        {"label": "PERSON", "pattern": [{"TEXT": title}, {"IS_TITLE": True, "OP": "+"}]}
        for title in _TITLES
    ]
