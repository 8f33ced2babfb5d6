"""The centre pane: one article, highlighted from core offsets, with a sentence cursor.

A Line-API `ScrollView`: the article is wrapped once per width into `Line`s that keep their
article offsets, and only visible lines are styled, so long articles scroll smoothly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size, Spacing
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsdesk.core.models import ArticleAnalysis, Mention, Offsets, Quote
from newsdesk.core.pipeline.confidence import LOW_CONFIDENCE

from .. import messages
from ..bindings import TEXT_BINDINGS
from ..highlight import (
    HSpan,
    Line,
    LineIndex,
    Target,
    _wrap_plain,
    base_spans,
    index_at,
    layout_article,
    paragraphs_of,
    sentences_of,
    spans_in,
)
from .styles import PassStyle, StyleCache

#: Layers drawn over entities and quotes, lowest first; others are added above these.
LAYER_ORDER: tuple[str, ...] = ("mark", "search", "actor", "target")


class ArticleText(PassStyle, ScrollView, can_focus=True):
    """The article under a sentence cursor; entities, quotes and layers drawn as spans."""

    BINDINGS: ClassVar[list[BindingType]] = [*TEXT_BINDINGS]
    BINDING_GROUP_TITLE = "Text"
    HELP = "The article: move by sentence, paragraph or entity; Enter chooses what is under it."

    COMPONENT_CLASSES = {
        "article-text--person",
        "article-text--organization",
        "article-text--place",
        "article-text--group",
        "article-text--other",
        "article-text--quote",
        "article-text--cue",
        "article-text--speaker",
        "article-text--speaker-low",
        "article-text--title",
        "article-text--meta",
        "article-text--url",
        "article-text--empty",
        "article-text--cursor",
        "article-text--cursor-blurred",
        "article-text--selection",
        "article-text--focus",
        "article-text--actor",
        "article-text--target",
        "article-text--search",
        "article-text--mark",
    }

    highlight_layers: reactive[dict[str, list[HSpan]]] = reactive(dict, init=False)
    """Highlight layers drawn over the article by name ("mark", "search", "target", "actor"),
    set by the main screen (`set_layer`); cleared when another article is shown."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.cursor = 0
        """Index of the sentence under the cursor."""
        self.detail: ArticleAnalysis | None = None
        """The article shown, or None (then `empty_message` is shown)."""
        self.empty_message = "Opening the index…"
        self.sentences: tuple[Offsets, ...] = ()
        self.paragraphs: tuple[Offsets, ...] = ()
        self.select_anchor: int | None = None
        """Sentence where a Shift+arrow selection started (None: no selection)."""
        self.focus_mention: Mention | None = None
        """The entity the cursor is on (left/right), if any."""
        self._base: list[HSpan] = []
        self._lines: list[Line] = []
        self._index = LineIndex([])
        self._width = 0
        self._strips: dict[int, Strip] = {}
        self._styles = StyleCache(self)
        self._overlay_spans: dict[int, list[HSpan]] | None = None
        self._base_by_line: dict[int, list[HSpan]] = {}
        self._style_signature: tuple[object, ...] | None = None
        self._after_paint: list[Callable[[], object]] = []

    # ----- data in ---------------------------------------------------------------------------

    @property
    def article_id(self) -> str | None:
        return self.detail.article.id if self.detail else None

    def show_article(self, detail: ArticleAnalysis, *, offset: int | None = None) -> None:
        """Show an article; the cursor goes to the sentence holding `offset` (else the first)."""
        self.detail = detail
        self.sentences = sentences_of(detail)
        self.paragraphs = paragraphs_of(detail)
        self._base = base_spans(detail)
        self.set_reactive(ArticleText.highlight_layers, {})  # redrawn by the relayout below
        self.select_anchor = None
        self.focus_mention = None
        self._relayout(force=True)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.move_cursor_to(offset if offset is not None else 0, center=offset is not None)

    def show_message(self, message: str) -> None:
        """Empty state: no article, one line of explanation (plain text, never markup)."""
        self.detail = None
        self.empty_message = message
        self.sentences = self.paragraphs = ()
        self._base = []
        self.set_reactive(ArticleText.highlight_layers, {})  # redrawn by the relayout below
        self._relayout(force=True)

    def set_layer(self, name: str, spans: Sequence[HSpan]) -> None:
        """Draw `spans` in the layer `name` (style `article-text--<span.kind>`), replacing it."""
        layers = {key: value for key, value in self.highlight_layers.items() if key != name}
        if spans:
            layers[name] = list(spans)
        self.highlight_layers = layers

    def watch_highlight_layers(self) -> None:
        self._invalidate()

    def clear_layer(self, name: str) -> None:
        self.set_layer(name, ())

    # ----- layout and rendering --------------------------------------------------------------

    def _relayout(self, force: bool = False) -> None:
        if not self.size.width:
            # Shown before the first layout: wrapping now would wrap at a guess and flash a
            # column of single words; the first Resize lays the text out at its real width.
            self._width = 0
            self._lines, self._index, self._base_by_line = [], LineIndex([]), {}
            self._invalidate()
            return
        width = max(self.scrollable_content_region.width - 1, 10)
        if not force and width == self._width:
            return
        self._width = width
        if self.detail is None:
            # wrapped: an error naming a long path must be read whole, not cut at the edge
            self._lines = [Line("empty", s) for s in _wrap_plain(self.empty_message, width)]
        else:
            self._lines = layout_article(self.detail, width)
        self._index = LineIndex(self._lines)
        self._base_by_line = self._by_line(self._base)
        self.virtual_size = Size(width, len(self._lines))
        self._invalidate()

    def on_resize(self, event: events.Resize) -> None:
        anchor = self._top_offset()
        width = self._width
        self._relayout()
        if self.detail is None:
            return
        if width and self._width != width and anchor is not None:
            # The old row number means another line in the new wrap (the title's second
            # line, mid-paragraph): the line holding the old top's text goes on top.
            top = 0 if anchor < 0 else self.line_of(anchor)
            self.scroll_to(0, top, animate=False, immediate=True)
        self._scroll_to_cursor(center=False)

    def _top_offset(self) -> int | None:
        """The article offset of the first text on the top line (-1: the header is on top,
        None: nothing laid out): what a new wrap puts on top again."""
        top = int(self.scroll_y)
        if top >= len(self._lines):
            return None
        for line in self._lines[top:]:
            if line.kind in ("title", "meta", "url"):
                return -1
            if line.kind == "text":
                return line.start
        return None

    def _invalidate(self) -> None:
        self._strips.clear()
        self._overlay_spans = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Drawn lines depend on the widget's own style and the theme, not on its border: a
        # focus change (border colour) keeps them; the cursor rows are redrawn in on_focus.
        signature = (self.rich_style, self.app.theme)
        if signature != self._style_signature:
            self._style_signature = signature
            self._styles.clear()
            self._strips.clear()

    def on_focus(self) -> None:
        self._refresh_cursor_lines()

    def on_blur(self) -> None:
        self._refresh_cursor_lines()

    def _refresh_cursor_lines(self) -> None:
        """Focus only changes how the cursor is drawn: repaint its lines, not the article."""
        if not self.sentences or not self._lines:
            self._invalidate()
            return
        s, e = self.selection_range()
        first = self.line_of(s)
        last = self.line_of(max(e - 1, s)) + 1
        while last < len(self._lines) and self._lines[last].kind != "text":
            last += 1  # a quote's speaker line under it is drawn with the cursor too
        for row in range(first, last + 1):
            self._strips.pop(row, None)
        self.refresh_lines(first, last - first + 1)

    def kind_style(self, kind: str) -> Style:
        """The style of span kind `kind` (its `article-text--<kind>` component class)."""
        if kind == "cursor" and not self.has_focus:
            kind = "cursor-blurred"
        return self._styles(f"article-text--{kind}")

    def _get_overlays(self) -> dict[int, list[HSpan]]:
        if self._overlay_spans is None:
            self._overlay_spans = self._by_line(self._overlays())
        return self._overlay_spans

    def _by_line(self, spans: Sequence[HSpan]) -> dict[int, list[HSpan]]:
        """Spans bucketed by the visual lines they touch, so a line styles only its own."""
        buckets: dict[int, list[HSpan]] = {}
        for span in spans:
            first = self._index.line_of(span.start)
            last = self._index.line_of(max(span.end - 1, span.start))
            for row in range(first, last + 1):
                buckets.setdefault(row, []).append(span)
        return buckets

    def _overlays(self) -> list[HSpan]:
        """Layers, selection and cursor, in drawing order (later wins)."""
        spans: list[HSpan] = []
        names = [n for n in LAYER_ORDER if n in self.highlight_layers]
        names += [n for n in self.highlight_layers if n not in LAYER_ORDER]
        for name in names:
            spans.extend(self.highlight_layers[name])
        if self.sentences:
            start, end = self.selection_range()
            if self.select_anchor is not None and self.select_anchor != self.cursor:
                spans.append(HSpan(start, end, "selection"))
            s, e = self.sentences[self.cursor]
            spans.append(HSpan(s, e, "cursor"))
            if self.focus_mention is not None:
                spans.append(HSpan(self.focus_mention.start, self.focus_mention.end, "focus"))
        return spans

    def call_after_paint(self, callback: Callable[[], object]) -> None:
        """Run `callback` once this pane's next frame is on the screen: work the reader did not
        ask for first (the sidebar of a newly opened article) waits for the article itself.
        (`call_after_refresh` may run before the frame: the screen hears of a widget's repaint
        only once that widget is idle.)"""
        self._after_paint.append(callback)
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        if self._after_paint:  # rendered inside the screen's update: the frame is written next
            callbacks, self._after_paint = self._after_paint, []
            for callback in callbacks:
                self.call_later(callback)
        return lines

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.pass_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_strip(index, base)
            self._strips[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _render_strip(self, index: int, base: Style) -> Strip:
        line = self._lines[index]
        text = Text(line.plain, style=base, no_wrap=True, end="")
        if line.kind == "text":
            candidates = [*self._base_by_line.get(index, ()), *self._get_overlays().get(index, ())]
            for span in spans_in(candidates, line.start, line.end):
                text.stylize(
                    self.kind_style(span.kind),
                    max(span.start, line.start) - line.start,
                    min(span.end, line.end) - line.start,
                )
        elif line.kind != "blank":
            kind: str = line.kind
            if kind == "speaker" and line.quote is not None and (
                line.quote.confidence < LOW_CONFIDENCE
            ):
                kind = "speaker-low"  # an attribution the rules are unsure of, dimmed
            text.stylize(self.kind_style(kind))
            if line.quote is not None and self._quote_at_cursor() == line.quote:
                text.stylize(self.kind_style("cursor"))
        segments = list(text.render(self.app.console))
        return Strip(segments)

    # ----- the cursor ------------------------------------------------------------------------

    def selection_range(self) -> Offsets:
        """Article offsets of the cursor sentence, or of the Shift+arrow selection."""
        if not self.sentences:
            return (0, 0)
        anchor = self.select_anchor if self.select_anchor is not None else self.cursor
        low, high = min(self.cursor, anchor), max(self.cursor, anchor)
        return (self.sentences[low][0], self.sentences[high][1])

    def cursor_target(self) -> Target | None:
        """What a mark or a copy takes: the quote under the cursor, else the selection/sentence.

        A quote is only preferred when no multi-sentence selection is active.
        """
        if self.detail is None or not self.sentences:
            return None
        article = self.detail.article
        if self.select_anchor is None or self.select_anchor == self.cursor:
            quote = self._quote_at_cursor()
            if quote is not None:
                return Target(article.id, quote.start, quote.end, quote.speaker or "")
        start, end = self.selection_range()
        return Target(article.id, start, end)

    def _quote_at_cursor(self) -> Quote | None:
        if self.detail is None or not self.sentences:
            return None
        s, e = self.sentences[self.cursor]
        if self.focus_mention is not None:
            for q in self.detail.quotes:
                if q.speaker_start == self.focus_mention.start:
                    return q
        for q in sorted(self.detail.quotes, key=lambda q: q.start):
            if q.start < e and q.end > s:
                return q
        for q in self.detail.quotes:
            if q.cue_start is not None and s <= q.cue_start < e:
                return q
        return None

    def under_cursor(self) -> tuple[Mention | None, Quote | None]:
        """The entity (the focused one, else the first in the sentence) and quote at the cursor."""
        if self.detail is None or not self.sentences:
            return (None, None)
        mention = self.focus_mention
        if mention is None:
            s, e = self.sentences[self.cursor]
            mention = next((m for m in self.detail.mentions if s <= m.start < e), None)
        return (mention, self._quote_at_cursor())

    def move_cursor_to(
        self, offset: int, *, center: bool = False, mention: Mention | None = None
    ) -> None:
        """Put the cursor on the sentence holding `offset` and scroll it into view."""
        if not self.sentences:
            self.refresh()
            return
        self.select_anchor = None
        self.focus_mention = mention
        self._set_cursor(index_at(self.sentences, offset), center=center)

    def _set_cursor(self, index: int, *, center: bool = False) -> None:
        index = max(0, min(index, len(self.sentences) - 1))
        self.cursor = index
        self._invalidate()
        self._scroll_to_cursor(center=center)
        self._announce()

    def _announce(self) -> None:
        if self.detail is None:
            return
        mention, quote = self.under_cursor()
        s, e = self.selection_range()
        self.post_message(messages.CursorMoved(self.detail.article.id, s, e, mention, quote))

    def line_of(self, offset: int) -> int:
        """The visual line showing article offset `offset`."""
        return self._index.line_of(offset)

    def _scroll_to_cursor(self, *, center: bool) -> None:
        if not self.sentences:
            return
        s, e = self.sentences[self.cursor]
        top = self.line_of(s)
        bottom = self.line_of(max(e - 1, s))
        if self.focus_mention is not None:
            top = bottom = self.line_of(self.focus_mention.start)
        region = Region(0, top, 1, bottom - top + 1)
        if top <= 6 and not center:
            region = Region(0, 0, 1, bottom + 1)
        self.scroll_to_region(
            region, animate=False, center=center, spacing=Spacing(1, 0, 1, 0), immediate=True
        )

    def paragraph_of(self, sentence: int) -> int:
        if not self.paragraphs or not self.sentences:
            return 0
        return index_at(self.paragraphs, self.sentences[sentence][0])

    # ----- actions ---------------------------------------------------------------------------

    def action_sentence(self, delta: int) -> None:
        if self.sentences:
            self.select_anchor = None
            self.focus_mention = None
            self._set_cursor(self.cursor + delta)

    def action_extend(self, delta: int) -> None:
        if self.sentences:
            if self.select_anchor is None:
                self.select_anchor = self.cursor
            self.focus_mention = None
            self._set_cursor(self.cursor + delta)

    def action_paragraph(self, delta: int) -> None:
        if not self.sentences or not self.paragraphs:
            return
        current = self.paragraph_of(self.cursor)
        if delta < 0 and self.sentences[self.cursor][0] > self.paragraphs[current][0]:
            target = current
        else:
            target = max(0, min(current + delta, len(self.paragraphs) - 1))
        self.move_cursor_to(self.paragraphs[target][0])

    def action_entity(self, delta: int) -> None:
        if self.detail is None or not self.sentences or not self.detail.mentions:
            return
        mentions = sorted(self.detail.mentions, key=lambda m: (m.start, m.end))
        s, e = self.sentences[self.cursor]
        if self.focus_mention is not None:
            pos = self.focus_mention.start
        else:
            pos = s - 1 if delta > 0 else e
        if delta > 0:
            found = next((m for m in mentions if m.start > pos), None)
        else:
            found = next((m for m in reversed(mentions) if m.start < pos), None)
        if found is None:
            self.app.bell()
            return
        self.move_cursor_to(found.start, mention=found)

    def action_edge(self, direction: int) -> None:
        if self.sentences:
            self.select_anchor = None
            self.focus_mention = None
            self._set_cursor(0 if direction < 0 else len(self.sentences) - 1)

    def action_page(self, direction: int) -> None:
        if not self.sentences:
            return
        height = max(self.scrollable_content_region.height - 2, 1)
        line = self.line_of(self.sentences[self.cursor][0]) + direction * height
        line = max(0, min(line, len(self._lines) - 1))
        starts = [i for i in self._index.rows]
        row = min(starts, key=lambda r: abs(r - line)) if starts else 0
        self.move_cursor_to(self._lines[row].start)

    def action_choose(self) -> None:
        """Enter: choose the entity under the cursor (its actor), else the quote."""
        if self.detail is None:
            return
        mention, quote = self.under_cursor()
        focused = self.focus_mention
        if focused is not None and (actor := self.detail.actor_of.get(focused.key)):
            self.post_message(messages.ActorChosen(actor))
        elif quote is not None:
            self.post_message(messages.PositionChosen(quote))
        elif mention is not None and (actor := self.detail.actor_of.get(mention.key)):
            self.post_message(messages.ActorChosen(actor))
        else:
            self.app.bell()

    def on_click(self, event: events.Click) -> None:
        content = event.get_content_offset(self)
        if content is None:
            return
        y = content.y + int(self.scroll_y)
        if 0 <= y < len(self._lines):
            line = self._lines[y]
            if line.kind in ("text", "speaker") and self.sentences:
                offset = line.start + max(0, content.x + int(self.scroll_x))
                if line.kind == "speaker":
                    offset = line.start
                mention = None
                if self.detail is not None:
                    mention = next(
                        (m for m in self.detail.mentions if m.start <= offset < m.end), None
                    )
                self.move_cursor_to(min(offset, line.end), mention=mention)
