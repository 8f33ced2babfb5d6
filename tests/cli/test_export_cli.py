"""`newsdesk export`: stdout or --out, --force, --actor without marks, one clear line on errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from samples import MINISTERS

from newsdesk.core.marks.mark_store import MARKS_FILE, MarkStore
from newsdesk.core.settings import Settings
from newsdesk.core.store.index_store import open_library
from newsdesk.tui.cli import main


def mark_sentence(folder: Path, needle: str, note: str = "") -> None:
    settings = Settings.from_env()
    library = open_library([folder], settings).library
    article = library.article("ministers").article
    start = article.text.index(needle)
    with MarkStore.open(settings) as store:
        store.add(article, start, start + len(needle), "sentence", note=note)


def test_export_cli_no_marks_exits_1(export_cli_corpus, cli_pipeline, capsys):
    assert main(["export", str(export_cli_corpus)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "no marks" in err


def test_export_cli_stdout(export_cli_corpus, cli_pipeline, capsys):
    mark_sentence(export_cli_corpus, "The meeting ended without agreement.", note="*why* <b>")
    assert main(["export", str(export_cli_corpus)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith('---\ntitle: "newsdesk marks"\n')
    assert "> The meeting ended without agreement.\n" in out
    assert "**Note:** \\*why\\* \\<b\\>" in out
    html = MarkdownIt("commonmark").render(out)
    assert "<blockquote>" in html and "<b>" not in html


def test_export_cli_out_force_and_refusal(export_cli_corpus, cli_pipeline, capsys, tmp_path):
    mark_sentence(export_cli_corpus, "Officials will meet again in May.")
    target = tmp_path / "notes.md"
    assert main(["export", str(export_cli_corpus), "--out", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "wrote 1 passage to" in err
    first = target.read_text(encoding="utf-8")
    assert "> Officials will meet again in May." in first

    target.write_text("my own edits\n", encoding="utf-8")
    assert main(["export", str(export_cli_corpus), "--out", str(target)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "--force" in err
    assert target.read_text(encoding="utf-8") == "my own edits\n"

    assert main(["export", str(export_cli_corpus), "--out", str(target), "--force"]) == 0
    assert "> Officials will meet again in May." in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".notes")) == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [("notes.pdf", None), ("notes.docx", None), ("notes.csv", "csv"), ("notes.txt", "md"),
     ("notes", "md"), ("notes.JSONL", "jsonl")],
)
def test_export_cli_format_follows_the_extension_or_is_refused(
    export_cli_corpus, cli_pipeline, capsys, tmp_path, name, expected
):
    mark_sentence(export_cli_corpus, "Officials will meet again in May.")
    target = tmp_path / name
    status = main(["export", str(export_cli_corpus), "--out", str(target)])
    out, err = capsys.readouterr()
    if expected is None:  # a format newsdesk cannot write: one line, nothing written
        assert status == 2 and not target.exists() and err.count("\n") == 1
        assert f"cannot write {target.suffix} files" in err and "--format" in err
        assert main(["export", str(export_cli_corpus), "--out", str(target), "--format", "md"]) == 0
        assert target.read_text(encoding="utf-8").startswith("---\n")
        return
    assert status == 0
    written = target.read_text(encoding="utf-8")
    if expected == "md":
        assert written.startswith("---\n")
    elif expected == "csv":
        assert written.splitlines()[0].startswith("title,date,source,url,article,")
    else:
        json.loads(written.splitlines()[0])


def test_export_cli_actor_without_marks(export_cli_corpus, cli_pipeline, capsys):
    for query in ("Lu Wei", "lu-wei", "lu wei"):
        assert main(["export", str(export_cli_corpus), "--actor", query]) == 0
        out, _ = capsys.readouterr()
        assert 'title: "Positions of Lu Wei"' in out
        # reported speech is a paraphrase with its cue, then the article's own sentence
        said = "Lu Wei **said** online freedom is not a right but a responsibility (reported)"
        assert said in out
        assert "> Lu Wei said online freedom is not a right but a responsibility." in out
        assert "> — **Lu Wei** (reported)" not in out


def test_export_cli_min_confidence_filters_unmarked_positions(
    export_cli_corpus, cli_pipeline, capsys
):
    args = ["export", str(export_cli_corpus), "--actor", "Lu Wei"]
    assert main([*args, "--min-confidence", "0.5"]) == 0
    assert "online freedom is not a right" in capsys.readouterr()[0]
    # a named speaker's reported speech scores below 1: nothing is left above it
    assert main([*args, "--min-confidence", "1"]) == 1
    assert "no positions" in capsys.readouterr()[1]


@pytest.mark.parametrize("value", ["high", "1.5", "-0.1"])
def test_export_cli_min_confidence_out_of_range_exits_2(
    export_cli_corpus, cli_pipeline, capsys, value
):
    with pytest.raises(SystemExit) as exit_:
        main(["export", str(export_cli_corpus), "--min-confidence", value])
    assert exit_.value.code == 2
    assert "--min-confidence" in capsys.readouterr()[1]


def test_export_cli_group_by_actor(export_cli_corpus, cli_pipeline, capsys):
    mark_sentence(export_cli_corpus, "The meeting ended without agreement.")
    assert (
        main(["export", str(export_cli_corpus), "--group", "actor", "--article", "ministers"]) == 0
    )
    out, _ = capsys.readouterr()
    assert "## Other passages\n" in out and "### Ministers Meet Over Internet Rules\n" in out


@pytest.mark.parametrize(
    ("query", "name"),
    [("Lu Wie", "Lu Wei"), ("guo shengkn", "Guo Shengkun"), ("SHENGKUN", "Guo Shengkun")],
)
def test_export_cli_actor_name_as_search_finds_it(
    export_cli_corpus, cli_pipeline, capsys, query, name
):
    assert main(["search", query, str(export_cli_corpus), "--kind", "actor", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["text"] == name
    assert main(["export", str(export_cli_corpus), "--actor", query]) == 0
    out, err = capsys.readouterr()
    assert f'title: "Positions of {name}"' in out
    assert err.count("\n") == 1 and err.startswith(f"newsdesk: --actor {query!r}: {name} (")


def test_export_cli_exact_actor_name_says_nothing(export_cli_corpus, cli_pipeline, capsys):
    assert main(["export", str(export_cli_corpus), "--actor", "Lu Wei"]) == 0
    assert capsys.readouterr().err == ""


def test_export_cli_article_by_title_with_a_typo(export_cli_corpus, cli_pipeline, capsys):
    mark_sentence(export_cli_corpus, "The meeting ended without agreement.")
    assert main(["export", str(export_cli_corpus), "--article", "ministrs meet over internet"]) == 0
    out, err = capsys.readouterr()
    assert "The meeting ended without agreement." in out
    assert "Ministers Meet Over Internet Rules (ministers)" in err


def test_export_cli_several_matches_are_listed_exit_2(
    export_cli_corpus, cli_pipeline, capsys, write_article
):
    again = MINISTERS.replace("Ministers Meet Over Internet Rules", "Ministers Meet Again")
    write_article(export_cli_corpus, "ministers-again.txt", again)
    assert main(["export", str(export_cli_corpus), "--article", "ministers meet"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "matches several articles" in err
    assert "Ministers Meet Over Internet Rules (id ministers)" in err
    assert "Ministers Meet Again (id ministers-again)" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--actor", "Nobody Atall"], "no actor matches"),
        (["--article", "nope"], "no article matches"),
        (["--out", "{tmp}/missing/x.md"], "does not exist"),
        (["--out", "{tmp}"], "is a folder"),
    ],
)
def test_export_cli_bad_input_is_one_line_exit_2(
    export_cli_corpus, cli_pipeline, capsys, tmp_path, args, words
):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["export", str(export_cli_corpus), *args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and words in err and err.startswith("newsdesk: ")


def test_export_cli_missing_path_exits_2(cli_pipeline, capsys, tmp_path):
    assert main(["export", str(tmp_path / "nowhere")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1


def test_export_cli_corrupt_marks_db_is_reported(export_cli_corpus, cli_pipeline, capsys):
    data_dir = Settings.from_env().data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / MARKS_FILE).write_bytes(b"garbage" * 500)
    assert main(["export", str(export_cli_corpus), "--actor", "Lu Wei"]) == 0
    _, err = capsys.readouterr()
    assert "moved to" in err and ".corrupt-" in err
    assert any(p.name.startswith(f"{MARKS_FILE}.corrupt-") for p in data_dir.iterdir())


@pytest.mark.parametrize("actor", ["Lu Wei", "Lu Wie"])  # exact, and resolved by the search
def test_export_cli_warm_run_loads_neither_spacy_nor_textual(
    export_cli_corpus, cli_pipeline, actor
):
    import subprocess
    import sys

    assert main(["index", str(export_cli_corpus)]) == 0  # prime the store in-process
    script = (
        "import sys\n"
        "from newsdesk.tui.cli import main\n"
        f"status = main(['export', {str(export_cli_corpus)!r}, '--actor', {actor!r}])\n"
        "print(status, 'spacy' in sys.modules, 'textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "0 False False"
    assert "Lu Wei **said** online freedom" in result.stdout


def test_export_cli_corrupt_notice_is_one_line(export_cli_corpus, cli_pipeline):
    """In a real process (no pytest log capture): the notice, and no logging noise."""
    import subprocess
    import sys

    assert main(["index", str(export_cli_corpus)]) == 0
    data_dir = Settings.from_env().data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / MARKS_FILE).write_bytes(b"garbage" * 500)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from newsdesk.tui.cli import main; sys.exit(main())",
            "export",
            str(export_cli_corpus),
            "--actor",
            "Lu Wei",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1 and "has been moved to" in result.stderr
