"""Index articles and print a summary, or the whole index as JSON (--json)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import default_paths, settings_from, warn


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: seeds/)")
    parser.add_argument("--json", action="store_true", help="the whole index as JSON on stdout")


def run(options: argparse.Namespace) -> int:
    from newsdesk.core.index import index_paths
    from newsdesk.core.serialize import corpus_json

    corpus = index_paths(default_paths(options.paths), settings_from(options))
    for skipped in corpus.skipped:
        warn(f"skipped {skipped.path}: {skipped.reason}")
    if options.json:
        json.dump(corpus_json(corpus), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    from .summary import print_summary

    print_summary(corpus)
    return 0
