"""What runs on a Dask worker: the pipeline plugin (one model per worker) and the batch task.

Imported only where `distributed` is installed (the `cluster` extra): the client when it
registers the plugin, and each worker when it unpickles it.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from ..models import Article, ArticleAnalysis
from .cluster import PLUGIN_NAME, Identity, WorkerMismatch, local_identity

if TYPE_CHECKING:
    from spacy.language import Language

#: Pipelines loaded in this worker process, by model: a plugin registered again (the next
#: `newsdesk index` on the same cluster) finds its model already loaded.
_PIPELINES: dict[str | None, Language] = {}
_LOADING = threading.Lock()


class PipelinePlugin(WorkerPlugin):
    """Holds one worker's pipeline: loaded on the first batch, then reused for every batch.

    The plugin carries only the model's name and the client's identity; the worker loads its
    own copy of the model, so nothing of spaCy crosses the network. A worker whose identity
    differs refuses every batch (the client then stops with a message naming both).
    """

    name = PLUGIN_NAME

    def __init__(self, model: str | None, expected: Identity) -> None:
        self.model = model
        self.expected = expected
        self.identity: Identity | None = None
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"model": self.model, "expected": self.expected}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["model"], state["expected"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        """Cheap (package metadata only): the model loads in the first task's thread, so the
        worker's event loop never blocks on it."""
        self.identity = local_identity(self.model)

    def analyze(self, articles: Sequence[Article], batch_size: int) -> list[ArticleAnalysis]:
        """One batch through the pipeline; a lock keeps a many-threaded worker to one at a time."""
        from ..pipeline.indexing import analyze

        identity = self.identity or local_identity(self.model)
        if identity != self.expected:
            raise WorkerMismatch(identity, self.expected)
        with self._lock:
            return list(analyze(self.pipeline(), articles, batch_size=batch_size))

    def pipeline(self) -> Language:
        """This worker's pipeline, loaded on first use and kept for the process's life."""
        with _LOADING:
            nlp = _PIPELINES.get(self.model)
            if nlp is None:
                from ..pipeline.indexing import prepare_pipeline
                from ..pipeline.nlp import load_pipeline

                nlp = _PIPELINES[self.model] = prepare_pipeline(load_pipeline(self.model)[0])
            return nlp


def analyze_batch(articles: list[Article], batch_size: int) -> list[ArticleAnalysis]:
    """The task each worker runs: its plugin's pipeline over one batch."""
    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, PipelinePlugin):
        raise RuntimeError("the newsdesk worker plugin is not registered on this worker")
    return plugin.analyze(articles, batch_size)
