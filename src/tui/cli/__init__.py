"""The `newsdesk` command: `newsdesk [PATH...]` opens the explorer; subcommands script the index.

Only the explorer path imports Textual; the scripting subcommands stay light.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from newsdesk.core import __version__

SUBCOMMANDS = ("index", "search", "export", "relations", "actor")
#: `newsdesk actor VERB`: the verbs and the modules that run them.
ACTOR_VERBS = ("show",)


def command_hint(word: str) -> str | None:
    """What to add when a missing first PATH is a bare word: "did you mean `newsdesk search`?"
    when it is close to a command, else the commands there are; None when it reads as a path."""
    import difflib

    if not word or any(sep in word for sep in ("/", "\\", ".")) or word.startswith("~"):
        return None
    close = difflib.get_close_matches(word.casefold(), SUBCOMMANDS, n=2, cutoff=0.6)
    if not close:
        return f"not a command either ({', '.join(SUBCOMMANDS)})"
    return "did you mean " + " or ".join(f"`newsdesk {name}`" for name in close) + "?"


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="spaCy pipeline: a package name, a path, or 'rules' "
                        "(default: en_core_web_sm if installed, else the pinned package; "
                        "env NEWSDESK_MODEL)")
    parser.add_argument("--reindex", action="store_true", help="rebuild the index from scratch")
    parser.add_argument("--jobs", type=int, default=None,
                        help="indexing processes (env NEWSDESK_JOBS)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Explore news articles: who is in the story, what each of them said, "
        "and where.",
        epilog="Subcommands: newsdesk index|search|export|relations|actor show --help",
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="article files or folders (default: seeds/ or the bundled samples)")
    _common(parser)
    return parser


def _modules() -> dict[str, ModuleType]:
    """Subcommand (or `actor VERB`) -> the module with its `add_arguments` and `run`."""
    from . import export_cmd, index_cmd, record_cmd, relations_cmd, search_cmd

    return {
        "index": index_cmd, "search": search_cmd, "export": export_cmd,
        "relations": relations_cmd, "actor show": record_cmd,
    }


def build_subparsers() -> dict[str, argparse.ArgumentParser]:
    parsers: dict[str, argparse.ArgumentParser] = {}
    for name, module in _modules().items():
        sub = argparse.ArgumentParser(prog=f"newsdesk {name}", description=module.__doc__)
        _common(sub)
        module.add_arguments(sub)
        parsers[name] = sub
    return parsers


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        name = args.pop(0)
        if name == "actor":
            if not args or args[0] not in ACTOR_VERBS:
                verbs = "|".join(ACTOR_VERBS)
                print(f"newsdesk: usage: newsdesk actor {verbs} ACTOR [PATH...]", file=sys.stderr)
                return 2
            name = f"actor {args.pop(0)}"
        parser = build_subparsers()[name]
        options = parser.parse_args(args)
        return _run(_modules()[name].run, options)
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
