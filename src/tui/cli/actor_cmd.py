"""An actor: show its record, or correct it (rename, merge into another, split off, retype,
hide or unhide)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .correcting import actor, add_paths, open_desk_for, report, verb_parser

if TYPE_CHECKING:
    from newsdesk.core.corrections import CorrectionDesk

VERBS = ("show", "rename", "merge", "split", "type", "hide", "unhide")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from newsdesk.core.models import ACTOR_TYPES

    verbs = parser.add_subparsers(dest="verb", required=True, metavar="|".join(VERBS))
    p = verb_parser(
        verbs,
        "show",
        "an actor's record: roles, timeline, positions, relations (--json for scripts)",
        note=False,
        json_help='the record as JSON: {"id", "name", "type", "aliases", "roles", '
        '"articles", "timeline", "positions", "relations"}',
    )
    p.add_argument("actor", metavar="ACTOR", help="a name, alias or actor id (typos welcome)")
    add_paths(p)
    p = verb_parser(verbs, "rename", "change an actor's display name (its id stays)")
    p.add_argument("actor", metavar="ACTOR", help="name, alias or id")
    p.add_argument("new_name", metavar="NEW_NAME")
    add_paths(p)
    p = verb_parser(verbs, "merge", "merge ACTOR into INTO_ACTOR (one actor from then on)")
    p.add_argument("actor", metavar="ACTOR")
    p.add_argument("into", metavar="INTO_ACTOR")
    add_paths(p)
    p = verb_parser(
        verbs,
        "split",
        "move an actor's mentions in one article, or one mention, "
        "into a new actor (or --into another)",
    )
    p.add_argument("actor", metavar="ACTOR")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--article", metavar="ID", help="every mention of ACTOR in this article")
    where.add_argument("--mention", metavar="ARTICLE:START", help="the mention starting there")
    p.add_argument("--into", metavar="ACTOR", help="an existing actor (default: a new one)")
    add_paths(p)
    p = verb_parser(verbs, "type", "change an actor's type")
    p.add_argument("actor", metavar="ACTOR")
    p.add_argument("type", choices=ACTOR_TYPES)
    add_paths(p)
    for name, text in (("hide", "not an actor: list it nowhere"), ("unhide", "list it again")):
        p = verb_parser(verbs, name, text)
        p.add_argument("actor", metavar="ACTOR")
        add_paths(p)


def run(options: argparse.Namespace) -> int:
    if options.verb == "show":
        from . import record_cmd

        return record_cmd.run(options)
    desk = open_desk_for(options)
    verb, note = options.verb, options.note
    chosen = actor(desk, options.actor, hidden=verb == "unhide")
    if verb == "rename":
        record = desk.rename(chosen.id, options.new_name, note)
    elif verb == "merge":
        record = desk.merge(chosen.id, actor(desk, options.into).id, note)
    elif verb == "split":
        into = actor(desk, options.into).id if options.into else None
        if options.article:
            record = desk.split_article(chosen.id, _article(desk, options.article), into, note)
        else:
            article, start = _mention(desk, options.mention)
            record = desk.split_mention(article, start, into, note, actor_id=chosen.id)
    elif verb == "type":
        record = desk.set_type(chosen.id, options.type, note)
    elif verb == "hide":
        record = desk.hide(chosen.id, note)
    else:
        record = desk.unhide(chosen.id, note)
    return report(options, record)


def _article(desk: CorrectionDesk, query: str) -> str:
    from newsdesk.core.resolve import resolve_article

    return resolve_article(desk.library, query).item.id


def _mention(desk: CorrectionDesk, spec: str) -> tuple[str, int]:
    from newsdesk.core.errors import CorrectionError

    article, _, start = spec.rpartition(":")
    if not article or not start.isdigit():
        raise CorrectionError(f"--mention takes ARTICLE:START (e.g. a1:120), not {spec!r}")
    return _article(desk, article), int(start)
