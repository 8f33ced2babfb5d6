"""List, undo, redo and import the reader's corrections of this corpus."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .common import warn
from .correcting import add_paths, open_desk_for, report, verb_parser

if TYPE_CHECKING:
    from newsdesk.core.corrections import Correction, CorrectionDesk

VERBS = ("list", "undo", "redo", "import")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="|".join(VERBS))
    p = verb_parser(
        verbs, "list", "every correction (what, when, note, status); --json exports", note=False
    )
    add_paths(p)
    for name, text in (
        ("undo", "undo the latest correction, or correction ID"),
        ("redo", "redo the last undone correction, or correction ID"),
    ):
        p = verb_parser(verbs, name, text, note=False)
        p.add_argument(
            "rest",
            nargs="*",
            metavar="[ID] [PATH...]",
            help="a correction id from `corrections list`, then PATHs",
        )
    p = verb_parser(
        verbs,
        "import",
        "take corrections from `corrections list --json` output (ones already here are skipped)",
        note=False,
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the JSON file ('-' for stdin)")
    add_paths(p)


def run(options: argparse.Namespace) -> int:
    verb = options.verb
    correction_id = None
    if verb in ("undo", "redo"):
        rest = list(options.rest)
        if rest and rest[0].isdigit():
            correction_id = int(rest.pop(0))
        options.paths = [Path(p) for p in rest]
    if verb == "import":
        records = _read(options.file)  # before indexing: a bad file fails fast
    desk = open_desk_for(options)
    if verb == "list":
        return _list(options, desk)
    if verb == "undo":
        return report(options, desk.undo(correction_id), "undone")
    if verb == "redo":
        return report(options, desk.redo(correction_id), "redone")
    done = desk.import_records(records)
    for record, reason in done.refused:
        warn(f"refused {record.verb} “{record.target.text}”: {reason}")
    warn(f"imported {done.added}, {done.already} already here, {len(done.refused)} refused")
    return 2 if done.refused else 0


def _list(options: argparse.Namespace, desk: CorrectionDesk) -> int:
    from newsdesk.core.corrections import describe

    listed = desk.listed()
    if options.json:
        data = [
            {**item.correction.to_json(), "status": item.status, "reason": item.reason}
            for item in listed
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for item in listed:
            c = item.correction
            note = f"  note: {c.note}" if c.note else ""
            why = f"  ({item.reason})" if item.reason else ""
            print(
                f"#{c.id:<4} {item.status:<8} {c.created[:16].replace('T', ' ')}  "
                f"{describe(c)}{note}{why}"
            )
    return 0 if listed else 1


def _read(path: Path) -> list[Correction]:
    from newsdesk.core.corrections import Correction
    from newsdesk.core.errors import CorrectionError

    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
        data = json.loads(text)
        if isinstance(data, dict):
            data = data.get("corrections", [])
        return [Correction.from_json(item) for item in data]
    except OSError as err:
        raise CorrectionError(f"cannot read {path}: {err.strerror or err}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise CorrectionError(
            f"{path} is not a corrections export (`corrections list --json`): {err}"
        ) from None
