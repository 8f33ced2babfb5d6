"""`newsdesk [PATH...]`: a bad path fails before Textual draws anything."""

from __future__ import annotations

import pytest

from newsdesk.tui.cli import main


def test_explore_cli_missing_path_one_line_exit_2(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    assert main([str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"newsdesk: {tmp_path / 'nope'}: no such file or folder"


def test_explore_cli_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("newsdesk ")


@pytest.mark.parametrize(
    ("word", "command"),
    [("serach", "search"), ("seach", "search"), ("indx", "index"), ("Index", "index"),
     ("exprot", "export"), ("xport", "export")],
)
def test_explore_cli_mistyped_command_gets_did_you_mean(
    word: str, command: str, tmp_path, monkeypatch, capsys: pytest.CaptureFixture[str]  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([word, "Putin"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    hint = f"did you mean `newsdesk {command}`?"
    assert err.strip() == f"newsdesk: {word}: no such file or folder; {hint}"


def test_explore_cli_unknown_word_names_the_commands(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert main(["bogus"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("newsdesk: bogus: no such file or folder")
    assert "did you mean" not in err and all(c in err for c in ("index", "search", "export"))


@pytest.mark.parametrize("path", ["notes/serach", "serach.txt", "~serach"])
def test_explore_cli_missing_path_that_reads_as_a_path_gets_no_hint(
    path: str, tmp_path, monkeypatch, capsys  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([path]) == 2
    assert capsys.readouterr().err.strip() == f"newsdesk: {path}: no such file or folder"
