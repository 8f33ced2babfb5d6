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

from newsdesk.core.marks import MarkStore
from newsdesk.core.settings import Settings
from newsdesk.core.store import open_library
from newsdesk.tui.cli import main

#: Skipped from `write_broken_files`: each must get exactly one stderr line.
BROKEN_SKIPPED = ("empty.txt", "blank.txt", "binary.txt", "notes.pdf", "broken-link.txt")

#: Title and quote that try to act in the Rich summary (which shows titles and quotes).
LOUD_TITLE = "[bold red]Alarm[/bold red] \x1b[31mred\x1b[0m [link=file:///etc/passwd]x[/link]"
LOUD_QUOTE = "[@click=app.quit]Quit now[/] \x1b]52;c;ZWNobyBwd25lZA==\x07and $accent"


@pytest.fixture
def hostile_cli_pipeline(nlp, monkeypatch):  # type: ignore[no-untyped-def]
    """The session pipeline stands in for `load_pipeline` (no second spaCy load)."""
    import newsdesk.core.nlp

    def load(model: str | None):  # type: ignore[no-untyped-def]
        return nlp, newsdesk.core.nlp.describe_model(model)

    monkeypatch.setattr(newsdesk.core.nlp, "load_pipeline", load)


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
    hostile_cli_corpus: Path, hostile_cli_pipeline, capsys, monkeypatch
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
    hostile_cli_corpus: Path, hostile_cli_pipeline
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
    hostile_cli_corpus: Path, hostile_cli_pipeline, capsys
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
    hostile_cli_corpus: Path, hostile_cli_pipeline, capsys, monkeypatch, query: str, literal: str
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
    hostile_cli_corpus: Path, hostile_cli_pipeline, capsys, tmp_path: Path
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
    assert f"wrote {len(marked)} passage(s)" in captured.err
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
    assert lines[-1].startswith("newsdesk: no articles found in") and len(lines) <= 2
    assert "Traceback" not in captured.err


def test_hostile_cli_real_process_no_traceback(
    hostile_cli_corpus: Path, hostile_cli_pipeline, capsys
) -> None:
    """A real `newsdesk` process on the warm store: exit statuses and stderr as a user sees them."""
    assert main(["index", str(hostile_cli_corpus)]) == 0  # fills the store (session pipeline)
    capsys.readouterr()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", "import sys; from newsdesk.tui.cli import main; sys.exit(main())",
             *args],
            capture_output=True, text=True, timeout=120,
        )

    done = run("index", str(hostile_cli_corpus))
    assert done.returncode == 0, done.stderr
    assert_one_line_per_bad_file(done.stderr)
    assert "\x1b" not in done.stdout
    missing = run("search", "x", str(hostile_cli_corpus / "gone"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    assert len(stderr_lines(missing.stderr)) == 1
