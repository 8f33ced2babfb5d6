"""Command palette providers: "Go to actor" and "Go to article" (actions come from bindings).

Both search with the search index's matcher once it is open (typos and transliterations, like
`/`), and with Textual's fuzzy matcher until then; `discover` reads summaries only (cheap).
Names from articles are data: hits are built as `Content` with match spans, never markup
(Textual's `Matcher.highlight` parses its candidate as markup, so it is not used here).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

if TYPE_CHECKING:
    from newsdesk.core.search import SearchIndex

    from .screens.main import MainScreen

#: Hits shown per provider (the palette sorts by score; more would only cost time).
MAX_HITS = 40


def highlight(matcher: Matcher, candidate: str) -> Content:
    """`candidate` as plain Content with the matched characters styled."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def plain_help(text: str) -> Content | None:  # the palette parses a `str` help as markup
    """Help under a hit as Content: a source named `[/x]` in an article would crash the palette."""
    return Content(text) if text else None


def _main(provider: Provider) -> MainScreen | None:
    from .screens.main import MainScreen

    for screen in reversed(provider.app.screen_stack):
        if isinstance(screen, MainScreen):
            return screen
    return None


def _index(provider: Provider) -> SearchIndex | None:
    """The search index, once the app's search controller has opened it."""
    controller = getattr(provider.app, "search", None)
    return getattr(controller, "index", None)


def _index_query(provider: Provider, query: str, command: str) -> tuple[SearchIndex, str] | None:
    """The index and the query without the command's own words ("go to actor lopez" -> "lopez").

    None (use Textual's matcher) before the index is open or while only the command is typed.
    """
    index = _index(provider)
    if index is None:
        return None
    words = query.split()
    head = command.split()
    n = 0
    while n < len(words) and n < len(head) and words[n].casefold().rstrip(":") == head[n]:
        n += 1
    if n < len(head) and (n == len(words) or (
            n == len(words) - 1 and head[n].startswith(words[n].casefold()))):
        return None  # still typing the command itself
    return index, " ".join(words[n:]) if n == len(head) else query


def _index_content(prefix: str, context: str, spans: tuple[tuple[int, int], ...],
                   matcher: Matcher) -> Content:
    """`prefix` + a search hit's context line, its matched characters styled (no markup)."""
    content = Content(prefix + context)
    for start, end in spans:
        content = content.stylize(matcher.match_style, len(prefix) + start, len(prefix) + end)
    return content


class ActorCommands(Provider):
    """Go to actor: choose it (highlight its mentions, jump to the first)."""

    async def search(self, query: str) -> Hits:
        main = _main(self)
        if main is None or main.library is None:
            return
        found = _index_query(self, query, "go to actor")
        if found is not None:
            index, words = found
            matcher = self.matcher(query)
            result = index.search(words, kinds=("actor",), limit=MAX_HITS, suggest=False)
            for hit in result.hits:
                actor = main.actor_summaries.get(hit.actor or "")
                if actor is None:
                    continue
                candidate = f"Go to actor: {hit.context}"
                about = f"{actor.type} · {actor.mention_count} mentions"
                yield Hit(hit.score / 100, _index_content("Go to actor: ", hit.context,
                                                          hit.context_matches, matcher),
                          partial(main.choose_actor, actor.id), text=candidate, help=about)
            return
        matcher = self.matcher(query)
        hits: list[tuple[float, str, str, str]] = []
        for actor in main.actor_summaries.values():
            candidate = f"Go to actor: {actor.name}"
            score = matcher.match(candidate)
            if score > 0:
                about = f"{actor.type} · {actor.mention_count} mentions"
                hits.append((score, candidate, actor.id, about))
        hits.sort(key=lambda h: -h[0])
        for score, candidate, actor_id, help_text in hits[:MAX_HITS]:
            yield Hit(score, highlight(matcher, candidate), partial(main.choose_actor, actor_id),
                      text=candidate, help=help_text)

    async def discover(self) -> Hits:
        main = _main(self)
        if main is None or main.library is None:
            return
        top = sorted(main.actor_summaries.values(), key=lambda a: -a.mention_count)[:10]
        for actor in top:
            candidate = f"Go to actor: {actor.name}"
            about = f"{actor.type} · {actor.mention_count} mentions"
            yield DiscoveryHit(Content(candidate), partial(main.choose_actor, actor.id),
                               text=candidate, help=about)


class ArticleCommands(Provider):
    """Go to article: open it."""

    async def search(self, query: str) -> Hits:
        main = _main(self)
        if main is None or main.library is None:
            return
        found = _index_query(self, query, "go to article")
        if found is not None:
            index, words = found
            matcher = self.matcher(query)
            result = index.search(words, kinds=("article",), limit=MAX_HITS, suggest=False)
            for hit in result.hits:
                row = main.summaries.get(hit.article)
                if row is None:
                    continue
                candidate = f"Go to article: {hit.context}"
                meta = " · ".join(x for x in (row.source, row.date) if x)
                # A shade below an actor of the same score: a name-like query wants the actor.
                yield Hit(hit.score / 101, _index_content("Go to article: ", hit.context,
                                                          hit.context_matches, matcher),
                          partial(main.open_article, row.id), text=candidate, help=plain_help(meta))
            return
        matcher = self.matcher(query)
        hits: list[tuple[float, str, str, str]] = []
        for row in main.summaries.values():
            candidate = f"Go to article: {row.title}"
            score = matcher.match(candidate)
            if score > 0:
                meta = " · ".join(x for x in (row.source, row.date) if x)
                hits.append((score, candidate, row.id, meta))
        hits.sort(key=lambda h: -h[0])
        for score, candidate, article_id, meta in hits[:MAX_HITS]:
            yield Hit(score, highlight(matcher, candidate),
                      partial(main.open_article, article_id), text=candidate, help=plain_help(meta))
