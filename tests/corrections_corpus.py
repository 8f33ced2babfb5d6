"""A small hand-made corpus for the corrections tests (no spaCy): mentions and quotes at real
offsets, one article that a re-index may edit or drop."""

from __future__ import annotations

import hashlib
from pathlib import Path

from newsdesk.core.corrections import CorrectedLibrary, CorrectionDesk, CorrectionStore
from newsdesk.core.models import Article, ArticleAnalysis, Mention, Quote
from newsdesk.core.pipeline.ids import quote_id
from newsdesk.core.pipeline.indexing import build_corpus
from newsdesk.core.store.library import MemoryLibrary

#: id -> (text, mentions as (needle, nth occurrence, label, cluster key), quotes as
#: (content, kind, speaker needle, speaker nth, speaker key))
ARTICLES: dict[
    str, tuple[str, list[tuple[str, int, str, str]], list[tuple[str, str, str, int, str]]]
] = {
    "a1": (
        'Tony Mendez spoke in Portsmouth. "We will rebuild," Mendez said. Toni praised him.',
        [
            ("Tony Mendez", 0, "PERSON", "Tony Mendez"),
            ("Portsmouth", 0, "GPE", "Portsmouth"),
            ("Mendez", 1, "PERSON", "Tony Mendez"),
            ("Toni", 0, "PERSON", "Tony Mendez"),
        ],
        [("We will rebuild", "direct", "Mendez", 1, "Tony Mendez")],
    ),
    "a2": (
        "Green Watch said the harbour is safe. Tony Mendez disagreed, and Green Watch left.",
        [
            ("Green Watch", 0, "ORG", "Green Watch"),
            ("Tony Mendez", 0, "PERSON", "Tony Mendez"),
            ("Green Watch", 1, "ORG", "Green Watch"),
        ],
        [("the harbour is safe", "indirect", "Green Watch", 0, "Green Watch")],
    ),
    "a3": (
        'Maria Lopez met supporters in Portsmouth. "It is time," Lopez said. The Watch agreed.',
        [
            ("Maria Lopez", 0, "PERSON", "Maria Lopez"),
            ("Portsmouth", 0, "GPE", "Portsmouth"),
            ("Lopez", 1, "PERSON", "Maria Lopez"),
            ("Watch", 0, "ORG", "Watch"),
        ],
        [("It is time", "direct", "Lopez", 1, "Maria Lopez")],
    ),
}


def _find(text: str, needle: str, nth: int) -> int:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start


def analyses(
    prefix: dict[str, str] | None = None, drop: tuple[str, ...] = ()
) -> list[ArticleAnalysis]:
    """The corpus as indexed; `prefix` edits articles (text put in front moves every offset),
    `drop` leaves articles out."""
    out = []
    for aid, (body, mentions, quotes) in ARTICLES.items():
        if aid in drop:
            continue
        head = (prefix or {}).get(aid, "")
        text = head + body
        digest = hashlib.sha256(text.encode()).hexdigest()
        article = Article(
            aid,
            f"/corpus/{aid}.txt",
            aid.upper(),
            None,
            None,
            None,
            text,
            ((0, len(text)),),
            digest,
        )
        ms = []
        for needle, nth, label, key in mentions:
            start = len(head) + _find(body, needle, nth)
            ms.append(Mention(aid, start, start + len(needle), needle, label, key))
        qs = []
        for content, kind, speaker, nth, key in quotes:
            start = len(head) + body.index(content)
            s_start = len(head) + _find(body, speaker, nth)
            qs.append(
                Quote(
                    quote_id(digest, start, start + len(content)),
                    aid,
                    content,
                    start,
                    start + len(content),
                    kind,
                    "said",
                    None,
                    None,
                    speaker,
                    s_start,
                    s_start + len(speaker),
                    key,
                )
            )
        ms.sort(key=lambda m: m.start)
        out.append(ArticleAnalysis(article, tuple(ms), tuple(qs), ((0, len(text)),)))
    return out


def library(prefix: dict[str, str] | None = None, drop: tuple[str, ...] = ()) -> MemoryLibrary:
    return MemoryLibrary(build_corpus(analyses(prefix, drop)))


def desk_for(base: MemoryLibrary, db: Path) -> CorrectionDesk:
    """A desk over `base` with the corrections stored in `db`."""
    store = CorrectionStore.open(None, path=db)  # type: ignore[arg-type]
    corrected = CorrectedLibrary(base, store.all())
    corrected.desk = CorrectionDesk(store, corrected, [])
    return corrected.desk
