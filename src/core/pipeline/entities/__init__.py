"""Named-entity mentions from a parsed article: cleaned, filtered for junk, clustered within it.

Each mention's `key` is the canonical name of its in-article cluster ("Lin" -> "Lin Zhaoming",
"SCA" -> "Southern Cooperation Alliance"), which `actors.merge_actors` merges across articles.
"""

from __future__ import annotations

from .clusters import canonical_name
from .extract import extract_mentions
from .labels import KIN_NOUNS, PERSON_NOUNS

__all__ = ["KIN_NOUNS", "PERSON_NOUNS", "canonical_name", "extract_mentions"]
