"""Pilot tests for `e`: the export dialog writes Markdown, asks before overwriting, reports errors
without stopping the app, and exports one article or one actor's positions."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from markdown_it import MarkdownIt
from textual.widgets import Input, RadioButton

from newsdesk.core.export.document import export_folder
from newsdesk.tui.screens.export import ConfirmDialog, ExportDialog
from newsdesk.tui.screens.main import MainScreen

SIZE = (120, 40)


async def open_dialog(  # type: ignore[no-untyped-def]
    pilot, path: Path | None = None
) -> ExportDialog:
    await pilot.press("e")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ExportDialog)
    if path is not None:
        dialog.query_one("#export-path", Input).value = str(path)
    return dialog


async def finish(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def messages(app) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(n.severity, n.message) for n in app._notifications]


async def test_export_writes_the_file_and_says_where(make_app, tmp_path: Path) -> None:
    app = make_app()
    out = tmp_path / "notes.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")  # a2, first sentence
        app.main.open_article("a1")
        await pilot.pause()
        await pilot.press("}", "m")  # a1, Lopez's quote
        await pilot.pause()
        dialog = await open_dialog(pilot)
        default = dialog.query_one("#export-path", Input).value
        # named after the corpus (this app's corpus path is "unused"), in the reader's folder
        assert Path(default) == export_folder() / f"unused-{date.today().isoformat()}.md"
        dialog.query_one("#export-path", Input).value = str(out)
        await pilot.press("enter")
        await finish(pilot)
        assert isinstance(app.screen, MainScreen)
        text = out.read_text(encoding="utf-8")
        assert text.startswith("---\n")
        assert "count: 2" in text
        assert "> We will rebuild the harbour," in text
        assert "> Ferry workers returned on Monday." in text
        tokens = MarkdownIt("commonmark").parse(text.split("---\n", 2)[2])
        assert sum(t.type == "blockquote_open" for t in tokens) == 2
        assert ("information", f"Wrote 2 passages to {out}") in messages(app)
        dialog = await open_dialog(pilot)  # the next export offers the file chosen last
        assert dialog.query_one("#export-path", Input).value == str(out)


async def test_export_existing_file_asks_before_replacing(make_app, tmp_path: Path) -> None:
    app = make_app()
    out = tmp_path / "notes.md"
    out.write_text("my old notes\n", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await open_dialog(pilot, out)
        await pilot.press("enter")
        await finish(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep it: back to the dialog, on the file name
        await finish(pilot)
        assert out.read_text(encoding="utf-8") == "my old notes\n"
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-path", Input).value == str(out)
        assert dialog.focused is dialog.query_one("#export-path", Input)
        await pilot.press("enter")
        await finish(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")  # replace it
        await finish(pilot)
        assert "> Ferry workers returned on Monday." in out.read_text(encoding="utf-8")
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


async def test_export_unwritable_path_shows_an_error_and_app_runs(make_app,
                                                                   tmp_path: Path) -> None:
    app = make_app()
    out = tmp_path / "no-such-folder" / "notes.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        dialog = await open_dialog(pilot, out)
        await pilot.press("enter")
        await finish(pilot)
        errors = [m for s, m in messages(app) if s == "error"]
        assert errors and "does not exist" in errors[-1]
        assert app.screen is dialog  # kept open with the path typed, to fix it
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert not out.exists()
        await pilot.press("j", "m")  # still working
        await pilot.pause()
        assert len(app.marks.marks()) == 2


async def test_export_failure_while_writing_is_one_error(make_app, tmp_path: Path,
                                                         monkeypatch) -> None:
    import newsdesk.core.export.document as export
    from newsdesk.core.errors import ExportError

    def disk_full(path: Path, text: str, *, force: bool = False) -> Path:
        raise ExportError(f"cannot write {path}: No space left on device")

    monkeypatch.setattr(export, "write_export", disk_full)
    app = make_app()
    out = tmp_path / "notes.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await open_dialog(pilot, out)
        await pilot.press("enter")
        await finish(pilot)
        assert ("error", f"cannot write {out}: No space left on device") in messages(app)
        assert app.is_running and isinstance(app.screen, MainScreen)


async def test_export_nothing_marked_explains(make_app, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot, tmp_path / "empty.md")
        await pilot.press("enter")
        await finish(pilot)
        errors = [m for s, m in messages(app) if s == "error"]
        assert errors and errors[-1].startswith("no marks")
        assert not (tmp_path / "empty.md").exists()


async def test_export_this_article_only(make_app, tmp_path: Path) -> None:
    app = make_app()
    out = tmp_path / "article.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")  # a2
        app.main.open_article("a1")
        await pilot.pause()
        await pilot.press("m")  # a1, first sentence
        await pilot.pause()
        dialog = await open_dialog(pilot, out)
        dialog.query_one("#scope-article", RadioButton).value = True
        await pilot.press("enter")
        await finish(pilot)
        text = out.read_text(encoding="utf-8")
        assert "count: 1" in text
        assert "Maria Lopez opened the meeting" in text
        assert "Ferry workers" not in text


async def test_export_actor_positions_grouped_by_actor(make_app, tmp_path: Path) -> None:
    app = make_app()
    out = tmp_path / "lopez.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "enter")  # choose Maria Lopez (a2, second sentence)
        await pilot.pause()
        assert app.main.chosen_actor == "person:maria-lopez"
        dialog = await open_dialog(pilot, out)
        actor = dialog.query_one("#scope-actor", RadioButton)
        assert not actor.disabled and "Maria Lopez" in str(actor.label)
        actor.value = True
        dialog.query_one("#group-actor", RadioButton).value = True
        await pilot.press("enter")
        await finish(pilot)
        text = out.read_text(encoding="utf-8")
        assert "Positions of Maria Lopez" in text
        assert "> We will rebuild the harbour," in text  # positions export without marks
        assert "Maria Lopez **said** the town needed its boats back (reported)" in text


async def test_export_nothing_in_scope_never_asks_to_replace(make_app, tmp_path: Path) -> None:
    app = make_app()
    out = tmp_path / "notes.md"
    out.write_text("my old notes\n", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot, out)  # no marks, no actor: nothing to export
        await pilot.press("enter")
        await finish(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert any(sev == "error" and "no marks" in msg for sev, msg in messages(app))
        assert out.read_text(encoding="utf-8") == "my old notes\n"


async def test_export_starts_on_the_chosen_actors_positions(make_app, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#scope-all", RadioButton).value  # no actor: all marks
        await pilot.press("escape")
        app.main.choose_actor("person:maria-lopez")
        await pilot.pause()
        dialog = await open_dialog(pilot)
        assert dialog.query_one("#scope-actor", RadioButton).value


async def test_export_csv_from_the_dialog(make_app, tmp_path: Path) -> None:
    import csv

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.main.choose_actor("person:maria-lopez")
        await pilot.pause()
        dialog = await open_dialog(pilot, tmp_path / "lopez.md")
        dialog.query_one("#format-csv", RadioButton).value = True
        await pilot.pause()
        path = dialog.query_one("#export-path", Input).value
        assert path == str(tmp_path / "lopez.csv")  # the name follows the format
        await pilot.press("enter")
        await finish(pilot)
        rows = list(csv.DictReader((tmp_path / "lopez.csv").open(encoding="utf-8", newline="")))
        assert [r["quote"] for r in rows] == ["q1", "q2"]
        assert {r["speaker"] for r in rows} == {"Lopez"}


async def test_export_dialog_file_name_decides_the_format_or_is_refused(
    make_app, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        dialog = await open_dialog(pilot, tmp_path / "x.pdf")
        await pilot.press("enter")
        await finish(pilot)
        assert app.screen is dialog and not (tmp_path / "x.pdf").exists()  # still open
        assert ("warning", "Cannot write .pdf files: name the file .md, .csv or .jsonl.") in (
            messages(app)
        )
        dialog.query_one("#export-path", Input).value = str(tmp_path / "x.jsonl")
        await pilot.press("enter")  # the Markdown button is still on: the name wins
        await finish(pilot)
        assert isinstance(app.screen, MainScreen)
        first = (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()[0]
        assert json.loads(first)["text"]


async def test_export_dialog_escape_cancels(make_app, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        dialog = await open_dialog(pilot, tmp_path / "x.md")
        assert dialog.query_one("#scope-actor", RadioButton).disabled  # no actor chosen yet
        await pilot.press("escape")
        await finish(pilot)
        assert isinstance(app.screen, MainScreen)
        assert not (tmp_path / "x.md").exists()


async def test_export_dialog_chosen_option_reads_without_colour(make_app, tmp_path: Path) -> None:
    """Only the chosen radio button holds a dot: its text alone says which is chosen."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot, tmp_path / "x.md")

        def dots() -> dict[str, bool]:
            return {str(b.id): "●" in b.render().plain for b in dialog.query(RadioButton)}

        assert dots() == {"scope-all": True, "scope-article": False, "scope-actor": False,
                          "group-article": True, "group-actor": False, "format-md": True,
                          "format-csv": False, "format-jsonl": False}
        dialog.query_one("#format-csv", RadioButton).value = True
        await pilot.pause()
        assert dots()["format-csv"] and not dots()["format-md"]


