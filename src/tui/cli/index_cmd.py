"""Index articles and print a summary, or the whole index as JSON (--json)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from .common import open_index

if TYPE_CHECKING:
    from newsdesk.core.models import Corpus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="files or folders (default: seeds/)")
    parser.add_argument("--json", action="store_true", help="the whole index as JSON on stdout")
    parser.add_argument("--limit", type=_count, default=None, metavar="N",
                        help="rows per table in the summary (default: 40; 0 for all; "
                        "--json is always whole)")
    parser.add_argument("--cluster", metavar="ADDRESS", default=None,
                        help="index on a Dask cluster: a scheduler (tcp://HOST:8786) or local:N "
                        "workers on this machine (env NEWSDESK_CLUSTER; needs newsdesk[cluster])")


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 (all) or more")
    return number


def run(options: argparse.Namespace) -> int:
    from newsdesk.core.export.serialize import corpus_json

    if options.cluster:
        from newsdesk.core.store.cluster import parse_cluster, require_distributed

        parse_cluster(options.cluster)  # bad input and a missing extra fail before any work
        require_distributed()
    opened = open_index(options)
    corpus = _corpus(opened.library)
    if options.json:
        json.dump(corpus_json(corpus), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    from .summary import DEFAULT_LIMIT, print_summary

    print_summary(corpus, limit=DEFAULT_LIMIT if options.limit is None else options.limit)
    return 0


@runtime_checkable
class _WholeCorpus(Protocol):
    """A library that builds the whole corpus in bulk (the store, a corrected library)."""

    def corpus(self) -> Corpus: ...


def _corpus(library: object) -> Corpus:
    """The whole index in memory: the store builds it in bulk, other libraries by protocol."""
    from newsdesk.core.store.library import MemoryLibrary

    if isinstance(library, MemoryLibrary):
        return library.corpus
    if not isinstance(library, _WholeCorpus):
        raise TypeError(f"{type(library).__name__} cannot give the whole corpus")
    return library.corpus()
