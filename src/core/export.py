"""Marks (and actors' positions) as Markdown, cited back to article and paragraph; atomic writes.

Every string that came from an article or the reader goes through `core.markdown`, so the
export's only structure, links and emphasis are the ones made here.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Literal

from .errors import ExportError
from .library import ActorSummary, ArticleDetail, Library
from .markdown import blockquote, escape_inline, link, safe_url, yaml_string
from .marks import Mark, MarkKind, belongs, normalise_path
from .models import Actor, Article, Quote, QuoteKind

GroupBy = Literal["article", "actor"]
GROUPS: tuple[GroupBy, ...] = ("article", "actor")

#: How a quote's kind reads in an export: the three words a journalist uses.
KIND_LABELS: dict[str, str] = {
    "direct": "direct",
    "mixed": "reported",
    "indirect": "reported",
    "stance": "stance",
}


class NothingToExport(ExportError):
    """The scope holds no marks (or positions): exit status 1, as for "nothing found"."""

    title = "Nothing to export"
    exit_status = 1


class ExportExists(ExportError):
    """The target file exists and overwriting was not asked for."""

    title = "File exists"


@dataclass(frozen=True, slots=True)
class Passage:
    """One exported passage: a mark, or an actor's position that nobody marked."""

    article: str
    start: int
    end: int
    text: str
    kind: MarkKind
    quote: str | None = None
    quote_kind: QuoteKind | None = None
    speaker: str | None = None
    actor: str | None = None
    note: str = ""
    mark: int | None = None
    """The mark's id; None for an unmarked position."""
    detached: bool = False

    @classmethod
    def from_mark(cls, mark: Mark) -> Passage:
        return cls(
            mark.article,
            mark.start,
            mark.end,
            mark.text,
            mark.kind,
            mark.quote,
            mark.quote_kind,
            mark.speaker,
            mark.actor,
            mark.note,
            mark.id,
            mark.detached,
        )

    @classmethod
    def from_quote(cls, article: Article, quote: Quote, kind: MarkKind = "position") -> Passage:
        return cls(
            article.id,
            quote.start,
            quote.end,
            article.text[quote.start : quote.end],
            kind,
            quote.id,
            quote.kind,
            quote.speaker,
            quote.actor,
        )

    @classmethod
    def from_span(
        cls, article: Article, start: int, end: int, quote: Quote | None = None
    ) -> Passage:
        """An unmarked selection or sentence (for `y`, copy as Markdown)."""
        if quote is not None:
            return cls.from_quote(article, quote, "quote")
        return cls(article.id, start, end, article.text[start:end], "selection")


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """A rendered export: the Markdown and how many passages it holds."""

    text: str
    count: int
    title: str


# -- scope ----------------------------------------------------------------------------------


def find_actor(library: Library, query: str) -> ActorSummary:
    """The actor `query` names: an id, a name or an alias (case-insensitive), else a unique
    part of a name or alias. Raises `ExportError` for no match or several."""
    wanted = query.strip().casefold()
    if not wanted:
        raise ExportError("--actor needs a name, an alias or an actor id")
    actors = list(library.actors())

    def names(a: ActorSummary) -> list[str]:
        return [a.name.casefold(), *(alias.casefold() for alias in a.aliases)]

    stages: tuple[tuple[bool, Callable[[ActorSummary], bool]], ...] = (
        (True, lambda a: a.id.casefold() == wanted),
        (True, lambda a: a.name.casefold() == wanted),
        (True, lambda a: wanted in names(a)[1:]),
        (False, lambda a: any(wanted in name for name in names(a))),
    )
    for exact, stage in stages:
        found = [a for a in actors if stage(a)]
        if len(found) == 1:
            return found[0]
        if not found:
            continue
        quoted = [a for a in found if a.quote_count]
        if exact and len(quoted) == 1:
            return quoted[0]  # "China" the place and "China" the group: the one with positions
        found.sort(key=lambda a: (-a.quote_count, -a.mention_count, a.name))
        listed = ", ".join(f"{a.name} ({a.id})" for a in found[:6])
        more = f" and {len(found) - 6} more" if len(found) > 6 else ""
        raise ExportError(f"{query!r} matches several actors: {listed}{more}; give one of the ids")
    raise ExportError(f"no actor matches {query!r} (try `newsdesk search {query}`)")


