"""The left pane: one row per article, sortable; an OptionList so 10,000 rows stay cheap."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.style import Style
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdesk.core.library import ArticleSummary

from .. import messages
from ..bindings import ARTICLE_LIST_BINDINGS

SORTS: tuple[str, ...] = ("date", "title", "source")


def sort_articles(rows: Sequence[ArticleSummary], key: str) -> list[ArticleSummary]:
    """Newest first for dates (undated last); titles and sources alphabetically."""
    if key == "title":
        return sorted(rows, key=lambda a: a.title.casefold())
    if key == "source":
        return sorted(rows, key=lambda a: ((a.source or "\uffff").casefold(), a.title.casefold()))
    dated = sorted((a for a in rows if a.date), key=lambda a: a.date or "", reverse=True)
    return dated + [a for a in rows if not a.date]


class ArticleList(OptionList):
    """Articles with source, date and counts; Enter opens one."""

    BINDINGS = ARTICLE_LIST_BINDINGS
    BINDING_GROUP_TITLE = "Articles"
    HELP = "Every article of the corpus. Enter opens one; `o` changes the order."

    COMPONENT_CLASSES = {"article-list--title", "article-list--meta", "article-list--opened"}

    sort_key: reactive[str] = reactive("date", init=False)
    """How rows are ordered: one of `SORTS`."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.summaries: list[ArticleSummary] = []
        self.opened: str | None = None
        """Id of the article shown in the text pane."""
        self.counts: dict[str, Mapping[str, int]] = {}
        """Extra per-article counts shown on each row (e.g. marks), by name."""

    def set_articles(self, rows: Sequence[ArticleSummary]) -> None:
        self.summaries = list(rows)
        self._rebuild()

    def set_counts(self, name: str, counts: Mapping[str, int]) -> None:
        """Show `counts[article_id]` as `name N` on each row (marks use this)."""
        self.counts[name] = counts
        self._rebuild()

    def _prompt(self, row: ArticleSummary, title: Style, meta: Style) -> Text:
        parts = [x for x in (row.source, row.date) if x]
        parts.append(f"{row.actor_count} actors · {row.quote_count} quotes")
        for name, counts in self.counts.items():
            if counts.get(row.id):
                parts.append(f"{counts[row.id]} {name}")
        text = Text(row.title or row.id, style=title)
        text.append("\n")
        text.append(" · ".join(parts), style=meta)
        return text

    def _rebuild(self) -> None:
        keep = self.highlighted_id
        title = self.get_component_rich_style("article-list--title", partial=True)
        meta = self.get_component_rich_style("article-list--meta", partial=True)
        rows = sort_articles(self.summaries, self.sort_key)
        options: list[Option | None] = []
        for r in rows:
            if options:
                options.append(None)
            options.append(Option(self._prompt(r, title, meta), id=r.id))
        self.set_options(options)
        if keep is not None:
            self.highlight_article(keep)
        elif rows:
            self.highlighted = 0

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    @property
    def order(self) -> list[str]:
        """Article ids in display order."""
        return [o.id for o in self.options if o.id is not None]

    def highlight_article(self, article_id: str) -> None:
        try:
            self.highlighted = self.get_option_index(article_id)
        except Exception:  # noqa: BLE001 - an article not in the list is simply not shown
            return

    def watch_sort_key(self) -> None:
        self._rebuild()
        self.border_subtitle = f"by {self.sort_key}"

    def action_cycle_sort(self) -> None:
        self.sort_key = SORTS[(SORTS.index(self.sort_key) + 1) % len(SORTS)]
        self.notify(f"Articles sorted by {self.sort_key}", timeout=2)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(messages.ArticleChosen(event.option.id))
