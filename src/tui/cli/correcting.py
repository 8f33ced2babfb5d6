"""What the correction commands (`actor`, `quote`, `corrections`) share: the desk, actor
resolution with the actor named on stderr, and printing a correction record."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.core.settings import Settings

from .common import default_paths, open_index, search_opener, settings_from, warn

if TYPE_CHECKING:
    from newsdesk.core.corrections import Correction, CorrectionDesk
    from newsdesk.core.models import ActorSummary


def verb_parser(
    verbs: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help_text: str,
    *,
    note: bool = True,
    json_help: str = "print the correction record as JSON",
) -> argparse.ArgumentParser:
    """A verb's parser with the options every correction command takes."""
    from . import _common

    parser: argparse.ArgumentParser = verbs.add_parser(name, help=help_text, description=help_text)
    _common(parser)
    if note:
        parser.add_argument(
            "--note", default="", metavar="TEXT", help="why (kept with the correction)"
        )
    parser.add_argument("--json", action="store_true", help=json_help)
    return parser


def add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (default: seeds/)",
    )


def open_desk_for(options: argparse.Namespace) -> CorrectionDesk:
    """Open the corpus under PATH (indexing what changed) and its correction desk."""
    from newsdesk.core.corrections import open_desk

    opened = open_index(options)
    return open_desk(
        opened.library, default_paths(list(options.paths or [])), settings_from(options)
    )


def actor(desk: CorrectionDesk, query: str, *, hidden: bool = False) -> ActorSummary:
    """The one actor `query` names (hidden ones too when asked); stderr says which."""
    from newsdesk.core.resolve import resolve_actor

    extra = desk.library.hidden_actors() if hidden else ()
    search = search_opener(desk.library, Settings.from_env())  # opened only for a near name
    found = resolve_actor(desk.library, query, search, extra=extra).item
    warn(f"actor: {found.name} ({found.id})")
    return found


def report(options: argparse.Namespace, record: Correction, done: str = "") -> int:
    """The correction on stdout, one line (or its JSON); `done` ("undone", "redone") says
    what just happened to it, as a new correction's line needs no such word."""
    from newsdesk.core.corrections import describe

    if options.json:
        json.dump(record.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        note = f"  ({record.note})" if record.note else ""
        print(f"{done + ' ' if done else ''}#{record.id} {describe(record)}{note}")
    return 0
