"""Indexing on a Dask cluster (`--cluster`): workers analyse batches, the client stores them.

The client reads and hashes the articles (workers need no shared disk) and submits batches of
plain `Article` records. Each worker loads the spaCy model once, through a worker plugin, and
runs the same batch analysis as one process or `--jobs` (`index.analyze`); only finished
`ArticleAnalysis` records come back, never a `Doc` or the pipeline. Batches are handed back as
they complete, so the caller can commit each one in its own transaction: a lost worker costs
the batches it held (Dask reruns them elsewhere), a killed client only the unfinished ones.

`distributed` is an optional extra (`pip install 'newsdesk[cluster]'`); nothing here imports it
until a cluster is asked for.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import NewsdeskError
from ..models import Article, ArticleAnalysis

log = logging.getLogger(__name__)

#: Name the worker plugin is registered under (one per worker; re-registering replaces it).
PLUGIN_NAME = "newsdesk-pipeline"
#: Batches in flight per worker beyond the one it works on: no worker waits for the client,
#: and a huge archive is not shipped to the scheduler all at once.
AHEAD = 2
INSTALL_HINT = "--cluster needs the cluster extra: pip install 'newsdesk[cluster]'"


class ClusterError(NewsdeskError):
    """The cluster cannot be used: extra not installed, scheduler unreachable, workers refused."""

    title = "Cluster"


@dataclass(frozen=True, slots=True)
class Identity:
    """What must match between client and worker for their records to be interchangeable."""

    newsdesk: str
    pipeline: str
    """`pipeline_fingerprint`: model name and version plus the extraction version."""

    def describe(self) -> str:
        return f"newsdesk {self.newsdesk} with {self.pipeline}"


def local_identity(model: str | None) -> Identity:
    """This process's identity (cheap: package metadata only, no spaCy)."""
    from .. import __version__
    from .fingerprint import pipeline_fingerprint

    return Identity(__version__, pipeline_fingerprint(model))


@dataclass(frozen=True, slots=True)
class ClusterSpec:
    """A parsed `--cluster` value: `local:N` workers on loopback, or a scheduler address."""

    address: str | None
    local_workers: int = 0


def parse_cluster(value: str) -> ClusterSpec:
    """`local:N` or a scheduler address (`tcp://host:8786`, `host:8786`); bad input raises."""
    value = value.strip()
    if value.startswith("local"):
        _, _, count = value.partition(":")
        try:
            workers = int(count) if count else 2
        except ValueError:
            raise ClusterError(f"--cluster {value}: expected local:N with N a number") from None
        if workers < 1:
            raise ClusterError(f"--cluster {value}: a local cluster needs at least one worker")
        return ClusterSpec(None, workers)
    if not value:
        raise ClusterError("--cluster needs a scheduler address (tcp://HOST:8786) or local:N")
    return ClusterSpec(value if "://" in value else f"tcp://{value}")


def require_distributed() -> None:
    """Raise the one-line install hint when the extra is missing."""
    import importlib.util

    if importlib.util.find_spec("distributed") is None:
        raise ClusterError(INSTALL_HINT)


class WorkerMismatch(RuntimeError):
    """Raised on a worker whose newsdesk or model differs from the client's."""

    def __init__(self, worker: Identity, client: Identity) -> None:
        super().__init__(worker, client)
        self.worker = worker
        self.client = client

    def __str__(self) -> str:
        return f"worker runs {self.worker.describe()}, client runs {self.client.describe()}"


def _worker_identity(model: str | None) -> tuple[str, str]:
    identity = local_identity(model)
    return identity.newsdesk, identity.pipeline


# ---------------------------------------------------------------------------------------------
# The client side


