"""The records newsdesk passes around: frozen, typed, free of spaCy and Textual."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

#: Offsets are always character offsets into `Article.text`, end exclusive.
Offsets = tuple[int, int]

ActorType = Literal["person", "organization", "place", "group", "other"]
QuoteKind = Literal["direct", "mixed", "indirect", "stance"]

QUOTE_KINDS: tuple[QuoteKind, ...] = ("direct", "mixed", "indirect", "stance")
ACTOR_TYPES: tuple[ActorType, ...] = ("person", "organization", "place", "group", "other")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: metadata plus its cleaned body text."""

    id: str
    """Stable id derived from the file name (unique within a corpus)."""
    path: str
    title: str
    date: str | None
    """ISO `YYYY-MM-DD`, or None when the article gives none."""
    source: str | None
    """The publication, e.g. "Voice of America"."""
    url: str | None
    text: str
    """Body text only: paragraphs joined by a blank line; trailers and metadata removed."""
    paragraphs: tuple[Offsets, ...]
    content_hash: str
    """Hash of the raw file bytes (of the row, for a dump); changes when the article changes."""
    author: str | None = None
    """The byline, from the page's or row's metadata."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention in one article."""

    article: str
    start: int
    end: int
    text: str
    label: str
    """The NER label (PERSON, ORG, GPE, NORP, LOC, ...); newsdesk's own corrections add EVENT
    for storms and named events, LAW for laws and founding texts, and MISC for religions,
    doctrines, programmes and named things (all of type `other`)."""
    key: str
    """Canonical name of the mention's in-article cluster ("Guo" -> "Guo Shengkun")."""
    role: str | None = None
    """Role given next to this mention ("Chinese Public Security Minister"), if any."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote, reported statement or stance, attributed to a speaker."""

    id: str
    article: str
    text: str
    """The content: what was said (inside the marks for direct quotes)."""
    start: int
    end: int
    kind: QuoteKind
    cue: str | None
    """The cue as written ("said", "urged", "according to")."""
    cue_start: int | None
    cue_end: int | None
    speaker: str | None
    """The speaker as written or resolved ("Guo Shengkun", "Russian Internet experts")."""
    speaker_start: int | None = None
    speaker_end: int | None = None
    """Where the speaker is written in the text (for pronouns, the pronoun)."""
    speaker_key: str | None = None
    """The in-article cluster key of the speaker's mention, or None for group speakers."""
    actor: str | None = None
    """Global actor id, set when actors are merged across articles."""
    via: str | None = None
    """A second-hand source ("a Financial Times newspaper reporter", "the report")."""
    confidence: float = 1.0
    """How sure the attribution is, 0..1: a name at the cue > a pronoun > a continuation
    (`core.confidence`)."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of article text to highlight: offsets and the kind that names its style.

    Core kinds are an actor type (`person`, `organization`, ...), `quote` and `cue`; front
    ends add their own (`cursor`, `search`, `mark`) for what they draw over them.
    """

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """One article with everything found in it: what the pipeline makes and the store caches,
    and, read back through a `Library`, what a front end draws (`actor_of`, `spans`, counts)."""

    article: Article
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...]
    """With `actor` set where the speaker is a known actor (once read through a `Library`)."""
    sentences: tuple[Offsets, ...]
    actor_of: Mapping[str, str] = field(default_factory=dict)
    """In-article cluster key -> actor id, for every mention (empty before actors are merged)."""
    spans: tuple[Span, ...] = ()
    """Quotes, entities by their actor's type and cues, in that drawing order (finished by a
    `Library`, so no front end keeps a label table)."""
    actor_counts: Mapping[str, int] = field(default_factory=dict)
    """Actor id -> mentions in this article, most mentioned first."""
    quote_counts: Mapping[str, int] = field(default_factory=dict)
    """Actor id -> positions (quotes and stances) of the actor in this article."""

    def actor_at(self, mention: Mention) -> str | None:
        return self.actor_of.get(mention.key)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article-list row: everything but the text."""

    id: str
    path: str
    title: str
    date: str | None
    source: str | None
    url: str | None
    actor_count: int
    quote_count: int
    author: str | None = None


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """A sidebar row: an actor without its mentions."""

    id: str
    name: str
    type: ActorType
    role: str | None
    aliases: tuple[str, ...]
    mention_count: int
    article_count: int
    quote_count: int


@dataclass(frozen=True, slots=True)
class Actor:
    """Mentions of one real-world entity, merged within and across articles."""

    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...]
    role: str | None
    mentions: tuple[Mention, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles that mention this actor, in first-mention order."""
        return tuple(dict.fromkeys(m.article for m in self.mentions))


@dataclass(frozen=True, slots=True)
class ActorOutline:
    """An actor's record as the store counts it, without one `Mention` or `Quote` built: an
    actor with thousands of positions opens at once, and rows are read a page at a time."""

    id: str
    name: str
    type: ActorType
    aliases: tuple[str, ...]
    roles: tuple[tuple[str, str], ...]
    """(role, article) as given next to a mention, in article order."""
    articles: tuple[str, ...]
    """Ids of the articles that mention the actor, in corpus order."""
    dates: Mapping[str, str | None]
    """Article id -> date, for every article named here."""
    mentions: Mapping[str, int]
    """Article id -> mentions of the actor there."""
    positions: Sequence[tuple[str, int]]
    """(article, seq) of each position: by date (undated last), corpus order, then start."""
    said: Mapping[str, int] | None = None
    """Article id -> positions there, when the store counted them (then `positions` may be
    read lazily: counting them from it would read every key)."""


@dataclass(frozen=True, slots=True)
class Corpus:
    """A whole indexed corpus, materialised in memory (JSON export, tests, small folders)."""

    articles: tuple[Article, ...]
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    sentences: dict[str, tuple[Offsets, ...]] = field(default_factory=dict)
    skipped: tuple[SkippedFile, ...] = ()

    def positions(self, actor_id: str) -> tuple[Quote, ...]:
        """An actor's positions: its quotes and stances, in article order."""
        return tuple(q for q in self.quotes if q.actor == actor_id)


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file that was not indexed, and why (in words a user can act on)."""

    path: str
    reason: str
    row: int | None = None
    """The dump row (1-based) skipped, or None when the whole file was."""
    summary: bool = False
    """A line closing a dump's skipped rows ("3 of 40 rows skipped"): said, not counted."""
