"""Correction records and the content anchors they hold, with their JSON shape."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Literal, get_args

CorrectionVerb = Literal[
    "actor.rename",
    "actor.merge",
    "actor.split",
    "actor.type",
    "actor.hide",
    "actor.unhide",
    "quote.speaker",
    "quote.kind",
    "quote.hide",
    "quote.restore",
    "quote.add",
]
VERBS: tuple[CorrectionVerb, ...] = get_args(CorrectionVerb)
ACTOR_VERBS = tuple(v for v in VERBS if v.startswith("actor."))
QUOTE_VERBS = tuple(v for v in VERBS if v.startswith("quote."))
SplitScope = Literal["article", "mention"]


@dataclass(frozen=True, slots=True)
class Anchor:
    """A span of one article, found again by its content (as marks are), never by a name.

    For an actor it is one of its mentions; for a quote, the quote's span.
    """

    article: str
    path: str
    """Absolute path of the article file when the correction was made."""
    content_hash: str
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "path": self.path,
            "content_hash": self.content_hash,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Anchor:
        return cls(
            str(data["article"]),
            str(data.get("path", "")),
            str(data["content_hash"]),
            int(data["start"]),
            int(data["end"]),
            str(data["text"]),
        )


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction a reader made; kept for good (undo flags it, never deletes it)."""

    id: int
    """Local row id (what `corrections undo ID` takes); 0 before it is stored."""
    uid: str
    """Content id, the same on every machine: what makes an import idempotent."""
    verb: CorrectionVerb
    target: Anchor
    """What is corrected: a mention of the actor (for a split, the mention or one mention of
    the actor in the article to split off), or the quote's span (quote.add: the new span)."""
    other: Anchor | None = None
    """The other actor, by one of its mentions: merge INTO, split --into, a quote's speaker."""
    value: str | None = None
    """The new name, type or kind; for a split, its scope ("article" or "mention")."""
    speaker: str | None = None
    """A speaker named in words (`quote speaker --text`, `quote add` without an actor)."""
    note: str = ""
    before: str = ""
    """What it was before, in words (shown on the status line and in the list)."""
    created: str = ""
    undone: bool = False
    corpus: str = ""
    """Key of the corpus folders it was made in (for listing what no longer anchors)."""

    @property
    def subject(self) -> str:
        return self.verb.split(".", 1)[0]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "verb": self.verb,
            "target": self.target.to_json(),
            "other": self.other.to_json() if self.other else None,
            "value": self.value,
            "speaker": self.speaker,
            "note": self.note,
            "before": self.before,
            "created": self.created,
            "undone": self.undone,
            "corpus": self.corpus,
            "description": describe(self),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Correction:
        """A record from `corrections list --json` (raises KeyError/ValueError when malformed)."""
        verb = str(data["verb"])
        if verb not in VERBS:
            raise ValueError(f"unknown correction {verb!r}")
        other = data.get("other")
        record = cls(
            id=0,
            uid="",
            verb=verb,
            target=Anchor.from_json(data["target"]),
            other=Anchor.from_json(other) if other else None,
            value=_opt(data.get("value")),
            speaker=_opt(data.get("speaker")),
            note=str(data.get("note") or ""),
            before=str(data.get("before") or ""),
            created=str(data.get("created") or ""),
            undone=bool(data.get("undone", False)),
            corpus=str(data.get("corpus") or ""),
        )
        return with_uid(record)


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def with_uid(record: Correction) -> Correction:
    """The record with its content id: what it does, to what, and when it was made."""
    from dataclasses import replace

    def anchor(a: Anchor | None) -> list[Any] | None:
        return None if a is None else [a.content_hash, a.start, a.end, a.text]

    payload = json.dumps(
        [
            record.verb,
            anchor(record.target),
            anchor(record.other),
            record.value,
            record.speaker,
            record.created,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return replace(record, uid=hashlib.sha256(payload.encode()).hexdigest()[:20])


def describe(record: Correction) -> str:
    """One line saying what the correction does ("merge Toni into Tony Mendez")."""
    what = record.before or record.target.text
    other = record.other.text if record.other else None
    verb = record.verb
    if verb == "actor.rename":
        return f"rename {what} to {record.value}"
    if verb == "actor.merge":
        return f"merge {what} into {other}"
    if verb == "actor.split":
        where = "the mention" if record.value == "mention" else "the mentions in"
        into = f" into {other}" if other else " into a new actor"
        return f"split {where} {record.target.article}:{record.target.start} off {what}{into}"
    if verb == "actor.type":
        return f"type of {record.target.text} from {what} to {record.value}"
    if verb in ("actor.hide", "actor.unhide"):
        return f"{verb.split('.')[1]} {what}"
    quote = _short(record.target.text)
    if verb == "quote.speaker":
        return f"speaker of “{quote}” from {what or 'nobody'} to {other or record.speaker}"
    if verb == "quote.kind":
        return f"kind of “{quote}” from {what} to {record.value}"
    if verb == "quote.add":
        return f"add {record.value} quote “{quote}” by {other or record.speaker}"
    return f"{verb.split('.')[1]} quote “{quote}”"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
