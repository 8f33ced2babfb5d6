"""Actor quality on an annotated cast: merge precision and recall (B-cubed) and type accuracy.

Run through `bench/quality.py` (`make quality`). Every article of the cast folder is indexed
together, so actors merge across articles as they do in the explorer; then every cast at once
(`evaluate_casts_together`), where unrelated stories meet. Each `<name>.json` maps
surface forms to a cluster key (`clusters`); the same key in two files is the same real actor.
`types` (optional) gives a key's type (person, organization, place, group, other; an annotated
`event` counts as `other`, the type newsdesk gives named events).

B-cubed is over the mentions the pipeline found whose text is an annotated surface form: for
each mention, precision is the share of its actor's annotated mentions that belong to its key,
recall the share of its key's mentions that landed in its actor. A false merge is two keys in
one actor; a split is a key spread over more actors than one.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CAST = ROOT / "tests" / "data" / "actors"

#: The floor from issue 14 (on a held-out cast of 20 articles).
GOALS = {"f1": 0.97, "false_merges": 0}


@dataclass(slots=True)
class CastScore:
    """Counts behind the actor figures."""

    articles: int = 0
    mentions: int = 0
    precision: float = 0.0
    recall: float = 0.0
    false_merges: list[tuple[str, str, str]] = field(default_factory=list)
    splits: list[tuple[str, int]] = field(default_factory=list)
    types: list[int] = field(default_factory=lambda: [0, 0])
    type_notes: list[str] = field(default_factory=list)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


#: Keys two casts' annotators spelled differently for one real actor, read as one when every
#: cast is indexed together (`evaluate_casts_together`).
SAME_ACTOR = {
    "Robert Mugabe": "Robert Gabriel Mugabe",
    "Republic of Ireland": "Ireland",
    "Southern Rhodesia": "Rhodesia",
    "Washington Post": "The Washington Post",
}


def evaluate_cast(nlp: Any, folder: Path | None = None) -> CastScore:
    """Index every article of the cast together and score the merge against the annotation."""
    from quality import index_folder

    folder = CAST if folder is None else folder
    return _score(index_folder(folder, nlp), {})


def evaluate_casts_together(nlp: Any, folders: list[Path]) -> CastScore:
    """Every cast's articles indexed as one corpus, as a reader's folder of unrelated stories
    would be: the merges across articles that no single cast tries (namesakes, another
    country's "Parliament") are scored too. Annotation keys are read through `SAME_ACTOR`."""
    from newsdesk.core.pipeline.indexing import (
        analyze,
        build_corpus,
        prepare_pipeline,
        read_articles,
    )

    prepare_pipeline(nlp)
    paths = sorted(p for folder in folders for p in folder.glob("*.txt"))
    articles, _skipped = read_articles(paths)
    return _score(build_corpus(analyze(nlp, articles)), SAME_ACTOR)


def _score(corpus: Any, same: dict[str, str]) -> CastScore:
    """B-cubed merge precision and recall, false merges, splits and types of an indexed
    corpus against the `.json` annotation beside each of its articles."""
    specs: dict[str, dict[str, Any]] = {}
    for article in corpus.articles:
        spec = Path(article.path).with_suffix(".json")
        if spec.exists():
            data = json.loads(spec.read_text(encoding="utf-8"))
            if "clusters" in data:
                data["clusters"] = {f: same.get(k, k) for f, k in data["clusters"].items()}
                data["types"] = {same.get(k, k): t for k, t in data.get("types", {}).items()}
                specs[article.id] = data
    score = CastScore(articles=len(specs))
    # (gold key, actor id, actor type) for every found mention written as an annotated form
    rows: list[tuple[str, str]] = []
    actor_type: dict[str, str] = {}
    for actor in corpus.actors:
        actor_type[actor.id] = actor.type
        for mention in actor.mentions:
            spec = specs.get(mention.article)
            if spec is None:
                continue
            gold = spec["clusters"].get(mention.text)
            if gold is not None:
                rows.append((gold, actor.id))
    score.mentions = len(rows)
    if not rows:
        return score
    by_pair = Counter(rows)
    by_gold = Counter(g for g, _a in rows)
    by_actor = Counter(a for _g, a in rows)
    score.precision = sum(n * n / by_actor[a] for (_g, a), n in by_pair.items()) / len(rows)
    score.recall = sum(n * n / by_gold[g] for (g, _a), n in by_pair.items()) / len(rows)
    keys_of: dict[str, set[str]] = defaultdict(set)
    actors_of: dict[str, set[str]] = defaultdict(set)
    for gold, actor in by_pair:
        keys_of[actor].add(gold)
        actors_of[gold].add(actor)
    for actor, keys in sorted(keys_of.items()):
        ordered = sorted(keys)
        for other in ordered[1:]:
            score.false_merges.append((actor, ordered[0], other))
    score.splits = [(g, len(a)) for g, a in sorted(actors_of.items()) if len(a) > 1]
    wanted: dict[str, str] = {}
    for spec in specs.values():
        wanted.update(spec.get("types", {}))
    # newsdesk has no `event` type: a named event (a storm, a massacre) is `other`
    wanted = {key: "other" if kind == "event" else kind for key, kind in wanted.items()}
    for gold, expected in sorted(wanted.items()):
        held = Counter({a: n for (g, a), n in by_pair.items() if g == gold})
        if not held:
            continue
        got = actor_type[held.most_common(1)[0][0]]
        score.types[1] += 1
        if got == expected:
            score.types[0] += 1
        else:
            score.type_notes.append(f"  TYPE  {gold!r}: want {expected} got {got}")
    return score


def report_cast(score: CastScore, verbose: bool) -> None:
    """Print the actor figures against the goals."""
    f1_mark = "ok " if score.f1 >= GOALS["f1"] else "LOW"
    merges = len(score.false_merges)
    merge_mark = "ok " if merges <= GOALS["false_merges"] else "LOW"
    n, d = score.types
    print(f"actor cast: {score.articles} articles, {score.mentions} annotated mentions found")
    print(f"{'merge precision (B3)':<24} {score.precision:6.1%}")
    print(f"{'merge recall (B3)':<24} {score.recall:6.1%}")
    print(f"{'merge F1 (B3)':<24} {score.f1:6.1%}  goal {GOALS['f1']:.0%} {f1_mark}")
    print(f"{'false merges':<24} {merges:6d}  goal 0 {merge_mark}")
    print(f"{'split actors':<24} {len(score.splits):6d}")
    print(f"{'type accuracy':<24} {n / d if d else 1.0:6.1%}  ({n}/{d})")
    if verbose:
        for actor, a, b in score.false_merges:
            print(f"  MERGE {actor}: {a!r} + {b!r}")
        for gold, pieces in score.splits:
            print(f"  SPLIT {gold!r} in {pieces} actors")
        print("\n".join(score.type_notes))
