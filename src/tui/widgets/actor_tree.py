"""The right pane: actors grouped by type; an actor expands to role, aliases and positions."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from newsdesk.core.models import ActorSummary, Quote

from .. import messages
from ..bindings import ACTOR_TREE_BINDINGS, CORRECTION_BINDINGS
from ..wording import counted, one_line
from .styles import PassStyle, component_style

GROUP_TITLES: dict[str, str] = {
    "person": "People",
    "organization": "Organisations",
    "place": "Places",
    "group": "Groups",
    "other": "Other",
}
#: Actors listed per group in corpus scope before a "… more" row (keeps 100k actors cheap).
GROUP_LIMIT = 300
POSITION_LIMIT = 100
"""Positions listed under an actor before a "… more" row that opens the actor's record (a row
each for thousands of positions took a tenth of a second to build, on every reveal)."""

Scope = Literal["article", "corpus"]


@dataclass(frozen=True, slots=True)
class Item:
    """What a tree row stands for."""

    kind: Literal["group", "actor", "info", "position", "more"]
    actor_id: str | None = None
    quote: Quote | None = None
    wordings: tuple[str, ...] = ()
    """For a row that says the same thing longer or shorter (longest first): the longest that
    fits the pane is drawn, so the row never widens the pane nor is cropped mid-word."""


def corpus_wordings(mentions: int, articles: int) -> tuple[str, ...]:
    """An actor's corpus-wide counts, named as such: the row above counts in the pane's own
    scope ("China  3" in this article), this line in the whole corpus, so the two never read
    as one count."""
    m, a = counted(mentions, "mention"), counted(articles, "article")
    return (f"in the corpus: {m} in {a}", f"corpus: {m} in {a}",
            f"corpus: {mentions} in {a}", f"corpus: {mentions} in {articles} art.")




class ActorTree(PassStyle, Tree[Item]):
    """Actors of this article or of the whole corpus; Enter chooses an actor or position."""

    BINDINGS: ClassVar[list[BindingType]] = [*ACTOR_TREE_BINDINGS, *CORRECTION_BINDINGS]
    BINDING_GROUP_TITLE = "Actors & positions"
    HELP = "Actors by type. Enter on an actor highlights its mentions; on a position, opens it."

    COMPONENT_CLASSES = Tree.COMPONENT_CLASSES | {
        "actor-tree--count",
        "actor-tree--info",
        "actor-tree--position",
    }

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(Text("Actors"), id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self.scope: Scope = "article"
        self.counts: Mapping[str, int] = {}
        """Mention counts shown next to each actor, in the tree's scope only."""
        self.quote_counts: Mapping[str, int] = {}
        """Quote counts (❝) shown next to each actor, in the same scope as `counts`."""
        self.actor_nodes: dict[str, TreeNode[Item]] = {}
        self._summaries: dict[str, ActorSummary] = {}
        self._auto_expanded: TreeNode[Item] | None = None
        """An actor opened only to show the position under the text cursor (closed again)."""
        self.positions_of: Callable[[str], Sequence[Quote]] = lambda _id: ()
        self.title_of: Callable[[str], str] = lambda article_id: article_id
        self.corrected: Callable[[str], bool] = lambda _id: False
        """Whether the reader corrected this actor or quote (it gets a small mark)."""

    def set_actors(
        self,
        actors: Sequence[ActorSummary],
        counts: Mapping[str, int],
        scope: Scope,
        quote_counts: Mapping[str, int],
    ) -> None:
        """Replace the rows: `actors` in display order, with their mentions (`counts`) and
        quotes (`quote_counts`), both counted in `scope`: one scope per view, never mixed."""
        self.scope = scope
        self.counts = counts
        self.quote_counts = quote_counts
        self.clear()
        self.actor_nodes = {}
        self._auto_expanded = None
        by_type: dict[str, list[ActorSummary]] = {}
        for actor in actors:
            by_type.setdefault(actor.type, []).append(actor)
        count_style = component_style(self, "actor-tree--count")
        for kind, title in GROUP_TITLES.items():
            group = by_type.get(kind)
            if not group:
                continue
            label = Text(title)
            label.append(f"  {len(group)}", style=count_style)
            node = self.root.add(label, Item("group"), expand=kind in ("person", "organization"))
            for actor in group[:GROUP_LIMIT]:
                self._add_actor(node, actor)
            if len(group) > GROUP_LIMIT:
                node.add_leaf(Text(f"… {len(group) - GROUP_LIMIT} more (Ctrl+P: go to actor)"),
                              Item("more"))

    def show_hint(self, hint: str) -> None:
        """One dim row in place of the actors, saying why there are none (an article without
        actors, an index still running): a blank pane reads as broken."""
        self.clear()
        self.actor_nodes = {}
        self._auto_expanded = None
        self.root.add_leaf(Text(hint, style=component_style(self, "actor-tree--info")),
                           Item("info"))

    def render_label(self, node: TreeNode[Item], base_style: Style, style: Style) -> Text:
        """An actor's row keeps its counts in view: a name too long for the pane is cut with
        "…" before them ("Shanghai Cooperatio…  3 ❝1"), never the counts after it, which a
        narrow pane would otherwise crop ("❝101" read as "❝1")."""
        text = super().render_label(node, base_style, style)
        item = node.data
        if item is not None and item.wordings:
            return self._fitted(node, item.wordings, text, style)
        if item is None or item.kind != "actor" or item.actor_id not in self._summaries:
            return text
        name = self._summaries[item.actor_id].name
        room = self._room(node)
        over = text.cell_len - room
        label = node.label
        start = len(text.plain) - len(label.plain if isinstance(label, Text) else label)
        if room <= 0 or over <= 0 or not text.plain.startswith(name, start):
            return text
        keep = name
        while keep and cell_len(keep) > cell_len(name) - over - 1:
            keep = keep[:-1]
        if not keep.strip():
            return text
        cut = start + len(keep.rstrip())
        return Text.assemble(text[:cut], ("…", text.get_style_at_offset(self.app.console, cut)),
                             text[start + len(name):])

    def _room(self, node: TreeNode[Item]) -> int:
        """Cells left for a row's label after its guides."""
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        return self.scrollable_content_region.width - depth * self.guide_depth

    def _fitted(
        self, node: TreeNode[Item], wordings: tuple[str, ...], text: Text, style: Style
    ) -> Text:
        """The longest wording that fits the row (the shortest when none does)."""
        room = self._room(node)
        chosen = next((w for w in wordings if cell_len(w) <= room), wordings[-1])
        if text.plain == chosen:
            return text
        label = node.label
        fitted = label.copy() if isinstance(label, Text) else Text(str(label))
        fitted.plain = chosen  # keeps the row's own style (spans are cleared with the text)
        fitted.stylize(style)
        return fitted

    def _add_actor(self, parent: TreeNode[Item], actor: ActorSummary) -> TreeNode[Item]:
        count_style = component_style(self, "actor-tree--count")
        label = Text(actor.name)
        # An actor added outside the scope's list (revealed from elsewhere) counts 0 here.
        label.append(f"  {self.counts.get(actor.id, 0)}", style=count_style)
        quotes = self.quote_counts.get(actor.id, 0)
        if quotes:
            label.append(f" ❝{quotes}", style=count_style)
        if self.corrected(actor.id):
            label.append(" •", style=count_style)
        node = parent.add(label, Item("actor", actor.id))
        node.data = Item("actor", actor.id)
        self.actor_nodes[actor.id] = node
        self._summaries[actor.id] = actor
        return node

    def _fill(self, node: TreeNode[Item], keep: Quote | None = None) -> None:
        """Role, aliases and positions, added when an actor is first expanded."""
        item = node.data
        if item is None or item.kind != "actor" or item.actor_id is None or node.children:
            return
        actor = self._summaries.get(item.actor_id)
        info = component_style(self, "actor-tree--info")
        pos_style = component_style(self, "actor-tree--position")
        if actor is not None:
            if actor.role:
                node.add_leaf(Text(f"role: {actor.role}", style=info), Item("info", actor.id))
            if actor.aliases:
                node.add_leaf(Text("aka: " + ", ".join(actor.aliases), style=info),
                              Item("info", actor.id))
            wordings = corpus_wordings(actor.mention_count, actor.article_count)
            node.add_leaf(Text(wordings[0], style=info), Item("info", actor.id, wordings=wordings))
        positions = list(self.positions_of(item.actor_id))
        if not positions:
            node.add_leaf(Text("no positions found", style=info), Item("info", item.actor_id))
        more = len(positions) - POSITION_LIMIT
        if more > 0:  # the first ones, and the one to reveal wherever it is
            shown = positions[:POSITION_LIMIT]
            if keep is not None and keep in positions[POSITION_LIMIT:]:
                shown.append(keep)
                more -= 1
            positions = shown
        for quote in positions:
            label = Text(f"❝ {quote.kind}", style=pos_style)
            if quote.cue:
                label.append(f" · {quote.cue}", style=info)
            label.append(f" “{one_line(quote.text, 48)}”")
            label.append(f" — {one_line(self.title_of(quote.article), 30)}", style=info)
            if self.corrected(quote.id):
                label.append(" •", style=info)
            node.add_leaf(label, Item("position", item.actor_id, quote))
        if more > 0:
            node.add_leaf(Text(f"… {more} more positions (Enter or v: the actor's record)",
                               style=info), Item("more", item.actor_id))

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Item]) -> None:
        self._fill(event.node)

    def on_tree_node_selected(self, event: Tree.NodeSelected[Item]) -> None:
        event.stop()
        item = event.node.data
        if item is None:
            return
        if item.kind == "group":
            event.node.toggle()
        elif item.kind == "actor" and item.actor_id:
            if self._auto_expanded is event.node:
                self._auto_expanded = None
            self._fill(event.node)
            event.node.expand()
            self.post_message(messages.ActorChosen(item.actor_id))
        elif item.kind == "position" and item.quote is not None:
            self.post_message(messages.PositionChosen(item.quote))
        elif item.kind == "info" and item.actor_id:
            self.post_message(messages.ActorChosen(item.actor_id))
        elif item.kind == "more" and item.actor_id:
            self.post_message(messages.RecordWanted(item.actor_id))

    def add_actor(self, actor: ActorSummary) -> TreeNode[Item]:
        """Make sure an actor has a row (corpus scope lists only the biggest per group)."""
        if actor.id in self.actor_nodes:
            return self.actor_nodes[actor.id]
        group = next(
            (n for n in self.root.children if n.data and str(n.label).startswith(
                GROUP_TITLES.get(actor.type, "Other"))),
            None,
        )
        if group is None:
            group = self.root.add(Text(GROUP_TITLES.get(actor.type, "Other")), Item("group"))
        return self._add_actor(group, actor)

    def reveal(self, actor_id: str, quote: Quote | None = None) -> bool:
        """Move the tree cursor to an actor (or its position) without choosing it."""
        node = self.actor_nodes.get(actor_id)
        if node is None:
            return False
        if node.parent is not None and not node.parent.is_expanded:
            node.parent.expand()
        target = node
        auto = self._auto_expanded
        if auto is not None and auto is not node and auto.tree is self:
            auto.collapse()
            self._auto_expanded = None
        if quote is not None:
            self._fill(node, keep=quote)
            if not node.is_expanded:
                node.expand()
                self._auto_expanded = node
            target = next(
                (c for c in node.children if c.data and c.data.quote is not None
                 and c.data.quote.id == quote.id),
                node,
            )
        _ = self.last_line  # rebuilds the visible lines, so `target.line` is current
        self.move_cursor(target)
        return True

    @property
    def cursor_actor(self) -> str | None:
        node = self.cursor_node
        return node.data.actor_id if node is not None and node.data is not None else None
