"""Issue 14's error list, checked on any folder of news without annotations.

Run: `.venv/bin/python bench/errors_audit.py PATH... [-v] [--index FILE] [--top N]`. It indexes
PATH with the real pipeline in memory (or reads a saved `newsdesk index --json` with `--index`,
PATH then unused except to find the files) and reports, per item of the issue that text alone
can check, every case it finds:

- item 1, text: a body paragraph of the file that is not in the article (cleaning dropped it);
  lines dropped between kept paragraphs are listed too (a "READ MORE:" teaser may go, its body
  may not), and markup left in the text (`((WN))`, `[[...]]`, `{{...}}`, tags, entities);
- item 7, spans: a direct quote running past its closing mark, a quote holding another's
  quoted words after a cue of their own, a quote that drops its closing mark, quotes that
  overlap, a paragraph-spanning quote whose paragraph closed its mark;
- item 13: a person joined across articles on a first name alone (no mention in that article
  shares a word with the actor's name but the first);
- item 16: people whose mentions read as a storm ("Hurricane X"), a place or landmark (a
  place's generic word ends the name; "in/at X"), or a platform ("on/via X" after a verb of
  publishing); organisations named only inside quotation marks;
- item 17: names holding a place and a person ("Ohio Sherrod Brown": a place actor's name
  opens a person's), "X in Y" / "X from Y" spans, "X's Y" possessive spans;
- item 18: the rank order against the documented score (`core.pipeline.ranking`), the top
  actors and the share named once;
- confidence: every quote carries one, within 0..1, no speaker below a named one.

A finding is an error (a case the issue says must be gone) or a note (a case to read: the
check cannot tell it from a right one). Exit status 1 when there is any error, else 0; this is a
check to read, not a timed or unit test (`tests/` holds those).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

#: Files whose paragraphs can be compared with the article's (dumps and web pages are not).
PLAIN_SUFFIXES = {".txt", ".md", ".markdown"}
#: Opening and closing double quotation marks (single marks are apostrophes too often).
OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
#: A paragraph of prose: six words or more ending a sentence, or a long block.
_PROSE = re.compile(r"\S+(?:\s+\S+){5,}[.!?][\"”’)]?$")
_URL = re.compile(r"https?://\S+", re.I)
#: Markup the text of an article should not hold once read: wiki templates and links, HTML
#: tags and entities.
_MARKUP = re.compile(
    r"\(\([^()\n]{1,60}\)\)|\[\[[^\]\n]{1,80}\]\]|\{\{[^}\n]{1,80}\}\}|</?[a-zA-Z][a-zA-Z0-9]*"
    r"(?:\s[^<>\n]{0,80})?/?>|&(?:[a-z]{2,8}|#\d{2,5});"
)
#: Words that open a storm's name.
_STORM = re.compile(
    r"(?:hurricane|typhoon|cyclone|(?:tropical|subtropical|post-tropical|winter)\s+"
    r"(?:storm|depression|cyclone)|storm)\s+$",
    re.I,
)
#: Verbs of speaking a quote's own cue uses ("... while X noted his "...").
_CUE_WORDS = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|noted|notes|wrote|writes|tweeted|tweets|"
    r"stated|states|asked|asks|replied|explained|argued|claimed|called|insisted)\b",
    re.I,
)
_CAPITAL = re.compile(r"^[A-Z]")


#: The items checked, as the report names them.
ITEMS = (
    "1 text", "7 spans", "13 first name", "16 types", "17 name spans", "18 ranking", "confidence"
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One case: which item of the issue, error or note, the article and what was seen."""

    item: str
    severity: str  # "error" | "note"
    article: str
    what: str


# ---------------------------------------------------------------------------------------------
# item 1: text lost by cleaning


def _fold(text: str) -> str:
    return " ".join(text.split())


