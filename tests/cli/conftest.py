"""Fixtures shared by the CLI tests."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from samples import SUMMIT, SUMMIT_FOLLOWUP, UNDATED_NOTE


@pytest.fixture
def cli_pipeline(nlp, monkeypatch):  # type: ignore[no-untyped-def]
    """The session pipeline stands in for `load_pipeline` (no second spaCy load)."""
    import newsdesk.core.nlp

    def load(model: str | None):  # type: ignore[no-untyped-def]
        return nlp, newsdesk.core.nlp.describe_model(model)

    monkeypatch.setattr(newsdesk.core.nlp, "load_pipeline", load)


@pytest.fixture
def summit_folder(tmp_path: Path) -> Path:
    """Three small articles where actors take positions on each other (two dated)."""
    folder = tmp_path / "summit"
    folder.mkdir()
    past = time.time() - 120
    for name, text in (("summit", SUMMIT), ("talks", SUMMIT_FOLLOWUP), ("note", UNDATED_NOTE)):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        os.utime(path, (past, past))
    return folder
