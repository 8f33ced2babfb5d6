"""Indexing across processes (`--jobs N`).

Each worker parses *and* analyses whole batches of articles and sends back only the finished
`ArticleAnalysis` records. spaCy's own `nlp.pipe(n_process=N)` would not do: with contexts it
tokenises every text in the parent, ships whole `Doc`s (tensors included) both ways, and leaves
the rules to the parent, which then caps the throughput of the whole pool.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from ..models import Article, ArticleAnalysis

if TYPE_CHECKING:
    from spacy.language import Language

#: What a worker runs on each batch: `indexing.analyze` in one process. Passed in (it pickles
#: by name) rather than imported, so `indexing` -> `parallel` is the only import between them.
AnalyzeBatch = Callable[..., Iterator[ArticleAnalysis]]

#: Batches queued per worker beyond the one it works on: enough that no worker waits for the
#: parent, few enough that a huge folder is not copied into the queues at once.
_AHEAD = 2
_STOP = None


class WorkerError(RuntimeError):
    """A worker process failed; the message holds its traceback."""


def analyze_in_processes(
    nlp: Language,
    articles: Sequence[Article],
    *,
    analyze: AnalyzeBatch,
    batch_size: int,
    n_process: int,
) -> Iterator[ArticleAnalysis]:
    """Like `indexing.analyze`, in `n_process` worker processes; analyses come in article order."""
    n_process = max(1, min(n_process, len(articles)))
    size = max(1, min(batch_size, -(-len(articles) // n_process)))  # a small folder still splits
    batches = [articles[i : i + size] for i in range(0, len(articles), size)]
    context = mp.get_context()  # the platform default, as spaCy uses
    inboxes = [context.Queue() for _ in range(n_process)]
    pipes = [context.Pipe(duplex=False) for _ in range(n_process)]
    workers = [
        context.Process(
            target=_work,
            args=(nlp, analyze, inbox, sender, batch_size, os.getpid()),
            name=f"newsdesk-index-{number}",
            daemon=True,
        )
        for number, (inbox, (_receiver, sender)) in enumerate(zip(inboxes, pipes, strict=True))
    ]
    for worker in workers:
        worker.start()
    for _receiver, sender in pipes:
        sender.close()  # the workers hold the writing ends; a dead worker then reads as EOF
    receivers = [receiver for receiver, _sender in pipes]
    sent: deque[tuple[int, int]] = deque()  # (worker slot, articles in the batch), in send order
    upcoming = iter(enumerate(batches))

    def send_one() -> None:
        for number, batch in upcoming:
            slot = number % n_process
            inboxes[slot].put(list(batch))
            sent.append((slot, len(batch)))
            return

    try:
        for _ in range(n_process * _AHEAD):
            send_one()
        while sent:
            slot, count = sent.popleft()
            for _ in range(count):
                yield _receive(receivers[slot], workers[slot].name)
            send_one()
    finally:
        for inbox in inboxes:
            inbox.put(_STOP)
        for worker in workers:
            worker.join(timeout=2)
            if worker.is_alive():
                worker.terminate()
        for inbox in inboxes:
            inbox.close()
            inbox.cancel_join_thread()  # an interrupted run may leave batches nobody reads
        for receiver in receivers:
            receiver.close()


def _receive(receiver: Connection, name: str) -> ArticleAnalysis:
    try:
        kind, payload = receiver.recv()
    except EOFError:
        raise WorkerError(f"indexing process {name} stopped unexpectedly") from None
    if kind == "error":
        raise WorkerError(f"indexing process {name} failed:\n{payload}")
    result: ArticleAnalysis = payload
    return result


def _work(
    nlp: Language,
    analyze: AnalyzeBatch,
    inbox: Any,
    sender: Connection,
    batch_size: int,
    parent: int,
) -> None:
    """A worker's loop: parse and analyse each batch, one message per article."""
    try:
        while True:
            try:
                batch = inbox.get(timeout=1.0)
            except queue.Empty:
                if os.getppid() != parent:  # the parent was killed: nobody will read
                    return
                continue
            if batch is _STOP:
                return
            try:
                for analysis in analyze(nlp, batch, batch_size=batch_size):
                    sender.send(("ok", analysis))
            except Exception:  # sent to the parent, which raises it there
                sender.send(("error", traceback.format_exc()))
                return
    except (BrokenPipeError, KeyboardInterrupt):
        return
    finally:
        sender.close()
