"""Markdown export: parsed back with markdown-it-py; hostile text stays text; atomic writes."""

from __future__ import annotations

import errno
import json
import os
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin
from samples import MINISTERS

from newsdesk.core.errors import ExportError, NewsdeskError
from newsdesk.core.export import document as export_module
from newsdesk.core.export.document import (
    ExportExists,
    NothingToExport,
    Passage,
    build_document,
    collect,
    default_export_path,
    paragraph_number,
    passage_markdown,
    render,
    write_export,
)
from newsdesk.core.marks.mark_store import Mark, MarkStore
from newsdesk.core.pipeline.indexing import analyze, build_corpus, read_articles
from newsdesk.core.resolve import resolve_actor
from newsdesk.core.settings import Settings
from newsdesk.core.store.library import MemoryLibrary

HOSTILE = """Hostile <b>Title</b> [x](javascript:alert(1)) & more

Tuesday, March 5, 2019

Eve Mallory, the spokeswoman, said: "Click [here](javascript:alert(1)) and
<script>alert(1)</script> now."

> quote line pretending
# heading that is not
- list item
[@click=app.quit] and `code` and *emph* and &amp; and <!-- c -->
and ![i](http://evil.example/i.png)

1. An ordered line that looks like a list.

---

<div onclick="x">html block</div>

Full article: Hostile (Example News)

https://example.com/2019/03/05/hostile
"""

LITERALS = (
    "<script>alert(1)</script>",
    "[here](javascript:alert(1))",
    "[@click=app.quit]",
    "`code`",
    "*emph*",
    "&amp;",
    "![i](http://evil.example/i.png)",
    '<div onclick="x">html block</div>',
)
MINISTERS_URL = "https://example.com/2019/03/04/ministers"
HOSTILE_URL = "https://example.com/2019/03/05/hostile"
WHEN = datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc)


@pytest.fixture
def export_library(nlp, tmp_path: Path) -> MemoryLibrary:  # type: ignore[no-untyped-def]
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "ministers.txt").write_text(MINISTERS, encoding="utf-8")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    articles, _ = read_articles([folder])
    return MemoryLibrary(build_corpus(analyze(nlp, articles)))


@pytest.fixture
def export_store(tmp_path: Path) -> MarkStore:
    store = MarkStore.open(Settings.from_env(data_dir=tmp_path / "data"))
    yield store  # type: ignore[misc]
    store.close()


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)


