"""`newsdesk [PATH...]`: open the explorer (the only path that imports Textual)."""

from __future__ import annotations

import argparse
import gc
import os
from typing import TYPE_CHECKING, Any

from . import command_hint
from .common import default_paths, settings_from

if TYPE_CHECKING:
    from newsdesk.tui.app import NewsdeskApp

FRAME_RATE = 120
"""Frames a second Textual may paint (its `TEXTUAL_FPS`, 60 unless set). Textual paints on a
fixed grid of that period: a key answered within a period of the last frame (Enter right after
`j`) waited up to 16.7 ms at 60 for its slot, 8.3 at this rate. Frames are only painted when
something changed, so an idle explorer costs nothing more."""


def prepare_textual() -> None:
    """Settings Textual reads once, at import: call before importing it. The reader's own
    `TEXTUAL_FPS` wins."""
    os.environ.setdefault("TEXTUAL_FPS", str(FRAME_RATE))


def run(options: argparse.Namespace) -> int:
    from newsdesk.core.errors import PathNotFound

    paths = default_paths(options.paths)
    # A mistyped path is one line and exit status 2 before any screen is drawn.
    for number, path in enumerate(paths):
        if not path.exists() and not path.is_symlink():
            hint = command_hint(str(path)) if number == 0 else None
            raise PathNotFound(f"{path}: no such file or folder" + (f"; {hint}" if hint else ""))

    prepare_textual()
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