def test_snapshot_export_dialog(snap_compare, make_app) -> None:  # type: ignore[no-untyped-def]
    async def run(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.main.choose_actor("person:maria-lopez")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = pilot.app.screen
        dialog.query_one("#export-path", Input).value = "lopez-2026-12-01.md"  # not the date
        await pilot.pause()

    assert snap_compare(make_app(), run_before=run, terminal_size=(80, 40))


async def test_export_file_field_looks_like_a_field_before_it_has_focus(make_app) -> None:
    """Away from the file (Tab to the buttons), it is still drawn as a field: Input's tall edges
    around a shade of its own, not the dialog's background it would read as plain text on; one
    row high, so the dialog does not grow."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        field = dialog.query_one("#export-path", Input)
        box = dialog.query_one("#export-dialog")
        await pilot.press("tab")
        await pilot.pause()
        assert not field.has_focus
        assert field.region.height == 1
        assert field.styles.background != box.styles.background
        assert field.styles.border_left[0] == field.styles.border_right[0] == "tall"
        row = "".join(s.text for s in dialog._compositor.render_strips()[field.region.y:][:1])
        cells = row[field.region.x : field.region.right]
        assert cells[0] == "▊" and cells.rstrip()[-1] == "▎", cells
        assert str(field.value) in cells
        blurred = field.styles.border_left[1]
        field.focus()
        await pilot.pause()
        assert field.styles.border_left[1] != blurred  # focus shows on the edges too
