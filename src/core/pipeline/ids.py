"""Stable ids for actors and quotes: what scripts and corrections may hold across re-indexing."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..models import Actor, Quote
from .names import fold_name, slug_name


def quote_id(content_hash: str, start: int, end: int) -> str:
    """A quote's id from its article's content and its span: the same file gives the same ids
    however often it is indexed, moved or renamed, and whatever else the corpus holds."""
    digest = hashlib.sha1(f"{content_hash}:{start}:{end}".encode()).hexdigest()[:12]
    return f"q-{digest}"


def with_quote_ids(quotes: Sequence[Quote], content_hash: str) -> tuple[Quote, ...]:
    """`quotes` with ids from `quote_id` (extraction numbers them; numbers shift on re-index)."""
    return tuple(
        q if q.id == (new := quote_id(content_hash, q.start, q.end)) else replace(q, id=new)
        for q in quotes
    )


def anchor_actor_ids(
    actors: Sequence[Actor], mapping: Mapping[tuple[str, str], str]
) -> tuple[list[Actor], dict[tuple[str, str], str]]:
    """Actors re-identified by their anchor, not their display name or type, and the mapping
    relabelled to match.

    An actor's anchor is the folded in-article cluster key it is known by in the most articles
    (ties: alphabetical). A rename or retype never touches it, and a few new articles rarely
    move it: the display name may switch to a fuller form ("Putin" -> "Vladimir Putin") while
    the key most articles use stays. Folded keys belong to one actor each, so anchors are
    unique; slugs that still collide get `-2`, `-3` in the order of their folded keys. The id
    reads as the anchor's most used spelling.
    """
    per_actor: dict[str, Counter[str]] = {}
    for (_article, key), aid in mapping.items():
        per_actor.setdefault(aid, Counter())[key] += 1
    folds: dict[str, str] = {}
    anchors: dict[str, tuple[str, str]] = {}
    """actor id -> (folded anchor, its most used spelling): the fold decides, the spelling reads."""
    for actor in actors:
        keys = per_actor.get(actor.id) or Counter({actor.name: 1})
        by_fold: Counter[str] = Counter()
        for key, count in keys.items():
            fold = folds.get(key)
            if fold is None:
                fold = folds[key] = fold_name(key)
            by_fold[fold] += count
        anchor = min(by_fold, key=lambda f: (-by_fold[f], f))
        spelling = min((k for k in keys if folds[k] == anchor), key=lambda k: (-keys[k], k))
        anchors[actor.id] = (anchor, spelling)
    used: set[str] = set()
    new_ids: dict[str, str] = {}
    tried: dict[str, int] = {}
    """Per slug, the last suffix given: those up to it are taken (namesakes are many)."""
    for old in sorted(anchors, key=lambda a: (anchors[a], a)):
        base = new = _slug(anchors[old][1])
        n = tried.get(base, 1)  # 1: the base itself
        if n > 1:
            new = f"{base}-{n}"
        while new in used:
            n += 1
            new = f"{base}-{n}"
        tried[base] = n
        used.add(new)
        new_ids[old] = new
    renamed = [a if a.id == new_ids[a.id] else replace(a, id=new_ids[a.id]) for a in actors]
    return renamed, {k: new_ids.get(v, v) for k, v in mapping.items()}


def _slug(name: str) -> str:
    slug = slug_name(name)
    if not slug:
        slug = re.sub(r"[^\w]+", "-", name.lower()).strip("-")
    return slug or "actor"
