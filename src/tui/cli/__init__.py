"""The `newsdesk` command: `newsdesk [PATH...]` opens the explorer; subcommands script the index.

Only the explorer path imports Textual; the scripting subcommands stay light.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, Protocol, cast

from newsdesk.core import __version__

SUBCOMMANDS = ("index", "search", "export", "relations", "actor", "quote", "corrections")


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


class Parser(argparse.ArgumentParser):
    """argparse with a one-line usage error (and where to read more), not the usage block:
    the README's "messages to stderr, one line each"; `--help` still prints it all."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (try `{self.prog} --help`)\n")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", help="spaCy pipeline: a package name, a path, or 'rules' "
                        "(default: en_core_web_sm if installed, else the pinned package; "
                        "env NEWSDESK_MODEL)")
    parser.add_argument("--reindex", action="store_true", help="rebuild the index from scratch")
    parser.add_argument("--jobs", type=int, default=None,
                        help="indexing processes (env NEWSDESK_JOBS)")
    parser.add_argument("--fields", default=None, metavar="ROLE=FIELD,...",
                        help="which fields of JSONL/CSV/JSON dumps hold what, over the usual "
                        "names, e.g. title=headline,text=body (roles: id title text date url "
                        "source author; env NEWSDESK_FIELDS)")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="newsdesk",
        description="Explore news articles: who is in the story, what each of them said, "
        "and where.",
        epilog="Subcommands: newsdesk index|search|export|relations|actor|quote|corrections "
        "--help",
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="article files or folders (default: seeds/ or the bundled samples)")
    _common(parser)
    return parser


class Subcommand(Protocol):
    """What each `<name>_cmd` module holds."""

    __doc__: str | None

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, options: argparse.Namespace) -> int: ...


def _module(name: str) -> Subcommand:
    """The module of a subcommand (`export` -> `export_cmd`), imported only when used."""
    from importlib import import_module

    return cast(Subcommand, import_module(f"{__name__}.{name}_cmd"))


def build_subparsers() -> dict[str, argparse.ArgumentParser]:
    parsers: dict[str, argparse.ArgumentParser] = {}
    for name in SUBCOMMANDS:
        module = _module(name)
        sub = Parser(prog=f"newsdesk {name}", description=module.__doc__)
        if not hasattr(module, "VERBS"):  # commands with verbs take these after the verb
            _common(sub)
        module.add_arguments(sub)
        parsers[name] = sub
    return parsers


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        name = args.pop(0)
        module = _module(name)
        parser = Parser(prog=f"newsdesk {name}", description=module.__doc__)
        if not hasattr(module, "VERBS"):
            _common(parser)
        module.add_arguments(parser)
        if hasattr(module, "VERBS"):
            options = _parse_verb(parser, args)
        else:
            options = parser.parse_args(args)
        return _run(module.run, options)
    options = build_parser().parse_args(args)
    from .explore import run as explore

    return _run(explore, options)


def _parse_verb(parser: argparse.ArgumentParser, args: list[str]) -> argparse.Namespace:
    """Parse `noun verb ...`: PATHs may follow options (`split X --article A seeds/`), which
    argparse's subcommands cannot intermix, so left-over words are the trailing PATHs."""
    options, extra = parser.parse_known_args(args)
    if extra:
        flags = [a for a in extra if a.startswith("-") and a != "-"]
        field = "paths" if hasattr(options, "paths") else "rest"
        if flags or not hasattr(options, field):
            parser.error(f"unrecognized arguments: {' '.join(flags or extra)}")
        current = list(getattr(options, field) or [])
        setattr(options, field, current + [Path(a) if field == "paths" else a for a in extra])
    return options


def _run(command: Callable[[argparse.Namespace], int], options: argparse.Namespace) -> int:
    from newsdesk.core.errors import NewsdeskError

    try:
        return int(command(options))
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
