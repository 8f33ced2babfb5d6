"""`newsdesk [PATH...]`: a bad path fails before Textual draws anything."""

from __future__ import annotations

from pathlib import Path

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


@pytest.mark.parametrize(("env_fps", "painted"), [(None, "120"), ("30", "30")])
def test_explore_cli_textual_paints_at_the_explorer_frame_rate(
    tmp_path: Path, env_fps: str | None, painted: str
) -> None:
    """`newsdesk` lets Textual paint up to 120 frames a second (a key right after a frame
    waited up to 16.7 ms for its slot at Textual's 60); a reader's TEXTUAL_FPS wins."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from newsdesk.tui.cli import explore, main\n"
        "explore.run_to_exit = lambda app, **options: 0  # no terminal here: built, not run\n"
        "main([sys.argv[1]])\n"
        "from textual import constants\n"
        "print(constants.MAX_FPS)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    env.update(NEWSDESK_DATA_DIR=str(tmp_path / "data"), NEWSDESK_CACHE_DIR=str(tmp_path / "c"))
    if env_fps is not None:
        env["TEXTUAL_FPS"] = env_fps
    (tmp_path / "a.txt").write_text("Title\n\nSome text.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.txt")], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == painted
