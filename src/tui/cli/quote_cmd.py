"""Correct a quote: its speaker or kind, hide it ("not a quote") or restore it, or add one."""

from __future__ import annotations

import argparse

from .correcting import actor, add_paths, open_desk_for, report, verb_parser

VERBS = ("speaker", "kind", "hide", "restore", "add")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from newsdesk.core.models import QUOTE_KINDS

    verbs = parser.add_subparsers(dest="verb", required=True, metavar="|".join(VERBS))
    p = verb_parser(verbs, "speaker", "change who said it: an actor, or --text NAME")
    p.add_argument("quote", metavar="QUOTE", help="a quote id from `index --json`")
    p.add_argument(
        "rest",
        nargs="*",
        metavar="ACTOR [PATH...]",
        help="the speaker (name, alias or id; omitted with --text), then PATHs",
    )
    p.add_argument("--text", metavar="NAME", help="a speaker who is not an actor")
    p = verb_parser(verbs, "kind", "change the kind of a quote")
    p.add_argument("quote", metavar="QUOTE")
    p.add_argument("kind", choices=QUOTE_KINDS)
    add_paths(p)
    for name, text in (("hide", "not a quote: list it nowhere"), ("restore", "list it again")):
        p = verb_parser(verbs, name, text)
        p.add_argument("quote", metavar="QUOTE")
        add_paths(p)
    p = verb_parser(verbs, "add", "add a quote the extractor missed: ARTICLE's text START..END")
    p.add_argument("article", metavar="ARTICLE", help="article id or file path")
    p.add_argument("start", type=int, metavar="START")
    p.add_argument("end", type=int, metavar="END")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--speaker", metavar="ACTOR", help="the speaker (name, alias or id)")
    who.add_argument("--text", metavar="NAME", help="a speaker who is not an actor")
    p.add_argument("--kind", choices=QUOTE_KINDS, default="direct", help="default: direct")
    add_paths(p)


def run(options: argparse.Namespace) -> int:
    from .actor_cmd import _article

    verb, note = options.verb, options.note
    speaker_query = None
    if verb == "speaker":
        rest = list(options.rest)
        if options.text is None:
            if not rest:
                from newsdesk.core.errors import CorrectionError

                raise CorrectionError("give the speaker (ACTOR) or --text NAME")
            speaker_query = rest.pop(0)
        from pathlib import Path

        options.paths = [Path(p) for p in rest]
    desk = open_desk_for(options)
    if verb == "speaker":
        actor_id = actor(desk, speaker_query).id if speaker_query else None
        record = desk.quote_speaker(options.quote, actor_id, options.text, note)
    elif verb == "kind":
        record = desk.quote_kind(options.quote, options.kind, note)
    elif verb == "hide":
        record = desk.quote_hide(options.quote, note)
    elif verb == "restore":
        record = desk.quote_restore(options.quote, note)
    else:
        actor_id = actor(desk, options.speaker).id if options.speaker else None
        record = desk.quote_add(
            _article(desk, options.article),
            options.start,
            options.end,
            actor_id=actor_id,
            text=options.text,
            kind=options.kind,
            note=note,
        )
    return report(options, record)