def find_article(library: Library, query: str) -> str:
    """An article id from an id or the article's file path. Raises `ExportError`."""
    summaries = list(library.articles())
    for summary in summaries:
        if summary.id == query:
            return summary.id
    wanted = normalise_path(query)
    for summary in summaries:
        if normalise_path(summary.path) == wanted:
            return summary.id
    raise ExportError(
        f"no article with id {query!r} in this corpus (ids are listed by `newsdesk index`)"
    )


def collect(
    library: Library,
    marks: Iterable[Mark],
    *,
    article_id: str | None = None,
    actor_id: str | None = None,
    min_confidence: float = 0.0,
) -> list[Passage]:
    """The passages in scope, in corpus order: marks of this library's articles (one article's,
    one actor's), plus, for an actor, every position of theirs nobody marked whose attribution
    confidence reaches `min_confidence` (a reader's own marks are always kept)."""
    order = {summary.id: n for n, summary in enumerate(library.articles())}
    details: dict[str, ArticleDetail] = {}

    def detail(aid: str) -> ArticleDetail:
        if aid not in details:
            details[aid] = library.article(aid)
        return details[aid]

    passages: list[Passage] = []
    for mark in marks:
        if mark.article not in order or (article_id and mark.article != article_id):
            continue
        if actor_id and mark.actor != actor_id:
            continue
        if belongs(mark, detail(mark.article).article):
            passages.append(Passage.from_mark(mark))
    if actor_id:
        taken = {(p.article, p.quote) for p in passages} | {
            (p.article, (p.start, p.end)) for p in passages
        }
        for quote in library.positions(actor_id):
            if quote.article not in order or (article_id and quote.article != article_id):
                continue
            if quote.confidence < min_confidence:
                continue
            if (quote.article, quote.id) in taken or (
                quote.article,
                (quote.start, quote.end),
            ) in taken:
                continue
            passages.append(Passage.from_quote(detail(quote.article).article, quote))
    passages.sort(key=lambda p: (order[p.article], p.start, p.end, p.mark or 0))
    return passages


# -- rendering ------------------------------------------------------------------------------


def paragraph_number(article: Article, offset: int) -> int | None:
    """1-based number of the paragraph holding `offset` (citations), None if there is none."""
    number = None
    for n, (start, end) in enumerate(article.paragraphs, 1):
        if start <= offset < end:
            return n
        if start <= offset:
            number = n
    return number


