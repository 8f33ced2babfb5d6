"""`newsdesk index|search|export` on the generated hostile and broken corpora.

No traceback, at most one stderr line per bad file, exit 2 for a missing path, Rich output
showing markup literally with no escape sequence from article text, JSON offsets that slice the
text they claim, and exported Markdown in which article text never becomes HTML, links or images.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_corpus import (
    HOSTILE_LINES,
    VISIBLE_MARKERS,
    hostile_article,
    write_broken_files,
    write_hostile_text_corpus,
)
from markdown_it import MarkdownIt
from rich.console import Console
from rich.text import Text

from newsdesk.core.marks.mark_store import MarkStore
from newsdesk.core.settings import Settings
from newsdesk.core.store.index_store import open_library
from newsdesk.tui.cli import main

#: Skipped from `write_broken_files`: each must get exactly one stderr line.
BROKEN_SKIPPED = ("empty.txt", "blank.txt", "binary.txt", "notes.pdf", "broken-link.txt")

#: Title and quote that try to act in the Rich summary (which shows titles and quotes).
LOUD_TITLE = "[bold red]Alarm[/bold red] \x1b[31mred\x1b[0m [link=file:///etc/passwd]x[/link]"
LOUD_QUOTE = "[@click=app.quit]Quit now[/] \x1b]52;c;ZWNobyBwd25lZA==\x07and $accent"


@pytest.fixture
def hostile_cli_corpus(tmp_path: Path) -> Path:
    """Every hostile line, every broken file, and an article whose title and quote are loud."""
    folder = tmp_path / "hostile"
    write_hostile_text_corpus(folder)
    write_broken_files(folder / "broken")
    body = f'Officials met on Monday.\n\n"{LOUD_QUOTE}," Maria Lopez said.'
    (folder / "loud.txt").write_text(hostile_article(body, title=LOUD_TITLE), encoding="utf-8")
    return folder


def stderr_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def assert_one_line_per_bad_file(err: str) -> None:
    lines = stderr_lines(err)
    assert "Traceback" not in err
    for name in BROKEN_SKIPPED:
        assert sum(name in line for line in lines) == 1, (name, lines)
    assert all(line.startswith("newsdesk: ") for line in lines), lines


def test_hostile_cli_index_summary_is_literal_and_escape_free(
    hostile_cli_corpus: Path, cli_pipeline, capsys, monkeypatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    assert main(["index", str(hostile_cli_corpus)]) == 0
    captured = capsys.readouterr()
    assert_one_line_per_bad_file(captured.err)
    assert len(stderr_lines(captured.err)) == len(BROKEN_SKIPPED)
    out = captured.out
    assert "\x1b" not in out and "\x07" not in out and "\x1b" not in captured.err
    assert "[bold red]Alarm[/bold red] red [link=file:///etc/passwd]x[/link]" in out
    assert "[@click=app.quit]Quit now[/] and $accent" in out
    assert f"{len(HOSTILE_LINES) + 1 + 6} articles" in out  # hostile, loud, six decodable


def test_hostile_cli_summary_on_a_terminal_has_only_rich_own_escapes(
    hostile_cli_corpus: Path, cli_pipeline
) -> None:
    """Forced colour: Rich's own SGR codes only; no OSC (title, clipboard, link) from the text."""
    from newsdesk.tui.cli.index_cmd import _corpus
    from newsdesk.tui.cli.summary import print_summary

    corpus = _corpus(open_library([hostile_cli_corpus], Settings.from_env()).library)
    buffer = io.StringIO()
    print_summary(corpus, Console(file=buffer, force_terminal=True, width=250,
                                  color_system="truecolor"))
    out = buffer.getvalue()
    assert "\x1b]" not in out and "\x07" not in out and "\x1bP" not in out
    plain = Text.from_ansi(out).plain
    assert "[bold red]Alarm[/bold red] red [link=file:///etc/passwd]x[/link]" in plain
    assert "[@click=app.quit]Quit now[/] and $accent" in plain


