"""`v`: an actor's record. Who they are, when they appear, what they said, whom they target.

The record comes from the core (`build_record`); relations are slower and arrive from a worker.
Enter on a position or a relation closes the record and opens the evidence in its article.
Every string shown is article data: rows are `Text` spans, never markup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Sparkline, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from newsdesk.core.analysis.record import ActorRecord, PositionRow
from newsdesk.core.analysis.relations import Relation, find_relations
from newsdesk.core.models import Quote
from newsdesk.core.store.library import Library

from ..bindings import RECORD_BINDINGS
from ..widgets.footer import KeyFooter
from ..wording import counted
from .closing import ClosesItself

#: Positions listed when the record opens, at most: as many as the terminal has room for (two
#: lines a row; the list itself is shorter), as the list measures every row it holds before
#: the first paint, so an actor with thousands paints at once.
FIRST_PAGE = 50
#: Positions added each time the cursor reaches the "more" row (or Enter on it).
PAGE = 200


@dataclass
class RelationsFound(Message):
    """The worker finished the record's relations."""

    relations: list[Relation]


def _one_line(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: max(width - 1, 1)].rstrip() + "…"


def position_prompt(row: PositionRow, title: str, width: int) -> Text:
    """Two lines: date, kind, cue and article; then the words."""
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{row.date or 'undated':10}", style="bold")
    line.append(f"  {row.kind}")
    if row.cue:
        line.append(f" · {row.cue}", style="italic")
    room = width - line.cell_len - 2
    if room >= 8:
        line.append(f"  {_one_line(title, room)}", style="dim")
    line.append("\n  “" + _one_line(row.text, max(width - 5, 12)) + "”")
    return line


