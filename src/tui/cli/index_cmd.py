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
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: seeds/)")
    parser.add_argument("--json", action="store_true", help="the whole index as JSON on stdout")
    parser.add_argument("--cluster", metavar="ADDRESS", default=None,
                        help="index on a Dask cluster: a scheduler (tcp://HOST:8786) or local:N "
                        "workers on this machine (env NEWSDESK_CLUSTER; needs newsdesk[cluster])")


def run(options: argparse.Namespace) -> int:
    from newsdesk.core.serialize import corpus_json

    if options.cluster:
        from newsdesk.core.cluster import parse_cluster, require_distributed

        parse_cluster(options.cluster)  # bad input and a missing extra fail before any work
        require_distributed()
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
    from newsdesk.core.library import MemoryLibrary

    if isinstance(library, MemoryLibrary):
        return library.corpus
    return library.corpus()  # type: ignore[attr-defined,no-any-return]
