"""`CorrectionDesk`: making, undoing, redoing, listing and importing corrections for one corpus."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..errors import CorrectionError
from ..marks.mark_store import normalise_path
from ..models import Actor, Quote
from ..store.fingerprint import corpus_key
from .cast import Cast, build_cast
from .records import Anchor, Correction, CorrectionVerb, describe, with_uid
from .store import CorrectionStore, now

if TYPE_CHECKING:
    from ..models import ArticleAnalysis
    from ..settings import Settings
    from ..store.library import Library
    from .library import CorrectedLibrary

Status = Literal["applied", "undone", "detached"]


@dataclass(frozen=True, slots=True)
class Listed:
    """A correction as `corrections list` shows it."""

    correction: Correction
    status: Status
    reason: str = ""
    """Why a detached correction does not apply now."""


@dataclass(frozen=True, slots=True)
class Imported:
    added: int
    already: int
    refused: tuple[tuple[Correction, str], ...]


class CorrectionDesk:
    """Where corrections are made: each is checked against the corrected index, stored in one
    transaction, and the library updated at once (no re-indexing)."""

    def __init__(
        self, store: CorrectionStore, library: CorrectedLibrary, paths: Sequence[Path]
    ) -> None:
        self.store = store
        self.library = library
        self.corpus = corpus_key(paths) if paths else ""

    @property
    def cast(self) -> Cast:
        return self.library.cast

    # -- anchors -----------------------------------------------------------------------------

    def actor_anchor(self, actor_id: str) -> Anchor:
        """One mention of the actor, as content: how a correction holds an actor. Found in
        one article where the library counts it (not by reading all its mentions)."""
        cast = self.cast
        aid = cast.canonical(actor_id)
        members = [aid, *(raw for raw in cast.redirect if cast.canonical(raw) == aid)]
        for member in members:
            if member in cast.created or member not in cast.summaries():
                continue
            order = cast.order()
            for article_id in sorted(cast.mention_counts(member), key=lambda a: order.get(a, 0)):
                detail = cast.detail(article_id)
                for m in detail.mentions:
                    if cast.owner(detail, m) == aid:
                        return self._anchor(article_id, m.start, m.end)
        try:
            actor = self.library.actor(actor_id)
        except KeyError:
            raise CorrectionError(f"no actor {actor_id}") from None
        if not actor.mentions:
            raise CorrectionError(f"{actor.name} has no mentions left")
        return self.mention_anchor(
            actor.mentions[0].article, actor.mentions[0].start, actor.mentions[0].end
        )

    def mention_anchor(self, article_id: str, start: int, end: int | None = None) -> Anchor:
        """The mention of `article_id` that starts at `start` (or covers it)."""
        detail = self._detail(article_id)
        found = [m for m in detail.mentions if m.start == start and (end is None or m.end == end)]
        if not found:
            found = [m for m in detail.mentions if m.start <= start < m.end]
        if not found:
            raise CorrectionError(f"no mention starts at {article_id}:{start}")
        m = found[0]
        return self._anchor(article_id, m.start, m.end)

    def quote_anchor(self, quote_id: str) -> tuple[Anchor, Quote]:
        quote = self.find_quote(quote_id)
        return self._anchor(quote.article, quote.start, quote.end), quote

    def find_quote(self, quote_id: str) -> Quote:
        cast = self.cast
        if quote_id in cast.quotes:
            return cast.patched(cast.quotes[quote_id])
        locate = getattr(cast.base, "quote_article", None)
        article_ids: Iterable[str]
        if callable(locate):
            found = locate(quote_id)
            article_ids = [found] if found else []
        else:
            article_ids = [s.id for s in cast.base.articles()]
        for article_id in article_ids:
            for q in self.library.article(article_id).quotes:
                if q.id == quote_id:
                    return q
        raise CorrectionError(f"no quote {quote_id} (quote ids are in `newsdesk index --json`)")

    def _detail(self, article_id: str) -> ArticleAnalysis:
        """The article as indexed (hidden actors' mentions included: they can be unhidden)."""
        try:
            return self.cast.detail(article_id)
        except KeyError:
            raise CorrectionError(f"no article {article_id}") from None

    def _anchor(self, article_id: str, start: int, end: int) -> Anchor:
        article = self._detail(article_id).article
        if not 0 <= start < end <= len(article.text):
            raise CorrectionError(
                f"{start}..{end} is outside article {article_id} ({len(article.text)} characters)"
            )
        return Anchor(
            article.id,
            normalise_path(article.path),
            article.content_hash,
            start,
            end,
            article.text[start:end],
        )

    # -- making ------------------------------------------------------------------------------

    def rename(self, actor_id: str, name: str, note: str = "") -> Correction:
        return self._actor_verb("actor.rename", actor_id, value=name.strip(), note=note)

    def set_type(self, actor_id: str, actor_type: str, note: str = "") -> Correction:
        return self._actor_verb("actor.type", actor_id, value=actor_type, note=note)

    def hide(self, actor_id: str, note: str = "") -> Correction:
        return self._actor_verb("actor.hide", actor_id, note=note)

    def unhide(self, actor_id: str, note: str = "") -> Correction:
        return self._actor_verb("actor.unhide", actor_id, note=note)

    def merge(self, actor_id: str, into_id: str, note: str = "") -> Correction:
        other = self.actor_anchor(into_id)
        return self._actor_verb("actor.merge", actor_id, other=other, note=note)

    def split_article(
        self, actor_id: str, article_id: str, into_id: str | None = None, note: str = ""
    ) -> Correction:
        """The mentions of `actor_id` in one article, into another actor or a new one."""
        actor = self._actor(actor_id)
        inside = [m for m in actor.mentions if m.article == article_id]
        if not inside:
            raise CorrectionError(f"{actor.name} is not mentioned in article {article_id}")
        target = self._anchor(article_id, inside[0].start, inside[0].end)
        other = self.actor_anchor(into_id) if into_id else None
        return self._make(
            "actor.split", target, other=other, value="article", note=note, before=actor.name
        )

    def split_mention(
        self,
        article_id: str,
        start: int,
        into_id: str | None = None,
        note: str = "",
        actor_id: str | None = None,
    ) -> Correction:
        """One mention (the one starting at `start`) into another actor or a new one."""
        target = self.mention_anchor(article_id, start)
        found = self.cast.mention_at(target)
        owner = self.cast.owner(*found) if found is not None else None
        if actor_id is not None and owner is not None and self.cast.canonical(actor_id) != owner:
            raise CorrectionError(
                f"the mention at {article_id}:{start} belongs to {self.cast.name(owner)}, "
                f"not {self.cast.name(self.cast.canonical(actor_id))}"
            )
        other = self.actor_anchor(into_id) if into_id else None
        return self._make(
            "actor.split",
            target,
            other=other,
            value="mention",
            note=note,
            before=self.cast.name(owner) if owner else "",
        )

    def quote_speaker(
        self, quote_id: str, actor_id: str | None = None, text: str | None = None, note: str = ""
    ) -> Correction:
        target, quote = self.quote_anchor(quote_id)
        other = self.actor_anchor(actor_id) if actor_id else None
        return self._make(
            "quote.speaker",
            target,
            other=other,
            speaker=text,
            note=note,
            before=quote.speaker or "",
        )

    def quote_kind(self, quote_id: str, kind: str, note: str = "") -> Correction:
        target, quote = self.quote_anchor(quote_id)
        return self._make("quote.kind", target, value=kind, note=note, before=quote.kind)

    def quote_hide(self, quote_id: str, note: str = "") -> Correction:
        target, quote = self.quote_anchor(quote_id)
        return self._make("quote.hide", target, note=note, before=quote.kind)

    def quote_restore(self, quote_id: str, note: str = "") -> Correction:
        cast = self.cast
        if quote_id not in cast.quote_hidden:
            raise CorrectionError(f"quote {quote_id} is not hidden")
        quote = cast.quotes[quote_id]
        target = self._anchor(quote.article, quote.start, quote.end)
        return self._make("quote.restore", target, note=note, before="hidden")

    def quote_add(
        self,
        article_id: str,
        start: int,
        end: int,
        *,
        actor_id: str | None = None,
        text: str | None = None,
        kind: str = "direct",
        note: str = "",
    ) -> Correction:
        target = self._anchor(article_id, start, end)
        other = self.actor_anchor(actor_id) if actor_id else None
        return self._make("quote.add", target, other=other, value=kind, speaker=text, note=note)

    def _actor(self, actor_id: str) -> Actor:
        try:
            return self.library.actor(actor_id)
        except KeyError:
            raise CorrectionError(f"no actor {actor_id}") from None

    def _actor_verb(
        self,
        verb: CorrectionVerb,
        actor_id: str,
        *,
        other: Anchor | None = None,
        value: str | None = None,
        note: str = "",
    ) -> Correction:
        actor = self._actor(actor_id)
        before = actor.type if verb == "actor.type" else actor.name
        return self._make(
            verb, self.actor_anchor(actor_id), other=other, value=value, note=note, before=before
        )

    def _make(
        self,
        verb: CorrectionVerb,
        target: Anchor,
        *,
        other: Anchor | None = None,
        value: str | None = None,
        speaker: str | None = None,
        note: str = "",
        before: str = "",
    ) -> Correction:
        record = with_uid(
            Correction(
                id=0,
                uid="",
                verb=verb,
                target=target,
                other=other,
                value=value,
                speaker=speaker,
                note=note.strip(),
                before=before,
                created=now(),
                corpus=self.corpus,
            )
        )
        return self.record(record)

    def record(self, record: Correction) -> Correction:
        """Check one correction against the corrected index, store it, apply it."""
        trial = self._trial(record)
        stored = self.store.add(record)
        trial.applied[-1] = stored
        for key, value in list(trial.origin.items()):
            if value is record:
                trial.origin[key] = stored
        trial.signatures[stored.id] = trial.signatures.pop(record.id, ())
        self.library.set_cast(trial)
        return stored

    def _trial(self, record: Correction) -> Cast:
        """The current state plus `record` (raises `CorrectionError` when it conflicts)."""
        trial = build_cast(self.cast.base, self._active(), cache=self.cast)
        trial.apply(record)
        return trial

    def _active(self) -> list[Correction]:
        return [c for c in self.store.all() if not c.undone]

    # -- undo, redo, list, import ------------------------------------------------------------

    def undo(self, correction_id: int | None = None) -> Correction:
        """Undo the latest correction (or one by id), refused when a later one depends on it."""
        everything = self.store.all()
        active = [c for c in everything if not c.undone and c.id not in self.cast.failed]
        if correction_id is None:
            if not active:
                raise CorrectionError("nothing to undo")
            target = active[-1]
        else:
            target = self._by_id(everything, correction_id)
            if target.undone:
                raise CorrectionError(f"correction {correction_id} is already undone")
        without = build_cast(
            self.cast.base, [c for c in everything if c.id != target.id], cache=self.cast
        )
        self._refuse_dependents(target, without, later_than=target.id)
        self.store.set_undone(target.id, True)
        self.library.set_cast(without)
        return replace(target, undone=True)

    def redo(self, correction_id: int | None = None) -> Correction:
        everything = self.store.all()
        if correction_id is None:
            target = self.store.last_undone()
            if target is None:
                raise CorrectionError("nothing to redo")
        else:
            target = self._by_id(everything, correction_id)
            if not target.undone:
                raise CorrectionError(f"correction {correction_id} is not undone")
        redone = [replace(c, undone=False) if c.id == target.id else c for c in everything]
        trial = build_cast(self.cast.base, redone, cache=self.cast)
        if target.id in trial.failed:
            raise CorrectionError(f"cannot redo correction {target.id}: {trial.failed[target.id]}")
        self._refuse_dependents(target, trial, later_than=target.id, redo=True)
        self.store.set_undone(target.id, False)
        self.library.set_cast(trial)
        return replace(target, undone=False)

    def _refuse_dependents(
        self, target: Correction, changed: Cast, *, later_than: int, redo: bool = False
    ) -> None:
        now_cast = self.cast
        for record in now_cast.applied:
            if record.id <= later_than or record.id == target.id:
                continue
            broken = record.id in changed.failed
            moved = changed.signatures.get(record.id) != now_cast.signatures.get(record.id)
            if broken or moved:
                verb = "redo" if redo else "undo"
                raise CorrectionError(
                    f"cannot {verb} correction {target.id} ({describe(target)}): correction "
                    f"{record.id} ({describe(record)}) depends on it; undo {record.id} first"
                )

    @staticmethod
    def _by_id(everything: Sequence[Correction], correction_id: int) -> Correction:
        for c in everything:
            if c.id == correction_id:
                return c
        raise CorrectionError(f"no correction with id {correction_id}")

    def listed(self) -> list[Listed]:
        """This corpus's corrections (made here, or anchoring in one of its articles, however
        that article changed since), oldest first."""
        out: list[Listed] = []
        for c in self.store.all():
            if c.undone:
                if c.corpus == self.corpus or self.cast.holds(c.target):
                    out.append(Listed(c, "undone"))
            elif c.id in self.cast.failed:
                if c.corpus == self.corpus or self.cast.holds(c.target):
                    out.append(Listed(c, "detached", self.cast.failed[c.id]))
            else:
                out.append(Listed(c, "applied"))
        return out

    def import_records(self, records: Iterable[Correction]) -> Imported:
        """Take corrections exported elsewhere; ones already here (same uid) are skipped, ones
        that conflict here are refused with the reason, the rest applied in their order."""
        known = {c.uid for c in self.store.all()}
        added = already = 0
        refused: list[tuple[Correction, str]] = []
        for record in sorted(records, key=lambda r: r.created):
            record = with_uid(replace(record, id=0, corpus=record.corpus or self.corpus))
            if record.uid in known:
                already += 1
                continue
            if record.undone:
                self.store.add(record)
            else:
                try:
                    self.record(record)
                except CorrectionError as err:
                    refused.append((record, str(err)))
                    continue
            known.add(record.uid)
            added += 1
        return Imported(added, already, tuple(refused))


def open_desk(library: Library, paths: Sequence[Path], settings: Settings) -> CorrectionDesk:
    """The desk of an opened library (wrapping it when it is not yet corrected)."""
    from .library import CorrectedLibrary, with_corrections

    corrected = (
        library
        if isinstance(library, CorrectedLibrary)
        else with_corrections(library, paths, settings)
    )
    if not isinstance(corrected, CorrectedLibrary) or corrected.desk is None:
        raise CorrectionError("the corrections database cannot be opened")
    return corrected.desk