def _letters(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _raw_blocks(raw: str) -> list[str]:
    """The file's paragraphs as written: split on blank lines, whitespace folded."""
    return [_fold(b) for b in re.split(r"\n[ \t]*\n", raw) if b.strip()]


def _is_prose(block: str) -> bool:
    words = _URL.sub("", block)
    return len(words) >= 200 or bool(_PROSE.search(words.strip()))


def check_text(index: dict[str, Any]) -> list[Finding]:
    """Every paragraph of a plain-text file that is not in its article's text (bar the title
    and a date line), and markup left in the text."""
    from newsdesk.core.pipeline.text import clean_text, decode_bytes, parse_date_line

    found: list[Finding] = []
    for article in index["articles"]:
        text = article["text"]
        markup = Counter(m.group() for m in _MARKUP.finditer(text))
        if markup:
            shown = ", ".join(f"{form!r} x{n}" for form, n in markup.most_common(4))
            found.append(Finding("1 text", "note", article["id"], f"markup left: {shown}"))
        path = Path(article["path"])
        if path.suffix.lower() not in PLAIN_SUFFIXES or not path.exists():
            continue
        raw = clean_text(decode_bytes(path.read_bytes(), str(path)))
        blocks = _raw_blocks(raw)
        # compared without any whitespace: cleaning may set a glued word apart, never drop one
        kept = [_letters(text[s:e]) for s, e in article["paragraphs"]]
        folded_text = _letters(text)
        title = _fold(article["title"] or "")
        place = 0  # the kept paragraph the walk has reached
        last_kept_block = -1
        status: list[bool] = []
        for n, block in enumerate(blocks):
            bare = _letters(re.sub(r"^#{1,6}\s+", "", block))
            if bare in kept[place:] or (len(bare) > 40 and bare in folded_text):
                if bare in kept[place:]:
                    place = kept.index(bare, place) + 1
                status.append(True)
                last_kept_block = n
            else:
                status.append(False)
        for n, block in enumerate(blocks):
            if status[n]:
                continue
            if n == 0 and _fold(re.sub(r"^#{1,6}\s+", "", block)) == title:
                continue
            if n < 4 and parse_date_line(block):
                continue
            mid = n < last_kept_block
            where = "mid-article" if mid else "after the body"
            if _is_prose(block):
                found.append(
                    Finding("1 text", "error", article["id"],
                            f"body paragraph dropped {where} ({len(block)} chars): {block[:90]!r}")
                )
            elif mid:
                found.append(
                    Finding("1 text", "note", article["id"],
                            f"line dropped mid-article: {block[:90]!r}")
                )
    return found


# ---------------------------------------------------------------------------------------------
# item 7: quote spans


def _pieces(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the top-level quoted pieces of `text`; close is -1 when the
    piece is not closed. Curly marks nest; straight marks alternate."""
    pieces: list[tuple[int, int]] = []
    depth = 0
    start = -1
    straight_open = False
    for i, ch in enumerate(text):
        if ch in OPENING:
            if depth == 0 and not straight_open:
                start = i
            depth += 1
        elif ch in CLOSING and depth:
            depth -= 1
            if depth == 0 and not straight_open:
                pieces.append((start, i))
        elif ch == STRAIGHT and depth == 0:
            if straight_open:
                pieces.append((start, i))
            else:
                start = i
            straight_open = not straight_open
    if depth or straight_open:
        pieces.append((start, -1))
    return pieces


def check_spans(index: dict[str, Any]) -> list[Finding]:
    """Quotes that run past their closing mark, hold a second speaker's quoted words, drop
    their closing mark, overlap another quote or join two paragraphs' closed quotes."""
    found: list[Finding] = []
    texts = {a["id"]: a["text"] for a in index["articles"]}
    paragraphs = {a["id"]: a["paragraphs"] for a in index["articles"]}
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quote in index["quotes"]:
        by_article[quote["article"]].append(quote)
    for article_id, quotes in by_article.items():
        text = texts[article_id]
        for quote in quotes:
            span = text[quote["start"] : quote["end"]]
            pieces = _pieces(span)
            label = f"[{quote['kind']}] {quote['speaker']!r}: {span[:100]!r}"
            lead = span.lstrip()
            ends_paragraph = any(quote["end"] == e for _s, e in paragraphs[article_id])
            whole = ends_paragraph and span.rstrip()[-1:] not in CLOSING + STRAIGHT
            if quote["kind"] == "direct" and lead[:1] in OPENING + STRAIGHT and pieces \
                    and not whole:
                first_open, first_close = pieces[0]
                rest = span[first_close + 1 :] if first_close >= 0 else ""
                if first_close >= 0 and re.search(r"\w", rest) and "\n\n" not in rest:
                    found.append(Finding("7 spans", "error", article_id,
                                         f"runs past its closing mark {label}"))
                if first_close < 0 and text[quote["end"] : quote["end"] + 1] in CLOSING + STRAIGHT:
                    found.append(Finding("7 spans", "error", article_id,
                                         f"drops its closing mark {label}"))
            if len(pieces) >= 2:
                for (_a, close), (nxt, _b) in pairwise(pieces):
                    between = span[close + 1 : nxt] if close >= 0 else ""
                    if "\n\n" not in between and _CUE_WORDS.search(between) and re.search(
                        r"\b(?:while|and|but|as|whereas)\b", between
                    ):
                        found.append(Finding(
                            "7 spans", "note", article_id,
                            f"holds a second quote after {between.strip()[:40]!r} {label}"))
                        break
            if "\n\n" in span and quote["kind"] == "direct":
                before = span[: span.index("\n\n")].rstrip()
                if before[-1:] in CLOSING + STRAIGHT and len(_pieces(before)) and all(
                    c >= 0 for _o, c in _pieces(before)
                ):
                    found.append(Finding("7 spans", "error", article_id,
                                         f"joins a closed quote to the next paragraph {label}"))
        ordered = sorted(quotes, key=lambda q: (q["start"], q["end"]))
        for a, b in pairwise(ordered):
            if b["start"] < a["end"] and {a["kind"], b["kind"]} <= {"direct", "mixed"}:
                found.append(Finding(
                    "7 spans", "note", article_id,
                    f"quotes overlap: {text[a['start']:a['end']][:50]!r} / "
                    f"{text[b['start']:b['end']][:50]!r}"))
    return found


# ---------------------------------------------------------------------------------------------
# items 13, 16, 17: actors


def _words(name: str) -> list[str]:
    return [w.casefold().strip(".,'’") for w in re.findall(r"[\w.'’-]+", name)]


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    return [(o, c) for o, c in _pieces(text) if c >= 0]


def check_actors(index: dict[str, Any]) -> list[Finding]:
    """First-name joins, storms, places and platforms typed as people, organisations named only
    inside quotation marks, names that hold a place and a person or an "X in Y" span."""
    from newsdesk.core.pipeline.kinds import (
        MEDIUM_PREPOSITIONS,
        PLACE_HEADS,
        PLACE_PREPOSITIONS,
        PLACE_TAILS,
    )

    found: list[Finding] = []
    texts = {a["id"]: a["text"] for a in index["articles"]}
    quoted = {aid: _quoted_ranges(t) for aid, t in texts.items()}
    # the places each article names: "Ohio" of "Ohio Sherrod Brown" is named there too
    place_names: dict[str, set[str]] = defaultdict(set)
    for actor in index["actors"]:
        if actor["type"] == "place":
            for mention in actor["mentions"]:
                place_names[mention["article"]].add(_fold(mention["text"]).casefold())
    person_names = {
        _fold(form).casefold()
        for actor in index["actors"]
        if actor["type"] == "person"
        for form in (actor["name"], *actor["aliases"])
    }
    every_name = {
        _fold(form).casefold() for actor in index["actors"]
        for form in (actor["name"], *actor["aliases"])
    }
    for actor in index["actors"]:
        name, kind = actor["name"], actor["type"]
        words = _words(name)
        by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for mention in actor["mentions"]:
            by_article[mention["article"]].append(mention)
        forms = sorted({m["text"] for m in actor["mentions"]} | {name})
        # item 13: a person in several articles, joined in one on the first name alone
        if kind == "person" and len(words) >= 2 and len(by_article) >= 2:
            for article_id, mentions in by_article.items():
                seen = {w for m in mentions for w in _words(m["text"])}
                if seen == {words[0]}:
                    found.append(Finding(
                        "13 first name", "error", article_id,
                        f"{name!r} ({actor['id']}) joined on the first name "
                        f"{mentions[0]['text']!r} alone"))
        # item 16: kinds
        if kind == "person":
            storm = place = medium = 0
            for mention in actor["mentions"]:
                text = texts[mention["article"]]
                before = text[max(0, mention["start"] - 30) : mention["start"]]
                after = text[mention["end"] : mention["end"] + 2]
                if _STORM.search(before):
                    storm += 1
                previous = re.findall(r"[\w'’]+", before)[-2:]
                owner = after.startswith(("'s", "’s"))
                if previous and previous[-1].casefold() in PLACE_PREPOSITIONS and not owner:
                    place += 1
                if previous and previous[-1].casefold() in MEDIUM_PREPOSITIONS and not owner \
                        and len(_words(mention["text"])) == 1:
                    medium += 1
            tails = {_words(f)[-1] for f in forms if len(_words(f)) > 1}
            heads = {_words(f)[0] for f in forms if len(_words(f)) > 1}
            if storm:
                found.append(Finding("16 types", "error", actor["articles"][0],
                                     f"a storm typed as a person: {name!r} ({storm} mentions "
                                     f"after a storm word)"))
            if tails & PLACE_TAILS or heads & PLACE_HEADS:
                found.append(Finding("16 types", "error", actor["articles"][0],
                                     f"a place or landmark typed as a person: {name!r} "
                                     f"(forms {forms[:4]})"))
            elif place and place * 2 >= len(actor["mentions"]):
                found.append(Finding("16 types", "note", actor["articles"][0],
                                     f"read as a place ({place} of {len(actor['mentions'])} "
                                     f"after in/at/near...), typed a person: {name!r}"))
            if medium and medium * 2 >= len(actor["mentions"]):
                found.append(Finding("16 types", "note", actor["articles"][0],
                                     f"read as a platform ({medium} of "
                                     f"{len(actor['mentions'])} after on/via), typed a person: "
                                     f"{name!r}"))
        if kind == "organization":
            inside = sum(
                1 for m in actor["mentions"]
                if any(o < m["start"] and m["end"] <= c for o, c in quoted[m["article"]])
            )
            if inside and inside == len(actor["mentions"]):
                found.append(Finding("16 types", "note", actor["articles"][0],
                                     f"an organisation named only inside quotation marks: "
                                     f"{name!r}"))
        # item 17: name spans
        articles_of = defaultdict(set)
        for mention in actor["mentions"]:
            articles_of[mention["text"]].add(mention["article"])
        for form in forms:
            form_words = form.split()
            places = set().union(*(place_names[a] for a in articles_of.get(form, ())))
            if kind == "person" and len(form_words) >= 3:
                for size in (1, 2, 3):
                    head = " ".join(form_words[:size]).casefold()
                    rest = " ".join(form_words[size:]).casefold()
                    if size < len(form_words) - 1 and head in places:
                        bad = rest in person_names
                        found.append(Finding(
                            "17 name spans", "error" if bad else "note", actor["articles"][0],
                            f"a place and a person in one name: {form!r} (actor {name!r})"
                            if bad else f"a person's name opening with a place: {form!r}"))
                        break
            if re.search(r"\b[A-Z][\w.'’-]*\s+(?:in|from)\s+[A-Z]", form):
                found.append(Finding("17 name spans", "note", actor["articles"][0],
                                     f"an 'X in Y' span: {form!r} ({kind}, actor {name!r})"))
            owner = re.match(r"(?:the\s+)?(.+?)['’]s\s+[A-Z]", form)
            if owner and owner.group(1).casefold() in every_name:
                found.append(Finding("17 name spans", "note", actor["articles"][0],
                                     f"an \"X's Y\" span: {form!r} ({kind}, actor {name!r})"))
    return found


# ---------------------------------------------------------------------------------------------
# item 18: ranking; confidence


def actor_scores(index: dict[str, Any]) -> dict[str, float]:
    """Each actor's documented score, recomputed from the index as a reader would."""
    from newsdesk.core.pipeline.names import fold_name
    from newsdesk.core.pipeline.ranking import actor_score, counted_positions, named_in

    headlines = {
        a["id"]: frozenset(fold_name(a["title"] or "").split()) for a in index["articles"]
    }
    per_article = Counter((q["actor"], q["article"]) for q in index["quotes"] if q["actor"])
    positions: dict[str, list[int]] = defaultdict(list)
    for (actor_id, _article), n in per_article.items():
        positions[actor_id].append(n)
    scores = {}
    for actor in index["actors"]:
        words = fold_name(actor["name"]).split()
        person = actor["type"] == "person"
        named = sum(
            1 for a in actor["articles"] if named_in(headlines.get(a, frozenset()), words, person)
        )
        scores[actor["id"]] = actor_score(
            len(actor["mentions"]), len(actor["articles"]),
            counted_positions(positions.get(actor["id"], [])), named,
        )
    return scores


def check_ranking(index: dict[str, Any], top: int) -> tuple[list[Finding], list[str]]:
    """The actors' order against their recomputed score; the top of the ranking to read."""
    found: list[Finding] = []
    scores = actor_scores(index)
    actors = index["actors"]
    for n, (a, b) in enumerate(pairwise(actors), 1):
        if scores[b["id"]] > scores[a["id"]] + 1e-9:
            found.append(Finding("18 ranking", "error", b["articles"][0],
                                 f"{b['name']!r} (score {scores[b['id']]:.0f}) ranked "
                                 f"{n + 1}, below {a['name']!r} ({scores[a['id']]:.0f})"))
    once = sum(1 for a in actors if len(a["mentions"]) == 1)
    positions = Counter(q["actor"] for q in index["quotes"] if q["actor"])
    share = once / max(len(actors), 1)
    lines = [f"{len(actors)} actors, {once} named once ({share:.0%}); top {top}:"]
    for n, actor in enumerate(actors[:top], 1):
        lines.append(
            f"  {n:3d}. {scores[actor['id']]:6.0f}  {actor['name'][:34]:<34} {actor['type']:<12} "
            f"{len(actor['mentions']):4d} mentions {len(actor['articles']):3d} articles "
            f"{positions[actor['id']]:3d} positions"
        )
        if len(actor["mentions"]) == 1:
            found.append(Finding("18 ranking", "note", actor["articles"][0],
                                 f"named once yet in the top {top}: {actor['name']!r}"))
    return found, lines


def check_confidence(index: dict[str, Any]) -> list[Finding]:
    """Every quote has a confidence within 0..1; a quote with no speaker never outranks a
    quote whose speaker is an actor."""
    found: list[Finding] = []
    valued = [q for q in index["quotes"] if isinstance(q.get("confidence"), (int, float))]
    unnamed = [q for q in valued if not q["speaker"]]
    named = [q for q in valued if q["actor"]]
    for quote in index["quotes"]:
        value = quote.get("confidence")
        if not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
            found.append(Finding("confidence", "error", quote["article"],
                                 f"quote {quote['id']} has confidence {value!r}"))
    if unnamed and named:
        top_unnamed = max(q["confidence"] for q in unnamed)
        low_named = min(q["confidence"] for q in named)
        if top_unnamed > low_named:
            found.append(Finding("confidence", "error", "",
                                 f"a quote with no speaker ({top_unnamed}) outranks one with an "
                                 f"actor ({low_named})"))
    return found


# ---------------------------------------------------------------------------------------------


def index_json(paths: Iterable[Path]) -> dict[str, Any]:
    """The folder indexed with the real pipeline in memory, as `newsdesk index --json` gives it."""
    from newsdesk.core.export.serialize import corpus_json
    from newsdesk.core.pipeline.indexing import analyze, build_corpus, read_articles
    from newsdesk.core.pipeline.nlp import load_pipeline

    nlp, _info = load_pipeline(None)
    articles, skipped = read_articles(list(paths))
    return corpus_json(build_corpus(analyze(nlp, articles), skipped))


def audit(index: dict[str, Any], top: int = 15) -> tuple[list[Finding], list[str]]:
    """Every check on one index: the findings, and the ranking's top lines to read."""
    ranking, lines = check_ranking(index, top)
    findings = [
        *check_text(index),
        *check_spans(index),
        *check_actors(index),
        *ranking,
        *check_confidence(index),
    ]
    return findings, lines


def report(index: dict[str, Any], findings: list[Finding], lines: list[str], verbose: bool) -> None:
    """Counts per item, then every case (notes with -v)."""
    counts = Counter((f.item, f.severity) for f in findings)
    items = sorted(
        {f.item for f in findings} | set(ITEMS), key=lambda s: (len(s.split()[0]), s)
    )
    print(f"{len(index['articles'])} articles, {len(index['actors'])} actors, "
          f"{len(index['quotes'])} quotes")
    for item in items:
        errors, notes = counts[(item, "error")], counts[(item, "note")]
        print(f"item {item:<16} {errors:4d} errors {notes:4d} notes")
    print("\n".join(lines))
    for finding in findings:
        if finding.severity == "error" or verbose:
            mark = "ERROR" if finding.severity == "error" else "note "
            print(f"  {mark} [{finding.item}] {finding.article}: {finding.what}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="errors_audit.py", description=__doc__.split("\n", 1)[0]
    )
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: seeds/)")
    parser.add_argument("--index", type=Path, help="a saved `newsdesk index --json` to audit")
    parser.add_argument("--top", type=int, default=15, help="top actors to list (default 15)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list notes too")
    options = parser.parse_args(argv)
    if options.index:
        index = json.loads(options.index.read_text(encoding="utf-8"))
    else:
        index = index_json(options.paths or [SEEDS])
    findings, lines = audit(index, options.top)
    report(index, findings, lines, options.verbose)
    return 1 if any(f.severity == "error" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
