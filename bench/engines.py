"""The hand-made search index against tantivy, side by side on the same units and queries.

    .venv/bin/pip install 'newsdesk[bench]'          # tantivy
    .venv/bin/python bench/engines.py [--articles 10000]

Both keep newsdesk's folding and ranking: the same folded tokens are indexed as terms, each
query word is expanded against the same vocabulary (skeleton trigrams, rapidfuzz), and the best
units are ranked by `search._rank_unit`. What differs is what holds the postings and how units
matching every word are found and scored: numpy arrays in one SQLite file (ours), or tantivy's
segments (each word a disjunction-max of constant-score term queries carrying the similarity,
the words a boolean AND, so a unit's score is the same sum as ours). Figures: build time,
update time (one changed article, until search is ready), query p50/p95, memory, size, and
whether both find the same units (same count of matching units and the same top scores).
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import search as search_bench  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


class TantivyUnits:
    """newsdesk's units in a tantivy index: unit id, article id, kind, folded tokens."""

    def __init__(self, path: Path) -> None:
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_unsigned_field("unit", stored=True, indexed=True, fast=True)
        builder.add_text_field("article", tokenizer_name="raw", index_option="basic")
        builder.add_text_field("tokens", tokenizer_name="whitespace", index_option="basic")
        self.schema = builder.build()
        path.mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(self.schema, path=str(path))
        self.path = path

    def add(self, writer, data, ids) -> None:  # type: ignore[no-untyped-def]
        import tantivy

        from newsdesk.core.search.index import unit_tokens

        rows = data.units(ids)
        for uid in ids:
            row = rows[uid]
            doc = tantivy.Document()
            doc.add_unsigned("unit", uid)
            doc.add_text("article", row.article)
            doc.add_text("tokens", " ".join(sorted(unit_tokens(row.text, row.extra))))
            writer.add_document(doc)

    def query(self, expansions, vocab):  # type: ignore[no-untyped-def]
        import tantivy

        words = []
        for found in expansions:
            terms = [
                tantivy.Query.const_score_query(
                    tantivy.Query.term_query(self.schema, "tokens", vocab[vid]), float(sim)
                )
                for vid, sim in found.items()
            ]
            words.append((tantivy.Occur.Must, tantivy.Query.disjunction_max_query(terms)))
        return tantivy.Query.boolean_query(words)


def search_tantivy(engine: TantivyUnits, searcher, index, query: str, limit: int = 20):  # type: ignore[no-untyped-def]
    """Expand with newsdesk's vocabulary, find and score with tantivy, rank with newsdesk."""
    from newsdesk.core.search.query import _rank_unit, _sims_table, parse_query

    words = parse_query(query)
    expansions = [index.expand(w) for w in words]
    if not all(expansions):
        return 0, [], []
    result = searcher.search(engine.query(expansions, index.data.vocab), limit=limit + 10)
    units = [searcher.doc(address)["unit"][0] for _score, address in result.hits]
    scores = [round(score) for score, _address in result.hits]
    rows = index.data.units(units)
    sims = _sims_table(expansions)
    hits = [_rank_unit(rows[u], words, sims, index.data) for u in units if u in rows]
    return result.count, scores, [h for h in hits if h is not None]


