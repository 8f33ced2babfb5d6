"""`newsdesk actor show ACTOR`: an actor's record (roles, timeline, positions, relations); its
arguments are declared with the other actor verbs in `actor_cmd`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ..wording import counted
from .common import open_index, say_resolved, search_opener, settings_from

if TYPE_CHECKING:
    from newsdesk.core.analysis.record import ActorRecord
    from newsdesk.core.analysis.relations import Relation


def run(options: argparse.Namespace) -> int:
    from newsdesk.core.analysis.record import build_record, record_json, record_relations
    from newsdesk.core.resolve import resolve_actor

    library = open_index(options).library
    resolved = resolve_actor(library, options.actor, search_opener(library, settings_from(options)))
    actor = resolved.item
    say_resolved("actor", resolved, actor.name, actor.id)
    record = build_record(library, actor.id)
    relations = record_relations(library, record)
    if options.json:
        json.dump(record_json(record, relations), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    print_record(record, relations)
    return 0


def print_record(record: ActorRecord, relations: list[Relation]) -> None:
    """The record as plain text: every string from an article is printed as data."""
    from newsdesk.core.analysis.record import sparkline

    out = sys.stdout
    out.write(f"{record.name}  ({record.type}, {record.id})\n")
    if record.aliases:
        out.write(f"also: {', '.join(record.aliases)}\n")
    for role in record.roles:
        out.write(f"role: {role.role}  [{role.article}]\n")
    out.write(
        f"{counted(len(record.articles), 'article')}, "
        f"{counted(len(record.positions), 'position')}\n"
    )
    dated = [p for p in record.timeline if p.period is not None]
    undated = next((p for p in record.timeline if p.period is None), None)
    if dated:
        out.write(f"\nby {record.granularity}, {dated[0].period} .. {dated[-1].period}\n")
        out.write(f"  mentions  {sparkline([p.mentions for p in dated])}\n")
        out.write(f"  positions {sparkline([p.positions for p in dated])}\n")
    if undated:
        out.write(
            f"  undated: {counted(undated.mentions, 'mention')}, "
            f"{counted(undated.positions, 'position')}\n"
        )
    if record.positions:
        out.write("\npositions\n")
        for row in record.position_rows():
            cue = f" {row.cue}" if row.cue else ""
            out.write(f"  {row.date or 'undated':10}  {row.kind:8}{cue}: {_short(row.text)}\n")
    if relations:
        out.write("\nrelations\n")
        for relation in relations:
            out.write(
                f"  {relation.source_name} --{relation.verb} ({relation.polarity})--> "
                f"{relation.target_name}  [{relation.article}]\n"
            )


def _short(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"
