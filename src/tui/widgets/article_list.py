"""The left pane: one three-line row per article (the title on two lines, then date, counts
and source), sortable; moving the highlight asks for a preview (`ArticleHighlighted`).

A Line-API `ScrollView` with fixed-height rows: only visible rows are ever styled, so 10,000
articles load and re-sort at once. (An OptionList measures and wraps every prompt up front:
1.2 s for 10,000 one-line prompts and ~4.5 s for wrapping titles, on every sort.)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsdesk.core.models import ArticleSummary

from .. import messages
from ..bindings import ARTICLE_LIST_BINDINGS
from ..wording import counted
from .styles import PassStyle, StyleCache

SORTS: tuple[str, ...] = ("date", "title", "source")
TITLE_LINES = 2
"""A title wraps over this many lines (the last one ends in "…" when it is longer still)."""
ROW_HEIGHT = TITLE_LINES + 1


def sort_articles(rows: Sequence[ArticleSummary], key: str) -> list[ArticleSummary]:
    """Newest first for dates (undated last); titles and sources alphabetically."""
    if key == "title":
        return sorted(rows, key=lambda a: a.title.casefold())
    if key == "source":
        return sorted(rows, key=lambda a: ((a.source or "\uffff").casefold(), a.title.casefold()))
    dated = sorted((a for a in rows if a.date), key=lambda a: a.date or "", reverse=True)
    return dated + [a for a in rows if not a.date]


class ArticleList(PassStyle, ScrollView, can_focus=True):
    """Articles with source, date and counts; Enter (or a click) opens one."""

    BINDINGS: ClassVar[list[BindingType]] = [*ARTICLE_LIST_BINDINGS]
    BINDING_GROUP_TITLE = "Articles"
    HELP = "Every article of the corpus. Enter opens one; `o` changes the order."

    COMPONENT_CLASSES = {
        "article-list--title",
        "article-list--meta",
        "article-list--cursor",
        "article-list--cursor-blurred",
        "article-list--opened",
    }

    sort_key: reactive[str] = reactive("date", init=False)
    """How rows are ordered: one of `SORTS`."""

    counts: reactive[dict[str, Mapping[str, int]]] = reactive(dict, init=False)
    """Extra per-article counts shown on each row ("2 marked"), by name: set by the main
    screen (`set_counts`)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.summaries: list[ArticleSummary] = []
        self.rows: list[ArticleSummary] = []
        """Articles in display order."""
        self.highlighted: int | None = None
        """Index (in `rows`) of the row under the list cursor."""
        self._opened: str | None = None
        self._index: dict[str, int] = {}
        self._styles = StyleCache(self)
        self._titles: dict[tuple[str, int], list[Text]] = {}
        self._strips: dict[tuple[object, ...], Strip] = {}
        """Drawn row lines by (id, line, width, base style, opened, cursor): a repaint of the
        whole list (a focus change, a scroll) redraws only rows it has not drawn before."""
        self._style_signature: tuple[object, ...] | None = None
        """Wrapped titles by (article id, width): only rows ever shown are wrapped."""

    # ----- data ------------------------------------------------------------------------------

    def set_articles(self, rows: Sequence[ArticleSummary]) -> None:
        self.summaries = list(rows)
        self._strips.clear()
        self._rebuild()

    def set_counts(self, name: str, counts: Mapping[str, int]) -> None:
        """Show `counts[article_id]` as `N name` on each row (marks use this)."""
        self.counts = {**self.counts, name: dict(counts)}

    def watch_counts(self) -> None:
        self._strips.clear()
        self.refresh()

    def _rebuild(self) -> None:
        keep = self.highlighted_id
        self.rows = sort_articles(self.summaries, self.sort_key)
        self._index = {r.id: i for i, r in enumerate(self.rows)}
        self._fit_virtual_size()
        self.highlighted = None
        if keep is not None and keep in self._index:
            self.highlight_article(keep)
        elif self.rows:
            self.move_highlight(0)
        self.refresh()

    def _fit_virtual_size(self) -> None:
        """Every row's lines, and below them the few blank lines that let the last row be
        reached with the top line a row's first (see `validate_scroll_y`)."""
        height = len(self.rows) * ROW_HEIGHT
        view = self.scrollable_content_region.height
        if view and height > view:
            # Textual scrolls at most to the virtual height less the container's (which counts
            # the padding too): the furthest scroll is then the first whole row that shows
            # the last one entire.
            furthest = -(-(height - view) // ROW_HEIGHT) * ROW_HEIGHT
            height = furthest + self.container_size.height - self.scrollbar_size_horizontal
        self.virtual_size = Size(self.scrollable_content_region.width, height)

    def _scroll_to_highlight(self) -> None:
        """The highlighted row whole in view, the list scrolled by whole rows."""
        self._fit_virtual_size()  # after a resize: for the size the layout settled on
        if self.highlighted is None:
            return
        top, view = self.highlighted * ROW_HEIGHT, self.scrollable_content_region.height
        y = round(self.scroll_y)
        if top < y:
            y = top
        elif top + ROW_HEIGHT > y + view:
            y = top + ROW_HEIGHT - view
        whole = y // ROW_HEIGHT * ROW_HEIGHT  # the row starting at or above that line
        if top + ROW_HEIGHT > whole + view and whole < y:
            whole += ROW_HEIGHT  # the next one, so the highlighted row ends in view
        self.scroll_to(y=whole, animate=False, immediate=True)

    def validate_scroll_y(self, value: float) -> float:
        """Scrolled by whole rows, onwards in the direction it moves: the top line is always
        a row's first, never the tail of a title or its date line (as a scroll to the
        highlight or a resize left it)."""
        return self._whole_rows(super().validate_scroll_y(value), self.scroll_y)

    def validate_scroll_target_y(self, value: float) -> float:
        return self._whole_rows(super().validate_scroll_target_y(value), self.scroll_target_y)

    def _whole_rows(self, value: float, now: float) -> float:
        rows = value / ROW_HEIGHT
        whole = math.ceil(rows) if value > now else math.floor(rows) if value < now else round(rows)
        return float(min(whole * ROW_HEIGHT, self.max_scroll_y // ROW_HEIGHT * ROW_HEIGHT))

    @property
    def opened(self) -> str | None:
        """Id of the article shown in the text pane (its row is drawn apart)."""
        return self._opened

    @opened.setter
    def opened(self, article_id: str | None) -> None:
        before, self._opened = self._opened, article_id
        if before != article_id:
            self._refresh_rows(self._index.get(before or ""), self._index.get(article_id or ""))

    def _refresh_rows(self, *indices: int | None) -> None:
        """Repaint just these rows: a highlight step is two rows, not a whole pane."""
        for index in indices:
            if index is not None:
                self.refresh_lines(index * ROW_HEIGHT, ROW_HEIGHT)

    @property
    def highlighted_id(self) -> str | None:
        if self.highlighted is None or not self.rows:
            return None
        return self.rows[self.highlighted].id

    @property
    def order(self) -> list[str]:
        """Article ids in display order."""
        return [r.id for r in self.rows]

    def highlight_article(self, article_id: str) -> None:
        if article_id in self._index:
            self.move_highlight(self._index[article_id])

    def move_highlight(self, index: int) -> None:
        if not self.rows:
            return
        before, scrolled = self.highlighted_id, self.scroll_offset
        old = self.highlighted
        self.highlighted = max(0, min(index, len(self.rows) - 1))
        self._scroll_to_highlight()
        if self.scroll_offset == scrolled:
            self._refresh_rows(old, self.highlighted)
        else:
            self.refresh()
        now = self.highlighted_id
        if now is not None and now != before and self.has_focus:
            self.post_message(messages.ArticleHighlighted(now))

    # ----- rendering -------------------------------------------------------------------------

    def _meta(self, row: ArticleSummary) -> str:
        parts = [row.date] if row.date else []
        for name, counts in self.counts.items():  # before the rest: visible in a narrow list
            if counts.get(row.id):
                parts.append(f"{counts[row.id]} {name}")  # a label such as "marked"
        parts.append(f"{counted(row.actor_count, 'actor')} · {counted(row.quote_count, 'quote')}")
        if row.source:
            parts.append(row.source)
        if row.author:
            parts.append(f"by {row.author}")
        return " · ".join(parts)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.pass_style
        index, part = divmod(line, ROW_HEIGHT)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        cursor = None if index != self.highlighted else ("cursor" if self.has_focus else "blurred")
        key = (row.id, part, width, base, row.id == self.opened, cursor)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 4096:
                self._strips.clear()
            strip = self._strips[key] = self._render_row_line(row, index, part, width, base)
        return strip

    def _render_row_line(
        self, row: ArticleSummary, index: int, part: int, width: int, base: Style
    ) -> Strip:
        if part < TITLE_LINES:
            titles = self._title_lines(row, width)
            plain = titles[part] if part < len(titles) else Text("")
            text = Text(" ", style=base + self._style("title"), end="")
            text.append_text(plain)
        else:
            text = Text(" " + self._meta(row), style=base + self._style("meta"), end="")
        text.truncate(width, overflow="ellipsis", pad=True)
        if row.id == self.opened:
            text.stylize(self._style("opened"))
        if index == self.highlighted:
            text.stylize(self._style("cursor"))
        return Strip(list(text.render(self.app.console))).crop_extend(0, width, base)

    def _title_lines(self, row: ArticleSummary, width: int) -> list[Text]:
        """The title wrapped at word breaks into `TITLE_LINES` lines, "…" ending a longer one."""
        key = (row.id, width)
        lines = self._titles.get(key)
        if lines is None:
            room = max(width - 2, 1)  # a space before, one cell spare for the "…"
            wrapped = list(Text(row.title or row.id).wrap(self.app.console, room))
            lines = [Text(line.plain.rstrip()) for line in wrapped[:TITLE_LINES]]
            if len(wrapped) > TITLE_LINES and lines:
                last = lines[-1]
                last.append(" …" if last.cell_len < room - 1 else "…")
                if last.cell_len > room:
                    last.truncate(room, overflow="ellipsis")
            if len(self._titles) > 4096:
                self._titles.clear()
            self._titles[key] = lines
        return lines

    def _style(self, name: str) -> Style:
        if name == "cursor" and not self.has_focus:
            name = "cursor-blurred"
        return self._styles(f"article-list--{name}")

    def notify_style_update(self) -> None:
        super().notify_style_update()
        signature = (self.rich_style, self.app.theme)  # not the border: focus keeps the lines
        if signature != self._style_signature:
            self._style_signature = signature
            self._styles.clear()
            self._strips.clear()

    def on_resize(self, event: events.Resize) -> None:
        self._titles.clear()
        self._fit_virtual_size()
        self.call_after_refresh(self._scroll_to_highlight)  # highlighted before it had a size

    def on_focus(self) -> None:
        self._refresh_rows(self.highlighted)  # only the cursor row is drawn by focus

    def on_blur(self) -> None:
        self._refresh_rows(self.highlighted)

    # ----- actions ---------------------------------------------------------------------------

    def watch_sort_key(self) -> None:
        self._rebuild()
        self.border_subtitle = f"by {self.sort_key}"
        self.post_message(messages.ArticlesSorted(self.sort_key))

    def action_cycle_sort(self) -> None:
        self.sort_key = SORTS[(SORTS.index(self.sort_key) + 1) % len(SORTS)]

    def action_cursor(self, delta: int) -> None:
        self.move_highlight((self.highlighted or 0) + delta)

    def action_page(self, direction: int) -> None:
        rows = max(self.scrollable_content_region.height // ROW_HEIGHT - 1, 1)
        self.move_highlight((self.highlighted or 0) + direction * rows)

    def action_edge(self, direction: int) -> None:
        self.move_highlight(0 if direction < 0 else len(self.rows) - 1)

    def action_select(self) -> None:
        article_id = self.highlighted_id
        if article_id is not None:
            self.post_message(messages.ArticleChosen(article_id))

    def on_click(self, event: events.Click) -> None:
        content = event.get_content_offset(self)
        if content is None:
            return
        index = (content.y + int(self.scroll_y)) // ROW_HEIGHT
        if 0 <= index < len(self.rows):
            self.move_highlight(index)
            self.action_select()
