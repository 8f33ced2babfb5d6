"""Rich styles from TCSS component classes, with translucent colours blended over the widget.

`get_component_rich_style(partial=True)` hands back `$primary 20%` as the full colour (alpha is
dropped), so `background: $primary 20%` would paint solid blue; blending here keeps the theme's
intent in both light and dark themes.
"""

from __future__ import annotations

from typing import cast

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


def component_style(widget: Widget, name: str) -> Style:
    """The style of component class `name` (declared in the widget's COMPONENT_CLASSES)."""
    try:
        styles = widget.get_component_styles(name)
    except KeyError:
        return Style.null()
    _, base = widget.background_colors
    color = background = None
    if styles.has_rule("background") and styles.background.a > 0:
        background = (base + styles.background).rich_color
    if styles.has_rule("color") and styles.color.a > 0:
        color = (base + styles.color).rich_color
    return Style(color=color, bgcolor=background) + styles.text_style


class StyleCache:
    """Component styles per name for one widget, cleared when the theme or CSS changes."""

    def __init__(self, widget: Widget) -> None:
        self.widget = widget
        self._styles: dict[str, Style] = {}

    def __call__(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = component_style(self.widget, name)
        return style

    def clear(self) -> None:
        self._styles.clear()


class PassStyle:
    """Mixin for line-API widgets: `rich_style` computed once per render pass, not per line.

    `rich_style` walks every ancestor, and such widgets asked for it on each of their lines.
    A plain mixin (not a Widget subclass), so it leaves the widget's own class settings alone.
    """

    _pass_style: Style | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        widget = cast(Widget, self)
        self._pass_style = widget.rich_style
        try:
            # A mixin: the widget's `render_lines` follows in the MRO, which mypy cannot see.
            return super().render_lines(crop)  # type: ignore[misc, no-any-return]
        finally:
            self._pass_style = None

    @property
    def rich_style(self) -> Style:
        """`Widget.rich_style`, the one cached for this pass while the widget renders: the
        line API (`Tree.render_line` too) asks for it on every line."""
        return self._pass_style or super().rich_style  # type: ignore[misc]  # (a mixin, above)

    @property
    def pass_style(self) -> Style:
        """The widget's style: the one cached for this pass, else computed now."""
        return self._pass_style or cast(Widget, self).rich_style
