"""Relation quality on the annotated articles in tests/data/relations: precision, recall, polarity.

Run: `.venv/bin/python bench/relations_quality.py [-v]` (part of `make quality`).

Each `<name>.json` lists who targets whom in `<name>.txt` (annotated blind: the annotator never
saw the code): source and target as lists of accepted names, the verb, a polarity and an
`optional` flag for doubtful cases. Relations are scored as (source, target) pairs per article:
a found pair is right when some annotated relation (optional ones included) names both ends;
an annotated pair that is not optional is found when some found pair names both ends.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "relations"

#: The goal from issue 16.
PRECISION_GOAL = 0.85


@dataclass(slots=True)
class RelationScore:
    precision: list[int] = field(default_factory=lambda: [0, 0])
    recall: list[int] = field(default_factory=lambda: [0, 0])
    polarity: list[int] = field(default_factory=lambda: [0, 0])
    notes: list[str] = field(default_factory=list)

    @staticmethod
    def ratio(pair: list[int]) -> float:
        return pair[0] / pair[1] if pair[1] else 1.0


def _norm(name: str) -> str:
    name = name.strip().removesuffix("'s").removesuffix("’s")
    for lead in ("the ", "The "):
        name = name.removeprefix(lead)
    return " ".join(name.split()).casefold()


def _names(actor_name: str, aliases: Iterable[str]) -> set[str]:
    return {_norm(actor_name), *(_norm(a) for a in aliases)}


def score_article(
    gold: list[dict[str, Any]], found: list[tuple[set[str], set[str], str, str]],
    article: str, score: RelationScore,
) -> None:
    """`found`: (source names, target names, polarity, label) per distinct found pair."""
    def names_match(wanted: list[str], have: set[str]) -> bool:
        return any(_norm(w) in have for w in wanted)

    for source, target, polarity, label in found:
        score.precision[1] += 1
        hits = [
            g for g in gold
            if names_match(g["source"], source) and names_match(g["target"], target)
        ]
        if hits:
            score.precision[0] += 1
            score.polarity[1] += 1
            if any(g["polarity"] == polarity for g in hits):
                score.polarity[0] += 1
            else:
                score.notes.append(f"  POLARITY {article}: {label} (want {hits[0]['polarity']})")
        else:
            score.notes.append(f"  FALSE {article}: {label}")
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for g in gold:
        if not g.get("optional"):
            pairs.setdefault((_norm(g["source"][0]), _norm(g["target"][0])), g)
    for g in pairs.values():
        score.recall[1] += 1
        if any(names_match(g["source"], s) and names_match(g["target"], t) for s, t, _, _ in found):
            score.recall[0] += 1
        else:
            score.notes.append(f"  MISS  {article}: {g['source'][0]} -> {g['target'][0]}")


def evaluate(nlp: Any = None, data: Path | None = None) -> RelationScore:
    from quality import index_folder

    from newsdesk.core.analysis.relations import find_relations
    from newsdesk.core.store.library import MemoryLibrary

    folder = DATA if data is None else data
    library = MemoryLibrary(index_folder(folder, nlp))
    actors = {a.id: a for a in library.actors()}
    by_article: dict[str, dict[tuple[str, str], tuple[set[str], set[str], str, str]]] = {}
    for relation in find_relations(library):
        source, target = actors[relation.source], actors[relation.target]
        pair = (relation.source, relation.target)
        label = f"{source.name} -[{relation.verb}, {relation.polarity}]-> {target.name}"
        by_article.setdefault(relation.article, {}).setdefault(
            pair,
            (_names(source.name, source.aliases), _names(target.name, target.aliases),
             relation.polarity, label),
        )
    score = RelationScore()
    for article in library.corpus.articles:
        spec = folder / f"{Path(article.path).stem}.json"
        if not spec.exists():
            continue
        gold = json.loads(spec.read_text(encoding="utf-8"))["relations"]
        found = list(by_article.get(article.id, {}).values())
        score_article(gold, found, article.id[:40], score)
    return score


def report(score: RelationScore, verbose: bool) -> None:
    p, r, pol = score.precision, score.recall, score.polarity
    precision = score.ratio(p)
    mark = "ok " if precision >= PRECISION_GOAL else "LOW"
    print(f"{'relation precision':<24} {precision:6.1%}  ({p[0]}/{p[1]})  "
          f"goal {PRECISION_GOAL:.0%} {mark}")
    print(f"{'relation recall':<24} {score.ratio(r):6.1%}  ({r[0]}/{r[1]})")
    print(f"{'polarity right':<24} {score.ratio(pol):6.1%}  ({pol[0]}/{pol[1]})")
    if verbose:
        print("\n".join(score.notes))


def main(argv: list[str]) -> int:
    data = Path(argv[argv.index("--data") + 1]).resolve() if "--data" in argv else DATA
    print(f"== relations: {data.name} (annotated blind)")
    report(evaluate(data=data), verbose="-v" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
