"""The README's keys table is generated from `bindings.py`; this keeps them in step."""

from __future__ import annotations

from pathlib import Path

from newsdesk.tui.bindings import markdown_table

README = Path(__file__).parents[2] / "README.md"


def test_readme_lists_every_binding() -> None:
    assert markdown_table() in README.read_text(encoding="utf-8")
