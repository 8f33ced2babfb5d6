"""Index articles and print a summary, or the whole index as JSON (--json)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .common import open_index

if TYPE_CHECKING:
    from newsdesk.core.models import Corpus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="files or folders (default: seeds/)")
    parser.add_argument("--json", action="store_true", help="the whole index as JSON on stdout")


def run(options: argparse.Namespace) -> int:
    from newsdesk.core.export.serialize import corpus_json

    opened = open_index(options)
    corpus = _corpus(opened.library)
    if options.json:
        json.dump(corpus_json(corpus), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    from .summary import print_summary

    print_summary(corpus)
    return 0


def _corpus(library: object) -> Corpus:
    """The whole index in memory: the store builds it in bulk, other libraries by protocol."""
    from newsdesk.core.store.library import MemoryLibrary

    if isinstance(library, MemoryLibrary):
        return library.corpus
    return library.corpus()  # type: ignore[attr-defined,no-any-return]
