"""`newsdesk [PATH...]`: open the explorer (the only path that imports Textual)."""

from __future__ import annotations

import argparse
import gc
from typing import TYPE_CHECKING, Any

from . import command_hint
from .common import default_paths, settings_from

if TYPE_CHECKING:
    from newsdesk.tui.app import NewsdeskApp


def run(options: argparse.Namespace) -> int:
    from newsdesk.core.errors import PathNotFound

    paths = default_paths(options.paths)
    # A mistyped path is one line and exit status 2 before any screen is drawn.
    for number, path in enumerate(paths):
        if not path.exists() and not path.is_symlink():
            hint = command_hint(str(path)) if number == 0 else None
            raise PathNotFound(f"{path}: no such file or folder" + (f"; {hint}" if hint else ""))

    from newsdesk.tui.app import NewsdeskApp

    return run_to_exit(NewsdeskApp(paths, settings_from(options), reindex=options.reindex))


def run_to_exit(app: NewsdeskApp, **run_options: Any) -> int:
    """Run the explorer as the last thing this process does (`bench/probes.py` too)."""
    app.run(**run_options)
    # The process ends next: the interpreter's final collection would walk every object the
    # session made, for nothing (about 0.1 s on the seeds, more on a big folder) before `q`
    # gives the shell back.
    gc.freeze()
    return app.return_code or 0
