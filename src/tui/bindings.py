"""Every key binding of the explorer, in one place: the panes, the help screen, the palette and
the README table all read these lists.

Search: `/` opens the bar (SEARCH_BAR_BINDINGS). Marks: `m` `u` `M` `e` `y` (MARK_BINDINGS).
Each binding has an `id` (remappable with `App.set_keymap`), a short description and a tooltip.
"""

from __future__ import annotations

from textual.binding import Binding


def _b(
    key: str,
    action: str,
    description: str,
    tooltip: str,
    id: str,  # noqa: A002 - Textual's own name for it
    *,
    show: bool = True,
    key_display: str | None = None,
    priority: bool = False,
) -> Binding:
    return Binding(
        key, action, description, show=show, key_display=key_display, priority=priority,
        tooltip=tooltip, id=id,
    )


#: On the app: available on every screen.
APP_BINDINGS: list[Binding] = [
    _b("q", "quit", "Quit", "Quit newsdesk", "quit"),
    _b("ctrl+c", "quit", "Quit", "Quit newsdesk (copies instead when text is selected)",
       "quit-ctrl-c", show=False),
    _b("question_mark", "help", "Help", "Show every key binding", "help", key_display="?"),
]

#: On the main screen: work whichever pane has focus.
MAIN_BINDINGS: list[Binding] = [
    _b("tab", "app.focus_next", "Next pane", "Move focus to the next pane", "focus-next",
       show=False),
    _b("shift+tab", "app.focus_previous", "Previous pane", "Move focus to the previous pane",
       "focus-previous", show=False),
    _b("1", "focus_pane('articles')", "Articles", "Focus the article list", "focus-articles",
       show=False),
    _b("2", "focus_pane('text')", "Text", "Focus the article text", "focus-text", show=False),
    _b("3", "focus_pane('actors')", "Actors", "Focus the actors and positions", "focus-actors",
       show=False),
    _b("n", "walk(1)", "Next",
       "Next search hit (after a search), else next mention of the chosen actor", "walk-next"),
    _b("N", "walk(-1)", "Prev",
       "Previous search hit (after a search), else previous mention of the chosen actor",
       "walk-previous", key_display="N"),
    _b("slash", "app.search", "Search",
       "Search actors, quotes, sentences and titles in every article (typos welcome)", "search",
       key_display="/"),
    _b("left_square_bracket,alt+left", "back", "Back", "Go back along your jumps", "back",
       key_display="["),
    _b("right_square_bracket,alt+right", "forward", "Forward", "Go forward along your jumps",
       "forward", key_display="]"),
    _b("s", "toggle_sidebar", "Sidebar", "Show or hide the actors pane", "toggle-sidebar"),
    _b("a", "toggle_scope", "Scope", "Actors of this article / of the whole corpus",
       "toggle-scope"),
    _b("escape", "clear", "Clear", "Clear the chosen actor and highlights", "clear", show=False),
    _b("v", "show_record", "Record",
       "The actor's record: timeline, positions by date, relations (chosen actor, else the one "
       "under the cursor)", "show-record", show=False),
]

#: On the article list.
ARTICLE_LIST_BINDINGS: list[Binding] = [
    _b("enter", "select", "Open", "Open the highlighted article", "open-article"),
    _b("down,j", "cursor(1)", "Down", "Next article", "article-down", show=False),
    _b("up,k", "cursor(-1)", "Up", "Previous article", "article-up", show=False),
    _b("pagedown", "page(1)", "Page down", "A page of articles down", "articles-page-down",
       show=False),
    _b("pageup", "page(-1)", "Page up", "A page of articles up", "articles-page-up", show=False),
    _b("home,g", "edge(-1)", "First", "First article", "article-first", show=False),
    _b("end,G", "edge(1)", "Last", "Last article", "article-last", show=False),
    _b("o", "cycle_sort", "Sort", "Sort by date, title or source", "sort-articles"),
]