def our_top_scores(index, query: str, limit: int = 20):  # type: ignore[no-untyped-def]
    """The summed similarities of our best `limit + 10` candidates (what tantivy scores)."""
    import numpy as np

    from newsdesk.core.search.query import parse_query

    words = parse_query(query)
    expansions = [index.expand(w) for w in words]
    if not all(expansions):
        return 0, []
    data = index.data
    total = np.zeros(data.n_units, dtype=np.int64)
    alive = None
    for found in expansions:
        best = np.zeros(data.n_units, dtype=np.int64)
        for vid, sim in found.items():
            for part in data.postings(vid):
                best[part] = np.maximum(best[part], sim)
        alive = best > 0 if alive is None else alive & (best > 0)
        total += best
    if data.dead is not None:
        alive &= ~data.dead
    candidates = np.flatnonzero(alive)
    top = sorted(total[candidates].tolist(), reverse=True)[: limit + 10]
    return len(candidates), top


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=50)
    options = parser.parse_args()
    import tantivy

    from newsdesk.core.search.index import IndexData, build_index
    from newsdesk.core.search.query import SearchIndex
    from newsdesk.core.search.segment import disk_size
    from newsdesk.core.search.update import update_in_place
    from newsdesk.core.store.library import MemoryLibrary

    n = options.articles
    tmp = Path(tempfile.mkdtemp(prefix="newsdesk-engines-"))
    try:
        corpus = search_bench.build_corpus(n, 7)
        library = MemoryLibrary(corpus)
        queries = search_bench.make_queries(library, options.queries)
        # ---- ours: build
        before = rss_mb()
        started = time.perf_counter()
        path = tmp / "ours.sqlite"
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        build_index(library, conn, segment=tmp / "ours-main.seg")
        ours_build = time.perf_counter() - started
        index = SearchIndex(IndexData(conn, path))
        ours_rss = rss_mb() - before
        ours_mb = disk_size(path) / 1e6
        units_mb = (
            sum(len(r[0]) + len(r[1] or "") for r in conn.execute("SELECT text, extra FROM units"))
            / 1e6
        )
        # ---- tantivy: build (same units, from our unit table)
        before = rss_mb()
        started = time.perf_counter()
        engine = TantivyUnits(tmp / "tantivy")
        writer = engine.index.writer(heap_size=200_000_000, num_threads=1)
        ids = list(range(index.data.n_units))
        for chunk in range(0, len(ids), 5000):
            engine.add(writer, index.data, ids[chunk : chunk + 5000])
        writer.commit()
        writer.wait_merging_threads()
        engine.index.reload()
        searcher = engine.index.searcher()
        tantivy_build = time.perf_counter() - started
        tantivy_rss = rss_mb() - before
        tantivy_mb = folder_mb(tmp / "tantivy")
        # ---- queries, interleaved
        ours_ms, tan_ms, same = [], [], 0
        for query in queries:
            best_ours, best_tan = 1e9, 1e9
            for _ in range(3):
                index._expansions.clear()
                t = time.perf_counter()
                index.search(query, limit=20, suggest=False)
                best_ours = min(best_ours, time.perf_counter() - t)
                index._expansions.clear()
                t = time.perf_counter()
                count, scores, _hits = search_tantivy(engine, searcher, index, query)
                best_tan = min(best_tan, time.perf_counter() - t)
            ours_ms.append(best_ours * 1000)
            tan_ms.append(best_tan * 1000)
            our_count, our_scores = our_top_scores(index, query)
            same += int(count == our_count and scores == our_scores)
        # ---- update: one changed article, until search is ready
        victim = corpus.articles[n // 2]
        changed_text = victim.text + "\n\nMayor Ondine Varga-Whitlock said the bridge would reopen."
        article = replace(victim, text=changed_text, content_hash=victim.content_hash + "x")
        extra = (len(victim.text) + 2, len(changed_text))
        corpus2 = copy.copy(corpus)
        object.__setattr__(
            corpus2, "articles", tuple(article if a.id == victim.id else a for a in corpus.articles)
        )
        object.__setattr__(
            corpus2,
            "sentences",
            {**corpus.sentences, victim.id: (*corpus.sentences.get(victim.id, ()), extra)},
        )
        library2 = MemoryLibrary(corpus2)
        started = time.perf_counter()
        index2 = SearchIndex(update_in_place(conn, library2, path))
        found_ours = bool(index2.search("Varga-Whitlock", suggest=False).hits)
        ours_update = time.perf_counter() - started
        started = time.perf_counter()
        writer = engine.index.writer(heap_size=50_000_000, num_threads=1)
        writer.delete_documents_by_term("article", victim.id)
        new_ids = [
            r[0] for r in conn.execute("SELECT id FROM units WHERE article = ?", (victim.id,))
        ]
        engine.add(writer, index2.data, new_ids)
        writer.commit()
        writer.wait_merging_threads()
        engine.index.reload()
        searcher2 = engine.index.searcher()
        count, _scores, hits = search_tantivy(engine, searcher2, index2, "Varga-Whitlock")
        found_tan = bool(hits)
        tantivy_update = time.perf_counter() - started
        # ---- full rebuild, for the record
        started = time.perf_counter()
        scratch = sqlite3.connect(":memory:")
        build_index(library2, scratch)
        rebuild = time.perf_counter() - started
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    p95 = search_bench._percentile
    print(
        f"engines at {n:,} articles, {options.queries} queries (load {os.getloadavg()[0]:.1f}; "
        f"tantivy {tantivy.__version__ if hasattr(tantivy, '__version__') else ''})"
    )
    print("| figure | hand-made (numpy + SQLite) | tantivy |")
    print("| --- | --- | --- |")
    print(f"| build | {ours_build:.1f} s | {tantivy_build:.1f} s (+ our units, vocabulary) |")
    print(
        f"| update, 1 changed article, to search ready | {ours_update * 1000:.0f} ms "
        f"(found: {found_ours}) | {tantivy_update * 1000:.0f} ms (found: {found_tan}) |"
    )
    print(f"| full rebuild instead | {rebuild:.1f} s | |")
    print(
        f"| query p50 / p95 | {statistics.median(ours_ms):.1f} / {p95(ours_ms, 0.95):.1f} ms | "
        f"{statistics.median(tan_ms):.1f} / {p95(tan_ms, 0.95):.1f} ms |"
    )
    print(f"| memory (RSS growth, build + load) | {ours_rss:.0f} MB | {tantivy_rss:.0f} MB |")
    print(
        f"| size on disk | {ours_mb:.0f} MB (unit texts {units_mb:.0f} MB inside) | "
        f"{tantivy_mb:.0f} MB (+ unit texts kept elsewhere) |"
    )
    print(f"| same matching units and top scores | {same}/{len(queries)} queries | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
