"""Wrapping and spans for the text pane: offsets always come from core, lines keep them."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from newsdesk.core.models import Corpus, Quote
from newsdesk.core.store.library import MemoryLibrary
from newsdesk.tui.highlight import (
    LineIndex,
    base_spans,
    layout_article,
    speaker_line,
    wrap_range,
)


@pytest.mark.parametrize("width", [10, 17, 33, 80])
def test_highlight_wrap_range_keeps_every_word(width: int) -> None:
    text = "Alpha beta gamma delta epsilon.\nZeta eta theta iota kappa lambda mu nu xi omicron."
    lines = list(wrap_range(text, 0, len(text), width))
    words = [w for s, e in lines for w in text[s:e].split()]
    assert words == text.split()
    assert all(e - s <= width for s, e in lines)


def test_highlight_layout_maps_offsets_to_lines(tui_corpus: Corpus) -> None:
    detail = MemoryLibrary(tui_corpus).article("a1")
    lines = layout_article(detail, 30)
    assert lines[0].kind == "title" and lines[0].plain == "Harbour plan approved"
    index = LineIndex(lines)
    text = detail.article.text
    for offset in (0, 50, len(text) - 1):
        line = lines[index.line_of(offset)]
        assert line.kind == "text" and line.start <= offset <= line.end
        assert line.plain == text[line.start:line.end]
    speakers = [line for line in lines if line.kind == "speaker"]
    assert speakers and speakers[0].plain.startswith("  ❝ Lopez · direct · said")


def test_highlight_base_spans_are_the_cores_spans_typed_by_actor(tui_corpus: Corpus) -> None:
    detail = MemoryLibrary(tui_corpus).article("a1")
    kinds = {(detail.article.text[s.start:s.end], s.kind) for s in base_spans(detail)}
    assert ("Maria Lopez", "person") in kinds
    assert ("Portsmouth", "place") in kinds
    assert ("Green Watch", "organization") in kinds
    assert ("said", "cue") in kinds
    assert ("We will rebuild the harbour,", "quote") in kinds


@pytest.mark.parametrize("width", [1, 3, 8, 21])
def test_highlight_wrap_range_folds_long_words_and_wide_characters(width: int) -> None:
    text = "Ein Donaudampfschifffahrtsgesellschaftskapitän sagte 北京市人民政府 ok."
    lines = list(wrap_range(text, 0, len(text), width))
    assert "".join(text[s:e] for s, e in lines).replace(" ", "") == text.replace(" ", "")
    assert all(cell_len(text[s:e]) <= max(width, 2) for s, e in lines)


@pytest.mark.parametrize(
    ("speaker", "via", "shown"),
    [
        ("The report", "The report", "  ❝ The report · direct · said"),
        (
            "The family",
            "The family's statement",
            "  ❝ The family · direct · said (via The family's statement)",
        ),
    ],
)
def test_speaker_line_names_the_way_only_when_it_is_not_the_speaker(
    speaker: str, via: str, shown: str
) -> None:
    quote = Quote("q", "a", "words", 0, 5, "direct", "said", 6, 10, speaker, via=via)
    assert speaker_line(quote) == shown
