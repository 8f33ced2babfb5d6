"""Textual's Footer, recomposed only when the keys it shows have changed.

The stock Footer schedules a full recompose (a FooterKey per binding, each styled anew) for
every bindings signal: focus moves, screen pushes, `refresh_bindings`. Opening the app
publishes about ten before the first paint, most of them leaving the keys as they were.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class CoalescedFooter(Footer):
    """A Footer that folds a burst of binding changes into one recompose, or none."""

    _recompose_pending = False
    _shown: Any = None

    def bindings_changed(self, screen: Screen) -> None:  # type: ignore[type-arg]
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    def _keys(self) -> tuple[object, ...]:
        """Everything `Footer.compose` reads, as it stands now."""
        return (
            self.show_command_palette,
            self.app.ENABLE_COMMAND_PALETTE,
            tuple(
                (key, binding, enabled, tooltip)
                for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
                if binding.show or key == self.app.COMMAND_PALETTE_BINDING
            ),
        )

    async def _recompose_once(self) -> None:
        self._recompose_pending = False
        if not self.is_attached:
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        await self.recompose()
