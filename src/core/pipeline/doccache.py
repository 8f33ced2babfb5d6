"""Per-document values spaCy rebuilds on every access (the text, the tokens), made once."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: The last document asked about, with its text and tokens. `Doc.text` joins every token
#: again and `for token in doc` makes a new `Token` object per position on each call; the
#: rules ask for both many times per article, one article after another. Holding the document
#: itself (compared by identity) keeps a recycled `id()` from ever matching another one.
_last: tuple[Doc, str, list[Token]] | None = None


def _entry(doc: Doc) -> tuple[Doc, str, list[Token]]:
    global _last
    entry = _last  # one read: another thread may replace it meanwhile
    if entry is None or entry[0] is not doc or len(entry[2]) != len(doc):
        tokens = list(doc)
        entry = (doc, "".join(t.text_with_ws for t in tokens), tokens)  # as `Doc.text` joins
        _last = entry
    return entry


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per document."""
    return _entry(doc)[1]


def doc_tokens(doc: Doc) -> list[Token]:
    """The document's tokens, built once per document (the rules scan them many times).
    Parse repairs write through these objects as through any other view of the document."""
    return _entry(doc)[2]
