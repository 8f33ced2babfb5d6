"""The per-document cache: the text, the tokens, and tokens looked up by their lower case."""

from __future__ import annotations

import pytest

from newsdesk.core.pipeline.cues import SPEECH_VERBS, cue_forms, verb_base
from newsdesk.core.pipeline.doccache import (
    doc_text,
    doc_tokens,
    lower_positions,
    remember_text,
    tokens_with_lower,
)

TEXT = (
    "According to the ministry, the plan failed. Per the report, Ana Ruiz SAID it would "
    "fail; the mayor Told reporters, according to a statement, that talks had stalled.\n\n"
    "A said report is no cue. They are saying nothing."
)


@pytest.mark.parametrize(
    "words", [frozenset({"according"}), frozenset({"according", "per"}), frozenset({"zzz"})]
)
def test_doccache_lower_positions_match_every_tokens_lower_case(nlp, words) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    expected = [t.i for t in doc if t.lower_ in words]
    assert lower_positions(doc, words) == expected
    assert [t.i for t in tokens_with_lower(doc, words)] == expected


def test_doccache_tokens_with_lower_keeps_to_the_range(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    words = frozenset({"according", "the"})
    first = next(doc.sents)
    inside = tokens_with_lower(doc, words, first.start, first.end)
    assert [t.i for t in inside] == [t.i for t in first if t.lower_ in words]
    assert [t.i for t in tokens_with_lower(doc, words, first.end)] == [
        t.i for t in doc[first.end :] if t.lower_ in words
    ]


def test_doccache_lookups_follow_a_new_document(nlp) -> None:  # type: ignore[no-untyped-def]
    words = frozenset({"per"})
    first = nlp("Per the report, it rained.")
    assert lower_positions(first, words) == [0]
    second = nlp("It rained, per the report, per the agency.")
    assert lower_positions(second, words) == [t.i for t in second if t.lower_ == "per"]
    assert lower_positions(second, words) != [0]


def test_doccache_cue_forms_are_the_forms_verb_base_reads_as_those_verbs(nlp) -> None:  # type: ignore[no-untyped-def]
    forms = cue_forms(SPEECH_VERBS)
    assert {"said", "says", "told", "saying"} <= forms
    assert all(verb_base(form) in SPEECH_VERBS for form in forms)
    doc = nlp(TEXT)
    for token in doc:  # "SAID", "Told": the lower case, as `verb_base` reads the word
        assert (token.lower_ in forms) == (verb_base(token.text) in SPEECH_VERBS)


def test_doccache_remembered_text_is_the_documents_own(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    remember_text(doc, TEXT)
    assert doc_text(doc) == doc.text == TEXT
    assert [t.i for t in doc_tokens(doc)] == list(range(len(doc)))


def test_doccache_a_text_of_another_length_is_not_taken(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    remember_text(doc, TEXT + " and more")
    assert doc_text(doc) == TEXT