def test_hostile_cli_index_json_offsets_slice_their_text(
    hostile_cli_corpus: Path, cli_pipeline, capsys
) -> None:
    assert main(["index", str(hostile_cli_corpus), "--json"]) == 0
    captured = capsys.readouterr()
    assert_one_line_per_bad_file(captured.err)
    data = json.loads(captured.out)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for name, marker in VISIBLE_MARKERS.items():
        assert marker in texts[name]
    for article in data["articles"]:
        text = article["text"]
        assert "\x1b" not in text and "\r" not in text and "\u202e" not in text
        for start, end in article["paragraphs"]:
            assert text[start:end] and text[start:end] == text[start:end].strip()
        for start, end in article["sentences"]:
            assert 0 <= start < end <= len(text)
    for actor in data["actors"]:
        for m in actor["mentions"]:
            assert texts[m["article"]][m["start"] : m["end"]] == m["text"]
    assert data["quotes"]
    for q in data["quotes"]:
        text = texts[q["article"]]
        assert text[q["start"] : q["end"]] == q["text"]
        if q["cue_start"] is not None:
            assert text[q["cue_start"] : q["cue_end"]] == q["cue"]
        if q["speaker_start"] is not None:
            assert text[q["speaker_start"] : q["speaker_end"]]
    skipped = {Path(s["path"]).name for s in data["skipped"]}
    assert set(BROKEN_SKIPPED) <= skipped
    # CRLF and lone CR files: offsets point at the right text after newline normalisation
    for name in ("crlf", "lonecr"):
        text = texts[name]
        start, end = article_paragraphs(data, name)[-1]
        assert text[start:end] == "Second paragraph here."


def article_paragraphs(data: dict, article_id: str) -> list[list[int]]:  # type: ignore[type-arg]
    return next(a["paragraphs"] for a in data["articles"] if a["id"] == article_id)


