"""Hostile and broken input at the core: never raise, never lose offsets, never keep controls."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hostile_corpus import (
    HOSTILE_LINES,
    VISIBLE_MARKERS,
    write_broken_files,
    write_hostile_text_corpus,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.core.pipeline.indexing import analyze_doc, read_articles
from newsdesk.core.pipeline.text import build_article, clean_text

CONTROL = {chr(c) for c in range(32) if c not in (10,)} | {chr(c) for c in range(0x7F, 0xA0)}


@pytest.mark.parametrize("name", sorted(HOSTILE_LINES))
def test_hostile_text_keeps_visible_text_drops_controls(tmp_path: Path, name: str) -> None:
    write_hostile_text_corpus(tmp_path)
    articles, skipped = read_articles([tmp_path / f"{name}.txt"])
    assert not skipped
    text = articles[0].text
    assert VISIBLE_MARKERS[name] in text
    assert not CONTROL & set(text)
    assert not {"\u202e", "\u2066", "\u200b", "\ufeff"} & set(text)


def test_hostile_broken_files_each_skipped_or_decoded(tmp_path: Path) -> None:
    write_broken_files(tmp_path)
    articles, skipped = read_articles([tmp_path])
    by_name = {Path(a.path).name: a for a in articles}
    assert set(by_name) == {
        "latin1.txt", "cp1252.txt", "utf16.txt", "utf8bom.txt", "crlf.txt", "lonecr.txt"
    }
    assert "Café owners" in by_name["latin1.txt"].text
    assert "\u201cSmart\u201d" in by_name["cp1252.txt"].text
    assert by_name["utf8bom.txt"].title == "BOM story"
    for name in ("crlf.txt", "lonecr.txt"):
        article = by_name[name]
        assert "\r" not in article.text
        assert [article.text[s:e] for s, e in article.paragraphs][-1] == "Second paragraph here."
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert "binary" in reasons["binary.txt"]
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert "not an article" in reasons["notes.pdf"]
    assert "broken" in reasons["broken-link.txt"]


def test_hostile_size_limit_skips_with_note(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("Big\n\n" + "word " * 3000, encoding="utf-8")
    articles, skipped = read_articles([tmp_path], max_bytes=1000)
    assert not articles
    assert "size limit" in skipped[0].reason


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=400))
def test_hostile_random_unicode_never_raises_and_offsets_slice(nlp, raw: str) -> None:  # type: ignore[no-untyped-def]
    article = build_article(raw, article_id="h", path="h.txt", content_hash="x")
    for start, end in article.paragraphs:
        assert article.text[start:end].strip() == article.text[start:end]
    analysis = analyze_doc(nlp(article.text), article)
    for m in analysis.mentions:
        assert article.text[m.start : m.end] == m.text
    for q in analysis.quotes:
        assert 0 <= q.start <= q.end <= len(article.text)
        assert article.text[q.start : q.end] == q.text
    for start, end in analysis.sentences:
        assert 0 <= start < end <= len(article.text)


@given(st.text())
def test_hostile_clean_text_idempotent_and_control_free(raw: str) -> None:
    cleaned = clean_text(raw)
    assert clean_text(cleaned) == cleaned
    assert not CONTROL & set(cleaned)


def test_hostile_long_text_cut_into_pieces_that_cover_it() -> None:
    from newsdesk.core.pipeline.indexing import chunk_spans

    for text in ("a b c " * 50_000, "word. " * 40_000, "z" * 250_001, "p1\n\npara " * 30_000, ""):
        spans = chunk_spans(text, limit=100_000)
        assert spans[0][0] == 0 and spans[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in pairwise(spans))
        assert all(end - start <= 100_000 for start, end in spans)


def test_hostile_long_article_analysed_in_pieces_offsets_hold(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.core.pipeline import indexing as index

    monkeypatch.setattr(index, "CHUNK_CHARS", 2_000)
    body = "\n\n".join(
        f'Mayor Ana Silva said bridge {n} would reopen. "We are ready," Silva said.'
        for n in range(80)
    )
    article = build_article("Long\n\n" + body, article_id="long", path="l.txt", content_hash="x")
    assert len(index.chunk_spans(article.text, 2_000)) >= 3
    (analysis,) = index.analyze(nlp, [article])
    assert len(analysis.quotes) >= 40
    assert len({q.id for q in analysis.quotes}) == len(analysis.quotes)
    for m in analysis.mentions:
        assert article.text[m.start : m.end] == m.text
    for q in analysis.quotes:
        assert article.text[q.start : q.end] == q.text
    assert analysis.sentences == tuple(sorted(analysis.sentences))


def _blockquote_paragraphs(markdown: str) -> list[str]:
    """The text a Markdown reader shows in each paragraph inside blockquotes (asserts no markup)."""
    from markdown_it import MarkdownIt

    depth = 0
    paragraphs: list[str] = []
    for token in MarkdownIt("commonmark").parse(markdown):
        if token.type == "blockquote_open":
            depth += 1
        elif token.type == "blockquote_close":
            depth -= 1
        elif token.type == "inline" and depth:
            parts = []
            for child in token.children or []:
                assert child.type in ("text", "softbreak"), child.type
                parts.append(child.content if child.type == "text" else " ")
            paragraphs.append("".join(parts))
    return paragraphs


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_hostile_export_round_trips_any_article_text(raw: str) -> None:
    """Any text, cleaned as on reading, exported as a mark, reads back word for word."""
    from newsdesk.core.export.document import build_document
    from newsdesk.core.marks.mark_store import Mark
    from newsdesk.core.models import Corpus
    from newsdesk.core.store.library import MemoryLibrary

    article = build_article("Title\n\n" + raw, article_id="a", path="a.txt", content_hash="h")
    if not article.paragraphs:
        return
    text = article.text
    mark = Mark(1, "a", "/x/a.txt", "h", 0, len(text), text, "selection", None, None, None, None,
                "", False, "t", "t")
    document = build_document(MemoryLibrary(Corpus((article,), (), ())), [mark], corpus="c")

    def words(value: str) -> str:
        return " ".join(value.split())

    expected = [words(text[start:end]) for start, end in article.paragraphs]
    assert [words(p) for p in _blockquote_paragraphs(document.text)] == expected


def test_hostile_long_interview_keeps_its_answers_in_every_piece(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.core.pipeline import indexing as index

    monkeypatch.setattr(index, "CHUNK_CHARS", 2_000)
    turns = "\n\n".join(
        f"((WN)) What happened in year {n}?\n\n((Ana Silva)) We rebuilt the bridge in year {n}."
        for n in range(40)
    )
    article = build_article(
        "Long interview\n\nEngineer Ana Silva spoke with Wikinews.\n\n" + turns,
        article_id="long-interview", path="li.txt", content_hash="x",
    )
    assert len(index.chunk_spans(article.text, 2_000)) >= 2
    (analysis,) = index.analyze(nlp, [article])
    answers = [q for q in analysis.quotes if q.text.startswith("We rebuilt the bridge")]
    assert len(answers) == 40
    for q in answers:
        assert article.text[q.start : q.end] == q.text
