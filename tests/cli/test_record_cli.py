"""`newsdesk actor show`, `newsdesk relations` and the table and graph exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from newsdesk.tui.cli import main


def test_actor_show_prints_the_record(  # type: ignore[no-untyped-def]
    summit_folder: Path, cli_pipeline, capsys
) -> None:
    assert main(["actor", "show", "Victr Hale", str(summit_folder)]) == 0  # typo: resolved
    out, err = capsys.readouterr()
    assert "'Victr Hale': Victor Hale (" in err
    assert out.startswith("Victor Hale  (person, ")
    assert "by day, 2019-03-04 .. 2019-03-21" in out
    assert "undated:" in out
    assert "positions" in out and "relations" in out


def test_actor_show_json_and_typo(  # type: ignore[no-untyped-def]
    summit_folder: Path, cli_pipeline, capsys
) -> None:
    assert main(["actor", "show", "Angela Novak", str(summit_folder), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "Angela Novak"
    assert data["timeline"] and data["positions"]
    assert any(
        r["source"] == "Victor Hale" and r["polarity"] == "oppose" for r in data["relations"]
    )


def test_actor_show_unknown_actor_exits_2(  # type: ignore[no-untyped-def]
    summit_folder: Path, cli_pipeline, capsys
) -> None:
    assert main(["actor", "show", "Zebulon Quartermaine", str(summit_folder)]) == 2
    assert "no actor matches" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["actor"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err  # one line, and where to read more
    assert err.count("\n") == 1 and err.startswith("newsdesk actor: ")
    assert err.endswith("(try `newsdesk actor --help`)\n")


def test_relations_json(  # type: ignore[no-untyped-def]
    summit_folder: Path, cli_pipeline, capsys
) -> None:
    assert main(["relations", str(summit_folder), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    lopez = next(r for r in rows if r["source"] == "Maria Lopez")
    assert (lopez["target"], lopez["polarity"]) == ("Angela Novak", "support")
    assert main(["relations", str(summit_folder), "--actor", "Lopez"]) == 0
    out = capsys.readouterr().out
    assert all("Maria Lopez" in line for line in out.splitlines())


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gexf", "graphml"])
def test_export_formats_to_file(  # type: ignore[no-untyped-def]
    summit_folder: Path, cli_pipeline, tmp_path: Path, capsys, fmt: str
) -> None:
    out = tmp_path / f"cast.{fmt}"
    args = ["export", str(summit_folder), "--all", "--out", str(out)]
    assert main(args) == 0  # the format follows the file's extension
    text = out.read_text(encoding="utf-8")
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert rows and {"Victor Hale", "Angela Novak"} <= {r["speaker"] for r in rows}
    elif fmt == "jsonl":
        assert all(json.loads(line)["quote"] for line in text.splitlines())
    else:
        reader = nx.read_gexf if fmt == "gexf" else nx.read_graphml
        graph = reader(io.StringIO(text))
        assert graph.number_of_nodes() >= 3
    assert "wrote" in capsys.readouterr().err


def test_export_table_with_nothing_in_scope_exits_1(  # type: ignore[no-untyped-def]
    summit_folder: Path, cli_pipeline, capsys
) -> None:
    assert main(["export", str(summit_folder), "--format", "csv"]) == 1  # no marks
    assert "nothing to export" in capsys.readouterr().err


#: An invented article with negated stances.
REBUFF = """Senators split over the Dorvan accord

March 5, 2019

Senator Mara Quist did not welcome Tomas Velde on Monday. Quist refused to condemn Ilse Brandt,
who had attacked the accord.
"""


def test_negated_stances_keep_their_negation_everywhere(  # type: ignore[no-untyped-def]
    tmp_path: Path, cli_pipeline, capsys
) -> None:
    """"did not welcome" is the cue in the relation, the record and the exports, and turns
    the polarity (not welcoming opposes; not condemning says nothing)."""
    folder = tmp_path / "rebuff"
    folder.mkdir()
    (folder / "rebuff.txt").write_text(REBUFF, encoding="utf-8")
    assert main(["relations", str(folder), "--json"]) == 0
    rows = {r["target"]: r for r in json.loads(capsys.readouterr().out)}
    assert (rows["Tomas Velde"]["verb"], rows["Tomas Velde"]["polarity"]) == (
        "did not welcome",
        "oppose",
    )
    assert (rows["Ilse Brandt"]["verb"], rows["Ilse Brandt"]["polarity"]) == (
        "refused to condemn",
        "neutral",
    )
    assert main(["actor", "show", "Mara Quist", str(folder), "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {"did not welcome", "refused to condemn"} <= {p["cue"] for p in record["positions"]}
    out = tmp_path / "rebuff.csv"
    assert main(["export", str(folder), "--all", "--out", str(out)]) == 0
    cues = {r["cue"] for r in csv.DictReader(io.StringIO(out.read_text("utf-8"), newline=""))}
    assert {"did not welcome", "refused to condemn"} <= cues
