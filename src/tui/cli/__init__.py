"""The `newsdesk` command: `newsdesk [PATH...]` opens the explorer; subcommands script the index.

Only the explorer path imports Textual; `index`, `search` and `export` stay light.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from newsdesk.core import __version__

SUBCOMMANDS = ("index", "search", "export")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="spaCy pipeline: a package name, a path, or 'rules' "
                        "(default: en_core_web_sm if installed, else the pinned package; env NEWSDESK_MODEL)")
    parser.add_argument("--reindex", action="store_true", help="rebuild the index from scratch")
    parser.add_argument("--jobs", type=int, default=None, help="indexing processes (env NEWSDESK_JOBS)")
    parser.add_argument("--fields", default=None, metavar="ROLE=FIELD,...",
                        help="which fields of JSONL/CSV/JSON dumps hold what, over the usual names, "
                        "e.g. title=headline,text=body (roles: id title text date url source author; "
                        "env NEWSDESK_FIELDS)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Explore news articles: who is in the story, what each of them said, and where.",
        epilog="Subcommands: newsdesk index|search|export --help",
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="article files or folders (default: seeds/ or the bundled samples)")
    _common(parser)
    return parser


def build_subparsers() -> dict[str, argparse.ArgumentParser]:
    from . import export_cmd, index_cmd, search_cmd

    parsers: dict[str, argparse.ArgumentParser] = {}
    for name, module in (("index", index_cmd), ("search", search_cmd), ("export", export_cmd)):
        sub = argparse.ArgumentParser(prog=f"newsdesk {name}", description=module.__doc__)
        _common(sub)
        module.add_arguments(sub)
        parsers[name] = sub
    return parsers


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        from . import export_cmd, index_cmd, search_cmd

        name = args.pop(0)
        parser = build_subparsers()[name]
        options = parser.parse_args(args)
        module = {"index": index_cmd, "search": search_cmd, "export": export_cmd}[name]
        return _run(module.run, options)
    options = build_parser().parse_args(args)
    from .explore import run as explore

    return _run(explore, options)


def _run(command: object, options: argparse.Namespace) -> int:
    from newsdesk.core.errors import NewsdeskError

    try:
        return int(command(options))  # type: ignore[operator]
    except NewsdeskError as err:
        print(f"newsdesk: {err}", file=sys.stderr)
        return err.exit_status
    except KeyboardInterrupt:
        print("newsdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
