"""`newsdesk [PATH...]`: open the explorer (the only path that imports Textual)."""

from __future__ import annotations

import argparse

from .common import default_paths, settings_from


def run(options: argparse.Namespace) -> int:
    from newsdesk.core.errors import PathNotFound

    paths = default_paths(options.paths)
    # A mistyped path is one line and exit status 2 before any screen is drawn.
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise PathNotFound(f"{path}: no such file or folder")

    from newsdesk.tui.app import NewsdeskApp

    app = NewsdeskApp(paths, settings_from(options), reindex=options.reindex)
    app.run()
    return app.return_code or 0
