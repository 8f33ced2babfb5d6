"""Glue between the correction desk and the explorer: what is under the cursor, the dialogs,
and redrawing at once (no re-indexing) after a correction, an undo or a redo.

It reads the main screen as a `Here` record and posts `LibraryChanged` to it for the redraw;
each correction reaches the shared undo history through the app (`Undoable`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from newsdesk.core.errors import NewsdeskError
from newsdesk.core.models import ACTOR_TYPES, QUOTE_KINDS, Mention, Quote

from . import messages
from .screens.correct import Answer, Choice, CorrectionDialog
from .wording import counted, one_line, with_article

if TYPE_CHECKING:
    from textual.message import Message

    from newsdesk.core.corrections import CorrectedLibrary, Correction, CorrectionDesk
    from newsdesk.core.models import ActorSummary

    from .app import NewsdeskApp
    from .here import Here

NEW_ACTOR = "\x00new"
"""The picker row "a new actor" (no actor id can be this)."""

#: The palette's names for the corrections, as the reader asks for them (verb -> name).
COMMAND_NAMES: dict[str, str] = {
    "merge": "Merge actor into…",
    "rename": "Rename actor…",
    "type": "Change type…",
    "split": "Split here…",
    "speaker": "Change speaker…",
    "kind": "Change quote kind…",
    "not-quote": "Not a quote",
    "add-quote": "Add quote…",
    "hide": "Not an actor (hide it)",
    "unhide": "Unhide actor…",
    "redo": "Redo correction",
}


@dataclass(frozen=True, slots=True)
class CorrectionChange:
    """A correction in the explorer's undo history (`u` undoes marks and corrections alike)."""

    correction: Correction


