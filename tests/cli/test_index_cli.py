"""`newsdesk index` over the store: warm opens without spaCy, --reindex, --jobs, notices."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk.core.settings import Settings
from newsdesk.core.store.fingerprint import store_path
from newsdesk.tui.cli import main

DATA = Path(__file__).parent.parent / "data" / "store"


@pytest.fixture
def cli_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    past = time.time() - 120
    for source in sorted(DATA.glob("*.txt"))[:3]:
        shutil.copy(source, folder / source.name)
        os.utime(folder / source.name, (past, past))
    return folder


@pytest.fixture
def cli_pipeline(nlp, monkeypatch):  # type: ignore[no-untyped-def]
    """The session pipeline stands in for `load_pipeline`, and counts how often it is asked."""
    import newsdesk.core.pipeline.nlp

    calls: list[str | None] = []

    def load(model: str | None):  # type: ignore[no-untyped-def]
        calls.append(model)
        return nlp, newsdesk.core.pipeline.nlp.describe_model(model)

    monkeypatch.setattr(newsdesk.core.pipeline.nlp, "load_pipeline", load)
    return calls


def test_index_cli_json_then_warm_open_without_spacy(cli_corpus, cli_pipeline, capsys):
    assert main(["index", str(cli_corpus), "--json"]) == 0
    cold = json.loads(capsys.readouterr().out)
    assert len(cold["articles"]) == 3 and cold["actors"]
    assert len(cli_pipeline) == 1

    script = (
        "import sys\n"
        "from newsdesk.tui.cli import main\n"
        f"status = main(['index', {str(cli_corpus)!r}, '--json'])\n"
        "print(status, 'spacy' in sys.modules, 'textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stderr.split()[-3:] == ["0", "False", "False"], result.stderr
    assert json.loads(result.stdout) == cold


def test_index_cli_reindex_runs_the_pipeline_again(cli_corpus, cli_pipeline, capsys):
    assert main(["index", str(cli_corpus), "--json"]) == 0
    assert main(["index", str(cli_corpus), "--json"]) == 0
    assert len(cli_pipeline) == 1  # the second open was warm
    assert main(["index", str(cli_corpus), "--json", "--reindex"]) == 0
    assert len(cli_pipeline) == 2
    capsys.readouterr()


def test_index_cli_reports_skipped_files_and_a_rebuilt_store(cli_corpus, cli_pipeline, capsys):
    (cli_corpus / "notes.csv").write_text("a,b\n", encoding="utf-8")
    assert main(["index", str(cli_corpus), "--json"]) == 0
    err = capsys.readouterr().err
    assert "skipped" in err and "notes.csv" in err
    store_path([cli_corpus], Settings.from_env().cache_dir).write_bytes(b"garbage" * 1000)
    assert main(["index", str(cli_corpus)]) == 0
    captured = capsys.readouterr()
    assert "rebuilt" in captured.err
    assert "3 articles" in captured.out


def test_index_cli_missing_path_exits_2(tmp_path, capsys):
    assert main(["index", str(tmp_path / "missing")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_index_cli_jobs_uses_several_processes(cli_corpus, cli_pipeline, capsys, monkeypatch):
    from newsdesk.core.store import index_store as store

    seen: list[int] = []
    original = store._index

    def spy(conn, plan, settings, *rest):  # type: ignore[no-untyped-def]
        seen.append(settings.jobs)
        return original(conn, plan, settings, *rest)

    monkeypatch.setattr(store, "_index", spy)
    assert main(["index", str(cli_corpus), "--json", "--jobs", "2"]) == 0
    assert seen == [2]
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 3
