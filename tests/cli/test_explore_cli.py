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
