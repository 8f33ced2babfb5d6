"""`newsdesk search`: JSON shape, exit status, kinds and limits, a Rich table, a light import."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk.tui.cli import main

DATA = Path(__file__).parent.parent / "data" / "search"


@pytest.fixture(scope="module")
def search_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One corpus folder and one cache for the module: indexed once, warm afterwards."""
    home = tmp_path_factory.mktemp("search-cli")
    folder = home / "articles"
    folder.mkdir()
    past = time.time() - 120
    for source in sorted(DATA.glob("*.txt")):
        shutil.copy(source, folder / source.name)
        os.utime(folder / source.name, (past, past))
    hostile = folder / "hostile.txt"
    hostile.write_text(
        "Markup test page\n\nThe wiki printed [bold red]loud[/bold red] and [@click=app.quit] "
        "verbatim, then \x1b]52;c;ZXZpbA==\x07 nothing else.\n",
        encoding="utf-8",
    )
    os.utime(hostile, (past, past))
    return home


@pytest.fixture
def search_corpus(search_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSDESK_CACHE_DIR", str(search_home / "cache"))
    return search_home / "articles"


@pytest.fixture
def search_pipeline(nlp, monkeypatch):  # type: ignore[no-untyped-def]
    """The session pipeline stands in for `load_pipeline` (no second spaCy load per test)."""
    import newsdesk.core.pipeline.nlp

    calls: list[str | None] = []

    def load(model: str | None):  # type: ignore[no-untyped-def]
        calls.append(model)
        return nlp, newsdesk.core.pipeline.nlp.describe_model(model)

    monkeypatch.setattr(newsdesk.core.pipeline.nlp, "load_pipeline", load)
    return calls


def test_search_cli_json_hits(search_corpus, search_pipeline, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["search", "zinichv yevgeny", str(search_corpus), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits, "no hits"
    for hit in hits:
        fields = {"kind", "article", "start", "end", "text", "score", "actor", "context", "matches"}
        assert fields <= set(hit)
        assert hit["kind"] in {"actor", "quote", "sentence", "article"}
        for start, end in hit["matches"]:
            assert 0 <= start < end <= len(hit["text"])
    top = hits[0]
    assert top["kind"] == "actor" and top["text"] == "Yevgeny Zinichev" and top["actor"]
    assert top["article"].startswith("2019-01-04-magnitogorsk")
    assert [top["text"][s:e] for s, e in top["matches"]] == ["Yevgeny", "Zinichev"]
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_cli_kind_and_limit(search_corpus, search_pipeline, capsys) -> None:  # type: ignore[no-untyped-def]
    args = ["search", "magnitogorsk", str(search_corpus), "--json", "--kind", "sentence"]
    assert main([*args, "--limit", "2"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 2 and {h["kind"] for h in hits} == {"sentence"}
    assert all(h["actor"] is None for h in hits)


def test_search_cli_no_match_exit_1_with_suggestion(search_corpus, search_pipeline, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["search", "thunbreg magnitogrsk", str(search_corpus), "--json"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert "no matches for 'thunbreg magnitogrsk'" in captured.err
    assert "nearest:" in captured.err

    assert main(["search", "qqqqqqqq", str(search_corpus)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "no matches" in captured.err


def test_search_cli_bad_limit_is_usage_error(search_corpus, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "x", str(search_corpus), "--limit", "0"])
    assert exit_info.value.code == 2


def test_search_cli_table_shows_markup_as_text(  # type: ignore[no-untyped-def]
    search_corpus, search_pipeline, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["search", "click app quit", str(search_corpus)]) == 0
    out = capsys.readouterr().out
    assert "[@click=app.quit]" in out and "hits for click app quit" in out
    assert "\x1b]52" not in out
    assert main(["search", "bold red loud", str(search_corpus)]) == 0
    assert "[bold red]loud[/bold red]" in capsys.readouterr().out


def test_search_cli_table_highlights_matches() -> None:
    from rich.console import Console

    from newsdesk.core.search.query import Hit, SearchResult
    from newsdesk.tui.cli.search_cmd import print_hits

    hit = Hit("sentence", "a1", 10, 40, "Guo [b]Shengkun[/b] spoke", 96.0, None, ((0, 3), (7, 15)),
              "Guo [b]Shengkun[/b] spoke", ((0, 3), (7, 15)))
    console = Console(record=True, width=120, force_terminal=True, color_system="truecolor")
    print_hits(SearchResult("guo shengkn", (hit,), 1), console)
    text = console.export_text(styles=False, clear=False)
    assert "Guo [b]Shengkun[/b] spoke" in text
    styled = console.export_text(styles=True)
    assert "\x1b[1;7mGuo\x1b[0m" in styled and "\x1b[1;7mShengkun\x1b[0m" in styled


def test_search_cli_warm_imports_neither_textual_nor_spacy(  # type: ignore[no-untyped-def]
    search_corpus, search_pipeline, capsys
) -> None:
    assert (
        main(["search", "greta", str(search_corpus), "--json"]) == 0
    )  # cold: indexes, builds search
    capsys.readouterr()
    script = (
        "import sys\n"
        "from newsdesk.tui.cli import main\n"
        f"status = main(['search', 'greta thunburg', {str(search_corpus)!r}, '--json'])\n"
        "print(status, 'spacy' in sys.modules, 'textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stderr.strip().splitlines()[-1] == "0 False False"
    assert json.loads(result.stdout)[0]["text"] == "Greta Thunberg"
