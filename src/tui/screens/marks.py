"""`M`: the marks view. Every mark of the corpus; open one, give it a note, delete it (`u` undoes).

Mark text, notes and titles are the reader's or the article's: rows are rich `Text`, never markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from newsdesk.core.marks.mark_store import Mark

from .. import messages
from ..bindings import MARKS_VIEW_BINDINGS, NOTE_DIALOG_BINDINGS
from ..widgets.footer import KeyFooter
from ..wording import one_line
from .closing import ClosesItself

if TYPE_CHECKING:
    from ..marks_controller import MarksController

#: The marks view without marks: one line at 80 columns.
EMPTY_HINT = "No marks yet: m marks the quote or sentence under the cursor."

#: A note is a short remark; the export prints it under the passage.
NOTE_LIMIT = 280




def mark_row(mark: Mark, title: str, paragraph: int | None = None, width: int = 100) -> Text:
    """Three lines: what and where, the passage, the note (plain data in styled spans)."""
    row = Text(no_wrap=True, overflow="ellipsis")
    head: str = mark.kind
    if mark.speaker:
        head += f" · {one_line(mark.speaker, 30)}"
    row.append(head, style="bold")
    place = f" · ¶ {paragraph}" if paragraph and not mark.detached else ""
    room = max(width - len(head) - len(place) - 2, 12)
    row.append(f"  {one_line(title, room)}{place}", style="dim")
    if mark.detached:
        row.append("\n  detached: its text is no longer in the article", style="bold red")
    row.append("\n  “" + one_line(mark.text, max(width - 4, 12)) + "”", style="italic")
    if mark.note:
        row.append("\n  ✎ " + one_line(mark.note, max(width - 4, 12)))
    return row


class MarksScreen(ClosesItself, Screen[None]):
    """Marks in corpus order; Enter opens, `n` notes, `d` deletes, `u` undoes, Esc closes."""

    BINDINGS: ClassVar[list[BindingType]] = [*MARKS_VIEW_BINDINGS]
    BINDING_GROUP_TITLE = "Marks view"
    AUTO_FOCUS = "#marks-list"
    HELP = "Your marks: Enter opens one in its article, n gives it a note, d deletes it."

    def __init__(self, controller: MarksController) -> None:
        super().__init__()
        self.controller = controller
        self.marks: list[Mark] = []
        """Marks in the order shown."""
        self._by_id: dict[str, Mark] = {}
        self._width = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="marks-pane"):
            yield Static(Content(""), id="marks-empty")  # on top: where the eye starts
            yield OptionList(id="marks-list")
        yield KeyFooter()

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#marks-list", OptionList)

    def on_mount(self) -> None:
        self.reload()

    def on_marks_changed(self, _message: messages.MarksChanged) -> None:
        self.reload()

    def reload(self) -> None:
        """Rebuild the rows from the store, keeping the highlighted mark where it can."""
        if not self.query("#marks-list"):
            return  # not composed: the app is closing
        options = self.option_list
        keep = self.current.id if self.current is not None else None
        position = self.marks.index(self.current) if self.current in self.marks else 0
        self.marks = self.controller.marks()
        self._by_id = {str(m.id): m for m in self.marks}
        options.clear_options()
        width = (options.scrollable_content_region.width or self.app.size.width) - 4
        self._width = width
        rows: list[Option | None] = []
        for mark in self.marks:
            if rows:
                rows.append(None)  # a separator line between marks
            row = mark_row(mark, self.controller.title_of(mark.article),
                           self.controller.paragraph_of(mark), width)
            rows.append(Option(row, id=str(mark.id)))
        options.add_options(rows)
        ids = [m.id for m in self.marks]
        if keep in ids:
            self.highlight(ids.index(keep))
        elif self.marks:
            self.highlight(min(position, len(self.marks) - 1))
        count = len(self.marks)
        pane = self.query_one("#marks-pane", Vertical)
        pane.border_title = f"Marks · {count}"
        detached = sum(m.detached for m in self.marks)
        pane.border_subtitle = f"{detached} detached" if detached else ""
        empty = self.query_one("#marks-empty", Static)
        empty.display = not self.marks
        empty.update(Content(EMPTY_HINT))

    def on_resize(self) -> None:
        if not self.query("#marks-list"):
            return
        if self.option_list.scrollable_content_region.width - 4 != self._width:
            self.reload()  # rows are cut to the width, never wrapped

    def highlight(self, index: int) -> None:
        """Put the list cursor on `self.marks[index]`."""
        options = self.option_list
        options.highlighted = options.get_option_index(str(self.marks[index].id))

    @property
    def current(self) -> Mark | None:
        if not self.is_mounted:
            return None
        option = self.option_list.highlighted_option
        if option is None or option.id is None:
            return None
        return self._by_id.get(option.id)

    def _need_mark(self) -> Mark | None:
        mark = self.current
        if mark is None:
            self.app.bell()
        return mark

    # ----- actions ---------------------------------------------------------------------------

    def action_open_mark(self) -> None:
        mark = self._need_mark()
        if mark is None:
            return
        if mark.detached:
            self.controller.open_mark(mark)  # explains why it cannot
            return
        self.dismiss()
        self.controller.open_mark(mark)

    @on(OptionList.OptionSelected, "#marks-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_mark()

    def action_edit_note(self) -> None:
        mark = self._need_mark()
        if mark is None:
            return

        def done(note: str | None) -> None:
            if note is not None and note != mark.note:
                self.controller.set_note(mark, note)

        self.app.push_screen(NoteDialog(mark.note, one_line(mark.text, 70)), callback=done)

    def action_delete_mark(self) -> None:
        mark = self._need_mark()
        if mark is not None:
            self.controller.delete(mark)

    def action_undo(self) -> None:
        self.controller.undo()

    def action_copy(self) -> None:
        mark = self._need_mark()
        if mark is not None:
            self.controller.copy_markdown(mark)

    def action_export(self) -> None:
        self.controller.export()

    def action_cursor(self, delta: int) -> None:
        if delta > 0:
            self.option_list.action_cursor_down()
        else:
            self.option_list.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss()


class NoteDialog(ClosesItself, ModalScreen[str | None]):
    """One line of note for a mark; Enter saves (empty clears it), Esc keeps the old note."""

    BINDINGS: ClassVar[list[BindingType]] = [*NOTE_DIALOG_BINDINGS]
    AUTO_FOCUS = "#note-input"

    def __init__(self, note: str, passage: str) -> None:
        super().__init__()
        self.note = note
        self.passage = passage

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog") as dialog:
            dialog.border_title = "Note"
            dialog.border_subtitle = "Enter saves · Esc cancels"
            yield Static(Content("“" + self.passage + "”"), id="note-passage")
            yield Input(self.note, id="note-input", max_length=NOTE_LIMIT,
                        placeholder="a short note (empty removes it)", select_on_focus=False)

    @on(Input.Submitted, "#note-input")
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
