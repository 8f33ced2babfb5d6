"""'According to X': the source such a phrase names, and where the phrase ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import verb_base
from ..doccache import lower_positions

if TYPE_CHECKING:
    from spacy.tokens import Token


_ACCORDING = frozenset({"according"})


def according_phrase_end(subject: Token) -> Token | None:
    """The comma closing a sentence-opening "According to X," when the subject the parser
    gave the verb lies inside it (so the clause's own subject comes after the comma)."""
    doc = subject.doc
    if not lower_positions(doc, _ACCORDING):
        return None  # no "according" in the article (before `Token.sent`, which scans)
    start = subject.sent.start
    if start + 2 >= len(doc) or doc[start].lower_ != "according" or doc[start + 1].lower_ != "to":
        return None
    verb = subject.head
    comma = next((t for t in doc[start + 2 : verb.i] if t.text == ","), None)
    if comma is None or not subject.i < comma.i:
        return None
    return comma


def according_source_reported(verb: Token) -> Token | None:
    """ `According to X, "...", reported the Courier.`: the outlet only reports; the source the
    sentence opens with says the words. Only for "report", not a speech verb of its own
    ("According to the ministry, "...", said its spokesman": the spokesman speaks)."""
    doc = verb.doc
    if verb_base(verb.text) != "report" or not lower_positions(doc, _ACCORDING):
        return None
    start = verb.sent.start
    if start + 3 >= verb.i or doc[start].lower_ != "according" or doc[start + 1].lower_ != "to":
        return None
    source = next((c for c in doc[start + 1].children if c.dep_ == "pobj"), None)
    if source is None or source.pos_ != "PROPN":
        return None
    comma = next((t for t in doc[source.i : verb.i] if t.text == ","), None)
    return source if comma is not None and comma.i < verb.i else None


def according_source(token: Token) -> bool:
    """"According to Okoro, ...": the source a later "he" most likely means."""
    to = token.head
    return (
        token.dep_ == "pobj"
        and to.lower_ == "to"
        and to.i > 0
        and token.doc[to.i - 1].lower_ == "according"
    )