class ClusterSession:
    """A connected client (and, for `local:N`, the cluster it started); close it when done."""

    def __init__(self, spec: ClusterSpec) -> None:
        require_distributed()
        from distributed import Client, LocalCluster

        self.spec = spec
        self.cluster: Any = None
        try:
            if spec.address is None:
                self.cluster = LocalCluster(
                    n_workers=spec.local_workers, threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=None, scheduler_port=0,
                    silence_logs=logging.ERROR,
                )  # type: ignore[no-untyped-call]
                self.client = Client(self.cluster)  # type: ignore[no-untyped-call]
            else:
                self.client = Client(spec.address, timeout="10s")  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as err:
            self.close()
            where = spec.address or "a local cluster"
            raise ClusterError(f"cannot reach the Dask scheduler at {where}: {err}") from err

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> ClusterSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def prepare(self, model: str | None, *, wait: float = 30.0) -> Identity:
        """Check the workers' identities and install the pipeline plugin on each."""
        expected = local_identity(model)
        try:
            self.client.wait_for_workers(1, timeout=wait)
        except TimeoutError:
            raise ClusterError(
                f"no Dask worker joined the scheduler at {self.spec.address or 'local'} "
                f"within {wait:.0f} s"
            ) from None
        found = self.client.run(_worker_identity, model, on_error="return")
        refused = []
        for address, value in sorted(found.items()):
            if isinstance(value, BaseException):
                refused.append(f"{address} cannot run newsdesk ({type(value).__name__}: {value})")
            elif Identity(*value) != expected:
                refused.append(f"{address} runs {Identity(*value).describe()}")
        if refused:
            raise ClusterError(
                f"workers refused (the client runs {expected.describe()}; install the same "
                f"versions there): " + "; ".join(refused)
            )
        from .cluster_worker import PipelinePlugin

        self.client.register_plugin(PipelinePlugin(model, expected), name=PLUGIN_NAME)
        return expected

    def workers(self) -> int:
        return len(self.client.scheduler_info(n_workers=-1).get("workers", {}))

    def analyze_batches(
        self, articles: Sequence[Article], *, batch_size: int
    ) -> Iterator[list[ArticleAnalysis]]:
        """Each batch's analyses as soon as a worker finishes it (not in article order)."""
        from distributed import as_completed
        from distributed.client import FutureCancelledError
        from distributed.comm.core import CommClosedError
        from distributed.scheduler import KilledWorker

        from .cluster_worker import analyze_batch

        if not articles:
            return
        workers = max(1, self.workers())
        size = max(1, min(batch_size, -(-len(articles) // workers)))  # a small archive still splits
        batches = [list(articles[i : i + size]) for i in range(0, len(articles), size)]
        pending = iter(enumerate(batches))
        in_flight = max(2, workers * (1 + AHEAD))
        token = _run_token()

        def submit() -> Any:
            for number, batch in pending:
                return self.client.submit(
                    analyze_batch, batch, batch_size, key=f"newsdesk-batch-{token}-{number}"
                )
            return None

        futures = [f for f in (submit() for _ in range(in_flight)) if f is not None]
        queue = as_completed(futures)  # type: ignore[no-untyped-call]
        try:
            for future in queue:
                try:
                    result = future.result()
                except WorkerMismatch as err:
                    raise ClusterError(f"a worker was refused: {err}") from None
                except FutureCancelledError as err:
                    raise ClusterError(
                        f"the cluster cancelled a batch ({err}); finished batches are kept: "
                        "run again to continue"
                    ) from None
                except KilledWorker as err:
                    raise ClusterError(
                        f"a batch was running on every worker that died ({err}); finished "
                        "batches are kept: run again to continue"
                    ) from None
                except (OSError, CommClosedError) as err:
                    raise ClusterError(
                        f"lost the Dask scheduler ({err}); finished batches are kept: run "
                        "again to continue"
                    ) from None
                future.release()
                following = submit()
                if following is not None:
                    queue.add(following)  # type: ignore[no-untyped-call]
                yield result
        finally:
            queue.clear()  # type: ignore[no-untyped-call]


def _run_token() -> str:
    import os
    import time

    return f"{os.getpid()}-{time.time_ns()}"


def analyze_on_cluster(
    cluster: str, model: str | None, articles: Sequence[Article], *, batch_size: int
) -> Iterator[list[ArticleAnalysis]]:
    """Connect (or start `local:N`), check the workers, and stream finished batches."""
    spec = parse_cluster(cluster)
    with ClusterSession(spec) as session:
        session.prepare(model)
        yield from session.analyze_batches(articles, batch_size=batch_size)