class _Renderer:
    def __init__(self, library: Library) -> None:
        self.library = library
        self._details: dict[str, ArticleDetail] = {}
        self._actors: dict[str, Actor | None] = {}

    def detail(self, article_id: str) -> ArticleDetail:
        if article_id not in self._details:
            self._details[article_id] = self.library.article(article_id)
        return self._details[article_id]

    def actor(self, actor_id: str | None) -> Actor | None:
        if not actor_id:
            return None
        if actor_id not in self._actors:
            try:
                self._actors[actor_id] = self.library.actor(actor_id)
            except (KeyError, LookupError):
                self._actors[actor_id] = None
        return self._actors[actor_id]

    def article_meta(self, article: Article) -> str:
        bits = [escape_inline(x) for x in (article.source, article.date) if x]
        if safe_url(article.url):
            bits.append(link("original article", article.url))
        else:
            bits.append(f"file {escape_inline(Path(article.path).name)}")
        return " · ".join(bits)

    def quote(self, passage: Passage) -> Quote | None:
        if not passage.quote:
            return None
        return next((q for q in self.detail(passage.article).quotes if q.id == passage.quote), None)

    def attribution(self, passage: Passage) -> str | None:
        """`— **Name**, Role (kind, via source)`: None for passages nobody said."""
        actor = self.actor(passage.actor)
        name = actor.name if actor else passage.speaker
        label = KIND_LABELS.get(passage.quote_kind or "", None)
        if not name and not label:
            return None
        line = "— unattributed"
        if name:
            line = f"— **{escape_inline(name)}**"
            if actor and actor.role:
                line += f", {escape_inline(actor.role)}"
        quote = self.quote(passage)
        details = [label] if label else []
        if quote is not None and quote.via:
            details.append(f"via {escape_inline(quote.via)}")
        return f"{line} ({', '.join(details)})" if details else line

    def citation(self, passage: Passage, with_link: bool) -> str:
        article = self.detail(passage.article).article
        where = escape_inline(article.title)
        if passage.detached:
            where += ", paragraph unknown: the article changed and this text is no longer in it"
        else:
            number = paragraph_number(article, passage.start)
            if number is not None:
                where += f", paragraph {number}"
        extra = [escape_inline(x) for x in (article.source, article.date) if x] if with_link else []
        if with_link and safe_url(article.url):
            extra.append(link("link", article.url))
        tail = f" ({' · '.join(extra)})" if extra else ""
        return f"*Source:* {where}{tail}"

    def passage(self, passage: Passage, *, with_link: bool = False) -> list[str]:
        lines = blockquote(passage.text) or [">"]
        if attribution := self.attribution(passage):
            lines += [">", f"> {attribution}"]
        lines.append("")
        if passage.note.strip():
            lines += [f"**Note:** {escape_inline(passage.note)}", ""]
        lines += [self.citation(passage, with_link), ""]
        return lines

    def article_heading(self, article_id: str, level: int) -> list[str]:
        article = self.detail(article_id).article
        lines = [f"{'#' * level} {escape_inline(article.title) or escape_inline(article.id)}", ""]
        if meta := self.article_meta(article):
            lines += [meta, ""]
        return lines


