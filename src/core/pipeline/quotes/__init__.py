"""Quotes, reported speech and stances from a parsed article, each attributed to a speaker.

`extract.find_quotes` is the stage's entry point; the modules beside it hold its rules by what
they read: `direct` (quotation marks and their cues), `reported` and `complements` (a cue verb and
what it reports, with `reported_clauses` and `stances`), `mixed`, `statements`, `requests`,
`parentheticals`, `misparsed`, `clauses` (what those share), `surface` (reported speech read
by its words where the parse fails), `unclaimed` (quoted text no cue claims), `unparsed` (no
parser) and `output` (drafts to records).
"""

from __future__ import annotations

from .extract import find_quotes

__all__ = ["find_quotes"]
