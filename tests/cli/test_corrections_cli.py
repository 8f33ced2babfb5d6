"""`newsdesk actor|quote|corrections`: corrections from the command line, held everywhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from samples import MINISTERS as ARTICLE

from newsdesk.tui.cli import main


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "ministers.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    past = time.time() - 120
    os.utime(path, (past, past))
    return folder


@pytest.fixture(autouse=True)
def pipeline(session_pipeline):  # type: ignore[no-untyped-def]
    """Every test here runs on the session pipeline (no second spaCy load)."""
    return session_pipeline


def index_json(corpus: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> dict:  # type: ignore[type-arg]
    assert main(["index", str(corpus), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_corrections_cli_rename_holds_in_json_search_and_reindex(corpus, capsys) -> None:
    before = index_json(corpus, capsys)
    lu = next(a for a in before["actors"] if a["name"] == "Lu Wei")
    assert main(["actor", "rename", "lu wei", "Lu Wei (CAC)", str(corpus), "--note", "title"]) == 0
    out, err = capsys.readouterr()
    assert "actor: Lu Wei (" in err
    assert out.startswith("#1 rename Lu Wei to Lu Wei (CAC)")
    after = index_json(corpus, capsys)
    renamed = next(a for a in after["actors"] if a["id"] == lu["id"])
    assert renamed["name"] == "Lu Wei (CAC)"
    assert main(["search", "CAC", str(corpus), "--json"]) == 0
    assert lu["id"] in capsys.readouterr().out
    again = index_json(corpus, capsys, "--reindex")
    assert next(a for a in again["actors"] if a["id"] == lu["id"])["name"] == "Lu Wei (CAC)"


def test_corrections_cli_merge_back_is_refused(corpus, capsys) -> None:
    assert main(["actor", "merge", "Lu Wei", "Guo Shengkun", str(corpus)]) == 0
    capsys.readouterr()
    data = index_json(corpus, capsys)
    assert "Lu Wei" not in [a["name"] for a in data["actors"]]
    guo = next(a for a in data["actors"] if a["name"] == "Guo Shengkun")
    assert {q["actor"] for q in data["quotes"] if q["speaker"] == "Lu Wei"} == {guo["id"]}
    assert main(["actor", "merge", "Guo Shengkun", "Lu Wei", str(corpus)]) == 2
    _out, err = capsys.readouterr()
    assert "already one actor" in err and "Traceback" not in err


def test_corrections_cli_unknown_and_ambiguous_actors_exit_2(corpus, capsys) -> None:
    assert main(["actor", "hide", "Nobody Atall", str(corpus)]) == 2
    assert "no actor matches" in capsys.readouterr().err
    assert main(["actor", "hide", "Chinese Guo", str(corpus)]) == 2  # no one actor has both
    assert "no actor matches" in capsys.readouterr().err
    assert main(["actor", "hide", "s", str(corpus)]) == 2  # Shengkun, Security
    err = capsys.readouterr().err  # never a guess: the candidates are named
    assert "Guo Shengkun" in err and "Chinese Public Security" in err


def test_corrections_cli_quote_verbs_and_list(corpus, capsys) -> None:
    assert main(["corrections", "list", str(corpus)]) == 1
    capsys.readouterr()
    quote = next(q for q in index_json(corpus, capsys)["quotes"] if q["speaker"] == "Lu Wei")
    assert (
        main(["quote", "speaker", quote["id"], str(corpus), "--text", "a spokesman", "--json"]) == 0
    )
    record = json.loads(capsys.readouterr().out)
    assert record["verb"] == "quote.speaker" and record["before"] == "Lu Wei"
    assert main(["quote", "hide", quote["id"], str(corpus)]) == 0
    capsys.readouterr()
    assert quote["id"] not in [q["id"] for q in index_json(corpus, capsys)["quotes"]]
    assert main(["quote", "restore", quote["id"], str(corpus)]) == 0
    capsys.readouterr()
    restored = next(q for q in index_json(corpus, capsys)["quotes"] if q["id"] == quote["id"])
    assert restored["speaker"] == "a spokesman" and restored["actor"] is None
    assert main(["quote", "kind", "q-000000000000", "direct", str(corpus)]) == 2
    assert main(["corrections", "list", str(corpus)]) == 0
    assert capsys.readouterr().out.count("applied") == 3


def test_corrections_cli_undo_redo_and_idempotent_import(
    corpus, tmp_path, capsys, monkeypatch
) -> None:
    assert main(["actor", "type", "Lu Wei", "organization", str(corpus)]) == 0
    assert main(["actor", "rename", "Lu Wei", "Wei Lu", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["corrections", "undo", str(corpus)]) == 0
    assert capsys.readouterr().out == "undone #2 rename Lu Wei to Wei Lu\n"
    assert main(["corrections", "undo", "1", str(corpus), "--json"]) == 0
    capsys.readouterr()
    assert main(["corrections", "redo", "1", str(corpus)]) == 0
    assert capsys.readouterr().out.startswith("redone #1 type of Lu Wei")
    assert main(["corrections", "redo", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["corrections", "list", str(corpus), "--json"]) == 0
    exported = tmp_path / "cast.json"
    exported.write_text(capsys.readouterr().out, encoding="utf-8")
    mine = index_json(corpus, capsys)
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(tmp_path / "colleague"))
    assert main(["corrections", "import", str(exported), str(corpus)]) == 0
    assert "imported 2, 0 already here" in capsys.readouterr().err
    assert main(["corrections", "import", str(exported), str(corpus)]) == 0
    assert "imported 0, 2 already here" in capsys.readouterr().err
    assert index_json(corpus, capsys)["actors"] == mine["actors"]


def _edit(path: Path, old: str, new: str) -> None:
    """Change the article file (aged, as a finished file is)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    past = time.time() - 60
    os.utime(path, (past, past))


