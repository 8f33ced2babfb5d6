"""`newsdesk search`: JSON shape, exit status, kinds and limits, a Rich table, a light import."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsdesk.tui.cli import main


def test_search_cli_json_hits(search_corpus, cli_pipeline, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["search", "zinichv yevgeny", str(search_corpus), "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits, "no hits"
    for hit in hits:
        keys = {"kind", "article", "start", "end", "text", "score", "actor", "context", "matches"}
        assert keys <= set(hit)
        assert hit["kind"] in {"actor", "quote", "sentence", "article"}
        for start, end in hit["matches"]:
            assert 0 <= start < end <= len(hit["text"])
    top = hits[0]
    assert top["kind"] == "actor" and top["text"] == "Yevgeny Zinichev" and top["actor"]
    assert top["article"].startswith("2019-01-04-magnitogorsk")
    assert [top["text"][s:e] for s, e in top["matches"]] == ["Yevgeny", "Zinichev"]
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_cli_kind_and_limit(search_corpus, cli_pipeline, capsys) -> None:  # type: ignore[no-untyped-def]
    args = ["--json", "--kind", "sentence", "--limit", "2"]
    assert main(["search", "magnitogorsk", str(search_corpus), *args]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 2 and {h["kind"] for h in hits} == {"sentence"}
    assert all(h["actor"] is None for h in hits)


def test_search_cli_no_match_exit_1_with_suggestion(search_corpus, cli_pipeline, capsys) -> None:  # type: ignore[no-untyped-def]
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
    search_corpus, cli_pipeline, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["search", "click app quit", str(search_corpus)]) == 0
    out = capsys.readouterr().out
    assert "[@click=app.quit]" in out and "hits for click app quit" in out
    assert "\x1b]52" not in out
    assert main(["search", "bold red loud", str(search_corpus)]) == 0
    assert "[bold red]loud[/bold red]" in capsys.readouterr().out


def test_search_cli_table_shows_titles_and_paragraphs_not_ids_or_offsets(
    search_corpus, cli_pipeline, capsys, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["search", "magnitogorsk", str(search_corpus), "--json", "--limit", "8"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert main(["index", str(search_corpus), "--json"]) == 0
    articles = {a["id"]: a for a in json.loads(capsys.readouterr().out)["articles"]}
    assert main(["search", "magnitogorsk", str(search_corpus), "--limit", "8"]) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("│")]
    starts = [row for row in rows if row.split("│")[1].strip()]  # a row's first line names the kind
    assert len(starts) == len(hits)
    for hit, row in zip(hits, starts, strict=True):
        cells = [cell.strip() for cell in row.split("│")[1:-1]]
        article = articles[hit["article"]]
        assert cells[0] == hit["kind"]
        assert article["title"].startswith(cells[1].rstrip("…").strip())  # the title's first line
        assert hit["article"] not in out
        if hit["kind"] == "article":
            assert cells[2] == ""
        else:
            n = int(cells[2])
            start, end = article["paragraphs"][n - 1]
            assert start <= hit["start"] < end
    assert not any(f"{h['start']}-{h['end']}" in out for h in hits if h["kind"] != "article")


def test_search_cli_table_highlights_matches() -> None:
    from rich.console import Console

    from newsdesk.core.export.locate import HitPlace
    from newsdesk.core.search.query import Hit, SearchResult
    from newsdesk.tui.cli.search_cmd import print_hits

    hit = Hit("sentence", "a1", 10, 40, "Guo [b]Shengkun[/b] spoke", 96.0, None, ((0, 3), (7, 15)),
              "Guo [b]Shengkun[/b] spoke", ((0, 3), (7, 15)))
    console = Console(record=True, width=120, force_terminal=True, color_system="truecolor")
    print_hits(SearchResult("guo shengkn", (hit,), 1), [HitPlace("Ministers Meet", 2)], console)
    text = console.export_text(styles=False, clear=False)
    assert "Guo [b]Shengkun[/b] spoke" in text
    styled = console.export_text(styles=True)
    assert "\x1b[1;7mGuo\x1b[0m" in styled and "\x1b[1;7mShengkun\x1b[0m" in styled


def test_search_cli_warm_imports_neither_textual_nor_spacy(  # type: ignore[no-untyped-def]
    search_corpus, cli_pipeline, capsys
) -> None:
    # Cold: indexes and builds the search index.
    assert main(["search", "greta", str(search_corpus), "--json"]) == 0
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


@pytest.mark.parametrize("query", ["", "   "])
def test_search_cli_empty_query_is_a_usage_error(query: str, capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_:
        main(["search", query])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "QUERY: empty" in err
