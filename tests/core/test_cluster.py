"""`--cluster`: batches analysed on Dask workers give the same index as one process."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from newsdesk.core.settings import Settings
from newsdesk.core.store import cluster
from newsdesk.core.store.cluster import ClusterError, Identity, parse_cluster
from newsdesk.core.store.index_store import open_library

DATA = Path(__file__).parent.parent / "data" / "quotes"


@pytest.mark.parametrize(
    ("value", "address", "workers"),
    [
        ("local:2", None, 2),
        ("local", None, 2),
        ("tcp://10.0.0.5:8786", "tcp://10.0.0.5:8786", 0),
        ("sched.example:8786", "tcp://sched.example:8786", 0),
    ],
)
def test_cluster_parse_accepts_local_and_addresses(
    value: str, address: str | None, workers: int
) -> None:
    spec = parse_cluster(value)
    assert (spec.address, spec.local_workers) == (address, workers)


@pytest.mark.parametrize("value", ["local:x", "local:0", " "])
def test_cluster_parse_rejects_bad_values(value: str) -> None:
    with pytest.raises(ClusterError):
        parse_cluster(value)


def test_cluster_without_the_extra_says_how_to_install(monkeypatch, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import importlib.util

    from newsdesk.tui.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "distributed" else real(name, *a),
    )
    assert main(["index", str(DATA), "--cluster", "local:2"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["newsdesk: --cluster needs the cluster extra: pip install 'newsdesk[cluster]'"]


def test_cluster_plugin_refuses_a_batch_from_another_version(articles) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("distributed")
    from newsdesk.core.store.cluster_worker import PipelinePlugin

    plugin = PipelinePlugin(None, Identity("0.0.0-other", "some-model@1+extraction-0"))
    plugin.setup(None)
    with pytest.raises(cluster.WorkerMismatch, match="0.0.0-other"):
        plugin.analyze(articles[:1], 2)


# ---------------------------------------------------------------- on a real local cluster


@pytest.fixture(scope="module")
def articles():  # type: ignore[no-untyped-def]
    from newsdesk.core.pipeline.indexing import read_articles

    found, _skipped = read_articles([DATA])
    return found


@pytest.fixture(scope="module")
def dask_cluster():  # type: ignore[no-untyped-def]
    """Two worker processes on loopback (so the plugin really crosses a process boundary)."""
    pytest.importorskip("distributed")
    import logging

    from distributed import LocalCluster

    local = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        scheduler_port=0,
        silence_logs=logging.ERROR,
    )
    try:
        yield local
    finally:
        local.close()


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    past = time.time() - 120
    for source in sorted(DATA.glob("*.txt"))[:count]:
        shutil.copy(source, folder / source.name)
        os.utime(folder / source.name, (past, past))
    return folder


def _settings(tmp_path: Path, name: str, **overrides: object) -> Settings:
    return Settings(cache_dir=tmp_path / name, batch_size=2, **overrides)  # type: ignore[arg-type]


def _one_process(folder: Path, tmp_path: Path, nlp):  # type: ignore[no-untyped-def]
    opened = open_library([folder], _settings(tmp_path, "alone", jobs=1), nlp=nlp)
    return opened.library.corpus()  # type: ignore[attr-defined]


def test_cluster_index_equals_one_process(dask_cluster, tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(tmp_path, 8)
    settings = _settings(tmp_path, "cluster", cluster=dask_cluster.scheduler_address)
    opened = open_library([folder], settings)
    assert opened.indexed == 8
    corpus = opened.library.corpus()  # type: ignore[attr-defined]
    assert corpus == _one_process(folder, tmp_path, nlp)
    assert any(q.actor for q in corpus.quotes)


def test_cluster_splits_a_small_archive_across_the_workers(dask_cluster, articles) -> None:  # type: ignore[no-untyped-def]
    """Fewer articles than one batch still reach every worker, as `--jobs` splits them."""
    from newsdesk.core.store.cluster import ClusterSession

    with ClusterSession(parse_cluster(dask_cluster.scheduler_address)) as session:
        session.prepare(None)
        batches = list(session.analyze_batches(articles[:4], batch_size=32))
    assert sorted(len(batch) for batch in batches) == [2, 2]
    done = sorted(a.article.id for batch in batches for a in batch)
    assert done == sorted(a.id for a in articles[:4])


def test_cluster_refuses_workers_of_another_version(dask_cluster, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsdesk.core.store.cluster import ClusterSession

    monkeypatch.setattr(
        cluster, "local_identity", lambda model: Identity("9.9.9", "other-model@1+extraction-0")
    )
    with ClusterSession(parse_cluster(dask_cluster.scheduler_address)) as session:
        with pytest.raises(ClusterError, match=r"workers refused .*newsdesk 9\.9\.9"):
            session.prepare(None)


def test_cluster_killed_client_loses_only_unfinished_batches(dask_cluster, tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(tmp_path, 8)
    settings = _settings(tmp_path, "cluster", cluster=dask_cluster.scheduler_address)

    def stop_after_first_batch(done: int, total: int, article_id: str) -> None:
        if done == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        open_library([folder], settings, progress=stop_after_first_batch)
    rerun = open_library([folder], settings)
    assert rerun.reused >= 2 and rerun.indexed == 8 - rerun.reused
    assert rerun.library.corpus() == _one_process(folder, tmp_path, nlp)  # type: ignore[attr-defined]


def test_cluster_survives_a_worker_killed_mid_run(dask_cluster, tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    from distributed import Client

    folder = _folder(tmp_path, 12)
    settings = _settings(tmp_path, "cluster", cluster=dask_cluster.scheduler_address)
    with Client(dask_cluster) as client:
        pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]
    killed: list[int] = []

    def kill_one_worker(done: int, total: int, article_id: str) -> None:
        if not killed:
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    opened = open_library([folder], settings, progress=kill_one_worker)
    assert killed and opened.indexed == 12
    assert opened.library.corpus() == _one_process(folder, tmp_path, nlp)  # type: ignore[attr-defined]
