"""Indexing progress under the article list: what the wait is for (scanning N files, loading
the language model, indexing k of N, linking actors), while the panes are live."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from newsdesk.core.events import (
    Indexed,
    IndexEvent,
    Linking,
    LoadingModel,
    Scanned,
    Scanning,
)

from ..wording import counted

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
        label = Text(f"Indexing {done} of {counted(total, 'article')}")
        self.query_one("#progress-label", Static).update(label)
        self._show_bar().update(total=total, progress=done)

    def show_step(self, event: IndexEvent) -> None:
        """Say what opening the index is doing now."""
        if isinstance(event, Indexed):
            self.update_progress(event.done, event.total)
            return
        self.query_one("#progress-label", Static).update(Text(describe_step(event)))
        if isinstance(event, Linking | LoadingModel) and self._bar is not None:
            self._bar.update(total=None)  # no fraction to show: the bar pulses

    def finish(self) -> None:
        self.add_class("-done")


def describe_step(event: IndexEvent) -> str:
    """The step in a few words (plain text: a model name is data, never markup)."""
    if isinstance(event, Scanning):
        return "Looking for articles…"
    if isinstance(event, Scanned):
        return f"Scanning {counted(event.files, 'file')}…"
    if isinstance(event, LoadingModel):
        return (f"Loading the language model ({event.model}) for "
                f"{counted(event.to_index, 'new article')}…")
    if isinstance(event, Linking):
        return f"Linking actors across {counted(event.articles, 'article')}…"
    return f"Indexing {event.done} of {counted(event.total, 'article')}"
