"""Fixtures shared by the core tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from samples import SUMMIT, SUMMIT_FOLLOWUP, UNDATED_NOTE

from newsdesk.core.pipeline.indexing import analyze, build_corpus, read_articles
from newsdesk.core.store.library import MemoryLibrary


@pytest.fixture
def summit_library(nlp, tmp_path: Path) -> MemoryLibrary:  # type: ignore[no-untyped-def]
    """Three small articles (two dated, one not) where actors take positions on each other."""
    folder = tmp_path / "summit"
    folder.mkdir()
    for name, text in (("summit", SUMMIT), ("talks", SUMMIT_FOLLOWUP), ("note", UNDATED_NOTE)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    articles, _ = read_articles([folder])
    return MemoryLibrary(build_corpus(analyze(nlp, articles)))
