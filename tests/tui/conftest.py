"""TUI fixtures: a small hand-built corpus (no spaCy), so link logic is tested exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.core.models import Actor, Article, Corpus, Mention, Quote
from newsdesk.core.settings import Settings
from newsdesk.core.store.library import MemoryLibrary


def _article(aid: str, title: str, date: str | None, source: str | None, paragraphs: list[str],
             url: str | None = None) -> Article:
    text = "\n\n".join(paragraphs)
    offsets, pos = [], 0
    for p in paragraphs:
        offsets.append((pos, pos + len(p)))
        pos += len(p) + 2
    return Article(aid, f"{aid}.txt", title, date, source, url, text, tuple(offsets), "h-" + aid)


def _find(article: Article, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(needle, start + 1)
    return start, start + len(needle)


def _sentences(article: Article) -> tuple[tuple[int, int], ...]:
    """Test data only: split on '. ' inside each paragraph (the TUI itself never splits)."""
    spans = []
    for ps, pe in article.paragraphs:
        start = ps
        text = article.text
        i = ps
        while i < pe:
            if text[i] == "." and (i + 1 == pe or text[i + 1] == " "):
                spans.append((start, i + 1))
                start = i + 2
            i += 1
        if start < pe:
            spans.append((start, pe))
    return tuple(spans)


def build_corpus() -> Corpus:
    """Three articles; Maria Lopez in two of them with quotes; hostile markup in the third."""
    a1 = _article(
        "a1", "Harbour plan approved", "2021-03-02", "Coast Herald",
        [
            "Maria Lopez opened the meeting in Portsmouth. The council voted on Tuesday.",
            "\u201cWe will rebuild the harbour,\u201d Lopez said. "
            "Critics from Green Watch disagreed.",
            "The plan costs four million pounds. Work starts in May.",
        ],
        url="https://example.org/harbour",
    )
    a2 = _article(
        "a2", "Ferry strike ends", "2021-04-10", "Daily Tide",
        [
            "Ferry workers returned on Monday. Maria Lopez welcomed the deal.",
            "Lopez said the town needed its boats back. Green Watch stayed silent.",
        ],
    )
    a3 = _article(
        "a3", "[bold]Markup[/bold] in a title", None, "[@click=app.quit]",
        ["A [red]tag[/red] and [@click=app.quit]click[/] stay text. Nobody was quoted here."],
    )
    mentions = {
        "a1": [("Maria Lopez", 0, "PERSON", "Maria Lopez"), ("Portsmouth", 0, "GPE", "Portsmouth"),
               ("Lopez", 1, "PERSON", "Maria Lopez"), ("Green Watch", 0, "ORG", "Green Watch")],
        "a2": [("Maria Lopez", 0, "PERSON", "Maria Lopez"), ("Lopez", 1, "PERSON", "Maria Lopez"),
               ("Green Watch", 0, "ORG", "Green Watch")],
        "a3": [],
    }
    arts = {"a1": a1, "a2": a2, "a3": a3}
    by_actor: dict[str, list[Mention]] = {}
    ids = {"Maria Lopez": "person:maria-lopez", "Portsmouth": "place:portsmouth",
           "Green Watch": "organization:green-watch"}
    for aid, items in mentions.items():
        for needle, nth, label, key in items:
            s, e = _find(arts[aid], needle, nth)
            role = "council leader" if needle == "Maria Lopez" and aid == "a1" else None
            by_actor.setdefault(ids[key], []).append(
                Mention(aid, s, e, needle, label, key, role))
    actors = (
        Actor("person:maria-lopez", "Maria Lopez", "person", ("Lopez",), "council leader",
              tuple(by_actor["person:maria-lopez"])),
        Actor("place:portsmouth", "Portsmouth", "place", (), None,
              tuple(by_actor["place:portsmouth"])),
        Actor("organization:green-watch", "Green Watch", "organization", (), None,
              tuple(by_actor["organization:green-watch"])),
    )
    qs, qe = _find(a1, "We will rebuild the harbour,")
    cs, ce = _find(a1, "said")
    ss, se = _find(a1, "Lopez", 1)
    q1 = Quote("q1", "a1", "We will rebuild the harbour,", qs, qe, "direct", "said", cs, ce,
               "Lopez", ss, se, "Maria Lopez", "person:maria-lopez")
    rs, re_ = _find(a2, "the town needed its boats back")
    cs2, ce2 = _find(a2, "said")
    ss2, se2 = _find(a2, "Lopez", 1)
    q2 = Quote("q2", "a2", "the town needed its boats back", rs, re_, "indirect", "said", cs2,
               ce2, "Lopez", ss2, se2, "Maria Lopez", "person:maria-lopez")
    return Corpus(
        articles=(a1, a2, a3), actors=actors, quotes=(q1, q2),
        sentences={a.id: _sentences(a) for a in (a1, a2, a3)},
    )


@pytest.fixture
def tui_corpus() -> Corpus:
    return build_corpus()


@pytest.fixture
def make_app(tui_corpus: Corpus):  # type: ignore[no-untyped-def]
    """`make_app()` -> a NewsdeskApp over the hand-built corpus (no worker, no spaCy)."""
    from newsdesk.tui.app import NewsdeskApp

    def make(corpus: Corpus | None = None) -> NewsdeskApp:
        return NewsdeskApp([Path("unused")], Settings.from_env(),
                           library=MemoryLibrary(corpus or tui_corpus))

    return make
