"""What the CLI tests share: the session pipeline in place of a second spaCy load, and corpora."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from samples import MINISTERS, SUMMIT, SUMMIT_FOLLOWUP, UNDATED_NOTE

DATA = Path(__file__).parent.parent / "data"

WriteArticle = Callable[[Path, str, str], Path]


def aged(path: Path) -> Path:
    """Dated two minutes back: a file still being written is not what these tests are about."""
    past = time.time() - 120
    os.utime(path, (past, past))
    return path


@pytest.fixture
def cli_pipeline(session_pipeline):  # type: ignore[no-untyped-def]
    """`session_pipeline` under the name the CLI tests know it by."""
    return session_pipeline


@pytest.fixture
def write_article() -> WriteArticle:
    """`write_article(folder, name, text)`: an aged article file (the folder is made)."""

    def write(folder: Path, name: str, text: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return aged(path)

    return write


@pytest.fixture
def cli_corpus(tmp_path: Path) -> Path:
    """Three real articles from `tests/data/store`."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for source in sorted((DATA / "store").glob("*.txt"))[:3]:
        aged(Path(shutil.copy(source, folder / source.name)))
    return folder


@pytest.fixture
def export_cli_corpus(tmp_path: Path, write_article: WriteArticle) -> Path:
    """One invented article (`samples.MINISTERS`): two speakers, a quote, a reported statement."""
    folder = tmp_path / "articles"
    write_article(folder, "ministers.txt", MINISTERS)
    return folder


@pytest.fixture(scope="module")
def search_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`tests/data/search` plus a page of markup, and one cache for the module: indexed once."""
    home = tmp_path_factory.mktemp("search-cli")
    folder = home / "articles"
    folder.mkdir()
    for source in sorted((DATA / "search").glob("*.txt")):
        aged(Path(shutil.copy(source, folder / source.name)))
    hostile = folder / "hostile.txt"
    hostile.write_text(
        "Markup test page\n\nThe wiki printed [bold red]loud[/bold red] and [@click=app.quit] "
        "verbatim, then \x1b]52;c;ZXZpbA==\x07 nothing else.\n",
        encoding="utf-8",
    )
    aged(hostile)
    return home


@pytest.fixture
def search_corpus(search_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSDESK_CACHE_DIR", str(search_home / "cache"))
    return search_home / "articles"


@pytest.fixture
def summit_folder(tmp_path: Path) -> Path:
    """Three small articles where actors take positions on each other (two dated)."""
    folder = tmp_path / "summit"
    folder.mkdir()
    for name, text in (("summit", SUMMIT), ("talks", SUMMIT_FOLLOWUP), ("note", UNDATED_NOTE)):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        aged(path)
    return folder
