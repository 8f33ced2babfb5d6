"""Datelines: the capitalised place and dash a wire story opens with, which name no speaker."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: Dashes that close a newspaper's dateline ("TORONTO —", "WASHINGTON (AP) --").
DATELINE_DASHES = frozenset({"—", "–", "--", "-"})


def dateline_dash(doc: Doc, start: int) -> int | None:
    """The dash closing a dateline that starts at `start`: words in capitals at a paragraph's
    start (a city, a province, a wire service in brackets) and a dash; else None."""
    if start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        return None
    caps = 0
    for token in doc[start : start + 8]:
        if token.text in DATELINE_DASHES and token.whitespace_:
            return token.i if caps and not _closes_aside(doc, token.i) else None
        if token.text in {",", "(", ")", "."} or token.is_space:
            continue
        if not (token.text.isupper() and any(ch.isalpha() for ch in token.text)):
            return None
        caps += 1
    return None


def _closes_aside(doc: Doc, dash: int) -> bool:
    """A second dash before the first verb: `ACME — the agency — said`, an aside on the
    capitalised name, not a dateline."""
    for token in doc[dash + 1 : dash + 16]:
        if token.text in DATELINE_DASHES:
            return True
        if token.pos_ in {"VERB", "AUX"}:
            return False
    return False


def in_dateline(token: Token) -> bool:
    """The token is a word of a dateline ("TORONTO" in "TORONTO — The agency says ...")."""
    doc = token.doc
    start = token.i
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
        if token.i - start > 8:
            return False
    dash = dateline_dash(doc, start)
    return dash is not None and token.i < dash