class CorrectionsController:
    """The explorer's side of corrections: one per app."""

    def __init__(
        self, app: NewsdeskApp, here: Callable[[], Here], post: Callable[[Message], bool]
    ) -> None:
        self.app = app
        self.here = here
        """Asks the main screen what is under the cursor."""
        self.post = post
        """Posts a message to the main screen."""
        self._revision: tuple[int, int] | None = None
        """The corrections database as `poll` last saw it."""

    def watch(self) -> None:
        """Check every two seconds for corrections made elsewhere (`newsdesk actor ...`,
        another explorer): the same data directory, shown as marks from elsewhere are."""
        from .marks_controller import POLL_SECONDS

        self.app.every(POLL_SECONDS, self.poll, name="corrections-poll")

    def poll(self) -> None:
        """Apply corrections another process stored or undid since this library last applied
        them (cheap when nothing changed: one PRAGMA; after this explorer's own correction the
        library already holds it, so nothing is redone)."""
        library, desk = self.library, self.desk
        if library is None or desk is None:
            return
        try:
            revision = desk.store.revision()
            if revision == self._revision:
                return
            self._revision = revision
            stored = desk.store.all()
        except Exception:  # noqa: BLE001 - a closed or vanished database: stop quietly
            return
        active = {c.id for c in stored if not c.undone}
        cast = library.cast
        if active == {c.id for c in cast.applied} | set(cast.failed):
            return
        library.set_corrections(stored)
        self.redraw()

    @property
    def library(self) -> CorrectedLibrary | None:
        from newsdesk.core.corrections import CorrectedLibrary

        library = self.here().library
        return library if isinstance(library, CorrectedLibrary) else None

    @property
    def desk(self) -> CorrectionDesk | None:
        library = self.library
        return library.desk if library is not None else None

    # -- what is under the cursor ------------------------------------------------------------

    def actor_here(self, here: Here | None = None) -> str | None:
        """The actor under the sidebar's cursor (when it has focus), else under the text
        cursor, else the chosen one."""
        here = here or self.here()
        if here.sidebar_focused:
            return here.sidebar_actor
        mention, quote, detail = here.mention, here.quote, here.shown
        if mention is not None and detail is not None and mention.key in detail.actor_of:
            return detail.actor_of[mention.key]
        if quote is not None and quote.actor:
            return quote.actor
        return here.chosen_actor

    def quote_here(self, here: Here | None = None) -> Quote | None:
        here = here or self.here()
        if here.sidebar_focused:
            return here.sidebar_position
        return here.quote

    def mention_here(self, here: Here | None = None) -> Mention | None:
        return (here or self.here()).text_mention

    def available(self, verb: str, here: Here | None = None) -> bool:
        """Whether `verb` has something to act on now (the palette lists only those)."""
        if self.desk is None:
            return False
        here = here or self.here()
        if verb in ("rename", "merge", "type", "hide"):
            return self.actor_here(here) is not None
        if verb == "split":
            return self.mention_here(here) is not None or (
                self.actor_here(here) is not None and here.detail is not None
            )
        if verb in ("speaker", "kind", "not-quote"):
            return self.quote_here(here) is not None
        if verb == "add-quote":
            return here.shown is not None
        if verb == "unhide":
            library = self.library
            return library is not None and bool(library.cast.hidden)
        return verb == "redo"

    # -- starting one ------------------------------------------------------------------------

    def start(self, verb: str) -> None:
        """A key or a palette command: ask what is needed, then correct."""
        desk, library = self.desk, self.library
        if desk is None or library is None:
            self.app.notify(
                "Corrections are off: the index is not open, or the corrections "
                "database could not be opened.",
                severity="warning",
                markup=False,
            )
            return
        if verb == "redo":
            self._run(desk.redo, "Redone")
            return
        handler = getattr(self, "_ask_" + verb.replace("-", "_"), None)
        if handler is None or not self.available(verb):
            self.app.bell()
            self.app.notify(
                f"{COMMAND_NAMES.get(verb, verb)}: nothing under the cursor to correct.",
                markup=False,
                timeout=3,
            )
            return
        handler(desk, library)

    def _actors(
        self, exclude: str | None = None, new: bool = False
    ) -> Callable[[str], list[Choice]]:
        """The picker over actors, filtered by the search matcher as the reader types: the open
        article's own actors first (most mentioned there first), then the rest of the corpus.

        The speaker of a quote, the actor a name really is, the one a mention belongs to are
        nearly always in the same article; corpus-wide counts alone put the most written-about
        actors of the whole folder above them.
        """
        from newsdesk.core.resolve import match_actors

        here = self.here()
        summaries = here.actor_summaries
        in_article = dict(here.shown.actor_counts) if here.shown is not None else {}
        order = {actor_id: n for n, actor_id in enumerate(in_article)}

        def rows(query: str) -> list[Choice]:
            actors = [a for a in summaries.values() if a.id != exclude]
            local = [a for a in actors if a.id in in_article]
            local = (match_actors(local, query, limit=len(local)) if query.strip()
                     else sorted(local, key=lambda a: order[a.id]))  # the article's own order
            found = [
                *(Choice(a.id, _label(a, in_article[a.id])) for a in local),
                *(Choice(a.id, _label(a))
                  for a in match_actors([a for a in actors if a.id not in in_article], query)),
            ]
            return (
                [Choice(NEW_ACTOR, "a new actor (named as the mention)"), *found] if new else found
            )

        return rows

    def _ask(self, dialog: CorrectionDialog, act: Callable[[Answer], Correction]) -> None:
        def answered(answer: Answer | None) -> None:
            if answer is not None:
                self._run(partial(act, answer), "Corrected")

        self.app.push_screen(dialog, answered)

    def _ask_one_of(
        self, title: str, prompt: str, options: list[str], act: Callable[[Answer], Correction]
    ) -> None:
        """A choice among fixed words (a type, a quote kind), typed to narrow the list."""
        choices = [Choice(o, o) for o in options]
        self._ask(
            CorrectionDialog(
                title,
                prompt,
                choices=lambda q: [c for c in choices if c.key.startswith(q.strip())],
                free_text=False,
            ),
            act,
        )

    def _ask_rename(self, desk: CorrectionDesk, library: CorrectedLibrary) -> None:
        actor = library.actor(self.actor_here() or "")
        self._ask(
            CorrectionDialog(
                "Rename actor",
                f"{actor.name} ({actor.type}): a new display name",
                text=actor.name,
                placeholder="the name to show",
            ),
            lambda a: desk.rename(actor.id, a.text, a.note),
        )

    def _ask_merge(self, desk: CorrectionDesk, library: CorrectedLibrary) -> None:
        actor = library.actor(self.actor_here() or "")
        self._ask(
            CorrectionDialog(
                "Merge actor into…",
                f"{actor.name} is really… (type to find)",
                placeholder="actor name",
                choices=self._actors(actor.id),
                free_text=False,
            ),
            lambda a: desk.merge(actor.id, _row(a), a.note),
        )

    def _ask_type(self, desk: CorrectionDesk, library: CorrectedLibrary) -> None:
        actor = library.actor(self.actor_here() or "")
        self._ask_one_of(
            "Change type",
            f"{actor.name} is {with_article(actor.type)}; it is…",
            [t for t in ACTOR_TYPES if t != actor.type],
            lambda a: desk.set_type(actor.id, _row(a), a.note),
        )

    def _ask_hide(self, desk: CorrectionDesk, library: CorrectedLibrary) -> None:
        actor = library.actor(self.actor_here() or "")
        self._ask(
            CorrectionDialog(
                "Not an actor",
                f"Hide {actor.name}? Enter hides; a note may say why",
                text="hide",
                free_text=True,
            ),
            lambda a: desk.hide(actor.id, a.note),
        )

    def _ask_unhide(self, desk: CorrectionDesk, library: CorrectedLibrary) -> None:
        from newsdesk.core.resolve import match_actors

        hidden = list(library.hidden_actors())
        self._ask(
            CorrectionDialog(
                "Unhide actor…",
                "Hidden actors (type to find):",
                placeholder="actor name",
                free_text=False,
                choices=lambda q: [Choice(a.id, _label(a)) for a in match_actors(hidden, q)],
            ),
            lambda a: desk.unhide(_row(a), a.note),
        )

    def _ask_split(self, desk: CorrectionDesk, library: CorrectedLibrary) -> None:
        here = self.here()
        mention = self.mention_here(here)
        detail = here.detail
        if mention is not None and detail is not None:
            owner = detail.actor_of.get(mention.key)
            about = f"“{mention.text}” (now {self._name(owner)}) belongs to…"

            def act(a: Answer) -> Correction:
                into = None if a.key == NEW_ACTOR else a.key
                return desk.split_mention(detail.article.id, mention.start, into, a.note)
        else:
            actor_id = self.actor_here(here) or ""
            assert detail is not None
            about = f"{self._name(actor_id)}'s mentions in this article belong to…"

            def act(a: Answer) -> Correction:
                into = None if a.key == NEW_ACTOR else a.key
                return desk.split_article(actor_id, detail.article.id, into, a.note)

            owner = actor_id
        self._ask(
            CorrectionDialog(
                "Split here…",
                about,
                placeholder="another actor, or a new one",
                choices=self._actors(owner, new=True),
                free_text=False,
            ),
            act,
        )

    def _ask_speaker(self, desk: CorrectionDesk, library: CorrectedLibrary) -> None:
        quote = self.quote_here()
        assert quote is not None

        def act(a: Answer) -> Correction:
            if a.key is None:
                return desk.quote_speaker(quote.id, text=a.text, note=a.note)
            return desk.quote_speaker(quote.id, a.key, note=a.note)

        self._ask(
            CorrectionDialog(
                "Change speaker…",
                f"“{one_line(quote.text, 50)}”, now {quote.speaker or 'unattributed'}: "
                "said by… (Enter on typed text: a speaker who is not an actor)",
                placeholder="actor name",
                choices=self._actors(quote.actor),
            ),
            act,
        )

    def _ask_kind(self, desk: CorrectionDesk, library: CorrectedLibrary) -> None:
        quote = self.quote_here()
        assert quote is not None
        self._ask_one_of(
            "Change quote kind",
            f"“{one_line(quote.text, 50)}” is {quote.kind}; it is…",
            [k for k in QUOTE_KINDS if k != quote.kind],
            lambda a: desk.quote_kind(quote.id, _row(a), a.note),
        )

    def _ask_not_quote(self, desk: CorrectionDesk, library: CorrectedLibrary) -> None:
        quote = self.quote_here()
        assert quote is not None
        self._run(partial(desk.quote_hide, quote.id), "Not a quote")

    def _ask_add_quote(self, desk: CorrectionDesk, library: CorrectedLibrary) -> None:
        here = self.here()
        detail, selection = here.shown, here.selection
        assert detail is not None and selection is not None
        start, end = selection
        passage = detail.article.text[start:end]

        def act(a: Answer) -> Correction:
            if a.key is None:
                return desk.quote_add(detail.article.id, start, end, text=a.text, note=a.note)
            return desk.quote_add(detail.article.id, start, end, actor_id=a.key, note=a.note)

        self._ask(
            CorrectionDialog(
                "Add quote…",
                f"“{one_line(passage, 50)}” was said by… (select more with Shift+arrows first)",
                placeholder="actor name",
                choices=self._actors(),
            ),
            act,
        )

    def _name(self, actor_id: str | None) -> str:
        summary = self.here().actor_summaries.get(actor_id or "")
        return summary.name if summary else "no actor"

    # -- applying, undoing, redrawing --------------------------------------------------------

    def _run(self, act: Callable[[], Correction], verb: str) -> None:
        try:
            record = act()
        except NewsdeskError as err:
            self.app.notify(str(err), title=err.title, severity="error", markup=False, timeout=8)
            return
        if verb != "Redone":
            self.app.post_message(messages.Undoable(CorrectionChange(record)))
        self.redraw()
        from newsdesk.core.corrections import describe

        self.app.notify(f"{verb}: {describe(record)} (u undoes)", markup=False, timeout=4)

    def undo(self, change: CorrectionChange) -> None:
        """`u` reached a correction in the shared history."""
        desk = self.desk
        if desk is None:
            return
        from newsdesk.core.corrections import describe

        try:
            record = desk.undo(change.correction.id)
        except NewsdeskError as err:
            self.app.post_message(messages.Undoable(change))  # still to undo
            self.app.notify(str(err), title=err.title, severity="error", markup=False, timeout=8)
            return
        self.redraw()
        self.app.notify(f"Undone: {describe(record)} (U redoes)", markup=False, timeout=4)

    def redraw(self) -> None:
        """The library changed in place: lists, tree, the open article and the status line at
        once; the search index catches up in the background (it is keyed by the revision)."""
        library = self.here().library
        if library is not None:
            self.post(messages.LibraryChanged(library))


def _row(answer: Answer) -> str:
    """The row chosen in a picker without free text (its dialog answers no other way)."""
    if answer.key is None:
        raise ValueError("a picker without free text answered with typed text")
    return answer.key


def _label(actor: ActorSummary, here: int | None = None) -> str:
    """A picker row; `here`: the actor's mentions in the open article, which it is one of."""
    counts = counted(actor.mention_count, "mention")
    if here is not None:
        counts += f" ({here} here)"
    return f"{actor.name} · {actor.type} · {counts}"


