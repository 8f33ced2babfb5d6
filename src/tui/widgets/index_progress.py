"""Indexing progress under the article list: articles done / total, while the panes are live."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

if TYPE_CHECKING:
    from textual.widgets import ProgressBar

#: A warm store opens well within this: the (animated) bar is only mounted for slower opens.
BAR_DELAY = 0.3


class IndexProgress(Vertical):
    """A label and a bar; hidden (`-done`) once the index is open.

    The bar is mounted on the first progress report, or after `BAR_DELAY` while still
    opening, so a warm start never styles and paints a bar it hides at once.
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self._bar: ProgressBar | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Opening the index…"), id="progress-label")

    def on_mount(self) -> None:
        self.set_timer(BAR_DELAY, self._still_opening)

    def _still_opening(self) -> None:
        if not self.has_class("-done"):
            self._show_bar()

    def _show_bar(self) -> ProgressBar:
        if self._bar is None:
            from textual.widgets import ProgressBar

            self._bar = ProgressBar(total=None, show_eta=False, id="progress-bar")
            self.mount(self._bar)
        return self._bar

    def update_progress(self, done: int, total: int) -> None:
        label = Text(f"Indexing {done} / {total} articles")
        self.query_one("#progress-label", Static).update(label)
        self._show_bar().update(total=total, progress=done)

    def finish(self) -> None:
        self.add_class("-done")
