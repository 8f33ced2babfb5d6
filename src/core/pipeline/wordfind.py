"""Whole-word search for a literal word or phrase, without compiling a pattern per word."""

from __future__ import annotations

from collections.abc import Iterator


def _word_char(char: str, extra: str) -> bool:
    """A character `\\w` matches (what `str.isalnum` accepts, or "_"), or one of `extra`."""
    return char.isalnum() or char == "_" or char in extra


def word_spans(
    text: str, word: str, *, before: str = "", after: str = ""
) -> Iterator[tuple[int, int]]:
    """Where `word` is written in `text` with no word character (nor one of `before`) right
    before it and none (nor one of `after`) right after it, left to right, without overlap.

    The same spans as ``re.finditer(rf"(?<![\\w{before}]){re.escape(word)}(?![\\w{after}])",
    text)``: the rules ask this for every name of every article, and a pattern per name
    overflowed `re`'s cache, so each search compiled its pattern anew.
    """
    if not word:
        return
    size = len(word)
    at = text.find(word)
    while at >= 0:
        end = at + size
        if (at == 0 or not _word_char(text[at - 1], before)) and (
            end == len(text) or not _word_char(text[end], after)
        ):
            yield at, end
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)


def has_word(text: str, word: str, *, before: str = "", after: str = "") -> bool:
    """`word` is written in `text` as a whole word (see `word_spans`)."""
    return next(word_spans(text, word, before=before, after=after), None) is not None
