"""bench/errors_audit.py: each check finds its error shape in an invented index, and passes a
clean one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench_scripts import load_bench

audit = load_bench("errors_audit")


def _index(text: str, *, path: str = "a.txt", title: str = "T", **parts: Any) -> dict[str, Any]:
    paragraphs, start = [], 0
    for piece in text.split("\n\n"):
        paragraphs.append([start, start + len(piece)])
        start += len(piece) + 2
    article = {"id": "a", "path": path, "title": title, "text": text, "paragraphs": paragraphs}
    return {"articles": [article], "actors": parts.get("actors", []),
            "quotes": parts.get("quotes", [])}


def _quote(text: str, whole: str, kind: str = "direct", **fields: Any) -> dict[str, Any]:
    start = whole.index(text)
    quote = {"id": "q", "article": "a", "start": start, "end": start + len(text), "kind": kind,
             "speaker": "Ann Bell", "actor": "ann-bell", "confidence": 0.95}
    quote.update(fields)
    return quote


def _errors(findings: list[Any]) -> list[str]:
    return [f.what for f in findings if f.severity == "error"]


def test_errors_audit_text_finds_a_dropped_body_paragraph(tmp_path: Path) -> None:
    body = [
        "The council met on Monday to discuss the new bridge over the river.",
        "Members voted to fund a study of the crossing before the end of the year.",
        "The mayor said the study would take about six months to complete.",
    ]
    path = tmp_path / "a.txt"
    path.write_text("Bridge vote\n\nREAD MORE: Council news\n\n" + "\n\n".join(body))
    kept = _index("\n\n".join(body), path=str(path), title="Bridge vote")
    assert _errors(audit.check_text(kept)) == []
    lost = _index("\n\n".join(body[:1] + body[2:]), path=str(path), title="Bridge vote")
    (error,) = _errors(audit.check_text(lost))
    assert "mid-article" in error and "fund a study" in error


def test_errors_audit_spans_find_a_quote_past_its_closing_mark() -> None:
    text = "“We will build it,” Bell said, and the council agreed on Monday."
    clean = _index(text, quotes=[_quote("“We will build it,”", text)])
    assert _errors(audit.check_spans(clean)) == []
    long = _index(text, quotes=[_quote("“We will build it,” Bell said, and the council", text)])
    assert "runs past its closing mark" in _errors(audit.check_spans(long))[0]


def _actor(name: str, kind: str, mentions: list[tuple[str, str, int]]) -> dict[str, Any]:
    return {
        "id": name.lower().replace(" ", "-"), "name": name, "type": kind, "aliases": [],
        "articles": sorted({a for a, _t, _s in mentions}),
        "mentions": [{"article": a, "text": t, "start": s, "end": s + len(t)}
                     for a, t, s in mentions],
    }


def test_errors_audit_actors_find_a_first_name_join_and_a_storm() -> None:
    index = {
        "articles": [
            {"id": "a", "path": "a.txt", "title": "", "paragraphs": [],
             "text": "Toni Reyes spoke. Hurricane Lorena struck the coast."},
            {"id": "b", "path": "b.txt", "title": "", "paragraphs": [], "text": "Toni waved."},
        ],
        "actors": [
            _actor("Toni Reyes", "person", [("a", "Toni Reyes", 0), ("b", "Toni", 0)]),
            _actor("Lorena", "person", [("a", "Lorena", 28)]),
        ],
        "quotes": [],
    }
    errors = _errors(audit.check_actors(index))
    assert any("first name" in e and "Toni" in e for e in errors)
    assert any("storm" in e and "Lorena" in e for e in errors)


def test_errors_audit_ranking_and_confidence() -> None:
    text = "Bell and Reyes met. Reyes spoke."
    ranked = _index(
        text,
        actors=[_actor("Ann Bell", "person", [("a", "Bell", 0)]),
                _actor("Tom Reyes", "person", [("a", "Reyes", 9), ("a", "Reyes", 20)])],
        quotes=[_quote("Reyes spoke", text, actor="tom-reyes", confidence=None)],
    )
    ranking, _lines = audit.check_ranking(ranked, 5)
    assert any("ranked 2" in e for e in _errors(ranking))
    assert any("confidence None" in e for e in _errors(audit.check_confidence(ranked)))


def test_errors_audit_names_find_a_place_run_into_a_person() -> None:
    text = "The senator from Ohio Sherrod Brown spoke. Sherrod Brown left Ohio."
    index = {
        "articles": [{"id": "a", "path": "a.txt", "title": "", "paragraphs": [], "text": text}],
        "actors": [
            _actor("Ohio", "place", [("a", "Ohio", 62)]),
            _actor("Sherrod Brown", "person",
                   [("a", "Ohio Sherrod Brown", 17), ("a", "Sherrod Brown", 43)]),
        ],
        "quotes": [],
    }
    errors = _errors(audit.check_actors(index))
    assert errors == [
        "a place and a person in one name: 'Ohio Sherrod Brown' (actor 'Sherrod Brown')"
    ]
