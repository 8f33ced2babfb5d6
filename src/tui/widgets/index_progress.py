"""Indexing progress under the article list: articles done / total, while the panes are live."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static


class IndexProgress(Vertical):
    """A label and a bar; hidden (`-done`) once the index is open."""

    def compose(self) -> ComposeResult:
        yield Static(Text("Opening the index…"), id="progress-label")
        yield ProgressBar(total=None, show_eta=False, id="progress-bar")

    def update_progress(self, done: int, total: int) -> None:
        label = Text(f"Indexing {done} / {total} articles")
        self.query_one("#progress-label", Static).update(label)
        self.query_one(ProgressBar).update(total=total, progress=done)

    def finish(self) -> None:
        self.add_class("-done")
