"""Screens that close only themselves: a dismiss that arrives when another screen is on top
(a second Enter or Escape queued before the first closed it, or keys handled under the "too
small" note) does nothing, where Textual's `Screen.dismiss` would answer its caller twice and
close whichever screen is on top."""

from __future__ import annotations

from typing import Any, cast

from textual.await_complete import AwaitComplete
from textual.screen import Screen


def nothing_to_await() -> AwaitComplete:
    """An `AwaitComplete` already done (Textual's `AwaitComplete.nothing`, left unannotated)."""
    done: AwaitComplete = AwaitComplete.nothing()  # type: ignore[no-untyped-call]
    return done


class ClosesItself:
    """Mixin for a `Screen` subclass (listed before it, so this `dismiss` comes first)."""

    def dismiss(self, result: Any = None) -> AwaitComplete:
        screen = cast(Screen[Any], self)
        if screen.app.screen is not screen:
            return nothing_to_await()
        # A mixin: `Screen.dismiss` comes after it in the subclass's MRO, which mypy cannot see.
        return super().dismiss(result)  # type: ignore[misc, no-any-return]
