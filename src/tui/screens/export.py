"""`e`: the export dialog (scope, grouping, file) and the overwrite confirmation.

Titles and names come from articles: every label is `Content`, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from ..bindings import CONFIRM_BINDINGS, EXPORT_DIALOG_BINDINGS
from ..wording import one_line
from .closing import ClosesItself

Scope = Literal["all", "article", "actor"]
Group = Literal["article", "actor"]
Format = Literal["md", "csv", "jsonl"]
FORMATS: dict[Format, str] = {
    "md": "Markdown (to read and cite)",
    "csv": "CSV (a row per passage, for spreadsheets)",
    "jsonl": "JSON lines (for scripts)",
}


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What the dialog offers: the default file, and the open article and chosen actor."""

    path: Path
    article: tuple[str, str] | None = None
    """(id, title) of the article in the text pane."""
    actor: tuple[str, str] | None = None
    """(id, name) of the chosen actor, or of the actor under the sidebar cursor."""
    mark_count: int = 0
    start_on_actor: bool = False
    """The actor was chosen by the reader and has positions: the dialog starts on them."""
    previous: ExportRequest | None = None
    """The choice to show again (after "Keep the file"): the file name is focused."""


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """The reader's choice: what to export, how to group it, where to write it."""

    path: Path
    scope: Scope = "all"
    article_id: str | None = None
    actor_id: str | None = None
    group: Group = "article"
    format: Format = "md"


class Choice(RadioButton):
    """A radio button whose dot shows only when chosen (`▐●▌` / `▐ ▌`): Textual draws the dot
    in every button and tells the chosen one by colour alone, lost on a monochrome terminal,
    to a colour-blind reader, or in a copy of the screen."""

    BUTTON_INNER = " "

    def watch_value(self) -> None:
        self.BUTTON_INNER = RadioButton.BUTTON_INNER if self.value else " "
        super().watch_value()


def starting_scope(options: ExportOptions) -> Scope:
    """The most useful scope: the chosen actor's positions, else all marks."""
    if options.previous is not None:
        return options.previous.scope
    if options.actor is not None and options.start_on_actor:
        return "actor"
    return "all"




