"""Palette commands for corrections ("Merge actor into…", "Rename actor…", "Not a quote", ...),
offered for the actor or quote under the cursor."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from .commands import highlight, plain_help
from .corrections_controller import COMMAND_NAMES


class CorrectionCommands(Provider):
    """Only the corrections that have something under the cursor to act on."""

    def _commands(self) -> list[tuple[str, str, Content | None]]:
        controller = getattr(self.app, "corrections", None)
        if controller is None:
            return []
        found = []
        for verb, name in COMMAND_NAMES.items():
            if controller.available(verb):
                found.append((verb, name, plain_help(_about(controller, verb))))
        return found

    async def discover(self) -> Hits:
        for verb, name, about in self._commands():
            yield DiscoveryHit(Content(name), partial(self.app.corrections.start, verb),
                               text=name, help=about)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for verb, name, about in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlight(matcher, name),
                          partial(self.app.corrections.start, verb), text=name, help=about)


def _about(controller: object, verb: str) -> str:
    """What the command would correct (the actor's name or the quote's start)."""
    if verb in ("speaker", "kind", "not-quote"):
        quote = controller.quote_here()  # type: ignore[attr-defined]
        return f"“{' '.join(quote.text.split())[:50]}”" if quote else ""
    if verb == "unhide":
        return "an actor you hid"
    if verb in ("rename", "merge", "type", "hide", "split"):
        main = controller.main  # type: ignore[attr-defined]
        actor = main.actor_summaries.get(controller.actor_here() or "")  # type: ignore[attr-defined]
        return f"{actor.name} ({actor.type})" if actor else ""
    return ""