#: On the article text.
TEXT_BINDINGS: list[Binding] = [
    _b("down,j", "sentence(1)", "Next sentence", "Move the cursor to the next sentence",
       "next-sentence", show=False),
    _b("up,k", "sentence(-1)", "Previous sentence", "Move the cursor to the previous sentence",
       "previous-sentence", show=False),
    _b("right_curly_bracket,ctrl+down", "paragraph(1)", "Next ¶",
       "Move the cursor to the next paragraph", "next-paragraph", key_display="}"),
    _b("left_curly_bracket,ctrl+up", "paragraph(-1)", "Previous ¶",
       "Move the cursor to the previous paragraph", "previous-paragraph", show=False),
    _b("right,l", "entity(1)", "Next entity", "Move the cursor to the next entity", "next-entity",
       show=False),
    _b("left,h", "entity(-1)", "Previous entity", "Move the cursor to the previous entity",
       "previous-entity", show=False),
    _b("shift+down", "extend(1)", "Extend", "Extend the selection by a sentence", "extend-down",
       show=False),
    _b("shift+up", "extend(-1)", "Shrink", "Extend the selection upwards", "extend-up",
       show=False),
    _b("home,g", "edge(-1)", "First", "First sentence", "first-sentence", show=False),
    _b("end,G", "edge(1)", "Last", "Last sentence", "last-sentence", show=False),
    _b("pagedown,space", "page(1)", "Page down", "Move a page down", "page-down", show=False),
    _b("pageup", "page(-1)", "Page up", "Move a page up", "page-up", show=False),
    _b("enter", "choose", "Choose", "Choose the actor or quote under the cursor",
       "choose-at-cursor"),
]

#: On the actors tree (a Tree: space toggles, arrows move).
ACTOR_TREE_BINDINGS: list[Binding] = [
    _b("enter", "select_cursor", "Choose", "Choose the actor or position", "choose-actor"),
    _b("space", "toggle_node", "Expand", "Expand or collapse", "toggle-actor", show=False),
    _b("j", "cursor_down", "Down", "Next row", "actor-down", show=False),
    _b("k", "cursor_up", "Up", "Previous row", "actor-up", show=False),
]

#: Marks (on the main screen, whichever pane has focus; handled by the app's MarksController).
MARK_BINDINGS: list[Binding] = [
    _b("m", "app.toggle_mark", "Mark",
       "Mark or unmark the quote or sentence under the cursor (a position in the actors pane)",
       "toggle-mark"),
    _b("u", "app.undo_mark", "Undo", "Undo the last mark, unmark or delete", "undo-mark",
       show=False),
    _b("M", "app.show_marks", "Marks", "List your marks: open, note, delete", "show-marks",
       key_display="M"),
    _b("e", "app.export_marks", "Export", "Export marks as Markdown (all, article or actor)",
       "export-marks"),
    _b("y", "app.copy_markdown", "Copy",
       "Send the mark or passage under the cursor as Markdown to the terminal's clipboard",
       "copy-markdown"),
]

#: Corrections of the actor or quote under the cursor (on the actors pane, shown in its footer;
#: also in the palette by name). `u` undoes them with the marks.
CORRECTION_BINDINGS: list[Binding] = [
    _b("r", "app.correct('rename')", "Rename", "Rename actor…: change its display name",
       "correct-rename"),
    _b("i", "app.correct('merge')", "Merge", "Merge actor into…: another actor it really is",
       "correct-merge"),
    _b("x", "app.correct('split')", "Split",
       "Split here…: the mention under the cursor, or the actor's mentions in this article, "
       "into a new or another actor", "correct-split"),
    _b("t", "app.correct('type')", "Type", "Change type…: person, organization, place, ...",
       "correct-type", show=False),
    _b("c", "app.correct('speaker')", "Speaker", "Change speaker…: of the quote under the cursor",
       "correct-speaker", show=False),
    _b("d", "app.correct('not-quote')", "Not a quote",
       "Not a quote: hide the quote under the cursor", "correct-not-quote", show=False),
    _b("A", "app.correct('add-quote')", "Add quote",
       "Add quote…: the selected text (Shift+arrows), with its speaker", "correct-add-quote",
       show=False, key_display="A"),
    _b("U", "app.correct('redo')", "Redo", "Redo the last undone correction", "correct-redo",
       show=False, key_display="U"),
]

