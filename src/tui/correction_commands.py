"""Palette commands for corrections ("Merge actor into…", "Rename actor…", "Not a quote", ...),
offered for the actor or quote under the cursor."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from .commands import highlight, plain_help
from .corrections_controller import COMMAND_NAMES, CorrectionsController
from .here import Here

#: verb, name, help, what runs it
Command = tuple[str, str, "str | None", Callable[[], None]]


class CorrectionCommands(Provider):
    """Only the corrections that have something under the cursor to act on."""

    @property
    def controller(self) -> CorrectionsController | None:
        """The app's corrections (none in an app without them, such as Textual's own)."""
        controller = getattr(self.app, "corrections", None)
        return controller if isinstance(controller, CorrectionsController) else None

    def _commands(self) -> list[Command]:
        controller = self.controller
        if controller is None:
            return []
        found: list[Command] = []
        here = controller.here()
        for verb, name in COMMAND_NAMES.items():
            if controller.available(verb, here):
                about = plain_help(_about(controller, verb, here))
                found.append((verb, name, about, partial(controller.start, verb)))
        return found

    async def discover(self) -> Hits:
        for _verb, name, about, start in self._commands():
            yield DiscoveryHit(Content(name), start, text=name, help=about)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for _verb, name, about, start in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlight(matcher, name), start, text=name, help=about)


def _about(controller: CorrectionsController, verb: str, here: Here) -> str:
    """What the command would correct (the actor's name or the quote's start)."""
    if verb in ("speaker", "kind", "not-quote"):
        quote = controller.quote_here(here)
        return f"“{' '.join(quote.text.split())[:50]}”" if quote else ""
    if verb == "unhide":
        return "an actor you hid"
    if verb in ("rename", "merge", "type", "hide", "split"):
        actor = here.actor_summaries.get(controller.actor_here(here) or "")
        return f"{actor.name} ({actor.type})" if actor else ""
    return ""