def render(
    library: Library,
    passages: Sequence[Passage],
    *,
    title: str,
    corpus: str,
    group: GroupBy = "article",
    exported_at: datetime | None = None,
) -> str:
    """The Markdown document: front matter, a title, then passages grouped by article or actor."""
    if group not in GROUPS:
        raise ExportError(f"unknown grouping {group!r} (use article or actor)")
    when = (exported_at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    out = [
        "---",
        f"title: {yaml_string(title)}",
        f"exported_at: {yaml_string(when.isoformat(timespec='seconds').replace('+00:00', 'Z'))}",
        f"corpus: {yaml_string(corpus)}",
        f"count: {len(passages)}",
        "---",
        "",
        f"# {escape_inline(title)}",
        "",
    ]
    r = _Renderer(library)
    if group == "article":
        current = None
        for passage in passages:
            if passage.article != current:
                current = passage.article
                out += r.article_heading(passage.article, 2)
            out += r.passage(passage)
    else:
        groups: dict[str, list[Passage]] = {}
        for passage in passages:
            groups.setdefault(passage.actor or "", []).append(passage)
        ordered = sorted(groups, key=lambda k: (k == "", _actor_name(r, k, groups[k]).casefold()))
        for key in ordered:
            members = groups[key]
            actor = r.actor(key)
            name = _actor_name(r, key, members)
            out += [f"## {escape_inline(name)}", ""]
            if actor and actor.role:
                out += [f"*{escape_inline(actor.role)}*", ""]
            current = None
            for passage in members:
                if passage.article != current:
                    current = passage.article
                    out += r.article_heading(passage.article, 3)
                out += r.passage(passage)
    return "\n".join(out).rstrip("\n") + "\n"


def _actor_name(r: _Renderer, key: str, members: Sequence[Passage]) -> str:
    if not key:
        return "Other passages"
    actor = r.actor(key)
    if actor:
        return actor.name
    return next((p.speaker for p in members if p.speaker), key)


def passage_markdown(library: Library, passage: Passage) -> str:
    """One passage on its own, cited with its article's link (`y`: copy as Markdown)."""
    return "\n".join(_Renderer(library).passage(passage, with_link=True)).rstrip("\n") + "\n"


def build_document(
    library: Library,
    marks: Iterable[Mark],
    *,
    corpus: str,
    article_id: str | None = None,
    actor_id: str | None = None,
    group: GroupBy = "article",
    exported_at: datetime | None = None,
    min_confidence: float = 0.0,
) -> ExportDocument:
    """Collect and render one scope; raises `NothingToExport` when the scope is empty."""
    passages = collect(
        library, marks, article_id=article_id, actor_id=actor_id, min_confidence=min_confidence
    )
    actor = library.actor(actor_id) if actor_id else None
    article = library.article(article_id).article if article_id else None
    if actor and article:
        title = f"{actor.name} in {article.title}"
    elif actor:
        title = f"Positions of {actor.name}"
    elif article:
        title = f"Marks in {article.title}"
    else:
        title = "newsdesk marks"
    if not passages:
        if actor:
            where = f" in {article.title!r}" if article else " in this corpus"
            raise NothingToExport(f"{actor.name} has no positions or marks{where}")
        where = f" in {article.title!r}" if article else " for this corpus"
        raise NothingToExport(
            f"no marks{where} (mark passages with m in the explorer, "
            "or export an actor with --actor)"
        )
    text = render(
        library, passages, title=title, corpus=corpus, group=group, exported_at=exported_at
    )
    return ExportDocument(text, len(passages), title)


# -- writing --------------------------------------------------------------------------------


def default_export_path(today: date | None = None, folder: Path | None = None) -> Path:
    """`newsdesk-YYYY-MM-DD.md` in the working directory (the export dialog's default)."""
    day = (today or date.today()).isoformat()
    return (folder or Path.cwd()) / f"newsdesk-{day}.md"


def check_target(path: Path, *, force: bool = False) -> None:
    """Fail early, before any work: an existing file without `force`, a folder, a missing or
    unwritable parent folder."""
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder")
    if path.exists() and not force:
        raise ExportExists(f"{path} exists; use --force to overwrite it")
    parent = path.absolute().parent
    if not parent.is_dir():
        raise ExportError(f"cannot write {path}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write {path}: folder {parent} is not writable")


def write_export(path: Path, text: str, *, force: bool = False) -> Path:
    """Write `text` to `path` atomically: a temporary file in the same folder, fsync, rename.

    Whatever fails half-way, the old file (if any) is left as it was and no temporary file
    stays behind. Without `force` an existing file is never replaced. Raises `ExportError`.
    """
    path = Path(path)
    check_target(path, force=force)
    parent = path.absolute().parent
    tmp = parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as err:
        raise ExportError(f"cannot write {path}: {err.strerror or err}") from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
        else:
            _link_new(tmp, path)
        _fsync_dir(parent)
    except ExportError:
        _discard(tmp)
        raise
    except OSError as err:
        _discard(tmp)
        raise ExportError(f"cannot write {path}: {err.strerror or err}") from err
    except BaseException:
        _discard(tmp)
        raise
    return path


def _link_new(tmp: Path, path: Path) -> None:
    """Rename without replacing: a file created meanwhile by someone else is kept."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise ExportExists(f"{path} exists; use --force to overwrite it") from None
    except OSError:
        if path.exists():
            raise ExportExists(f"{path} exists; use --force to overwrite it") from None
        os.replace(tmp, path)  # file systems without hard links
        return
    os.unlink(tmp)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _discard(tmp: Path) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