#: On the correction dialog.
CORRECTION_DIALOG_BINDINGS: list[Binding] = [
    _b("escape", "cancel", "Cancel", "Close without correcting", "cancel-correction"),
    _b("tab", "app.focus_next", "Note", "Move to the note (and back)", "correction-next-field",
       show=False),
    _b("shift+tab", "app.focus_previous", "Back", "Move to the previous field",
       "correction-previous-field", show=False),
    _b("down", "move(1)", "Next", "Highlight the next choice", "correction-down", show=False),
    _b("up", "move(-1)", "Previous", "Highlight the previous choice", "correction-up",
       show=False),
]

#: On the marks view (`M`).
MARKS_VIEW_BINDINGS: list[Binding] = [
    _b("enter", "open_mark", "Open", "Open the mark in its article", "open-mark",
       priority=True),  # over the list's own Enter, so the footer shows it
    _b("n", "edit_note", "Note", "Write or change the mark's note", "edit-note"),
    _b("d,delete", "delete_mark", "Delete", "Delete the mark (u undoes)", "delete-mark"),
    _b("u", "undo", "Undo", "Undo the last mark change", "marks-undo"),
    _b("y", "copy", "Copy", "Send the mark as Markdown to the terminal's clipboard",
       "marks-copy"),
    _b("e", "export", "Export", "Export marks as Markdown", "marks-export"),
    _b("j", "cursor(1)", "Down", "Next mark", "mark-down", show=False),
    _b("k", "cursor(-1)", "Up", "Previous mark", "mark-up", show=False),
    _b("escape,M", "close", "Close", "Close the marks view", "close-marks"),
]

#: On the actor record (`v`).
RECORD_BINDINGS: list[Binding] = [
    _b("escape,v", "close", "Close", "Close the record", "close-record"),
    _b("tab", "switch_list", "Switch", "Between positions and relations", "record-switch"),
    _b("j", "cursor(1)", "Down", "Next row", "record-down", show=False),
    _b("k", "cursor(-1)", "Up", "Previous row", "record-up", show=False),
]

#: On the export dialog (`e`); Tab moves between scope, grouping, file and buttons.
EXPORT_DIALOG_BINDINGS: list[Binding] = [
    _b("escape", "cancel", "Cancel", "Close the export dialog without writing", "cancel-export"),
    _b("ctrl+s", "export", "Export", "Export with the choices shown (Enter in the file field)",
       "confirm-export"),
]

#: On the note dialog (`n` in the marks view); Enter saves.
NOTE_DIALOG_BINDINGS: list[Binding] = [
    _b("escape", "cancel", "Cancel", "Keep the old note", "cancel-note"),
]

#: On a yes/no question (overwrite an existing export).
CONFIRM_BINDINGS: list[Binding] = [
    _b("y", "answer(True)", "Yes", "Answer yes", "confirm-yes"),
    _b("n,escape", "answer(False)", "No", "Answer no", "confirm-no"),
]

#: On the search bar (`/`); typing searches as you go.
SEARCH_BAR_BINDINGS: list[Binding] = [
    _b("escape", "close", "Close", "Close the search and return to where you were",
       "close-search"),
    _b("down", "move(1)", "Next hit", "Highlight the next result", "search-down",
       show=False),
    _b("up", "move(-1)", "Previous hit", "Highlight the previous result", "search-up",
       show=False),
    _b("enter", "choose", "Jump", "Jump to the highlighted hit; n / N then step through hits",
       "search-jump"),
]

