"""`newsdesk [PATH...]`: open the explorer (the only path that imports Textual)."""

from __future__ import annotations

import argparse

from .common import default_paths, settings_from


def run(options: argparse.Namespace) -> int:
    from newsdesk.tui.app import NewsdeskApp

    app = NewsdeskApp(default_paths(options.paths), settings_from(options), reindex=options.reindex)
    app.run()
    return app.return_code or 0
