"""Whole-word search finds what the per-word regex it replaced found; per-document caches."""

from __future__ import annotations

import re

import pytest

from newsdesk.core.pipeline.doccache import doc_text, doc_tokens
from newsdesk.core.pipeline.wordfind import has_word, word_spans

TEXT = (
    "Okafor met Okafor-Lee and J.Okafor; okafor, Okafor_2 and Okafor. Okaforé wrote to "
    "Okafor's aide. space shuttle, the space shuttles, a space-shuttle, space shuttle"
)


@pytest.mark.parametrize(
    ("word", "before", "after"),
    [
        ("Okafor", ".-", "-"),
        ("Okafor", "", ""),
        ("Okafor", ".", ""),
        ("space shuttle", "-", "-"),
        ("shuttle", "-", "-"),
        ("aa", "", ""),
    ],
)
def test_word_spans_match_the_regex(word: str, before: str, after: str) -> None:
    pattern = rf"(?<![\w{re.escape(before)}]){re.escape(word)}(?![\w{re.escape(after)}])"
    expected = [m.span() for m in re.finditer(pattern, TEXT)]
    assert list(word_spans(TEXT, word, before=before, after=after)) == expected


def test_word_spans_do_not_overlap_and_read_unicode_letters() -> None:
    assert list(word_spans("aaaa", "aa")) == []  # every "aa" touches another "a"
    assert list(word_spans("aa aa", "aa")) == [(0, 2), (3, 5)]
    assert list(word_spans("éOkafor Okafor", "Okafor")) == [(8, 14)]
    assert not has_word("the space-shuttle", "space shuttle", before="-", after="-")
    assert has_word("the space shuttle.", "space shuttle", before="-", after="-")
    assert list(word_spans("text", "")) == []


def test_doc_caches_follow_the_document(nlp) -> None:  # type: ignore[no-untyped-def]
    first = nlp("The mayor said the road would open.")
    second = nlp("Rain fell.")
    assert doc_text(first) == first.text
    assert [t.i for t in doc_tokens(first)] == list(range(len(first)))
    assert doc_text(second) == "Rain fell."
    assert [t.text for t in doc_tokens(second)] == ["Rain", "fell", "."]
    assert doc_tokens(first)[1].doc is first
