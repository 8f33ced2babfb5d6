"""The explorer renders with public Textual and Rich APIs only: private modules move between
releases (`rich._wrap` did), so importing them is caught here, not after an upgrade."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TUI = Path(__file__).resolve().parents[2] / "src" / "tui"


def private_imports(source: str) -> list[str]:
    """Modules or names imported from textual / rich with a leading underscore."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
            names = []
        else:
            continue
        for module in modules:
            parts = module.split(".")
            if parts[0] not in ("textual", "rich"):
                continue
            if any(part.startswith("_") for part in parts):
                found.append(module)
            found.extend(f"{module}.{n}" for n in names if n.startswith("_"))
    return found


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from rich._wrap import divide_line", ["rich._wrap"]),
        ("import textual._compositor", ["textual._compositor"]),
        ("from textual.widgets import _tree", ["textual.widgets._tree"]),
        ("from rich.cells import cell_len\nfrom newsdesk._x import y", []),
    ],
)
def test_public_apis_private_imports_are_found(source: str, expected: list[str]) -> None:
    assert private_imports(source) == expected


#: Private names still used, each with its reason; a new one fails, and one removed must leave.
KNOWN: dict[str, list[str]] = {}


def test_public_apis_the_tui_imports_no_private_textual_or_rich_module() -> None:
    offenders = {
        str(path.relative_to(TUI)): found
        for path in sorted(TUI.rglob("*.py"))
        if (found := private_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == KNOWN