@pytest.mark.parametrize("how", ["in place", "copied", "moved"])
def test_corrections_cli_follow_the_text_after_a_copy_or_move_and_an_edit(
    corpus, tmp_path, capsys, how
) -> None:
    assert main(["actor", "rename", "Lu Wei", "Lu Wei (CAC)", str(corpus)]) == 0
    assert main(["actor", "type", "Lu Wei", "organization", str(corpus)]) == 0
    capsys.readouterr()
    folder = corpus
    if how != "in place":
        folder = tmp_path / "archive-2"
        (shutil.copytree if how == "copied" else shutil.move)(str(corpus), str(folder))
    article = folder / "ministers.txt"
    # an edit none of the corrections touches, that moves every offset after it
    _edit(article, "said on Monday:", "said on Monday, opening the two-day meeting:")
    lu = next(a for a in index_json(folder, capsys)["actors"] if "Lu Wei" in a["aliases"])
    assert (lu["name"], lu["type"]) == ("Lu Wei (CAC)", "organization")
    assert main(["corrections", "list", str(folder)]) == 0
    assert capsys.readouterr().out.count("applied") == 2
    # the corrected text gone: kept and listed as detached, never silently dropped
    _edit(article, "Lu Wei said", "A regulator said")
    names = [a["name"] for a in index_json(folder, capsys)["actors"]]
    assert "Lu Wei (CAC)" not in names
    assert main(["corrections", "list", str(folder)]) == 0
    listed = capsys.readouterr().out
    assert listed.count("detached") == 2 and "applied" not in listed


def test_corrections_cli_loads_neither_textual_nor_spacy(corpus) -> None:
    assert main(["index", str(corpus)]) == 0
    script = (
        "import sys\n"
        "from newsdesk.tui.cli import main\n"
        f"status = main(['actor', 'rename', 'Guo', 'Minister Guo', {str(corpus)!r}])\n"
        "print(status, 'spacy' in sys.modules, 'textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "0 False False", result.stderr
