"""The project's contracts, run by `make test`: import layers (import-linter), ruff, and mypy
--strict on the core and the TUI."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_contracts_import_layers_hold() -> None:
    # In a process of its own: `lint_imports` calls `logging.config.dictConfig`, which disables
    # every logger already made (newsdesk's among them), and later tests then hear nothing.
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if linter is None:
        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    result = subprocess.run(
        [linter, str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_contracts_ruff_is_clean() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    result = subprocess.run(
        [ruff, "check", "--no-cache", "src", "tests", "bench"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_contracts_mypy_strict_on_the_core_and_the_tui() -> None:
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent)) or shutil.which("mypy")
    if mypy is None:
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    # [tool.mypy] in pyproject.toml: packages newsdesk.core and newsdesk.tui, strict
    result = subprocess.run([mypy], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


#: Names the rules give spaCy tokens. spaCy makes a new `Token` object on every access
#: (`doc[0] is doc[0]` is False), so `token.head is token` never finds the root.
_TOKEN_NAMES = frozenset({"token", "verb", "subject", "participle", "cue", "host", "according"})


def _names_a_token(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute) and node.attr == "head":
        return True
    return isinstance(node, ast.Name) and node.id in _TOKEN_NAMES


def test_contracts_tokens_are_compared_by_index() -> None:
    found = []
    for path in sorted((ROOT / "src" / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Compare):
                continue
            sides = [node.left, *node.comparators]
            for op, left, right in zip(node.ops, sides[:-1], sides[1:], strict=True):
                if (
                    isinstance(op, ast.Is | ast.IsNot)
                    and not isinstance(right, ast.Constant)
                    and (_names_a_token(left) or _names_a_token(right))
                ):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert not found, "compare tokens by .i, not by identity:\n" + "\n".join(found)
