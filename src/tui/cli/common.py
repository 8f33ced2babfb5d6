"""What the subcommands share: settings from flags, default paths, opening the index."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsdesk.core.settings import Settings


def settings_from(options: argparse.Namespace) -> Settings:
    return Settings.from_env(model=getattr(options, "model", None), jobs=getattr(options, "jobs", None))


def default_paths(paths: list[Path]) -> list[Path]:
    """PATHs as given; else `seeds/` in the working directory; else the samples in the package."""
    if paths:
        return paths
    local = Path("seeds")
    if local.is_dir():
        return [local]
    from importlib.resources import files

    return [Path(str(files("newsdesk.seeds")))]


def warn(message: str) -> None:
    """One line on stderr (messages never go to stdout, which carries data)."""
    print(f"newsdesk: {message}", file=sys.stderr)