class ExportDialog(ClosesItself, ModalScreen[ExportRequest | None]):
    """Scope, grouping and file; Enter (or Export) writes, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [*EXPORT_DIALOG_BINDINGS]
    BINDING_GROUP_TITLE = "Export dialog"
    AUTO_FOCUS = "#export-path"

    def __init__(self, options: ExportOptions) -> None:
        super().__init__()
        self.options = options

    def compose(self) -> ComposeResult:
        options = self.options
        noun = "mark" if options.mark_count == 1 else "marks"
        scope = starting_scope(options)
        previous = options.previous
        group = previous.group if previous else "article"
        fmt = previous.format if previous else "md"
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = "Export"
            dialog.border_subtitle = "Enter exports · Esc cancels"
            yield Static(
                Content("Shift+Tab and Tab move between scope, grouping, format and file; "
                        "↑ ↓ pick; Enter exports."),
                id="export-hint",
            )
            yield Label(Content("Scope"), classes="export-heading")
            with RadioSet(id="export-scope"):
                yield Choice(Content(f"All marks ({options.mark_count} {noun})"),
                                  value=scope == "all", id="scope-all")
                article = options.article
                yield Choice(
                    Content(
                        "This article: " + (one_line(article[1], 50) if article else "none open")
                    ),
                    id="scope-article", disabled=article is None, value=scope == "article",
                )
                actor = options.actor
                yield Choice(
                    Content("This actor's positions: "
                            + (one_line(actor[1], 40) if actor else "no actor chosen")),
                    id="scope-actor", disabled=actor is None, value=scope == "actor",
                )
            yield Label(Content("Group by"), classes="export-heading")
            with RadioSet(id="export-group"):
                yield Choice(Content("Article"), value=group == "article",
                                  id="group-article")
                yield Choice(Content("Actor"), value=group == "actor", id="group-actor")
            yield Label(Content("Format"), classes="export-heading")
            with RadioSet(id="export-format"):
                for key, label in FORMATS.items():
                    yield Choice(Content(label), value=key == fmt, id=f"format-{key}")
            yield Label(Content("File"), classes="export-heading")
            yield Input(str(previous.path if previous else options.path), id="export-path",
                        placeholder="a file to write, e.g. notes.md", select_on_focus=False)
            with Horizontal(id="export-buttons"):
                yield Button(Content("Export"), variant="primary", id="export-ok", compact=True)
                yield Button(Content("Cancel"), id="export-cancel", compact=True)

    def request(self) -> ExportRequest | None:
        """The choice as it stands, or None (with a message) when the path is empty."""
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify("Type a file name to export to.", severity="warning", markup=False)
            return None
        path = Path(raw).expanduser()
        fmt = self.chosen_format()
        suffix = path.suffix.lower().lstrip(".")
        typed = next((f for f in FORMATS if f == suffix), None)
        if typed is not None:
            fmt = typed  # the name typed wins over the radio button: `notes.csv` is a CSV
        elif suffix not in ("", "markdown", "txt"):
            self.notify(f"Cannot write .{suffix} files: name the file .md, .csv or .jsonl.",
                        severity="warning", markup=False)
            return None
        scope_button = self.query_one("#export-scope", RadioSet).pressed_button
        scope: Scope = "all"
        if scope_button is not None and scope_button.id == "scope-article":
            scope = "article"
        elif scope_button is not None and scope_button.id == "scope-actor":
            scope = "actor"
        group_button = self.query_one("#export-group", RadioSet).pressed_button
        group: Group = "actor" if group_button and group_button.id == "group-actor" else "article"
        article, actor = self.options.article, self.options.actor
        article_id = article[0] if scope == "article" and article else None
        actor_id = actor[0] if scope == "actor" and actor else None
        return ExportRequest(path, scope, article_id, actor_id, group, fmt)

    def chosen_format(self) -> Format:
        button = self.query_one("#export-format", RadioSet).pressed_button
        name = (button.id or "format-md").removeprefix("format-") if button else "md"
        return "csv" if name == "csv" else "jsonl" if name == "jsonl" else "md"

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self) -> None:
        """The file name follows the format (`notes.md` -> `notes.csv`)."""
        field = self.query_one("#export-path", Input)
        raw = field.value.strip()
        if raw:
            field.value = str(Path(raw).with_suffix(f".{self.chosen_format()}"))

    def action_export(self) -> None:
        """Dismiss with the request; a path that cannot be written keeps the dialog open."""
        from newsdesk.core.errors import NewsdeskError
        from newsdesk.core.export.document import ExportExists, check_target

        request = self.request()
        if request is None:
            return
        try:
            check_target(request.path)
        except ExportExists:
            pass  # asked about once the export is ready
        except NewsdeskError as err:
            self.notify(str(err), title=err.title, severity="error", markup=False)
            return
        self.dismiss(request)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#export-ok")
    def _ok(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.action_cancel()


class ConfirmDialog(ClosesItself, ModalScreen[bool]):
    """A yes/no question; `y` or Enter on Yes answers yes, `n` or Esc no."""

    BINDINGS: ClassVar[list[BindingType]] = [*CONFIRM_BINDINGS]
    AUTO_FOCUS = "#confirm-no"

    def __init__(self, message: str, question: str) -> None:
        super().__init__()
        self.message = message
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog") as dialog:
            dialog.border_title = "Confirm"
            dialog.border_subtitle = "y replaces · n or Esc keeps"
            yield Static(Content(self.message), id="confirm-message")
            yield Static(Content(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content("Replace"), variant="warning", id="confirm-yes",
                             compact=True)
                yield Button(Content("Keep the file"), variant="primary", id="confirm-no",
                             compact=True)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)
