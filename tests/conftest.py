"""Shared fixtures: isolated data and cache folders, one real spaCy pipeline per test run."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
DATA = TESTS / "data"
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test ever touches the user's own marks or caches."""
    base = tmp_path_factory.mktemp("newsdesk-home")
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("NEWSDESK_CACHE_DIR", str(base / "cache"))
    monkeypatch.delenv("NEWSDESK_MODEL", raising=False)


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The real pipeline, loaded once for the whole run."""
    from newsdesk.core.pipeline.indexing import prepare_pipeline
    from newsdesk.core.pipeline.nlp import load_pipeline

    pipeline, _info = load_pipeline(None)
    return prepare_pipeline(pipeline)


@pytest.fixture(scope="session")
def analyze_text(nlp):  # type: ignore[no-untyped-def]
    """`analyze_text(text)` -> ArticleAnalysis for a body of text (no metadata parsing)."""
    from newsdesk.core.pipeline.indexing import analyze_doc
    from newsdesk.core.pipeline.text import build_article

    def run(text: str, article_id: str = "t"):  # type: ignore[no-untyped-def]
        article = build_article(
            text, article_id=article_id, path=f"{article_id}.txt", content_hash="x"
        )
        return analyze_doc(nlp(article.text), article)

    return run


@pytest.fixture
def session_pipeline(nlp, monkeypatch):  # type: ignore[no-untyped-def]
    """The session pipeline stands in for `load_pipeline` (no second spaCy load, in the CLI or
    the app's worker); the list records each model asked for, so a test can tell a warm open
    (no load) from a cold one."""
    import newsdesk.core.pipeline.nlp

    calls: list[str | None] = []

    def load(model: str | None):  # type: ignore[no-untyped-def]
        calls.append(model)
        return nlp, newsdesk.core.pipeline.nlp.describe_model(model)

    monkeypatch.setattr(newsdesk.core.pipeline.nlp, "load_pipeline", load)
    return calls
