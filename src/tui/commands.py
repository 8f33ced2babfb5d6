"""Command palette providers: "Go to actor" and "Go to article" (actions come from bindings).

Both search with the search index's matcher once it is open (typos and transliterations, like
`/`), and with Textual's fuzzy matcher until then; `discover` reads summaries only (cheap).
Names from articles are data: hits are built as `Content` with match spans, never markup
(Textual's `Matcher.highlight` parses its candidate as markup, so it is not used here).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.widgets import Button, Input

from .screens.closing import ClosesItself
from .wording import counted

if TYPE_CHECKING:
    from newsdesk.core.models import ActorSummary, ArticleSummary
    from newsdesk.core.search.query import Hit as SearchHit
    from newsdesk.core.search.query import SearchIndex

    from .screens.main import MainScreen

#: Hits shown per provider (the palette sorts by score; more would only cost time).
MAX_HITS = 40


class Palette(ClosesItself, CommandPalette):
    """Textual's command palette, with four races closed that keys sent in one go (tmux, key
    repeat) hit: a second Enter closing it twice (`ClosesItself`) or running the chosen command
    once more (`_select_or_command`), PageUp / PageDown while its list is being filled
    (Textual's OptionList looks the highlight up in a line map not built yet: KeyError), and a
    search still running once it is closed (below)."""

    _command_sent = False
    """The chosen command has been handed to the app: the palette is closing."""

    @on(Input.Submitted)
    @on(Button.Pressed)
    def _select_or_command(
        self, event: Input.Submitted | Button.Pressed | None = None
    ) -> None:
        """As Textual's, but a command runs once: a second Enter queued before the palette
        closed found the command still chosen and ran it again."""
        if event is not None:
            event.prevent_default()  # handled here: Textual's own handler would run it again
        if self._command_sent:
            if event is not None:
                event.stop()
            return
        self._command_sent = not self._list_visible and self._selected_command is not None
        super()._select_or_command(event)

    def _action_command_list(self, action: str) -> None:
        if not action.startswith("page_"):
            super()._action_command_list(action)
            return
        try:
            super()._action_command_list(action)
        except KeyError:  # the line map is not built (yet) for the highlighted option
            pass  # the highlight stays: the next key pages once the list is laid out

    # Closed while its search worker still ran, Textual's palette went on to update its list
    # and spinner, already removed: NoMatches from the worker ended the app.

    def _gone(self) -> bool:
        return not self.is_attached or not self.query(CommandList)

    def _refresh_command_list(self, *args: Any, **kwargs: Any) -> None:
        if not self._gone():
            super()._refresh_command_list(*args, **kwargs)

    def _watch__list_visible(self) -> None:
        if not self._gone():
            super()._watch__list_visible()

    async def _watch__show_busy(self) -> None:
        if not self._gone():
            await super()._watch__show_busy()


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


def perfect_score(matcher: Matcher) -> float:
    """What Textual's matcher gives a candidate equal to the query: the top of its scale.

    The palette sorts every provider's hits by one score, and Textual's matcher scores a
    command without bound (letters matched, word starts, runs), while the search index scores
    0-100. Index hits are put on the matcher's scale, so an actor named exactly as typed ranks
    with a command named exactly so, above a command whose help holds the letters here and there.
    """
    query = matcher.query if matcher.case_sensitive else matcher.query.casefold()
    return matcher.fuzzy_search.match(query, query)[0] if query else 1.0


def plain_help(text: str) -> str | None:  # the palette parses a `str` help as markup
    """Help under a hit as Content: a source named `[/x]` in an article would crash the palette.

    Textual annotates `Hit.help` as `str`, yet passes it to `Content.from_markup`, which takes
    a `Content` too and returns it unparsed: the one way to show help text as it is.
    """
    return Content(text) if text else None  # type: ignore[return-value]


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


class _GoTo(Provider):
    """One "Go to ..." command over one kind of record; subclasses say which and what to do."""

    command = ""
    """The command as shown ("Go to actor")."""
    kind = ""
    """The search-index kind of its hits ("actor")."""
    rank = 100.0
    """Divides the index's 0-100 score (a larger rank sorts a kind lower at equal scores); the
    quotient is then put on the palette's scale (`perfect_score`)."""

    def rows(self, main: MainScreen) -> Iterable[Any]:
        raise NotImplementedError

    def row_for(self, main: MainScreen, hit: SearchHit) -> Any | None:
        raise NotImplementedError

    def name(self, row: Any) -> str:
        raise NotImplementedError

    def about(self, row: Any) -> str | None:
        raise NotImplementedError

    def choose(self, main: MainScreen, row: Any) -> Callable[[], object]:
        raise NotImplementedError

    async def search(self, query: str) -> Hits:
        main = _main(self)
        if main is None or main.library is None:
            return
        prefix = f"{self.command}: "
        matcher = self.matcher(query)
        found = _index_query(self, query, self.command.casefold())
        if found is not None:
            index, words = found
            best = perfect_score(matcher)
            result = index.search(words, kinds=(self.kind,), limit=MAX_HITS, suggest=False)
            for hit in result.hits:
                row = self.row_for(main, hit)
                if row is None:
                    continue
                yield Hit(hit.score / self.rank * best,
                          _index_content(prefix, hit.context, hit.context_matches, matcher),
                          self.choose(main, row), text=prefix + hit.context, help=self.about(row))
            return
        hits: list[tuple[float, str, Any]] = []
        for row in self.rows(main):
            candidate = prefix + self.name(row)
            score = matcher.match(candidate)
            if score > 0:
                hits.append((score, candidate, row))
        hits.sort(key=lambda h: -h[0])
        for score, candidate, row in hits[:MAX_HITS]:
            yield Hit(score, highlight(matcher, candidate), self.choose(main, row),
                      text=candidate, help=self.about(row))


class ActorCommands(_GoTo):
    """Go to actor: choose it (highlight its mentions, jump to the first)."""

    command = "Go to actor"
    kind = "actor"

    def rows(self, main: MainScreen) -> Iterable[ActorSummary]:
        return main.actor_summaries.values()

    def row_for(self, main: MainScreen, hit: SearchHit) -> ActorSummary | None:
        return main.actor_summaries.get(hit.actor or "")

    def name(self, row: ActorSummary) -> str:
        return row.name

    def about(self, row: ActorSummary) -> str | None:
        return plain_help(f"{row.type} · {counted(row.mention_count, 'mention')}")

    def choose(self, main: MainScreen, row: ActorSummary) -> Callable[[], object]:
        return partial(main.choose_actor, row.id)

    async def discover(self) -> Hits:
        main = _main(self)
        if main is None or main.library is None:
            return
        top = sorted(main.actor_summaries.values(), key=lambda a: -a.mention_count)[:10]
        for actor in top:
            candidate = f"{self.command}: {actor.name}"
            yield DiscoveryHit(Content(candidate), self.choose(main, actor),
                               text=candidate, help=self.about(actor))


class ArticleCommands(_GoTo):
    """Go to article: open it."""

    command = "Go to article"
    kind = "article"
    rank = 101.0  # a shade below an actor of the same score: a name-like query wants the actor

    def rows(self, main: MainScreen) -> Iterable[ArticleSummary]:
        return main.summaries.values()

    def row_for(self, main: MainScreen, hit: SearchHit) -> ArticleSummary | None:
        return main.summaries.get(hit.article)

    def name(self, row: ArticleSummary) -> str:
        return row.title

    def about(self, row: ArticleSummary) -> str | None:
        return plain_help(" · ".join(x for x in (row.source, row.date) if x))

    def choose(self, main: MainScreen, row: ArticleSummary) -> Callable[[], object]:
        return partial(main.open_article, row.id)