class RecordScreen(ClosesItself, Screen[Quote | None]):
    """The chosen actor's record; dismisses with the quote whose evidence to open, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [*RECORD_BINDINGS]
    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = []
    """None: the record has one layout, and a width class changed by the first Resize would
    restyle the whole screen right after its first paint."""
    BINDING_GROUP_TITLE = "Actor record"
    AUTO_FOCUS = "#record-positions"
    HELP = (
        "An actor's record: roles, mentions and positions over time, every position by date, "
        "and whom the actor targets or is targeted by. Enter opens the evidence."
    )

    COMPONENT_CLASSES = {
        "record--support",
        "record--oppose",
        "record--neutral",
    }

    def __init__(
        self, record: ActorRecord, library: Library, title_of: Callable[[str], str]
    ) -> None:
        super().__init__()
        self.record = record
        self.library = library
        self.title_of = title_of
        self.relations: list[Relation] | None = None
        """None until the worker has found them."""
        self._shown = 0
        self._width = 0
        """The width the shown rows were cut to."""
        self._evidence: dict[str, Relation] = {}
        self._resumed = False

    def compose(self) -> ComposeResult:
        record = self.record
        with Vertical(id="record-head"):
            yield Static(self._heading(), id="record-title")
            yield Static(self._period_caption(), id="record-caption")
            with Horizontal(classes="record-chart"):
                yield Static(Text("mentions "), classes="record-chart-label")
                yield Sparkline(self._series("mentions"), id="record-mentions")
            with Horizontal(classes="record-chart"):
                yield Static(Text("positions"), classes="record-chart-label")
                yield Sparkline(self._series("positions"), id="record-positions-chart")
        with Horizontal(id="record-lists"):
            positions = OptionList(id="record-positions")
            positions.border_title = f"Positions · {len(record.positions)}"
            self._fit_scrollbar(positions)
            yield positions
            relations = OptionList(id="record-relations")
            relations.border_title = "Relations · finding …"  # rows from a worker
            yield relations
        yield KeyFooter()

    def _heading(self) -> Text:
        record = self.record
        text = Text(record.name, style="bold")
        text.append(f"  {record.type}", style="dim")
        if record.aliases:
            text.append("\nalso: " + ", ".join(record.aliases))
        roles = list(dict.fromkeys(r.role for r in record.roles))
        if roles:
            text.append("\nroles: " + "; ".join(roles[:4]) + (" …" if len(roles) > 4 else ""))
        text.append(
            f"\n{counted(len(record.articles), 'article')} · "
            f"{counted(len(record.positions), 'position')}",
            style="dim",
        )
        return text

    def _dated(self) -> list[tuple[str, int, int]]:
        return [(p.period, p.mentions, p.positions) for p in self.record.timeline if p.period]

    def _series(self, what: str) -> list[float]:
        """One value a period; none when all are zero (Textual draws a lone value, even a
        zero, as a full bar)."""
        column = 1 if what == "mentions" else 2
        values = [float(row[column]) for row in self._dated()]
        return values if any(values) else []

    def _period_caption(self) -> Text:
        dated = self._dated()
        undated = next((p for p in self.record.timeline if p.period is None), None)
        if dated:
            caption = f"by {self.record.granularity}, {dated[0][0]} … {dated[-1][0]}"
        else:
            caption = "no dated articles"
        if undated is not None:
            caption += (
                f" · undated: {counted(undated.mentions, 'mention')}, "
                f"{counted(undated.positions, 'position')}"
            )
        return Text(caption, style="dim")

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._resumed:
            # Just pushed: every widget was styled as it mounted, a moment ago. Textual's
            # default, restyling the whole screen once more, came before its first paint.
            self._resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        self._show_more_positions()
        # After the first paint: the search holds the GIL for a while on a big actor. Until it
        # answers the list is empty (its title says why): no row to measure and draw first.
        self.call_after_refresh(self._find_relations)

    # ----- positions -------------------------------------------------------------------------

    def _show_more_positions(self, *, rebuild: bool = False) -> None:
        """Add the next page of positions (or, with `rebuild`, redraw those shown at the width
        the list has now)."""
        options = self.query_one("#record-positions", OptionList)
        first = 0 if rebuild else self._shown
        if rebuild:
            options.clear_options()
        elif options.option_count and options.get_option_at_index(-1).id == "more":
            options.remove_option("more")
        width = self._list_width(options)
        self._width = width
        page = PAGE if self._shown else min(FIRST_PAGE, self.app.size.height // 2 + 1)
        upto = self._shown if rebuild and self._shown else min(
            self._shown + page, len(self.record.positions)
        )
        rows: list[Option] = []
        for index in range(first, upto):
            row = self.record.position_row(index)
            prompt = position_prompt(row, self.title_of(row.article), width)
            rows.append(Option(prompt, id=f"p{index}"))
        left = len(self.record.positions) - upto
        if left:
            rows.append(Option(Text(f"… {left} more (Enter)", style="dim"), id="more"))
        if not self.record.positions:
            rows.append(Option(Text("no positions found", style="dim"), disabled=True))
        options.add_options(rows)
        if options.highlighted is None and self.record.positions:
            options.highlighted = 0
        self._shown = upto

    def _list_width(self, options: OptionList) -> int:
        """The width rows are cut to: the list's, or before the first layout, its share of
        the screen (3 of 5, less border and padding, and a scrollbar if two-line rows will
        overflow), so the first layout does not redraw them."""
        width = options.scrollable_content_region.width
        if not width:
            width = self.app.size.width * 3 // 5 - 4
            if self._overflows():
                width -= options.styles.scrollbar_size_vertical
        return max(width - 2, 30)

    def _overflows(self) -> bool:
        """The positions cannot all fit: two lines each, in a list shorter than the screen."""
        return 2 * len(self.record.positions) > self.app.size.height

    def _fit_scrollbar(self, options: OptionList) -> None:
        """The scrollbar from the first layout when the rows will overflow: else the list
        finds out as it paints them, and lays the screen out and paints it once more."""
        options.styles.overflow_y = "scroll" if self._overflows() else "auto"

    def on_resize(self, event: events.Resize) -> None:
        if self.is_attached and self._compositor.size == event.size:
            # The Resize Textual sends after the first layout, for the size it was laid out
            # at (the compositor's; Textual has no public name for it): nothing to redo.
            event.prevent_default()
        self.call_after_refresh(self._fit_positions)

    def _fit_positions(self) -> None:
        """Rows are cut to the list's width: redraw them when the width changes."""
        if not self.is_attached:
            return
        options = self.query_one("#record-positions", OptionList)
        self._fit_scrollbar(options)
        if self._list_width(options) == self._width:
            return  # the first layout, or a height change: the rows fit already
        highlighted = options.highlighted
        self._show_more_positions(rebuild=True)
        if highlighted is not None and highlighted < options.option_count:
            options.highlighted = highlighted

    @on(OptionList.OptionHighlighted, "#record-positions")
    def _more_reached(self, event: OptionList.OptionHighlighted) -> None:
        """The cursor on the "more" row brings the next page (the list stays where it is)."""
        if event.option.id == "more":
            index = event.option_index
            self._show_more_positions()
            event.option_list.highlighted = index

    @on(OptionList.OptionSelected, "#record-positions")
    def _position_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id == "more":
            index = event.option_index
            self._show_more_positions()
            event.option_list.highlighted = index
        elif option_id.startswith("p"):
            self.dismiss(self.record.positions[int(option_id[1:])])

    # ----- relations -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="record-relations", exit_on_error=False)
    def _find_relations(self) -> None:
        worker = get_current_worker()
        found = find_relations(
            self.library, self.record.id, cancelled=lambda: worker.is_cancelled
        )
        if not worker.is_cancelled:
            self.post_message(RelationsFound(found))

    def on_relations_found(self, message: RelationsFound) -> None:
        self.relations = message.relations
        options = self.query_one("#record-relations", OptionList)
        options.clear_options()
        options.add_options(self._relation_rows(message.relations))
        options.action_first()  # the first row that is not a group heading
        options.border_title = f"Relations · {len(message.relations)}"

    def _relation_rows(self, relations: Sequence[Relation]) -> list[Option]:
        """Grouped by the other actor (most evidence first); a row per piece of evidence."""
        if not relations:
            return [Option(Text("no relations found", style="dim"), disabled=True)]
        styles = {
            kind: self.get_component_rich_style(f"record--{kind}", partial=True)
            for kind in ("support", "oppose", "neutral")
        }
        groups: dict[str, list[Relation]] = defaultdict(list)
        for relation in relations:
            other = relation.target if relation.source == self.record.id else relation.source
            groups[other].append(relation)
        rows: list[Option] = []
        for other, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            first = members[0]
            name = first.target_name if first.source == self.record.id else first.source_name
            head = Text(name, style="bold")
            head.append(f"  {len(members)}")
            for kind, mark in (("support", " +"), ("oppose", " −")):
                count = sum(r.polarity == kind for r in members)
                if count:
                    head.append(f"{mark}{count}", style=styles[kind])
            rows.append(Option(head, disabled=True))
            for n, relation in enumerate(members):
                outgoing = relation.source == self.record.id
                arrow = "→" if outgoing else "←"
                line = Text(f"  {arrow} ")
                line.append(relation.verb, style=styles[relation.polarity])
                line.append(f"  {relation.date or 'undated'}", style="dim")
                rows.append(Option(line, id=f"r{other}:{n}"))
                self._evidence[f"r{other}:{n}"] = relation
        return rows

    @on(OptionList.OptionSelected, "#record-relations")
    def _relation_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        relation = self._evidence.get(event.option.id or "")
        if relation is None:
            return
        quotes = self.library.article(relation.article).quotes
        quote = next((q for q in quotes if q.id == relation.evidence), None)
        if quote is not None:
            self.dismiss(quote)

    # ----- keys ------------------------------------------------------------------------------

    def action_close(self) -> None:
        self.dismiss(None)

    def on_unmount(self) -> None:
        self.workers.cancel_group(self, "record-relations")  # stops at the next article

    def action_cursor(self, delta: int) -> None:
        focused = self.focused
        if isinstance(focused, OptionList):
            focused.action_cursor_down() if delta > 0 else focused.action_cursor_up()

    def action_switch_list(self) -> None:
        positions = self.query_one("#record-positions", OptionList)
        relations = self.query_one("#record-relations", OptionList)
        (relations if positions.has_focus else positions).focus()
