"""Search hits placed for people: the article's title and the paragraph holding the hit."""

from __future__ import annotations

import pytest
from samples import MINISTERS

from newsdesk.core.export.locate import locate_hits
from newsdesk.core.pipeline.indexing import analyze, build_corpus, read_articles
from newsdesk.core.search.query import search_library
from newsdesk.core.store.library import MemoryLibrary


@pytest.fixture(scope="module")
def locate_library(  # type: ignore[no-untyped-def]
    nlp, tmp_path_factory: pytest.TempPathFactory
) -> MemoryLibrary:
    folder = tmp_path_factory.mktemp("locate")
    (folder / "ministers.txt").write_text(MINISTERS, encoding="utf-8")
    articles, _ = read_articles([folder])
    return MemoryLibrary(build_corpus(analyze(nlp, articles)))


@pytest.mark.parametrize(
    ("query", "kind", "paragraph"),
    [
        ("protect the network", "quote", 1),
        ("responsibility", "sentence", 2),
        ("meet again in may", "sentence", 3),
        ("lu wei", "actor", 2),
        ("internet rules", "article", None),
    ],
)
def test_locate_hits_title_and_paragraph(  # type: ignore[no-untyped-def]
    locate_library, query, kind, paragraph
) -> None:
    hits = [h for h in search_library(locate_library, query).hits if h.kind == kind]
    assert hits
    (place,) = locate_hits(locate_library, hits[:1])
    assert place.title == "Ministers Meet Over Internet Rules"
    assert place.paragraph == paragraph
    if paragraph is not None:
        article = locate_library.article(hits[0].article).article
        start, end = article.paragraphs[paragraph - 1]
        assert start <= hits[0].start < end


def test_locate_hits_reads_each_article_once(locate_library, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hits = search_library(locate_library, "the", limit=10).hits
    assert len(hits) >= 2
    calls: list[str] = []
    original = locate_library.article

    def counted(article_id: str):  # type: ignore[no-untyped-def]
        calls.append(article_id)
        return original(article_id)

    monkeypatch.setattr(locate_library, "article", counted)
    assert len(locate_hits(locate_library, hits)) == len(hits)
    assert calls == ["ministers"]