#: Which shown keys the key bar keeps longest when the terminal is narrow (lower stays longer);
#: the keys of the focused pane come first, then the screen's, then quit and help. At 80
#: columns the bar holds the pane's main key, search, the walk, marks and the history; wider
#: terminals show the rest.
FOOTER_PRIORITY: dict[str, int] = {
    "quit": 0, "help": 0, "search": 1,
    "open-article": 1, "choose-at-cursor": 1, "choose-actor": 1, "search-jump": 1,
    "walk-next": 2, "toggle-mark": 2, "sort-articles": 2,
    "back": 3, "forward": 3, "walk-previous": 4, "toggle-scope": 4,
    "show-marks": 5, "copy-markdown": 5, "export-marks": 6, "toggle-sidebar": 6,
    "next-paragraph": 7,
    "correct-rename": 3, "correct-merge": 3, "correct-split": 3,
}
FOOTER_DEFAULT_PRIORITY = 5

#: What the key bar says for a key when its description does not fit (binding id -> a word of
#: six cells at most); keys not listed are short already (`short_label`).
FOOTER_SHORT: dict[str, str] = {
    "next-paragraph": "Para", "forward": "Fwd", "toggle-sidebar": "Side",
}
SHORT_LABEL_CELLS = 6


def short_label(binding: Binding) -> str:
    """The key bar's word for `binding` when it is short of room: no key is ever shown bare on
    a wide terminal, since a bare `}` or `x` tells a new reader nothing."""
    return FOOTER_SHORT.get(binding.id or "", binding.description)


#: How `y` reaches the clipboard, and how to let it through tmux (help and README say it).
CLIPBOARD_NOTE = (
    "y sends Markdown to the terminal's clipboard with an OSC 52 escape; most terminals accept "
    "it. Inside tmux it is dropped unless you enable it: add `set -g set-clipboard on` to "
    "~/.tmux.conf (then `tmux source-file ~/.tmux.conf`)."
)

#: Keys handled elsewhere (built into Textual) but listed in help and the README.
OTHER_KEYS: list[tuple[str, str, str]] = [
    ("ctrl+p", "Command palette", "Every action, plus go to actor / go to article"),
]

#: (title, bindings) for the help screen and README, in reading order.
GROUPS: list[tuple[str, list[Binding]]] = [
    ("Everywhere", APP_BINDINGS + MAIN_BINDINGS),
    ("Articles", ARTICLE_LIST_BINDINGS),
    ("Text", TEXT_BINDINGS),
    ("Actors & positions", ACTOR_TREE_BINDINGS),
    ("Marks", MARK_BINDINGS),
    ("Corrections", CORRECTION_BINDINGS),
    ("Marks view", MARKS_VIEW_BINDINGS),
    ("Actor record", RECORD_BINDINGS),
    ("Export dialog", EXPORT_DIALOG_BINDINGS),
    ("Search bar", SEARCH_BAR_BINDINGS),
]
#: Groups whose keys work only on their own screen: help lists them, the palette does not.
#: ("Corrections" has palette commands of its own, named as the reader asks for them.)
SCREEN_ONLY_GROUPS: tuple[str, ...] = (
    "Marks view", "Actor record", "Export dialog", "Search bar", "Corrections",
)


#: Textual's key names that a reader types as a character.
_TYPED = {
    "question_mark": "?", "left_square_bracket": "[", "right_square_bracket": "]",
    "left_curly_bracket": "{", "right_curly_bracket": "}", "space": "space", "slash": "/",
}


def key_name(key: str) -> str:
    """One key as a reader types it (`right_curly_bracket` -> `}`)."""
    return _TYPED.get(key.strip(), key.strip())


def key_label(binding: Binding) -> str:
    """Keys as a reader types them: `[ / alt+left`."""
    return " / ".join(key_name(k) for k in binding.key.split(","))


def markdown_table() -> str:
    """The README's keys table, generated so it never drifts from the code."""
    rows = ["| Where | Keys | Action |", "| --- | --- | --- |"]
    for title, bindings in GROUPS:
        for binding in bindings:
            keys = key_label(binding).replace("|", "\\|")
            rows.append(f"| {title} | `{keys}` | {binding.tooltip} |")
        if title == "Everywhere":
            rows += [f"| Everywhere | `{keys}` | {tip} |" for keys, _d, tip in OTHER_KEYS]
    return "\n".join(rows)
