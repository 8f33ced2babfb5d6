"""Per-document values spaCy rebuilds on every access (the text, the tokens), made once."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: The last document asked about, with its text and tokens. `Doc.text` joins every token
#: again and `for token in doc` makes a new `Token` object per position on each call; the
#: rules ask for both many times per article, one article after another. Holding the document
#: itself (compared by identity) keeps a recycled `id()` from ever matching another one.
_last: tuple[Doc, str, list[Token]] | None = None

#: The last document whose tokens were looked up by their lower case: its lower-case ids, and
#: the positions found per set of words (see `lower_positions`).
_found: tuple[Doc, list[int], dict[frozenset[str], list[int]]] | None = None


def _entry(doc: Doc) -> tuple[Doc, str, list[Token]]:
    global _last
    entry = _last  # one read: another thread may replace it meanwhile
    if entry is None or entry[0] is not doc or len(entry[2]) != len(doc):
        tokens = list(doc)
        entry = (doc, "".join(t.text_with_ws for t in tokens), tokens)  # as `Doc.text` joins
        _last = entry
    return entry


def remember_text(doc: Doc, text: str) -> None:
    """Tell the cache the text `doc` was made from, so `doc_text` need not join its tokens.

    spaCy's tokenizer keeps every character, so a document's text is the string it was made
    from; one that does not end where the text ends is left to `doc_text` to build."""
    global _last
    entry = _last
    if entry is not None and entry[0] is doc and len(entry[2]) == len(doc):
        return
    last = doc[-1] if len(doc) else None
    if (len(text) if last is None else last.idx + len(last.text_with_ws)) != len(text):
        return
    _last = (doc, text, list(doc))


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per document."""
    return _entry(doc)[1]


def doc_tokens(doc: Doc) -> list[Token]:
    """The document's tokens, built once per document (the rules scan them many times).
    Parse repairs write through these objects as through any other view of the document."""
    return _entry(doc)[2]


@lru_cache(maxsize=64)
def _lower_ids(words: frozenset[str]) -> frozenset[int]:
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in words)


def lower_positions(doc: Doc, words: frozenset[str]) -> list[int]:
    """Indices, in order, of the tokens whose lower case (`Token.lower_`) is one of `words`.

    A rule that acts only on a few words ("according", the forms of the speech verbs) visits
    those tokens instead of asking every token for its text: the document's lower-case ids
    are read once (`Doc.to_array`), and each set of words is one pass of integer lookups."""
    global _found
    found = _found
    if found is None or found[0] is not doc or len(found[1]) != len(doc):
        lowers: list[int] = doc.to_array("LOWER").tolist()
        found = (doc, lowers, {})
        _found = found
    positions = found[2].get(words)
    if positions is None:
        wanted = _lower_ids(words)
        positions = found[2][words] = [i for i, h in enumerate(found[1]) if h in wanted]
    return positions


def tokens_with_lower(
    doc: Doc, words: frozenset[str], start: int = 0, end: int | None = None
) -> list[Token]:
    """The tokens from `start` to `end` whose lower case is one of `words`, in order."""
    positions = lower_positions(doc, words)
    tokens = doc_tokens(doc)
    lo = bisect_left(positions, start) if start else 0
    hi = len(positions) if end is None else bisect_left(positions, end)
    return [tokens[i] for i in positions[lo:hi]]
