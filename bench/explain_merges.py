"""Which rule joined which names: the actor merge of a folder, explained.

Run: `.venv/bin/python bench/explain_merges.py PATH... [--grep TEXT] [--mixed] [--gold]`. It
indexes PATH with the real pipeline in memory and prints every actor made of more than one
group of in-article clusters, with each union across articles: the rule (the `_join_...` phase
of `core.pipeline.actors`) and the two sides' cluster keys; an actor of one folded name in
several articles was joined by no rule. A union the cannot-link guard refused (two full
names that cannot be one actor, `core.pipeline.cannotlink`) is listed as "refused <rule>".
Inside one article the join is the in-article cluster itself (`core.pipeline.entities`): `-v`
prints each cluster's mention texts and labels.

- `--grep TEXT`: only actors with TEXT in a name or alias (folded: case and accents aside).
- `--mixed`: also actors joined on mentions of different kinds (a name tagged a person in one
  article and a place in another) or holding two long forms neither of which holds the other
  ("Fukushima Prefecture", "Fukushima Daiichi"): the shapes false merges take, to read on a
  folder nobody annotated.
- `--gold`: where an article has an actor annotation beside it (`<name>.json`, as in
  tests/data/actors*), only actors that hold mentions of two annotated keys (false merges).

A reading aid, not a test: it prints and exits 0.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any


def _load(paths: list[Path]) -> list[Any]:
    from newsdesk.core.pipeline.indexing import analyze, prepare_pipeline, read_articles
    from newsdesk.core.pipeline.nlp import load_pipeline

    files = sorted(f for p in paths for f in (p.glob("*.txt") if p.is_dir() else [p]))
    nlp, _info = load_pipeline(None)
    prepare_pipeline(nlp)
    articles, _skipped = read_articles(files)
    return list(analyze(nlp, articles))


def _gold(analyses: list[Any]) -> dict[tuple[str, str], str]:
    """(article id, mention text) -> annotated key, from the `.json` beside each article."""
    out: dict[tuple[str, str], str] = {}
    for analysis in analyses:
        spec = Path(analysis.article.path).with_suffix(".json")
        if spec.exists():
            clusters = json.loads(spec.read_text(encoding="utf-8")).get("clusters", {})
            for text, key in clusters.items():
                out[(analysis.article.id, text)] = key
    return out


def _mixed(actor: Any) -> list[str]:
    """Why an actor's merge is worth reading: labels that disagree across its articles (each
    article's majority), or two long forms neither of which holds the other."""
    notes = []
    by_article: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in actor.mentions:
        by_article[mention.article][mention.label] += 1
    kinds = {_kind(c.most_common(1)[0][0]) for c in by_article.values()}
    if len(by_article) > 1 and len(kinds) > 1:
        notes.append(f"kinds across articles: {sorted(kinds)}")
    longs = sorted({m.key for m in actor.mentions if " " in m.key.strip()})
    apart = [
        (a, b)
        for i, a in enumerate(longs)
        for b in longs[i + 1 :]
        if a.lower() not in b.lower() and b.lower() not in a.lower()
        and a.split()[-1].lower() != b.split()[-1].lower()
    ]
    if apart:
        notes.append(f"long forms: {apart[:3]}")
    return notes


def _kind(label: str) -> str:
    return {"GPE": "place", "LOC": "place", "FAC": "place", "PERSON": "person"}.get(
        label, "organization" if label == "ORG" else "other"
    )


def main(argv: list[str]) -> int:
    from newsdesk.core.pipeline.actors import explain_merges
    from newsdesk.core.pipeline.names import fold_name

    args = [a for a in argv if not a.startswith("-")]
    grep = None
    if "--grep" in argv:
        grep = fold_name(argv[argv.index("--grep") + 1])
        args.remove(argv[argv.index("--grep") + 1])
    verbose = "-v" in argv
    if not args:
        print(__doc__)
        return 2
    analyses = _load([Path(a) for a in args])
    actors, mapping, joins = explain_merges(analyses)
    gold = _gold(analyses) if "--gold" in argv else {}
    of_actor: dict[str, list[Any]] = defaultdict(list)
    for join in joins:
        of_actor[mapping[join.cluster]].append(join)
    shown = 0
    for actor in actors:
        names = [actor.name, *actor.aliases]
        if grep and not any(grep in fold_name(n) for n in names):
            continue
        notes = _mixed(actor) if "--mixed" in argv else []
        if gold:
            keys = {gold.get((m.article, m.text)) for m in actor.mentions} - {None}
            if len(keys) < 2:
                continue
            notes.append(f"annotated keys: {sorted(k for k in keys if k)}")
        actor_joins = of_actor.get(actor.id, [])
        if not actor_joins and not notes and not grep:
            continue
        shown += 1
        articles = len({m.article for m in actor.mentions})
        print(f"{actor.id}  {actor.name!r} ({actor.type}, {articles} articles)")
        for note in notes:
            print(f"   ! {note}")
        for join in actor_joins:
            print(f"   {join.rule}: {list(join.left_keys)} -> {list(join.right_keys)}")
        if not actor_joins and articles > 1:
            print("   (no rule: one folded name in every article)")
        if verbose:
            clusters: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
            for mention in actor.mentions:
                clusters[(mention.article, mention.key)][f"{mention.text} {mention.label}"] += 1
            for (article, key), texts in sorted(clusters.items()):
                print(f"     {article} [{key}]: {dict(texts)}")
    print(f"{shown} actors shown of {len(actors)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