@pytest.mark.parametrize(("query", "literal"), [
    ("click app quit", "[@click=app.quit]click me[/]"),
    ("script alert", "<script>alert('x')</script>"),
    ("javascript alert", "[click](javascript:alert(1))"),
])
def test_hostile_cli_search_table_and_json(
    hostile_cli_corpus: Path, cli_pipeline, capsys, monkeypatch, query: str, literal: str
) -> None:
    monkeypatch.setenv("COLUMNS", "250")
    assert main(["search", query, str(hostile_cli_corpus), "--json"]) == 0
    captured = capsys.readouterr()
    assert_one_line_per_bad_file(captured.err)
    hits = json.loads(captured.out)
    texts = {a.id: a.text for a in _articles(hostile_cli_corpus)}
    assert any(literal in hit["text"] for hit in hits), hits
    for hit in hits:
        if hit["kind"] in ("sentence", "quote"):
            assert texts[hit["article"]][hit["start"] : hit["end"]] == hit["text"]
        for start, end in hit["matches"]:
            assert 0 <= start < end <= len(hit["text"])
    assert main(["search", query, str(hostile_cli_corpus)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert literal[:20] in out


def _articles(folder: Path):  # type: ignore[no-untyped-def]
    library = open_library([folder], Settings.from_env()).library
    return [library.article(a.id).article for a in library.articles()]


def test_hostile_cli_export_has_no_live_html_or_links(
    hostile_cli_corpus: Path, cli_pipeline, capsys, tmp_path: Path
) -> None:
    settings = Settings.from_env()
    library = open_library([hostile_cli_corpus], settings).library
    marked: list[str] = []
    with MarkStore.open(settings) as store:
        for article_id in (*HOSTILE_LINES, "loud"):
            article = library.article(article_id).article
            start, end = article.paragraphs[-2]  # the hostile paragraph, before "This is fine"
            store.add(article, start, end, "sentence", note="[x](javascript:alert(2)) <b>n</b>")
            marked.append(article.text[start:end])
    out_file = tmp_path / "export.md"
    assert main(["export", str(hostile_cli_corpus), "--out", str(out_file)]) == 0
    captured = capsys.readouterr()
    assert_one_line_per_bad_file(captured.err)
    assert f"wrote {len(marked)} passages" in captured.err
    document = out_file.read_text(encoding="utf-8")
    assert "\x1b" not in document and "\x07" not in document
    tokens = MarkdownIt("commonmark").parse(document)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {"html_inline", "html_block", "image"}, kinds
    links = [
        c.attrGet("href") for t in tokens for c in (t.children or []) if c.type == "link_open"
    ]
    assert not any("javascript" in str(href) or "file:" in str(href) for href in links), links
    html = MarkdownIt("commonmark").render(document)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    rendered = _rendered_text(tokens)
    for line in ("<script>alert('x')</script>", "[click](javascript:alert(1))",
                 "[@click=app.quit]click me[/]", "$variable"):
        assert line in rendered, line


def _rendered_text(tokens) -> str:  # type: ignore[no-untyped-def]
    """What a Markdown reader shows: the text of every inline child, joined."""
    parts = []
    for token in tokens:
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type == "softbreak":
                parts.append(" ")
        parts.append("\n")
    return "".join(parts)


@pytest.mark.parametrize("command", [["index"], ["search", "anything"], ["export"]])
def test_hostile_cli_missing_path_exit_2_one_line(
    tmp_path: Path, capsys, command: list[str]
) -> None:
    missing = tmp_path / "not-here"
    assert main([*command, str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert stderr_lines(captured.err) == [f"newsdesk: {missing}: no such file or folder"]


def test_hostile_cli_folder_without_articles_exit_2_one_line(
    tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    assert main(["index", str(folder)]) == 2
    captured = capsys.readouterr()
    lines = stderr_lines(captured.err)
    assert lines[-1].startswith("newsdesk: nothing to read in") and len(lines) <= 2
    assert "Traceback" not in captured.err


def test_hostile_cli_lone_binary_file_says_why(tmp_path: Path, capsys) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    assert main(["index", str(binary)]) == 2
    lines = stderr_lines(capsys.readouterr().err)
    assert lines[-1] == f"newsdesk: nothing readable in {binary} (binary data, not a text article)"


CLI_MAIN = "import sys; from newsdesk.tui.cli import main; sys.exit(main())"


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--min-confidence", "2"],
        ["search", "trump", "--kind", "person"],
        ["index", "--limit", "-3"],
        ["actor"],
        ["--no-such-flag"],
    ],
)
def test_hostile_cli_usage_error_is_one_line_with_a_help_hint(command, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(command)
    assert exit_.value.code == 2
    captured = capsys.readouterr()
    prog = " ".join(["newsdesk", *command[:1]]) if not command[0].startswith("-") else "newsdesk"
    assert captured.out == "" and "usage:" not in captured.err
    assert stderr_lines(captured.err) == [captured.err.strip()]
    assert captured.err.startswith(f"{prog}: ")
    assert captured.err.endswith(f"(try `{prog} --help`)\n")


def test_hostile_cli_missing_model_message_has_one_full_stop(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.txt").write_text("Rain\n\nAnn Lee said it rained.\n", encoding="utf-8")
    assert main(["index", str(folder), "--model", "no_such_model_pkg"]) == 2
    err = capsys.readouterr().err
    assert "Cannot load the spaCy model 'no_such_model_pkg'" in err
    assert ".." not in err and ". Install it" in err


def test_hostile_cli_real_process_no_traceback(
    hostile_cli_corpus: Path, cli_pipeline, capsys
) -> None:
    """A real `newsdesk` process on the warm store: exit statuses and stderr as a user sees them."""
    assert main(["index", str(hostile_cli_corpus)]) == 0  # fills the store (session pipeline)
    capsys.readouterr()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", CLI_MAIN, *args],
            capture_output=True, text=True, timeout=120,
        )

    done = run("index", str(hostile_cli_corpus))
    assert done.returncode == 0, done.stderr
    assert_one_line_per_bad_file(done.stderr)
    assert "\x1b" not in done.stdout
    missing = run("search", "x", str(hostile_cli_corpus / "gone"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert len(stderr_lines(missing.stderr)) == 1


def test_hostile_cli_big_files_skipped_with_a_note(
    tmp_path: Path, cli_pipeline, capsys
) -> None:
    """Under the default limit (2 MB): a 5 MB single line and a 50 MB file, one note each."""
    from hostile_corpus import write_big_files

    folder = tmp_path / "big"
    big = write_big_files(folder)
    (folder / "small.txt").write_text(hostile_article("Nothing big."), encoding="utf-8")
    assert big["big.txt"].stat().st_size > 49_000_000
    assert main(["index", str(folder), "--json"]) == 0
    captured = capsys.readouterr()
    lines = stderr_lines(captured.err)
    assert len(lines) == 2, lines
    for name, size in (("one-line.txt", "5.0 MB"), ("big.txt", "50.0 MB")):
        (line,) = [line for line in lines if name in line]
        assert f"{size} is over the size limit of 2.0 MB" in line
        assert "NEWSDESK_MAX_FILE_BYTES" in line
    data = json.loads(captured.out)
    assert [a["id"] for a in data["articles"]] == ["small"]


@pytest.mark.slow
def test_hostile_cli_raised_limit_indexes_a_5mb_line_with_progress(
    tmp_path: Path, cli_pipeline, monkeypatch
) -> None:
    from hostile_corpus import write_big_files

    folder = tmp_path / "big"
    write_big_files(folder, file_mb=0)
    monkeypatch.setenv("NEWSDESK_MAX_FILE_BYTES", "6000000")
    seen: list[tuple[int, int]] = []
    opened = open_library(
        [folder], Settings.from_env(), progress=lambda done, total, _id: seen.append((done, total))
    )
    assert opened.indexed == 1 and seen[-1] == (1, 1)
    detail = opened.library.article("one-line")
    text = detail.article.text
    assert len(text) > 4_900_000
    assert len(detail.sentences) > 100_000
    for start, end in detail.sentences[:: 10_000]:
        assert text[start:end].strip().endswith(".")


def _mark_first_sentences(folder: Path, count: int = 3) -> list[tuple[int, int, str]]:
    settings = Settings.from_env()
    library = open_library([folder], settings).library
    with MarkStore.open(settings) as store:
        for article_id in list(HOSTILE_LINES)[:count]:
            article = library.article(article_id).article
            start, end = article.paragraphs[-2]
            store.add(article, start, end, "sentence", note=f"note {article_id}")
        return sorted((m.start, m.end, m.note) for m in store.marks())


@pytest.mark.parametrize("failure", ["read-only", "under-a-file"])
def test_hostile_cli_unwritable_export_keeps_old_file_and_marks(
    hostile_cli_corpus: Path, cli_pipeline, capsys, monkeypatch, tmp_path: Path,
    failure: str,
) -> None:
    before = _mark_first_sentences(hostile_cli_corpus)
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    target = out_dir / "marks.md"
    target.write_text("old export\n", encoding="utf-8")
    if failure == "read-only":  # tests run as root: a read-only disk refuses the rename
        import errno

        import newsdesk.core.export.document

        def refuse(*_args: object) -> None:
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(newsdesk.core.export.document.os, "replace", refuse)
        monkeypatch.setattr(newsdesk.core.export.document.os, "link", refuse)
        args = ["--out", str(target), "--force"]
    else:
        args = ["--out", str(target / "marks.md")]  # a "folder" that is a file
    assert main(["export", str(hostile_cli_corpus), *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    errors = [line for line in stderr_lines(captured.err) if "cannot write" in line
              or "does not exist" in line]
    assert len(errors) == 1, captured.err
    assert target.read_text(encoding="utf-8") == "old export\n"
    assert sorted(p.name for p in out_dir.iterdir()) == ["marks.md"]  # no temporary file left
    with MarkStore.open(Settings.from_env()) as store:
        assert sorted((m.start, m.end, m.note) for m in store.marks()) == before


def test_hostile_cli_ctrl_c_while_indexing_leaves_the_store_consistent(
    hostile_cli_corpus: Path, cli_pipeline, capsys, monkeypatch
) -> None:
    """Ctrl+C half-way: one line, status 130; the next run keeps what was done and finishes."""
    import newsdesk.core.pipeline.indexing

    real_analyze = newsdesk.core.pipeline.indexing.analyze

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        for done, analysis in enumerate(real_analyze(*args, **kwargs), 1):
            if done == 5:
                raise KeyboardInterrupt
            yield analysis

    monkeypatch.setenv("NEWSDESK_BATCH_SIZE", "2")
    monkeypatch.setattr(newsdesk.core.pipeline.indexing, "analyze", interrupted)
    assert main(["index", str(hostile_cli_corpus), "--json"]) == 130
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert stderr_lines(captured.err)[-1] == "newsdesk: interrupted"
    monkeypatch.setattr(newsdesk.core.pipeline.indexing, "analyze", real_analyze)
    resumed = open_library([hostile_cli_corpus], Settings.from_env())
    assert not resumed.notices  # nothing damaged, nothing rebuilt
    # committed batches are kept (the first article comes alone, then batches of two)
    assert resumed.reused >= 2
    assert resumed.reused + resumed.indexed == len(HOSTILE_LINES) + 1 + 6
    assert main(["index", str(hostile_cli_corpus), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["articles"]) == len(HOSTILE_LINES) + 1 + 6


TWO_PROCESSES = """
import sys, time
from pathlib import Path
from newsdesk.core.marks.mark_store import MarkStore
from newsdesk.core.settings import Settings
from newsdesk.core.store.index_store import open_library

folder, name, ready, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
settings = Settings.from_env()
ready.touch()
while not go.exists():
    time.sleep(0.01)
opened = open_library([folder], settings)
library = opened.library
with MarkStore.open(settings) as store:
    for article_id in sorted(a.id for a in library.articles()):
        article = library.article(article_id).article
        for i in range(5):
            store.add(article, i, i + 1, "selection", note=f"{name}-{article_id}-{i}")
print(len(library.articles()), file=sys.stderr)
"""


@pytest.mark.parametrize("store", ["warm", "cold"])
def test_hostile_cli_two_processes_same_folder_and_data_dir_lose_no_marks(
    tmp_path: Path, cli_pipeline, monkeypatch, store: str
) -> None:
    """Two newsdesk processes open the same corpus and write marks at the same moment.

    Cold: both index the folder at once (rule-based pipeline, so no model loads twice).
    """
    folder = tmp_path / "hostile"
    write_hostile_text_corpus(folder)
    if store == "warm":
        open_library([folder], Settings.from_env())  # index once, with the session pipeline
    else:
        monkeypatch.setenv("NEWSDESK_MODEL", "rules")
    go = tmp_path / "go"
    procs = []
    for name in ("one", "two"):
        ready = tmp_path / f"ready-{name}"
        procs.append((ready, subprocess.Popen(
            [sys.executable, "-c", TWO_PROCESSES, str(folder), name, str(ready), str(go)],
            stderr=subprocess.PIPE, text=True,
        )))
    import time

    deadline = time.monotonic() + 60
    while not all(ready.exists() for ready, _ in procs):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    go.touch()
    for _ready, proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert err.strip() == str(len(HOSTILE_LINES))
    with MarkStore.open(Settings.from_env()) as store:
        notes = [m.note for m in store.marks()]
    assert len(notes) == len(set(notes)) == 2 * 5 * len(HOSTILE_LINES)
    assert open_library([folder], Settings.from_env()).indexed == 0


def test_hostile_cli_unreadable_file_is_one_line_and_the_rest_indexes(
    hostile_cli_corpus: Path, cli_pipeline, capsys, monkeypatch
) -> None:
    """Tests run as root (chmod does not stop root): the read itself is refused."""
    import errno

    locked = hostile_cli_corpus / "locked.txt"
    locked.write_text(hostile_article("Secret."), encoding="utf-8")
    real_read = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert main(["index", str(hostile_cli_corpus), "--json"]) == 0
    captured = capsys.readouterr()
    assert_one_line_per_bad_file(captured.err)
    (line,) = [line for line in stderr_lines(captured.err) if "locked.txt" in line]
    assert line == f"newsdesk: skipped {locked}: cannot read (Permission denied)"
    data = json.loads(captured.out)
    assert "locked" not in {a["id"] for a in data["articles"]}
    assert len(data["articles"]) == len(HOSTILE_LINES) + 1 + 6
