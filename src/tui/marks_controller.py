"""Marks in the explorer: the store, `m` / `u` / `y`, highlights, counts, export and live refresh.

The app owns one `MarksController`. It never draws: it reads the main screen as a `Here`
record and posts `AddLayers` (the "mark" layer), `MarksChanged` (paint it again),
`CountsChanged` (per-article counts) and `JumpTo` to it, which sets its panes; corrections in
the shared undo history go back through the app (`UndoCorrection`). The marks view and the
export dialog call back here, and every store change is one committed transaction in
`core.marks`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.core.errors import NewsdeskError
from newsdesk.core.marks.mark_store import Mark, MarkStore, ReanchorReport, kind_of
from newsdesk.core.models import ArticleAnalysis
from newsdesk.core.store.library import Library

from . import messages
from .highlight import HSpan, Target
from .wording import counted, one_line

if TYPE_CHECKING:
    from collections.abc import Sequence

    from textual.message import Message

    from newsdesk.core.export.document import Passage

    from .app import NewsdeskApp
    from .corrections_controller import CorrectionChange
    from .here import Here
    from .screens.export import ExportRequest

#: How often another newsdesk's writes are looked for (a cheap PRAGMA, no table read).
POLL_SECONDS = 2.0
#: The article list shows "N marked" on each row with marks in its text...
COUNT_NAME = "marked"
#: ...and "N detached" apart: a mark whose text is gone is no longer in the text, yet it is
#: still the reader's (M lists it), so the row says so rather than hiding it or miscounting.
DETACHED_NAME = "detached"
UNDO_LIMIT = 100


@dataclass(frozen=True, slots=True)
class Change:
    """One undoable change: `mark` was added (undo removes it) or removed (undo restores it)."""

    mark: Mark
    added: bool




class MarksController:
    """Glue between `MarkStore` and the explorer's screens."""

    def __init__(
        self, app: NewsdeskApp, here: Callable[[], Here], post: Callable[[Message], bool]
    ) -> None:
        self.app = app
        self.here = here
        """Asks the main screen what the keys act on."""
        self.post = post
        """Posts a message to the main screen."""
        self.store: MarkStore | None = None
        """None until `start`, or when the marks database could not be opened."""
        self.library: Library | None = None
        self.history: list[Change | CorrectionChange] = []
        """What `u` undoes, newest last (corrections too: `CorrectionsController` adds them)."""
        self.counts: dict[str, int] = {}
        self.last_export: Path | None = None
        self.last_path: Path | None = None
        """The file the reader last chose in the export dialog this session: offered again."""
        self._revision: tuple[int, int] | None = None

    # ----- start-up --------------------------------------------------------------------------

    def start(self) -> None:
        """Open the marks database (SQLite, no spaCy: fast) and watch for others' writes."""
        try:
            self.store = MarkStore.open(self.app.settings)
        except NewsdeskError as err:
            self.app.notify(f"{err} (marks are off this session)", title=err.title,
                            severity="error", markup=False, timeout=10)
            return
        for notice in self.store.notices:
            self.app.notify(notice, title="Marks", severity="warning", markup=False, timeout=15)
        self.post(messages.AddLayers(self.layers))
        self._revision = self.store.revision()
        self.app.every(POLL_SECONDS, self.poll, name="marks-poll")

    def library_ready(self, library: Library) -> None:
        """The index is open: show counts now, re-anchor marks to changed articles in a thread."""
        self.library = library
        self.refresh()
        if self.store is not None:
            self.app.run_worker(
                partial(self._reanchor, self.store, library), thread=True, group="marks",
                exclusive=True, exit_on_error=False, name="reanchor-marks",
            )

    def _reanchor(self, store: MarkStore, library: Library) -> None:
        """Thread: only `call_from_thread` leaves it."""
        try:
            report = store.reanchor(library)
        except NewsdeskError as err:
            self._from_thread(self.error, err)
            return
        self._from_thread(self._reanchored, report)

    def _from_thread(self, callback: Callable[..., object], *args: object) -> None:
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:  # the app is closing
            pass

    def _reanchored(self, report: ReanchorReport) -> None:
        if report.moved or report.detached or report.reattached:
            self.refresh()
        if report.detached:
            self.app.notify(
                f"{counted(report.detached, 'mark')} no longer found in their changed "
                "articles: kept as detached (M lists them)",
                title="Marks", severity="warning", markup=False, timeout=10,
            )

    # ----- drawing ---------------------------------------------------------------------------

    def layers(self, detail: ArticleAnalysis) -> dict[str, Sequence[HSpan]]:
        """The "mark" layer of an article being opened (a main-screen layer provider)."""
        if self.store is None:
            return {}
        try:
            spans = self.store.spans(detail.article)
        except NewsdeskError:
            return {}
        return {"mark": [HSpan(start, end, kind) for start, end, kind in spans]}

    def refresh(self) -> None:
        """Redraw counts, the open article's marks and an open marks view from the store."""
        store, library = self.store, self.library
        if store is None:
            return
        self._revision = store.revision()
        try:
            if library is not None:
                attached: dict[str, int] = {}
                detached: dict[str, int] = {}
                for mark in store.marks_for(library):
                    counts = detached if mark.detached else attached
                    counts[mark.article] = counts.get(mark.article, 0) + 1
                self.counts = attached
                self.post(messages.CountsChanged(COUNT_NAME, attached))
                self.post(messages.CountsChanged(DETACHED_NAME, detached))
        except NewsdeskError as err:
            self.error(err)
        self.post(messages.MarksChanged())  # the main screen paints `layers` again
        from .screens.marks import MarksScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, MarksScreen):
                screen.post_message(messages.MarksChanged())

    def poll(self) -> None:
        """Another newsdesk (or the CLI) changed the marks: show it."""
        if self.store is None:
            return
        try:
            revision = self.store.revision()
        except Exception:  # noqa: BLE001 - a closed or vanished database: stop polling quietly
            return
        if revision != self._revision:
            self.refresh()

    def error(self, err: NewsdeskError) -> None:
        self.app.notify(str(err), title=err.title, severity="error", markup=False, timeout=8)

    def _ready(self) -> bool:
        if self.store is None:
            self.app.notify("Marks are off: the marks database could not be opened.",
                            severity="warning", markup=False)
            return False
        if self.library is None:
            self.app.notify("The index is still opening.", markup=False, timeout=3)
            return False
        return True

    # ----- what the keys act on --------------------------------------------------------------

    @staticmethod
    def _text_target(here: Here) -> tuple[ArticleAnalysis, Target] | None:
        """The open article and what the text cursor covers (sentence, quote or selection)."""
        if here.shown is None or here.text_target is None:
            return None
        return here.shown, here.text_target

    # ----- m / u -----------------------------------------------------------------------------

    def toggle(self) -> None:
        """`m`: mark or unmark the sidebar position, else the quote / sentence / selection."""
        if not self._ready():
            return
        assert self.store is not None and self.library is not None
        here = self.here()
        quote = here.sidebar_position
        if quote is None and here.sidebar_focused:
            self.app.notify("Nothing marked: in the actors pane m marks a position (a ❝ row); "
                            "in the text pane, the quote or sentence under the cursor.",
                            markup=False, timeout=4)
            return
        try:
            if quote is not None:
                article = self.library.article(quote.article).article
                toggled = self.store.toggle(
                    article, quote.start, quote.end, "position", quote=quote
                )
            else:
                found = self._text_target(here)
                if found is None:
                    self.app.bell()
                    return
                detail, target = found
                toggled = self.store.toggle_span(detail, target.start, target.end)
        except NewsdeskError as err:
            self.error(err)
            return
        self.remember(Change(toggled.mark, toggled.added))
        self.refresh()
        verb = "Marked" if toggled.added else "Unmarked"
        self.app.notify(f"{verb} {toggled.mark.kind}: “{one_line(toggled.mark.text, 50)}” "
                        "(u undoes)", markup=False, timeout=3)

    def remember(self, change: Change | CorrectionChange) -> None:
        """One more change for `u` (a correction too: one history for both)."""
        self.history.append(change)
        del self.history[:-UNDO_LIMIT]

    def undo(self) -> None:
        """`u`: take back the last mark, unmark or delete."""
        if self.store is None:
            return
        if not self.history:
            self.app.notify(self._nothing_to_undo(), markup=False, timeout=4)
            return
        change = self.history.pop()
        if not isinstance(change, Change):  # a correction: one history for both
            self.app.post_message(messages.UndoCorrection(change))
            return
        try:
            if change.added:
                self.store.remove(change.mark.id)
                done = "removed"
            else:
                self.store.restore(change.mark)
                done = "restored"
        except NewsdeskError as err:
            self.error(err)
            return
        self.refresh()
        # One shape for every undo toast: "Undone: what, on what" (corrections say theirs).
        self.app.notify(f"Undone: {done} the mark on “{one_line(change.mark.text, 50)}”",
                        markup=False, timeout=3)

    def _nothing_to_undo(self) -> str:
        """`u` keeps this session's changes only (a reader coming back should not take back
        something they forgot with one key); corrections are kept for good, so when some
        apply here, say where the older ones are undone."""
        from newsdesk.core.corrections import CorrectedLibrary

        library = self.library
        if isinstance(library, CorrectedLibrary) and library.corrected:
            return (
                "Nothing to undo in this session; corrections from earlier ones: "
                "`newsdesk corrections list`, then `newsdesk corrections undo ID`."
            )
        return "Nothing to undo."

    # ----- the marks view --------------------------------------------------------------------

    def marks(self) -> list[Mark]:
        """This library's marks in the article list's order, then text order (detached too)."""
        if self.store is None or self.library is None:
            return []
        try:
            found = self.store.marks_for(self.library)
        except NewsdeskError as err:
            self.error(err)
            return []
        rank = {article_id: n for n, article_id in enumerate(self.here().article_order)}
        return sorted(found, key=lambda m: (rank.get(m.article, len(rank)), m.start, m.end, m.id))

    def title_of(self, article_id: str) -> str:
        row = self.here().summaries.get(article_id)
        return row.title if row else article_id

    def paragraph_of(self, mark: Mark) -> int | None:
        """1-based paragraph of a mark (the marks view shows where it is)."""
        from newsdesk.core.export.document import paragraph_number

        if self.library is None:
            return None
        try:
            return paragraph_number(self.library.article(mark.article).article, mark.start)
        except (KeyError, NewsdeskError):
            return None

    def show_marks(self) -> None:
        """`M`: the marks view."""
        if not self._ready():
            return
        from .screens.marks import MarksScreen

        if not isinstance(self.app.screen, MarksScreen):
            self.app.push_screen(MarksScreen(self))

    def open_mark(self, mark: Mark) -> None:
        """Jump to a mark in its article (history records where the reader was)."""
        if mark.detached:
            self.app.notify("This mark is detached: its text is no longer in the article.",
                            severity="warning", markup=False)
            return
        target = Target(mark.article, mark.start, mark.end, "mark")
        self.post(messages.JumpTo(target, layer="target"))

    def delete(self, mark: Mark) -> None:
        if self.store is None:
            return
        try:
            removed = self.store.remove(mark.id)
        except NewsdeskError as err:
            self.error(err)
            return
        self.remember(Change(removed, False))
        self.refresh()
        self.app.notify(f"Mark deleted: “{one_line(removed.text, 50)}” (u undoes)", markup=False,
                        timeout=3)

    def set_note(self, mark: Mark, note: str) -> None:
        if self.store is None:
            return
        try:
            self.store.set_note(mark.id, note)
        except NewsdeskError as err:
            self.error(err)
            return
        self.refresh()

    # ----- y: copy as Markdown ---------------------------------------------------------------

    def copy_markdown(self, mark: Mark | None = None) -> None:
        """`y`: the mark (or else the passage) under the cursor, as Markdown, to the clipboard."""
        from newsdesk.core.export.document import Passage, passage_markdown

        if not self._ready():
            return
        assert self.store is not None and self.library is not None
        here = self.here()
        if mark is None and here.sidebar_position is None and here.sidebar_focused:
            self.app.notify("Nothing copied: in the actors pane y copies a position (a ❝ row); "
                            "in the text pane, the mark or passage under the cursor.",
                            markup=False, timeout=4)
            return
        try:
            passage = Passage.from_mark(mark) if mark is not None else self._passage_here()
            if passage is None:
                self.app.bell()
                return
            text = passage_markdown(self.library, passage)
        except NewsdeskError as err:
            self.error(err)
            return
        self.app.copy_to_clipboard(text)
        what = "mark" if passage.mark is not None else passage.kind
        # The terminal is asked to copy (OSC 52): whether it does, nothing here can tell, and
        # tmux drops the request unless `set-clipboard` is on. So say what was done.
        self.app.notify(f"Sent the {what} as Markdown to the terminal's clipboard: "
                        f"“{one_line(passage.text, 40)}” (not pasting? see ? for tmux)",
                        markup=False, timeout=4)

    def _passage_here(self) -> Passage | None:
        from newsdesk.core.export.document import Passage

        assert self.store is not None and self.library is not None
        here = self.here()
        quote = here.sidebar_position
        if quote is not None:
            article = self.library.article(quote.article).article
            marked = self.store.find(article, quote.start, quote.end, quote.id)
            if marked is not None:
                return Passage.from_mark(marked)
            return Passage.from_quote(article, quote)
        found = self._text_target(here)
        if found is None:
            return None
        detail, target = found
        covering = [m for m in self.store.attached(detail.article)
                    if m.start <= target.start and target.end <= m.end]
        if covering:
            return Passage.from_mark(min(covering, key=lambda m: (m.end - m.start, m.id)))
        _kind, quote = kind_of(detail, target.start, target.end)
        return Passage.from_span(detail.article, target.start, target.end, quote)

    # ----- e: export -------------------------------------------------------------------------

    def export(self, previous: ExportRequest | None = None) -> None:
        """`e`: the export dialog (again, with `previous` chosen, after "Keep the file"); the
        file is written in a thread."""
        from newsdesk.core.export.document import default_export_path

        from .screens.export import ExportDialog, ExportOptions

        if not self._ready():
            return
        assert self.library is not None
        here = self.here()
        article = None
        if here.detail is not None:
            article = (here.detail.article.id, here.detail.article.title or here.detail.article.id)
        actor_id = here.chosen_actor or here.sidebar_actor
        actor = None
        if actor_id is not None and actor_id in here.actor_summaries:
            actor = (actor_id, here.actor_summaries[actor_id].name)
        chosen = actor is not None and actor[0] == here.chosen_actor
        start_on_actor = chosen and bool(self.library.positions(actor_id or ""))
        path = self.last_path or default_export_path(corpus=self.app.paths)
        options = ExportOptions(
            path, article, actor, len(self.marks()), start_on_actor, previous
        )
        self.app.push_screen(ExportDialog(options), callback=self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is not None:
            self.last_path = request.path
            self.run_export(request)

    def run_export(self, request: ExportRequest, *, force: bool = False) -> None:
        if self.store is None or self.library is None:
            return
        self.app.run_worker(
            partial(self._export, self.store, self.library, request, force), thread=True,
            group="export", exclusive=True, exit_on_error=False, name="export-marks",
        )

    def _export(
        self, store: MarkStore, library: Library, request: ExportRequest, force: bool
    ) -> None:
        """Thread: build and write the Markdown; answers come back with `call_from_thread`."""
        from newsdesk.core.export.document import ExportExists, check_target, write_export

        path = request.path
        try:
            text, count = self._render(store, library, request)  # "nothing to export" first
            check_target(path, force=force)
            written = write_export(path, text, force=force)
        except ExportExists:
            self._from_thread(self._confirm_overwrite, request)
            return
        except NewsdeskError as err:
            self._from_thread(self.error, err)
            return
        except OSError as err:  # anything core did not wrap: still one message, no crash
            message = f"cannot write {path}: {err.strerror or err}"
            self._from_thread(partial(self.app.notify, message, title="Export failed",
                                      severity="error", markup=False))
            return
        self._from_thread(self._exported, written, count)

    def _render(
        self, store: MarkStore, library: Library, request: ExportRequest
    ) -> tuple[str, int]:
        """The export's text and how many passages it holds (raises `NothingToExport`)."""
        from newsdesk.core.export.document import NothingToExport, build_document, collect

        marks = store.marks()
        if request.format == "md":
            document = build_document(
                library, marks, corpus=", ".join(str(p) for p in self.app.paths),
                article_id=request.article_id, actor_id=request.actor_id, group=request.group,
            )
            return document.text, document.count
        from newsdesk.core.export.tables import position_records, render_table

        passages = collect(library, marks, article_id=request.article_id,
                           actor_id=request.actor_id)
        if not passages:
            raise NothingToExport("nothing to export in this scope")
        return render_table(position_records(library, passages), request.format), len(passages)

    def _exported(self, path: Path, count: int) -> None:
        self.last_export = path
        noun = "passage" if count == 1 else "passages"
        self.app.notify(f"Wrote {count} {noun} to {path}", title="Exported", markup=False,
                        timeout=8)

    def _confirm_overwrite(self, request: ExportRequest) -> None:
        from .screens.export import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self.run_export(request, force=True)
            else:  # back to the dialog, on the file name, to choose another
                self.app.notify("The file was left as it was: choose another name.",
                                markup=False, timeout=3)
                self.export(previous=request)

        self.app.push_screen(
            ConfirmDialog(f"{request.path} exists.", "Replace it with this export?"),
            callback=answered,
        )
