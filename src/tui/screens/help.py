"""`?`: every binding, generated from `bindings.py` so it is always complete."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..bindings import CLIPBOARD_NOTE, GROUPS, OTHER_KEYS, key_label
from .closing import ClosesItself


def bindings_table() -> Table:
    """A table of (where, keys, what it does); cells are Text, never markup."""
    table = Table(box=None, expand=True, show_header=True, header_style="bold", pad_edge=False)
    table.add_column(Text("Keys"), no_wrap=True, min_width=14)
    table.add_column(Text("Action"), ratio=1)
    for title, bindings in GROUPS:
        table.add_row(Text(title, style="bold underline"), Text(""))
        for binding in bindings:
            table.add_row(Text(key_label(binding), style="bold"), Text(binding.tooltip))
        if title == "Everywhere":
            for keys, _desc, tooltip in OTHER_KEYS:
                table.add_row(Text(keys, style="bold"), Text(tooltip))
        table.add_row(Text(""), Text(""))
    return table


class HelpScreen(ClosesItself, ModalScreen[None]):
    """A scrollable list of every key; Esc, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="close-help",
                tooltip="Close the help screen"),
        Binding("j,down", "scroll('down')", "Down", show=False, id="help-down",
                tooltip="Scroll down"),
        Binding("k,up", "scroll('up')", "Up", show=False, id="help-up", tooltip="Scroll up"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "newsdesk keys"
            body.border_subtitle = "Esc closes"
            yield Static(Text("Everything works from the keyboard. The footer shows the keys of "
                              "the focused pane; Ctrl+P finds every action by name."),
                         id="help-intro")
            yield Static(bindings_table(), id="help-table")
            yield Static(Text("Clipboard: " + CLIPBOARD_NOTE), id="help-clipboard")

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "down":
            body.scroll_down()
        else:
            body.scroll_up()

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
