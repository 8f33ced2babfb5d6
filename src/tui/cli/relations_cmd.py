"""Who targets whom: relations read off stances and quotes, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import open_index, say_resolved, search_opener, settings_from, warn


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: seeds/)"
    )
    parser.add_argument(
        "--actor",
        metavar="ACTOR",
        help="only relations with this actor at either end (name, alias or id)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='relations as JSON: [{"source", "source_id", "target", "target_id", '
        '"verb", "polarity", "evidence", "article", "date"}]',
    )


def run(options: argparse.Namespace) -> int:
    from newsdesk.core.analysis.relations import find_relations, relation_json
    from newsdesk.core.resolve import resolve_actor

    library = open_index(options).library
    actor_id = None
    if options.actor:
        search = search_opener(library, settings_from(options))
        resolved = resolve_actor(library, options.actor, search)
        say_resolved("--actor", resolved, resolved.item.name, resolved.item.id)
        actor_id = resolved.item.id
    relations = find_relations(library, actor_id)
    if options.json:
        json.dump([relation_json(r) for r in relations], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for r in relations:
            sys.stdout.write(
                f"{r.source_name}\t{r.verb}\t{r.polarity}\t{r.target_name}\t{r.article}\n"
            )
    if not relations:
        warn("no relations found")
        return 1
    return 0
