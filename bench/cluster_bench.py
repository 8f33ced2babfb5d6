"""Indexing on a Dask cluster against `--jobs` on the same machine, in the same run.

    .venv/bin/python bench/cluster_bench.py [--articles 60] [--rounds 2]

For each process count (1 and 2): `open_library` with `--jobs N` (the pipeline preloaded, as
`bench/run.py` measures it) against `--cluster` on a `LocalCluster` of N worker processes that
already hold their model (a long run amortises the start; the start is reported apart). Also the
per-batch overhead: the round trip of an empty batch through the scheduler and a worker.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate, write_corpus  # noqa: E402

from newsdesk.core.settings import Settings  # noqa: E402


def bench_cluster(work: Path, n_articles: int, rounds: int) -> list[object]:
    """Rows for `bench/run.py`: cluster throughput at 1 and 2 workers, start-up, per batch."""
    from distributed import Client, LocalCluster
    from run import Row, log

    from newsdesk.core.pipeline.indexing import read_articles
    from newsdesk.core.pipeline.nlp import load_pipeline
    from newsdesk.core.store.cluster import ClusterSession, parse_cluster
    from newsdesk.core.store.cluster_worker import analyze_batch
    from newsdesk.core.store.index_store import open_library

    folder = work / "cluster"
    shutil.rmtree(folder, ignore_errors=True)
    write_corpus(folder, list(generate(n_articles, seed=7)))
    articles, _ = read_articles([folder])
    words = sum(len(a.text.split()) for a in articles)
    warm = work / "cluster-warm"
    shutil.rmtree(warm, ignore_errors=True)
    write_corpus(warm, list(generate(4, seed=3)))
    cache = work / "cluster-cache"
    nlp, info = load_pipeline(None)
    rows: list[object] = []
    for n in (1, 2):
        log(f"cluster: starting a local cluster of {n} worker(s)")
        started = time.perf_counter()
        local = LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            scheduler_port=0,
            silence_logs=logging.ERROR,
        )
        address = local.scheduler_address
        shutil.rmtree(cache, ignore_errors=True)
        open_library([warm], Settings.from_env(cache_dir=cache, cluster=address))  # models load
        start_s = time.perf_counter() - started
        jobs_walls, cluster_walls = [], []
        try:
            for _round in range(rounds):  # interleaved: the machine is shared
                log(f"cluster: --jobs {n}, {len(articles)} articles")
                shutil.rmtree(cache, ignore_errors=True)
                t = time.perf_counter()
                open_library([folder], Settings.from_env(cache_dir=cache, jobs=n), nlp=nlp)
                jobs_walls.append(time.perf_counter() - t)
                log(f"cluster: --cluster local:{n} (warm workers)")
                shutil.rmtree(cache, ignore_errors=True)
                t = time.perf_counter()
                opened = open_library([folder], Settings.from_env(cache_dir=cache, cluster=address))
                cluster_walls.append(time.perf_counter() - t)
                assert opened.indexed == len(articles)
            if n == 2:
                with ClusterSession(parse_cluster(address)) as session:
                    session.prepare(None)
                    client: Client = session.client
                    trips = []
                    for i in range(40):
                        t = time.perf_counter()
                        client.submit(analyze_batch, [], 32, key=f"empty-{i}").result()
                        trips.append(time.perf_counter() - t)
                overhead_ms = statistics.median(trips) * 1000
        finally:
            local.close()
        jobs_s, cluster_s = min(jobs_walls), min(cluster_walls)
        ratio = jobs_s / cluster_s
        rows.append(
            Row(
                f"indexing throughput, --cluster local:{n} vs --jobs {n} "
                f"({len(articles)} articles, {words:,} words, {info.name}; workers warm; "
                f"best of {rounds})",
                f"{words / cluster_s:,.0f} words/s",
                f"{words / jobs_s:,.0f} words/s (--jobs {n})",
                ratio,
                ">= 0.9x",
                ratio >= 0.9,
            )
        )
        rows.append(
            Row(
                f"cluster start-up, local:{n} (scheduler, workers, model loaded on each)",
                f"{start_s:.1f} s",
                "",
                None,
                "info",
                None,
            )
        )
    batches = -(-len(articles) // 32)
    rows.append(
        Row(
            "per-batch overhead: an empty batch's round trip (client, scheduler, worker plugin)",
            f"{overhead_ms:.1f} ms",
            f"{batches} batches of 32 per {len(articles)} articles",
            None,
            "info",
            None,
        )
    )
    return rows


def main() -> int:
    import tempfile

    from run import render

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-bench")
    options = parser.parse_args()
    options.work.mkdir(parents=True, exist_ok=True)
    print(
        render(
            bench_cluster(options.work, options.articles, options.rounds),  # type: ignore[arg-type]
            "newsdesk cluster bench",
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
