"""Times `merge_actors` on a synthetic corpus: 10,000 articles x ~50 mentions (the store
recomputes the merge on every open, so this must stay well under a second)."""

from __future__ import annotations

import random
import sys
import time

from newsdesk.core.models import Article, ArticleAnalysis, Mention
from newsdesk.core.pipeline.actors import merge_actors

GIVEN = [
    "Anna",
    "Boris",
    "Chen",
    "David",
    "Elena",
    "Farid",
    "Grace",
    "Hugo",
    "Irina",
    "Jamal",
    "Kofi",
    "Lena",
    "Mikhail",
    "Nadia",
    "Omar",
    "Pavel",
    "Qing",
    "Rosa",
    "Sergei",
    "Tariq",
]
FAMILY = [
    f"{a}{b}"
    for a in ("Kov", "Mar", "Lin", "Hart", "Bel", "Dun", "Esp", "Fal", "Gor", "Hal")
    for b in ("ski", "tin", "ova", "son", "ez", "berg", "ani", "ov", "ley", "ard")
]
ORGS = [
    f"{w} {k}"
    for w in ("National", "Federal", "United", "Central", "Global", "Northern")
    for k in ("Council", "Agency", "League", "Bank", "Party", "Service", "Union", "Institute")
]
PLACES = ["Russia", "China", "France", "Brazil", "Kenya", "India", "Peru", "Japan", "Chile", "Iran"]


def synthetic(
    n_articles: int = 10_000, per_article: int = 50, seed: int = 1
) -> list[ArticleAnalysis]:
    """Like the Wikinews sample: ~1.8 mentions per in-article cluster, 1 in 20 labels wrong."""
    rng = random.Random(seed)
    people = [f"{g} {f}" for g in GIVEN for f in FAMILY]
    analyses = []
    for i in range(n_articles):
        aid = f"a{i:05d}"
        article = Article(aid, f"{aid}.txt", "t", None, None, None, "", (), "h")
        cast = rng.sample(people, 14) + rng.sample(ORGS, 6) + rng.sample(PLACES, 8)
        mentions = []
        for j in range(per_article):
            name = cast[j % len(cast)]
            if name in PLACES:
                text, label = name, "GPE"
            elif name in ORGS:
                text, label = name, "GPE" if rng.random() < 0.05 else "ORG"
            else:
                text = name if j < len(cast) else name.split()[-1]
                label = "ORG" if rng.random() < 0.05 else "PERSON"
            mentions.append(Mention(aid, j * 10, j * 10 + len(text), text, label, key=name))
        analyses.append(ArticleAnalysis(article, tuple(mentions), (), ()))
    return analyses


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    analyses = synthetic(n)
    total = sum(len(a.mentions) for a in analyses)
    clusters = sum(len({m.key for m in a.mentions}) for a in analyses)
    print(f"{clusters} in-article clusters")
    for run in range(3):
        start, cpu = time.perf_counter(), time.process_time()
        actors, mapping = merge_actors(analyses)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(
            f"run {run}: {n} articles, {total} mentions -> {len(actors)} actors "
            f"in {elapsed:.3f}s ({cpu:.3f}s CPU)"
        )


if __name__ == "__main__":
    main()
