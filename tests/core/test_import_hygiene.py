"""The core is a plain library: importing every module of it loads neither Textual nor Rich."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import newsdesk.core

CORE = Path(newsdesk.core.__file__).parent


def test_import_hygiene_core_never_imports_textual_or_rich() -> None:
    modules = sorted(
        ".".join(("newsdesk.core", *p.relative_to(CORE).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for p in CORE.rglob("*.py")
    )
    assert len(modules) > 30
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in ('textual', 'rich', 'spacy') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
