"""The key bar: the screen's shown bindings on one line, drawn by a single widget.

Textual's Footer composes a widget per key and recomposes them on every bindings signal (focus
moves, screen pushes, `refresh_bindings`): a dozen widgets styled anew and a second layout
right after the first paint. Here a bindings change is a repaint of one line, and the first
frame already shows the keys of the focused pane. It looks and works like the stock footer:
`key description` pairs, disabled keys dimmed, the palette key on the right, a tooltip and a
click per key.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from ..bindings import FOOTER_DEFAULT_PRIORITY, FOOTER_PRIORITY, short_label


@dataclass(frozen=True, slots=True)
class _Key:
    key: str
    """What a click presses (`App.simulate_key`)."""
    display: str
    description: str
    enabled: bool
    tooltip: str
    priority: int = FOOTER_DEFAULT_PRIORITY
    """Kept longer when the bar is short of room (lower stays longer: `FOOTER_PRIORITY`)."""
    short: str = ""
    """The description in a word, drawn when the whole one does not fit (`short_label`)."""


class KeyFooter(Widget, can_focus=False):
    """The keys of the current screen, one line at the bottom."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--separator",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-footer--hover {
            background: $block-hover-background;
        }
        & > .key-footer--separator {
            color: $foreground 20%;
        }
    }
    """

    BARE_BELOW: ClassVar[int] = 100
    """Narrower than this (the explorer's narrow layout), a key short of room may show without
    its words (hover or `?` says what it does); wider, such a key leaves the bar instead."""

    def __init__(self, *, show_command_palette: bool = True) -> None:
        super().__init__()
        self.show_command_palette = show_command_palette
        self._spans: list[tuple[int, int, _Key]] = []
        """Where each key was drawn: cells [start, end) of the last render."""
        self._hover: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh()

    def _keys(self) -> tuple[list[_Key], _Key | None]:
        """The shown bindings (one per action, in binding order) and the palette key."""
        app = self.app
        keys: list[_Key] = []
        actions: set[str] = set()
        palette: _Key | None = None
        for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items():
            shown = _Key(binding.key, app.get_key_display(binding), binding.description,
                         enabled, tooltip or binding.tooltip or binding.description,
                         FOOTER_PRIORITY.get(binding.id or "", FOOTER_DEFAULT_PRIORITY),
                         short_label(binding))
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = shown
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append(shown)
        return keys, palette if self.show_command_palette else None

    def render(self) -> Text:
        keys, palette = self._keys()
        width = self.size.width
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        hover_style = self.get_component_rich_style("key-footer--hover", partial=True)
        dim = Style(dim=True)
        palette_cells = 0 if palette is None else _cells(palette)  # "▏" takes the lead space
        line = Text(no_wrap=True, overflow="crop", end="")
        spans: list[tuple[int, int, _Key]] = []

        def draw(shown: _Key, lead: str = " ", tight: bool = False) -> None:
            start = line.cell_len
            extra = hover_style if len(spans) == self._hover else Style()
            extra += Style() if shown.enabled else dim
            line.append(f"{lead}{shown.display}", key_style + extra)
            if shown.description:
                line.append(f" {shown.description}", description_style + extra)
            if not tight:
                line.append(" ", description_style + extra)
            spans.append((start, line.cell_len, shown))

        bare = width < self.BARE_BELOW
        fitting, tight = _fitting(keys, width - palette_cells, bare)
        if palette is not None and fitting != keys:  # short of room: the palette key alone
            palette = replace(palette, description="")
            palette_cells = _cells(palette)
            fitting, tight = _fitting(keys, width - palette_cells, bare)
        for shown in fitting:
            draw(shown, tight=tight)
        if palette is not None and width >= palette_cells:
            line.append(" " * (width - palette_cells - line.cell_len))
            line.append("▏", self.get_component_rich_style("key-footer--separator"))
            draw(palette, lead="")
        self._spans = spans
        return line

    def _key_at(self, x: int) -> int | None:
        return next((i for i, (s, e, _k) in enumerate(self._spans) if s <= x < e), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._key_at(event.x)
        if index != self._hover:
            self._hover = index
            self.tooltip = None if index is None else self._spans[index][2].tooltip
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        shown = self._spans[index][2]
        if shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()


#: Keys of this priority or less important go short, then lose their description before any
#: key is dropped (`[ ] a M e y` still show at 80 columns; the tooltip and `?` say what they do).
COMPACT_FROM = 3


def _fitting(keys: list[_Key], room: int, bare: bool = True) -> tuple[list[_Key], bool]:
    """The keys that fit in `room` cells, never half a key, in their order, and whether they
    are drawn tight (one space between keys instead of two).

    Short of room, in turn: the least important keys (`FOOTER_PRIORITY`) say their short
    word, the bar draws tight, then (`bare`: a narrow terminal only) the least important lose
    their words, then go: among equals a disabled one first, else the last.
    """
    keys = list(keys)

    def rank(i: int) -> tuple[int, bool, int]:
        return (keys[i].priority, not keys[i].enabled, i)

    def width(tight: bool) -> int:  # tight, a space still parts the last key from the edge
        return sum(_cells(k, tight) for k in keys) + tight

    while keys and width(False) > room:
        wordy = [i for i, k in enumerate(keys)
                 if k.short and k.description != k.short and k.priority >= COMPACT_FROM]
        if not wordy:
            break
        i = max(wordy, key=rank)
        keys[i] = replace(keys[i], description=keys[i].short)
    tight = width(False) > room
    while keys and width(tight) > room:
        wordy = [i for i, k in enumerate(keys) if k.description and k.priority >= COMPACT_FROM]
        if wordy and bare:
            i = max(wordy, key=rank)
            keys[i] = replace(keys[i], description="")
        else:
            del keys[max(range(len(keys)), key=rank)]
    return keys, tight


def _cells(shown: _Key, tight: bool = False) -> int:
    words = f" {shown.description}" if shown.description else ""
    return cell_len(f" {shown.display}{words}") + (0 if tight else 1)
