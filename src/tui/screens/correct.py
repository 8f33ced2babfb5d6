"""The correction dialog: a name to type, or a target picked from a list the search matcher
filters as you type, and an optional note."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..bindings import CORRECTION_DIALOG_BINDINGS
from .closing import ClosesItself


@dataclass(frozen=True, slots=True)
class Choice:
    """One row of the picker: what it stands for and how it reads."""

    key: str
    label: str


@dataclass(frozen=True, slots=True)
class Answer:
    """What the reader chose: a row (`key`), or typed `text`, and a note."""

    key: str | None
    text: str
    note: str


class CorrectionDialog(ClosesItself, ModalScreen[Answer | None]):
    """Enter in the field takes the highlighted row (or the text typed); Tab reaches the note;
    Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [*CORRECTION_DIALOG_BINDINGS]
    AUTO_FOCUS = "#correct-input"
    DEFAULT_CSS = """
    CorrectionDialog { align: center middle; }
    #correct-dialog {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    #correct-about { margin: 1 0 0 0; color: $text-muted; }
    #correct-choices { height: auto; max-height: 12; margin: 1 0 0 0; }
    #correct-note { margin: 1 0 0 0; }
    """

    def __init__(
        self,
        title: str,
        about: str,
        *,
        text: str = "",
        placeholder: str = "",
        choices: Callable[[str], Sequence[Choice]] | None = None,
        free_text: bool = True,
    ) -> None:
        """`choices(query)` lists the rows for what is typed (None: only text); `free_text`
        False means a row must be chosen."""
        super().__init__()
        self.title_text = title
        self.about = about
        self.initial = text
        self.placeholder = placeholder
        self.choices = choices
        self.free_text = free_text
        self.rows: list[Choice] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="correct-dialog") as dialog:
            dialog.border_title = self.title_text
            dialog.border_subtitle = "Enter applies · Tab: note · Esc cancels"
            yield Static(Content(self.about), id="correct-about")
            yield Input(self.initial, id="correct-input", placeholder=self.placeholder,
                        select_on_focus=True)
            if self.choices is not None:
                yield OptionList(id="correct-choices")
            yield Input("", id="correct-note", placeholder="note (optional): why")

    def on_mount(self) -> None:
        self._fill(self.initial if self.free_text else "")

    @on(Input.Changed, "#correct-input")
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, query: str) -> None:
        if self.choices is None:
            return
        self.rows = list(self.choices(query))
        options = self.query_one("#correct-choices", OptionList)
        options.clear_options()
        options.add_options([Option(Content(row.label)) for row in self.rows])
        if self.rows:
            options.highlighted = 0

    def _chosen(self) -> Choice | None:
        if self.choices is None or not self.rows:
            return None
        index = self.query_one("#correct-choices", OptionList).highlighted
        return self.rows[index] if index is not None and index < len(self.rows) else None

    def _answer(self, choice: Choice | None) -> None:
        text = self.query_one("#correct-input", Input).value.strip()
        note = self.query_one("#correct-note", Input).value.strip()
        if choice is None and (not self.free_text or not text):
            self.app.bell()
            return
        self.dismiss(Answer(choice.key if choice else None, text, note))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._answer(self._chosen())

    @on(OptionList.OptionSelected, "#correct-choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._answer(self.rows[event.option_index])

    def action_move(self, delta: int) -> None:
        if self.choices is None or not self.rows:
            return
        options = self.query_one("#correct-choices", OptionList)
        current = options.highlighted or 0
        options.highlighted = max(0, min(len(self.rows) - 1, current + delta))

    def action_cancel(self) -> None:
        self.dismiss(None)
