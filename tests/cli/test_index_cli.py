"""`newsdesk index` over the store: warm opens without spaCy, --reindex, --jobs, notices."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.core.settings import Settings
from newsdesk.core.store.fingerprint import store_path
from newsdesk.tui.cli import main


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


def test_index_cli_summary_says_how_many_rows_it_shows(
    cli_corpus, cli_pipeline, capsys, monkeypatch
):
    monkeypatch.setenv("COLUMNS", "250")
    assert main(["index", str(cli_corpus), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    actors, quotes = len(data["actors"]), len(data["quotes"])
    assert actors > 2 and quotes > 2

    assert main(["index", str(cli_corpus), "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert f"{actors} actors" in out
    assert f"showing 2 of {actors} (--limit 0 for all)" in out
    assert f"showing 2 of {quotes} (--limit 0 for all)" in out
    assert "showing 2 of 3 (--limit 0 for all)" in out  # articles

    assert main(["index", str(cli_corpus), "--limit", "0"]) == 0
    out = capsys.readouterr().out
    assert "showing" not in out
    assert all(actor["name"] in out for actor in data["actors"])


def test_index_cli_summary_default_limit_is_40():
    from rich.console import Console

    from newsdesk.core.models import Actor, Corpus
    from newsdesk.tui.cli.summary import print_summary

    actors = tuple(Actor(f"a{n}", f"Actor Number {n}", "person", (), None, ()) for n in range(45))
    corpus = Corpus(articles=(), actors=actors, quotes=())
    console = Console(record=True, width=200)
    print_summary(corpus, console)
    text = console.export_text()
    assert "45 actors" in text and "showing 40 of 45 (--limit 0 for all)" in text
    assert "Actor Number 39 " in text and "Actor Number 40 " not in text


def test_index_cli_summary_lists_actors_in_rank_order():
    from rich.console import Console

    from newsdesk.core.models import Actor, Corpus, Mention
    from newsdesk.tui.cli.summary import print_summary

    def mentions(n: int) -> tuple[Mention, ...]:
        return tuple(Mention("a", i, i + 1, "x", "ORG", key="x") for i in range(n))

    # the corpus gives actors in rank order: one quoted across articles before a busy word
    actors = (Actor("p", "Lena Varga", "person", (), None, mentions(2)),
              Actor("o", "Harbour Board", "organization", (), None, mentions(9)))
    console = Console(record=True, width=200)
    print_summary(Corpus(articles=(), actors=actors, quotes=()), console)
    text = console.export_text()
    assert text.index("Lena Varga") < text.index("Harbour Board")


@pytest.mark.parametrize("value", ["-1", "many"])
def test_index_cli_bad_limit_exits_2(value, cli_corpus, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["index", str(cli_corpus), "--limit", value])
    assert exit_info.value.code == 2
    assert "--limit" in capsys.readouterr().err


@pytest.mark.parametrize("width", [10, 40, 160])
def test_index_cli_summary_clip_ends_cut_text_with_an_ellipsis(width):
    from newsdesk.tui.cli.common import clip

    words = "External forces are using the social-economic contradictions and problems to overthrow"
    text = " ".join([words] * 3)
    cut = clip(text, width)
    assert len(cut) <= width and cut.endswith("…")
    assert text.startswith(cut[:-1])
    assert text[len(cut) - 1] == " "  # cut between words, not inside one
    assert clip("a  quote\n", width) == "a quote"  # short text: whole (spaces collapsed)


def test_index_cli_bare_in_an_empty_folder_indexes_the_bundled_samples(
    tmp_path, cli_pipeline, capsys, monkeypatch
):
    seeds = Path(__file__).parents[2] / "seeds"
    monkeypatch.chdir(tmp_path)
    assert main(["index", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(Path(a["path"]).name for a in data["articles"]) == sorted(
        p.name for p in seeds.glob("*.txt")
    )
    assert all(Path(a["path"]).is_file() for a in data["articles"])


def test_index_cli_without_bundled_samples_says_so(tmp_path, capsys, monkeypatch):
    import importlib.util

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert main(["index"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bundled sample articles are missing" in err
