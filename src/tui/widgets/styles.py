"""Rich styles from TCSS component classes, with translucent colours blended over the widget.

`get_component_rich_style(partial=True)` hands back `$primary 20%` as the full colour (alpha is
dropped), so `background: $primary 20%` would paint solid blue; blending here keeps the theme's
intent in both light and dark themes.
"""

from __future__ import annotations

from rich.style import Style
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