def flat(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(flat(token.children or []))
    return out


def front_matter(markdown: str) -> dict[str, object]:
    (token,) = [t for t in parser().parse(markdown) if t.type == "front_matter"]
    values = {}
    for line in token.content.splitlines():
        key, _, value = line.partition(": ")
        values[key] = json.loads(value)
    return values


def headings(tokens: list[Token], level: int) -> list[str]:
    found = []
    for n, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == f"h{level}":
            found.append(
                "".join(c.content for c in tokens[n + 1].children or [] if c.type == "text")
            )
    return found


def quote_texts(tokens: list[Token]) -> list[str]:
    """The rendered text of every blockquote."""
    texts: list[str] = []
    depth = 0
    for token in tokens:
        if token.type == "blockquote_open":
            depth += 1
            if depth == 1:
                texts.append("")
        elif token.type == "blockquote_close":
            depth -= 1
        elif depth and token.type == "inline":
            texts[-1] += (
                "".join(
                    c.content if c.type == "text" else "\n"
                    for c in token.children or []
                    if c.type != "strong_open"
                )
                + "\n"
            )
    return texts


def mark_everything(library: MemoryLibrary, store: MarkStore) -> list[Mark]:
    for summary in library.articles():
        detail = library.article(summary.id)
        for quote in detail.quotes:
            store.add_quote(
                detail.article,
                quote,
                note=f"note on {quote.speaker} <script>x</script> [a](javascript:b)",
            )
        store.add(detail.article, 0, len(detail.article.text), "selection", note="# not a heading")
    return store.marks()


def test_export_structure_parses_back(
    export_library: MemoryLibrary, export_store: MarkStore
) -> None:
    marks = mark_everything(export_library, export_store)
    document = build_document(export_library, marks, corpus="tests <corpus>", exported_at=WHEN)
    tokens = parser().parse(document.text)
    assert front_matter(document.text) == {
        "title": "newsdesk marks",
        "exported_at": "2026-11-23T09:30:00Z",
        "corpus": "tests <corpus>",
        "count": len(marks),
    }
    assert document.count == len(marks)
    assert headings(tokens, 1) == ["newsdesk marks"]
    titles = {s.id: s.title for s in export_library.articles()}
    assert headings(tokens, 2) == [titles[s.id] for s in export_library.articles()]
    assert headings(tokens, 3) == []
    assert len(quote_texts(tokens)) == len(marks)
    links = [t.attrGet("href") for t in flat(tokens) if t.type == "link_open"]
    assert sorted(links) == sorted([MINISTERS_URL, HOSTILE_URL])


def test_export_hostile_text_never_becomes_markup(
    export_library: MemoryLibrary, export_store: MarkStore
) -> None:
    marks = mark_everything(export_library, export_store)
    text = build_document(export_library, marks, corpus="c", exported_at=WHEN).text
    tokens = flat(parser().parse(text))
    allowed = {
        "front_matter",
        "heading_open",
        "heading_close",
        "inline",
        "text",
        "paragraph_open",
        "paragraph_close",
        "blockquote_open",
        "blockquote_close",
        "softbreak",
        "strong_open",
        "strong_close",
        "em_open",
        "em_close",
        "link_open",
        "link_close",
    }
    assert {t.type for t in tokens} <= allowed
    html = parser().render(text)
    assert "<script" not in html and "<div" not in html and "<b>" not in html and "<img" not in html
    assert "javascript:" not in html.replace("(javascript:alert(1))", "").replace(
        "(javascript:b)", ""
    )
    assert 'href="javascript' not in html
    rendered = "\n".join(quote_texts(parser().parse(text)))
    for literal in LITERALS:
        assert literal in rendered, literal
    assert "> quote line pretending # heading that is not - list item" in rendered
    assert "1. An ordered line that looks like a list." in rendered
    notes = [t.content for t in tokens if t.type == "text" and "note on" in t.content]
    assert any("<script>x</script> [a](javascript:b)" in n for n in notes)


def test_export_attributes_and_cites(
    export_library: MemoryLibrary, export_store: MarkStore
) -> None:
    detail = export_library.article("ministers")
    guo = next(q for q in detail.quotes if q.speaker == "Guo Shengkun")
    lu = next(q for q in detail.quotes if q.speaker == "Lu Wei")
    export_store.add_quote(detail.article, guo, note="the promise")
    export_store.add_quote(detail.article, lu)
    text = build_document(
        export_library, export_store.marks(), corpus="c", article_id="ministers"
    ).text
    assert "> — **Guo Shengkun**, Chinese Public Security Minister (direct)" in text
    assert "Lu Wei **said** online freedom is not a right but a responsibility (reported)" in text
    assert "**Note:** the promise" in text
    assert "*Source:* Ministers Meet Over Internet Rules, paragraph 1" in text
    assert "*Source:* Ministers Meet Over Internet Rules, paragraph 2" in text
    assert (
        "Example News · 2019-03-04 · [original article](<https://example.com/2019/03/04/ministers>)"
        in text
    )
    assert paragraph_number(detail.article, lu.start) == 2
    assert paragraph_number(detail.article, detail.article.paragraphs[2][1] - 1) == 3


def test_export_names_a_second_hand_source(export_library: MemoryLibrary) -> None:
    from newsdesk.core.models import Corpus

    corpus = export_library.corpus
    quotes = tuple(
        replace(q, via="a leaked memo") if q.speaker == "Lu Wei" else q for q in corpus.quotes
    )
    library = MemoryLibrary(Corpus(corpus.articles, corpus.actors, quotes, corpus.sentences))
    text = build_document(library, [], corpus="c", actor_id="lu-wei").text
    said = "Lu Wei **said** online freedom is not a right but a responsibility"
    assert f"{said} (reported, via a leaked memo)" in text


def test_export_group_by_actor(export_library: MemoryLibrary, export_store: MarkStore) -> None:
    marks = mark_everything(export_library, export_store)
    text = build_document(export_library, marks, corpus="c", group="actor").text
    tokens = parser().parse(text)
    actors = headings(tokens, 2)
    assert actors[-1] == "Other passages"
    assert {"Guo Shengkun", "Lu Wei"} <= set(actors)
    assert len(actors) == len(set(actors))
    assert "Ministers Meet Over Internet Rules" in headings(tokens, 3)
    assert len(quote_texts(tokens)) == len(marks)
    assert "*Chinese Public Security Minister*" in text


def test_export_actor_positions_without_marks(
    export_library: MemoryLibrary, export_store: MarkStore
) -> None:
    actor = resolve_actor(export_library, "lu wei").item
    passages = collect(export_library, [], actor_id=actor.id)
    assert [p.kind for p in passages] == ["position"] * len(export_library.positions(actor.id))
    assert passages and all(p.mark is None for p in passages)
    detail = export_library.article("ministers")
    quote = export_library.positions(actor.id)[0]
    mark = export_store.add_quote(detail.article, quote, "position", note="key line")
    merged = collect(export_library, export_store.marks(), actor_id=actor.id)
    assert (
        len(merged) == len(passages) and merged[0].mark == mark.id and merged[0].note == "key line"
    )
    document = build_document(export_library, [], corpus="c", actor_id=actor.id)
    assert front_matter(document.text)["title"] == "Positions of Lu Wei"


def test_export_scope_and_foreign_marks(
    export_library: MemoryLibrary, export_store: MarkStore
) -> None:
    marks = mark_everything(export_library, export_store)
    only = collect(export_library, marks, article_id="hostile")
    assert only and {p.article for p in only} == {"hostile"}
    foreign = [replace(m, path="/elsewhere/x.txt", content_hash="other") for m in marks]
    assert collect(export_library, foreign) == []
    with pytest.raises(NothingToExport) as caught:
        build_document(export_library, foreign, corpus="c")
    assert caught.value.exit_status == 1


def test_export_detached_mark_says_so(
    export_library: MemoryLibrary, export_store: MarkStore
) -> None:
    article = export_library.article("ministers").article
    mark = export_store.add(article, 0, 20, note="old")
    text = build_document(export_library, [replace(mark, detached=True)], corpus="c").text
    assert "paragraph unknown: the article changed" in text
    assert "**Note:** old" in text


def test_export_passage_markdown_for_the_clipboard(export_library: MemoryLibrary) -> None:
    detail = export_library.article("ministers")
    guo = next(q for q in detail.quotes if q.speaker == "Guo Shengkun")
    text = passage_markdown(
        export_library, Passage.from_span(detail.article, guo.start, guo.end, guo)
    )
    tokens = parser().parse(text)
    assert [t.type for t in tokens][0] == "blockquote_open"
    assert quote_texts(tokens)[0].startswith("We will protect the network together.\n")
    assert [t.attrGet("href") for t in flat(tokens) if t.type == "link_open"] == [MINISTERS_URL]


def test_export_render_empty_is_still_valid(export_library: MemoryLibrary) -> None:
    text = render(export_library, [], title="t", corpus="c")
    assert front_matter(text)["count"] == 0


# -- writing --------------------------------------------------------------------------------


def test_export_write_is_atomic_and_refuses_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    assert write_export(target, "first\n") == target
    assert target.read_text() == "first\n"
    with pytest.raises(ExportExists, match="--force"):
        write_export(target, "second\n")
    assert target.read_text() == "first\n"
    write_export(target, "second\n", force=True)
    assert target.read_text() == "second\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


@pytest.mark.parametrize("failing", ["fsync", "replace", "write"])
def test_export_failure_half_way_leaves_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "out.md"
    target.write_text("old export\n")

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    text = "new export " * 10_000
    if failing == "write":
        real_fdopen = os.fdopen

        def half_full_disk(fd: int, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
            handle = real_fdopen(fd, *args, **kwargs)  # type: ignore[call-overload]
            real_write = handle.write

            def write(data: str) -> int:
                real_write(data[: len(data) // 2])
                handle.flush()
                raise OSError(errno.ENOSPC, "No space left on device")

            handle.write = write
            return handle

        monkeypatch.setattr(export_module.os, "fdopen", half_full_disk)
    else:
        monkeypatch.setattr(export_module.os, failing, boom)
    with pytest.raises(ExportError, match="cannot write .*out.md"):
        write_export(target, text, force=True)
    assert target.read_text() == "old export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_export_interrupt_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.md"
    target.write_text("old export\n")

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(export_module.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_export(target, "new", force=True)
    assert target.read_text() == "old export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_export_unwritable_paths_give_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for path, words in (
        (blocker / "out.md", "does not exist"),
        (tmp_path / "missing" / "out.md", "does not exist"),
        (tmp_path, "is a folder"),
    ):
        with pytest.raises(ExportError, match=words) as caught:
            write_export(path, "text")
        assert isinstance(caught.value, NewsdeskError) and "\n" not in str(caught.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_export_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "out.md").write_text("old")
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="not writable"):
            write_export(folder / "out.md", "new", force=True)
        assert (folder / "out.md").read_text() == "old"
    finally:
        folder.chmod(0o700)


def test_export_default_path_is_dated(tmp_path: Path) -> None:
    from datetime import date

    assert default_export_path(date(2026, 11, 23), tmp_path) == tmp_path / "newsdesk-2026-11-23.md"


# -- property: any article text, title, note or URL stays text ---------------------------------

_ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120)
_MARKUPISH = st.text(alphabet="\\`*_[]()<>&#!|~-+=.:;'\"/ \nabc1\t", min_size=1, max_size=80)


@given(
    body=st.one_of(_ANY_TEXT, _MARKUPISH),
    title=st.one_of(_ANY_TEXT, _MARKUPISH),
    note=st.one_of(_ANY_TEXT, _MARKUPISH),
    url=st.one_of(
        st.none(), _MARKUPISH, st.just("javascript:alert(1)"), st.just("https://x.test/a")
    ),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_export_any_text_renders_as_text(body: str, title: str, note: str, url: str | None) -> None:
    from newsdesk.core.models import Article, Corpus

    text = "Lead. " + body
    article = Article("a", "a.txt", title, None, None, url, text, ((0, len(text)),), "h")
    library = MemoryLibrary(Corpus((article,), (), ()))
    mark = Mark(
        1,
        "a",
        "/x/a.txt",
        "h",
        0,
        len(text),
        text,
        "selection",
        None,
        None,
        None,
        None,
        note,
        False,
        "t",
        "t",
    )
    document = build_document(library, [mark], corpus=body, exported_at=WHEN)
    tokens = flat(parser().parse(document.text))
    allowed = {
        "front_matter",
        "heading_open",
        "heading_close",
        "inline",
        "text",
        "paragraph_open",
        "paragraph_close",
        "blockquote_open",
        "blockquote_close",
        "softbreak",
        "strong_open",
        "strong_close",
        "em_open",
        "em_close",
        "link_open",
        "link_close",
    }
    assert {t.type for t in tokens} <= allowed
    assert [t.type for t in tokens].count("blockquote_open") == 1
    assert [t.type for t in tokens].count("heading_open") == 2
    hrefs = [t.attrGet("href") for t in tokens if t.type == "link_open"]
    assert hrefs == (["https://x.test/a"] if url == "https://x.test/a" else [])
    assert front_matter(document.text)["corpus"] == body


def test_export_default_path_is_named_after_the_corpus(tmp_path: Path) -> None:
    from datetime import date as day

    folder = tmp_path / "wikinews 2019"
    folder.mkdir()
    when = day(2026, 12, 1)
    assert default_export_path(when, tmp_path, [folder]).name == "wikinews-2019-2026-12-01.md"
    assert default_export_path(when, tmp_path, [folder, folder]).name == "newsdesk-2026-12-01.md"
    assert default_export_path(when, tmp_path, [], ".csv").name == "newsdesk-2026-12-01.csv"


def test_export_default_folder_is_documents_else_home(tmp_path, monkeypatch) -> None:
    from datetime import date

    from newsdesk.core.export.document import export_folder

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    assert export_folder() == tmp_path  # never the working directory
    (tmp_path / "Documents").mkdir()
    assert export_folder() == tmp_path / "Documents"
    when = date(2026, 12, 1)
    assert default_export_path(when).parent == tmp_path / "Documents"

BRIDGE = (
    "Bridge repairs run late\n\nMarch 4, 2019\n\n"
    "Mayor Dana Whitfield described the bridge repair as \u201cslow but necessary.\u201d "
    "The work began in May.\n\n"
    "Councillor Omar Pell called the delay \u201can embarrassment for the town\u201d on Tuesday."
    "\n\nThe union said on Monday that its members would strike.\n"
)


@pytest.mark.parametrize(("speaker", "expected"), [
    ("Dana Whitfield",
     "**described** the bridge repair as \u201cslow but necessary.\u201d (reported)"),
    ("Omar Pell", "**called** the delay \u201can embarrassment for the town\u201d (stance)"),
    ("The union", "**said** on Monday that its members would strike (reported)"),
])
def test_export_paraphrase_keeps_the_words_between_cue_and_quote(
    nlp, tmp_path: Path, speaker: str, expected: str  # type: ignore[no-untyped-def]
) -> None:
    """A paraphrase reads as the article's sentence does: the cue's object and frame stay, and
    a quotation the frame opens is closed ("described perfectly fine" said nothing)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    articles, _ = read_articles([folder])
    library = MemoryLibrary(build_corpus(analyze(nlp, articles)))
    detail = library.article("bridge")
    quote = next(q for q in detail.quotes if q.speaker and q.speaker.endswith(speaker))
    passage = Passage("bridge", quote.start, quote.end, quote.text, "quote", quote.id,
                      quote.kind, quote.speaker, quote.actor)
    line = passage_markdown(library, passage).splitlines()[0]
    assert line.endswith(expected), line
