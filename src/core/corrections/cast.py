"""The corrections' effect over one library: who owns which mention, what each quote says,
built by applying corrections in order after the automatic merge (pure Python, no store)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..errors import CorrectionError
from ..marks.mark_store import locate, normalise_path
from ..models import (
    ACTOR_TYPES,
    QUOTE_KINDS,
    ActorSummary,
    ActorType,
    ArticleAnalysis,
    ArticleSummary,
    Mention,
    Quote,
    QuoteKind,
)
from ..pipeline.ids import quote_id
from ..pipeline.names import slug_name
from ..store.library import Library
from .records import Anchor, Correction

MentionKey = tuple[str, int, int]
"""(article id, start, end) of one mention."""
ClusterKey = tuple[str, str]
"""(article id, in-article cluster key)."""


@dataclass(frozen=True, slots=True)
class NewActor:
    """An actor a split created: it exists only while that correction holds."""

    id: str
    name: str
    type: ActorType


@dataclass(slots=True)
class Cast:
    """What the applied corrections change, as overrides over the library's own answers.

    Owners are stored raw (the id a correction named) and read through `canonical`, so a later
    merge of the owner carries them along; nothing here is ever a copy of the index.
    """

    base: Library
    cluster_owner: dict[ClusterKey, str] = field(default_factory=dict)
    mention_owner: dict[MentionKey, str] = field(default_factory=dict)
    redirect: dict[str, str] = field(default_factory=dict)
    """Merged actor -> the actor it was merged into."""
    names: dict[str, str] = field(default_factory=dict)
    types: dict[str, ActorType] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)
    created: dict[str, NewActor] = field(default_factory=dict)
    quote_speaker: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    """Quote id -> (raw actor id or None, speaker in words or None)."""
    quote_kind: dict[str, QuoteKind] = field(default_factory=dict)
    quote_hidden: set[str] = field(default_factory=set)
    quotes: dict[str, Quote] = field(default_factory=dict)
    """Every quote a correction touched, as the library (or `quote.add`) gave it."""
    added: dict[str, dict[str, str | None]] = field(default_factory=dict)
    """Article id -> added quote id -> raw speaker actor (the quote itself is in `quotes`)."""
    moved_articles: set[str] = field(default_factory=set)
    """Articles where some mention or cluster changed owner."""
    view_articles: set[str] = field(default_factory=set)
    """Articles whose actor or quote counts may differ from the library's."""
    touched: set[str] = field(default_factory=set)
    """Raw actor ids whose mentions, quotes or members changed (their summaries are recounted)."""
    origin: dict[str, Correction] = field(default_factory=dict)
    """Actor or quote id -> the latest correction that changed it (the status line's 'before')."""
    applied: list[Correction] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    """Correction id -> why it does not apply now (detached or in conflict)."""
    signatures: dict[int, tuple[str | None, ...]] = field(default_factory=dict)
    """Correction id -> what its anchors resolved to (a later change that alters this depends)."""
    _details: dict[str, ArticleAnalysis] = field(default_factory=dict)
    _summaries: dict[str, ActorSummary] | None = None
    _hashes: dict[str, list[str]] | None = None
    _order: dict[str, int] | None = None
    _articles: list[ArticleSummary] | None = None
    _counts: dict[str, dict[str, int]] = field(default_factory=dict)

    # -- the library underneath -------------------------------------------------------------

    def detail(self, article_id: str) -> ArticleAnalysis:
        found = self._details.get(article_id)
        if found is None:
            found = self._details[article_id] = self.base.article(article_id)
        return found

    def summaries(self) -> dict[str, ActorSummary]:
        if self._summaries is None:
            self._summaries = {s.id: s for s in self.base.actors()}
        return self._summaries

    def mention_counts(self, actor_id: str) -> dict[str, int]:
        """Article id -> the library's mentions of an actor there (read once per library)."""
        found = self._counts.get(actor_id)
        if found is None:
            fast = getattr(self.base, "mention_counts", None)
            if callable(fast):
                found = fast(actor_id)
            else:
                found = {}
                for m in self.base.actor(actor_id).mentions:
                    found[m.article] = found.get(m.article, 0) + 1
            self._counts[actor_id] = found
        return found

    def article_rows(self) -> list[ArticleSummary]:
        """The library's article list, read once (the base never changes under a cast)."""
        if self._articles is None:
            self._articles = list(self.base.articles())
        return self._articles

    def order(self) -> dict[str, int]:
        if self._order is None:
            self._order = {s.id: n for n, s in enumerate(self.article_rows())}
        return self._order

    def _by_hash(self, content_hash: str) -> list[str]:
        if self._hashes is None:
            hashes: dict[str, list[str]] = {}
            known = getattr(self.base, "content_hashes", None)
            pairs: Iterable[tuple[str, str]]
            if callable(known):
                pairs = known().items()
            else:
                pairs = (
                    (s.id, self.detail(s.id).article.content_hash) for s in self.article_rows()
                )
            for article_id, digest in pairs:
                hashes.setdefault(digest, []).append(article_id)
            self._hashes = hashes
        return self._hashes.get(content_hash, [])

    # -- finding anchors again ----------------------------------------------------------------

    def find(self, anchor: Anchor) -> tuple[ArticleAnalysis, tuple[int, int]] | None:
        """The article and span an anchor points at now, the text found again nearest its old
        place; None when it is gone (the correction is detached). See `_articles_for` for
        which articles are tried."""
        for detail in self._articles_for(anchor):
            text = detail.article.text
            if text[anchor.start : anchor.end] == anchor.text:
                return detail, (anchor.start, anchor.end)
            span = locate(text, anchor.text, anchor.start)
            if span is not None:
                return detail, span
        return None

    def _articles_for(self, anchor: Anchor) -> Iterable[ArticleAnalysis]:
        """The articles an anchor may be in, surest first: the same id with the same content
        or file (unchanged, moved, or edited in place); another id with the same content (a
        renamed file); then the same id from a file of the same name elsewhere whose content
        changed (a folder copied or moved, then edited: a scraper re-fetching an updated story
        into a new archive). Article ids come from file names (or a dump row's id or URL), so
        the last is the same story; the anchor's text must still be in it."""
        same_id = self.detail(anchor.article) if anchor.article in self.order() else None
        held = same_id is not None and (
            same_id.article.content_hash == anchor.content_hash
            or bool(anchor.path and normalise_path(same_id.article.path) == anchor.path)
        )
        if same_id is not None and held:
            yield same_id
        for article_id in self._by_hash(anchor.content_hash):
            if article_id != anchor.article:
                yield self.detail(article_id)
        if same_id is not None and not held:
            if _file_name(same_id.article.path) == _file_name(anchor.path):
                yield same_id

    def holds(self, anchor: Anchor) -> bool:
        """Whether an article here is where the anchor was made (its text found or not): a
        correction that no longer applies there is listed here as detached."""
        return next(iter(self._articles_for(anchor)), None) is not None

    def mention_at(self, anchor: Anchor) -> tuple[ArticleAnalysis, Mention] | None:
        found = self.find(anchor)
        if found is None:
            return None
        detail, (start, end) = found
        exact = [m for m in detail.mentions if (m.start, m.end) == (start, end)]
        if exact:
            return detail, exact[0]
        near = [m for m in detail.mentions if m.text == anchor.text]
        if not near:
            return None
        return detail, min(near, key=lambda m: abs(m.start - start))

    def quote_at(self, anchor: Anchor) -> tuple[ArticleAnalysis, Quote] | None:
        found = self.find(anchor)
        if found is None:
            return None
        detail, span = found
        article_id = detail.article.id
        pool = list(detail.quotes) + [
            self.quotes[q] for q in self.added.get(article_id, {}) if q in self.quotes
        ]
        exact = [q for q in pool if (q.start, q.end) == span]
        if exact:
            return detail, exact[0]
        near = [q for q in pool if q.text == anchor.text]
        if not near:
            return None
        return detail, min(near, key=lambda q: abs(q.start - span[0]))

    # -- reading the state --------------------------------------------------------------------

    def canonical(self, actor_id: str) -> str:
        seen = 0
        while actor_id in self.redirect:
            actor_id = self.redirect[actor_id]
            seen += 1
            if seen > len(self.redirect):  # cannot happen: merges are refused into themselves
                raise CorrectionError("corrections form a merge cycle")
        return actor_id

    def raw_owner(self, detail: ArticleAnalysis, mention: Mention) -> str | None:
        article_id = detail.article.id
        owner = self.mention_owner.get((article_id, mention.start, mention.end))
        if owner is None:
            owner = self.cluster_owner.get((article_id, mention.key))
        if owner is None:
            owner = detail.actor_of.get(mention.key)
        return owner

    def owner(self, detail: ArticleAnalysis, mention: Mention) -> str | None:
        raw = self.raw_owner(detail, mention)
        return None if raw is None else self.canonical(raw)

    def quote_actor(self, quote: Quote) -> str | None:
        """The actor a quote is attributed to now."""
        if quote.id in self.quote_speaker:
            raw = self.quote_speaker[quote.id][0]
            return None if raw is None else self.canonical(raw)
        added = self.added.get(quote.article)
        if added is not None and quote.id in added:
            raw = added[quote.id]
            return None if raw is None else self.canonical(raw)
        if quote.article in self.moved_articles:
            if quote.speaker_start is not None and quote.speaker_end is not None:
                owner = self.mention_owner.get(
                    (quote.article, quote.speaker_start, quote.speaker_end)
                )
                if owner is not None:
                    return self.canonical(owner)
            if quote.speaker_key:
                owner = self.cluster_owner.get((quote.article, quote.speaker_key))
                if owner is not None:
                    return self.canonical(owner)
        return None if quote.actor is None else self.canonical(quote.actor)

    def patched(self, quote: Quote) -> Quote:
        """A quote as the corrections have it (kind, speaker, actor)."""
        changes: dict[str, object] = {}
        kind = self.quote_kind.get(quote.id)
        if kind is not None and kind != quote.kind:
            changes["kind"] = kind
        actor = self.quote_actor(quote)
        if actor != quote.actor:
            changes["actor"] = actor
        if quote.id in self.quote_speaker:
            raw, words = self.quote_speaker[quote.id]
            changes["speaker"] = words or (self.name(actor) if actor else None)
            changes["speaker_start"] = changes["speaker_end"] = changes["speaker_key"] = None
        return replace(quote, **changes) if changes else quote  # type: ignore[arg-type]

    def name(self, actor_id: str) -> str:
        if actor_id in self.names:
            return self.names[actor_id]
        if actor_id in self.created:
            return self.created[actor_id].name
        summary = self.summaries().get(actor_id)
        return summary.name if summary else actor_id

    def type_of(self, actor_id: str) -> ActorType:
        if actor_id in self.types:
            return self.types[actor_id]
        if actor_id in self.created:
            return self.created[actor_id].type
        summary = self.summaries().get(actor_id)
        return summary.type if summary else "other"

    # -- applying -----------------------------------------------------------------------------

    def apply(self, record: Correction) -> None:
        """Apply one correction, or raise `CorrectionError` (conflict or detached) having
        changed nothing: every check comes before the first write."""
        if record.subject == "actor":
            self._apply_actor(record)
        else:
            self._apply_quote(record)
        self.applied.append(record)

    def _actor(self, anchor: Anchor, role: str) -> tuple[ArticleAnalysis, Mention, str]:
        found = self.mention_at(anchor)
        if found is None:
            raise CorrectionError(
                f"the {role} mention “{anchor.text}” is no longer in article {anchor.article}"
            )
        detail, mention = found
        owner = self.owner(detail, mention)
        if owner is None:
            raise CorrectionError(f"“{anchor.text}” in {anchor.article} belongs to no actor")
        return detail, mention, owner

    def _apply_actor(self, record: Correction) -> None:
        detail, mention, actor = self._actor(record.target, "actor's")
        verb, value = record.verb, record.value
        self.signatures[record.id] = (verb, actor)
        name = self.name(actor)
        if verb == "actor.rename":
            new = (value or "").strip()
            if not new:
                raise CorrectionError("a new name cannot be empty")
            if new == name:
                raise CorrectionError(f"{name} is already called that")
            self.names[actor] = new
        elif verb == "actor.type":
            if value not in ACTOR_TYPES:
                raise CorrectionError(f"unknown type {value!r} (choose {', '.join(ACTOR_TYPES)})")
            if self.type_of(actor) == value:
                raise CorrectionError(f"{name} is already typed {value}")
            self.types[actor] = value
        elif verb == "actor.hide":
            if actor in self.hidden:
                raise CorrectionError(f"{name} is already hidden")
            self.hidden.add(actor)
            self._view(actor)
        elif verb == "actor.unhide":
            if actor not in self.hidden:
                raise CorrectionError(f"{name} is not hidden")
            self.hidden.discard(actor)
            self._view(actor)
        elif verb == "actor.merge":
            if record.other is None:
                raise CorrectionError("a merge needs the actor to merge into")
            _d, _m, into = self._actor(record.other, "target actor's")
            self.signatures[record.id] = (verb, actor, into)
            if into == actor:
                raise CorrectionError(
                    f"“{record.target.text}” and “{record.other.text}” are already one actor, "
                    f"{name}: merging them again, or back, would make a cycle"
                )
            self._view(actor)
            self.redirect[actor] = into
            self.touched.update((actor, into))
            self.origin[into] = record
        elif verb == "actor.split":
            self._apply_split(record, detail, mention, actor)
            return
        else:  # pragma: no cover - VERBS is closed
            raise CorrectionError(f"unknown correction {verb}")
        self.touched.add(actor)
        self.origin[actor] = record

    def _apply_split(
        self, record: Correction, detail: ArticleAnalysis, mention: Mention, actor: str
    ) -> None:
        article_id = detail.article.id
        if record.other is not None:
            _d, _m, into = self._actor(record.other, "target actor's")
        else:
            into = split_actor_id(record.target)
        self.signatures[record.id] = (record.verb, actor, into if record.other else None)
        if into == actor:
            raise CorrectionError(f"“{mention.text}” already belongs to {self.name(actor)}")
        if record.other is None and into in self.created:
            raise CorrectionError(f"“{mention.text}” was already split off")
        if record.value == "mention":
            moves = [mention]
        else:
            moves = [m for m in detail.mentions if self.owner(detail, m) == actor]
        if record.other is None:
            name = mention.key if record.value != "mention" else mention.text
            self.created[into] = NewActor(into, name, self.type_of(actor))
        if record.value == "mention":
            self.mention_owner[(article_id, mention.start, mention.end)] = into
        else:
            for key in {m.key for m in moves}:
                raw = self.cluster_owner.get((article_id, key)) or detail.actor_of.get(key)
                if raw is not None and self.canonical(raw) == actor:
                    self.cluster_owner[(article_id, key)] = into
            for m in moves:
                place = (article_id, m.start, m.end)
                if place in self.mention_owner:
                    self.mention_owner[place] = into
        self.moved_articles.add(article_id)
        self.view_articles.add(article_id)
        self.touched.update((actor, into))
        self.origin[actor] = self.origin[into] = record

    def _apply_quote(self, record: Correction) -> None:
        verb = record.verb
        if verb == "quote.add":
            self._apply_add(record)
            return
        found = self.quote_at(record.target)
        if found is None:
            raise CorrectionError(
                f"the quote “{record.target.text[:40]}” is no longer in article "
                f"{record.target.article}"
            )
        _detail, quote = found
        current = self.patched(quote)
        self.signatures[record.id] = (verb, quote.id)
        if verb == "quote.speaker":
            into = None
            if record.other is not None:
                _d, _m, into = self._actor(record.other, "speaker's")
            elif not (record.speaker or "").strip():
                raise CorrectionError("a speaker needs an actor or a name (--text)")
            self.signatures[record.id] = (verb, quote.id, into)
            if into is not None and into == current.actor:
                raise CorrectionError(f"{self.name(into)} is already the speaker of that quote")
            if into is None and record.speaker == current.speaker and current.actor is None:
                raise CorrectionError(f"{record.speaker} is already the speaker of that quote")
            if current.actor:
                self.touched.add(current.actor)
            if into:
                self.touched.add(into)
            self.quote_speaker[quote.id] = (into, (record.speaker or "").strip() or None)
        elif verb == "quote.kind":
            if record.value not in QUOTE_KINDS:
                raise CorrectionError(
                    f"unknown kind {record.value!r} (choose {', '.join(QUOTE_KINDS)})"
                )
            if current.kind == record.value:
                raise CorrectionError(f"that quote is already {record.value}")
            self.quote_kind[quote.id] = record.value
        elif verb == "quote.hide":
            if quote.id in self.quote_hidden:
                raise CorrectionError("that quote is already hidden")
            self.quote_hidden.add(quote.id)
            if current.actor:
                self.touched.add(current.actor)
        elif verb == "quote.restore":
            if quote.id not in self.quote_hidden:
                raise CorrectionError("that quote is not hidden")
            self.quote_hidden.discard(quote.id)
            if current.actor:
                self.touched.add(current.actor)
        self.quotes.setdefault(quote.id, quote)
        self.view_articles.add(quote.article)
        self.origin[quote.id] = record

    def _apply_add(self, record: Correction) -> None:
        found = self.find(record.target)
        if found is None:
            raise CorrectionError(
                f"“{record.target.text[:40]}” is no longer in article {record.target.article}"
            )
        detail, (start, end) = found
        kind = record.value or "direct"
        if kind not in QUOTE_KINDS:
            raise CorrectionError(f"unknown kind {kind!r} (choose {', '.join(QUOTE_KINDS)})")
        article = detail.article
        if start >= end or not article.text[start:end].strip():
            raise CorrectionError("a quote needs some text")
        new_id = quote_id(article.content_hash, start, end)
        taken = [q for q in detail.quotes if (q.start, q.end) == (start, end)]
        if new_id in self.added.get(article.id, {}) or (
            taken and taken[0].id not in self.quote_hidden
        ):
            raise CorrectionError("that span is already a quote")
        into = None
        if record.other is not None:
            _d, _m, into = self._actor(record.other, "speaker's")
        elif not (record.speaker or "").strip():
            raise CorrectionError("a quote needs a speaker: an actor or a name")
        self.signatures[record.id] = (record.verb, new_id, into)
        quote = Quote(
            id=new_id,
            article=article.id,
            text=article.text[start:end],
            start=start,
            end=end,
            kind=kind,
            cue=None,
            cue_start=None,
            cue_end=None,
            speaker=(record.speaker or "").strip() or (self.name(into) if into else None),
        )
        self.quotes[new_id] = quote
        self.added.setdefault(article.id, {})[new_id] = into
        if into:
            self.touched.add(into)
        self.view_articles.add(article.id)
        self.origin[new_id] = record

    def _view(self, actor: str) -> None:
        """Mark the articles showing `actor` as changed (their actor counts may move)."""
        summary = self.summaries().get(actor)
        if summary is not None and summary.mention_count:
            try:
                self.view_articles.update(self.base.actor(actor).articles)
            except KeyError:
                pass


def _file_name(path: str) -> str:
    """The file's name (a dump row's path is its dump's): what a copied or moved file keeps."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def split_actor_id(anchor: Anchor) -> str:
    """The id of an actor a split makes: from the split mention's content, so it is the same
    after re-indexing and on every machine that imports the correction."""
    digest = hashlib.sha1(
        f"{anchor.content_hash}:{anchor.start}:{anchor.end}:{anchor.text}".encode()
    ).hexdigest()[:6]
    return f"{slug_name(anchor.text) or 'actor'}-{digest}"


def build_cast(
    base: Library, corrections: Sequence[Correction], *, cache: Cast | None = None
) -> Cast:
    """Apply every active correction in order; those that no longer apply are kept in
    `failed` with the reason (detached: their text is gone; or in conflict)."""
    cast = Cast(base)
    if cache is not None and cache.base is base:
        cast._details, cast._summaries = cache._details, cache._summaries
        cast._hashes, cast._order = cache._hashes, cache._order
        cast._articles, cast._counts = cache._articles, cache._counts
    for record in corrections:
        if record.undone:
            continue
        try:
            cast.apply(record)
        except CorrectionError as err:
            cast.failed[record.id] = str(err)
    return cast
