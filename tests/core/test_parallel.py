"""`--jobs N`: worker processes parse and analyse; the parent gets the same records, in order."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import pytest

from newsdesk.core.pipeline import indexing as index
from newsdesk.core.pipeline.indexing import analyze, read_articles
from newsdesk.core.pipeline.parallel import WorkerError

DATA = Path(__file__).parent.parent / "data" / "quotes"


@pytest.fixture(scope="module")
def articles():  # type: ignore[no-untyped-def]
    found, _skipped = read_articles([DATA])
    return found[:7]


def test_two_processes_give_the_same_analyses_in_order(nlp, articles) -> None:  # type: ignore[no-untyped-def]
    alone = list(analyze(nlp, articles, batch_size=2))
    shared = list(analyze(nlp, articles, batch_size=2, n_process=2))
    assert [a.article.id for a in shared] == [a.id for a in articles]
    assert shared == alone
    assert any(a.quotes for a in shared) and any(a.mentions for a in shared)


def test_stopping_early_leaves_no_worker_behind(nlp, articles) -> None:  # type: ignore[no-untyped-def]
    stream = analyze(nlp, articles, batch_size=1, n_process=2)
    first = next(stream)
    assert first.article.id == articles[0].id
    stream.close()
    assert mp.active_children() == []


@pytest.mark.skipif(mp.get_start_method() != "fork", reason="the patch must reach the workers")
def test_a_failing_worker_raises_in_the_parent(nlp, articles, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(doc, article):  # type: ignore[no-untyped-def]
        raise ValueError(f"cannot analyse {article.id}")

    monkeypatch.setattr(index, "analyze_doc", broken)
    with pytest.raises(WorkerError, match="cannot analyse"):
        list(analyze(nlp, articles, batch_size=2, n_process=2))
    assert mp.active_children() == []
