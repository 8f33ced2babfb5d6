"""Marks (and actors' positions) as Markdown, cited back to article and paragraph; atomic writes.

Every string that came from an article or the reader goes through `core.markdown`, so the
export's only structure, links and emphasis are the ones made here.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Literal

from ..errors import ExportError
from ..marks.mark_store import Mark, MarkKind, belongs
from ..models import Actor, Article, ArticleAnalysis, Quote, QuoteKind
from ..store.library import Library
from .markdown import blockquote, escape_inline, link, safe_url, yaml_string

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
        """The passage a mark keeps: every field it shares with `Mark`, and its id."""
        shared = {name: getattr(mark, name) for name in _FROM_MARK}
        return cls(**shared, mark=mark.id)

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


#: `Passage` fields a `Mark` has under the same name (all but `mark`, the mark's id).
_FROM_MARK = tuple(f.name for f in fields(Passage) if f.name != "mark")


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """A rendered export: the Markdown and how many passages it holds."""

    text: str
    count: int
    title: str


# -- scope ----------------------------------------------------------------------------------


def collect(
    library: Library,
    marks: Iterable[Mark],
    *,
    article_id: str | None = None,
    actor_id: str | None = None,
    every_position: bool = False,
    min_confidence: float = 0.0,
) -> list[Passage]:
    """The passages in scope, in corpus order: marks of this library's articles (one article's,
    one actor's), plus the positions nobody marked: an actor's, or with `every_position` every
    quote and stance in scope, those whose attribution confidence reaches `min_confidence` (a
    reader's own marks are always kept)."""
    order = {summary.id: n for n, summary in enumerate(library.articles())}
    details: dict[str, ArticleAnalysis] = {}

    def detail(aid: str) -> ArticleAnalysis:
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
    if actor_id or every_position:
        taken = {(p.article, p.quote) for p in passages} | {
            (p.article, (p.start, p.end)) for p in passages
        }
        for quote in _positions_in_scope(library, order, detail, article_id, actor_id):
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


def _positions_in_scope(
    library: Library,
    order: dict[str, int],
    detail: Callable[[str], ArticleAnalysis],
    article_id: str | None,
    actor_id: str | None,
) -> Iterable[Quote]:
    if actor_id:
        quotes: Iterable[Quote] = library.positions(actor_id)
    elif article_id:
        quotes = detail(article_id).quotes
    else:
        quotes = (q for aid in order for q in detail(aid).quotes)
    return (
        q for q in quotes
        if q.article in order and (not article_id or q.article == article_id)
    )


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


def paragraph_citation(article: Article, start: int, end: int) -> str:
    """`, paragraph 5`, or `, paragraphs 5–7` for a passage over several; empty if unknown."""
    first = paragraph_number(article, start)
    if first is None:
        return ""
    last = paragraph_number(article, max(start, end - 1)) or first
    return f", paragraph {first}" if last == first else f", paragraphs {first}–{last}"


#: Kinds written as a paraphrase with their cue, not as a verbatim blockquote.
PARAPHRASED: frozenset[str] = frozenset({"indirect", "mixed", "stance"})
#: Words between a cue and its quote kept in a paraphrase (an object, "as", "on Monday that");
#: a longer gap is narration, not the cue's frame.
FRAME_LIMIT = 80
#: Quotation marks that close what a frame opened, and their openers.
CLOSING_MARKS = "\u201d\u2019\u00bb\""
OPENING_MARKS = "\u201c\u2018\u00ab"


def _opens(text: str) -> bool:
    """`text` leaves a quotation open (curly or guillemet, or an odd count of straight ones)."""
    depth = 0
    for ch in text:
        if ch in OPENING_MARKS:
            depth += 1
        elif ch in "\u201d\u00bb" or (ch == "\u2019" and depth > 0):
            depth = max(depth - 1, 0)
    return depth > 0 or text.count('"') % 2 == 1


class _Renderer:
    def __init__(self, library: Library) -> None:
        self.library = library
        self._details: dict[str, ArticleAnalysis] = {}
        self._actors: dict[str, Actor | None] = {}
        self._introduced: set[str] = set()
        """Actors whose role was already written: a role is given once per actor."""

    def detail(self, article_id: str) -> ArticleAnalysis:
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
        byline = f"by {article.author}" if article.author else None
        bits = [escape_inline(x) for x in (article.source, byline, article.date) if x]
        if safe_url(article.url):
            bits.append(link("original article", article.url))
        else:
            bits.append(f"file {escape_inline(Path(article.path).name)}")
        return " · ".join(bits)

    def quote(self, passage: Passage) -> Quote | None:
        if not passage.quote:
            return None
        return next((q for q in self.detail(passage.article).quotes if q.id == passage.quote), None)

    def speaker(self, passage: Passage, *, bold: bool = True) -> str | None:
        """The speaker's name, with the actor's role the first time the actor is named."""
        actor = self.actor(passage.actor)
        name = actor.name if actor else passage.speaker
        if not name:
            return None
        text = f"**{escape_inline(name)}**" if bold else escape_inline(name)
        if actor and actor.role and actor.id not in self._introduced:
            self._introduced.add(actor.id)
            text += f", {escape_inline(actor.role)},"
        return text

    def attribution(self, passage: Passage) -> str | None:
        """`— **Name**, Role (kind, via source)`: None for passages nobody said."""
        label = KIND_LABELS.get(passage.quote_kind or "", None)
        name = self.speaker(passage)
        if not name and not label:
            return None
        line = f"— {name.rstrip(',')}" if name else "— unattributed"
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
            where += paragraph_citation(article, passage.start, passage.end)
        extra = [escape_inline(x) for x in (article.source, article.date) if x] if with_link else []
        if with_link and safe_url(article.url):
            extra.append(link("link", article.url))
        tail = f" ({' · '.join(extra)})" if extra else ""
        return f"*Source:* {where}{tail}"

    def passage(self, passage: Passage, *, with_link: bool = False) -> list[str]:
        if passage.quote_kind in PARAPHRASED and not passage.detached:
            lines = self.paraphrase(passage)
        else:
            lines = blockquote(passage.text) or [">"]
            if attribution := self.attribution(passage):
                lines += [">", f"> {attribution}"]
        lines.append("")
        if passage.note.strip():
            lines += [f"**Note:** {escape_inline(passage.note)}", ""]
        lines += [self.citation(passage, with_link), ""]
        return lines

    def paraphrase(self, passage: Passage) -> list[str]:
        """Reported speech and stances are not verbatim: `Name **cue** content (kind)`, then
        the article's own sentence, which is."""
        quote = self.quote(passage)
        name = self.speaker(passage, bold=False) or "Someone"
        cue = f" **{escape_inline(quote.cue)}**" if quote is not None and quote.cue else ""
        label = KIND_LABELS.get(passage.quote_kind or "", "reported")
        details = [label]
        if quote is not None and quote.via:
            details.append(f"via {escape_inline(quote.via)}")
        said = escape_inline(self.reported(passage, quote))
        lines = [f"{name}{cue} {said} ({', '.join(details)})"]
        sentence = self.sentence(passage)
        if sentence:
            lines += ["", *blockquote(sentence)]
        return lines

    def reported(self, passage: Passage, quote: Quote | None) -> str:
        """What follows the cue in the paraphrase: the article's words from the cue to the end
        of the passage when both are in one sentence, else the passage.

        A quote's span is what was said; the words between the cue and it are the object and
        the frame ("characterized *the call* as “…”", "said *on Monday that* …"), without
        which the cue reads wrong ("characterized perfectly fine"). A quotation mark left
        open is closed as the article closes it.
        """
        detail = self.detail(passage.article)
        text = detail.article.text
        if text[passage.start : passage.end] != passage.text:
            return passage.text  # a mark whose text is not the article's here
        said = self.frame(passage, quote, detail) + passage.text
        if _opens(said):
            after = text[passage.end : passage.end + 2]  # the mark, or a comma then the mark
            mark = next((ch for ch in after if ch in CLOSING_MARKS), None)
            if mark is not None and after.index(mark) <= (1 if after[0] in ",." else 0):
                said += mark
        return " ".join(said.split())

    def frame(self, passage: Passage, quote: Quote | None, detail: ArticleAnalysis) -> str:
        """The words between the cue and the passage ("" unless both are in one sentence and
        there is a word or an opening quotation mark between them, the speaker not among)."""
        if quote is None or quote.cue_end is None:
            return ""
        start, end = quote.cue_end, passage.start
        if not 0 < end - start <= FRAME_LIMIT:
            return ""
        if quote.speaker_start is not None and start <= quote.speaker_start < end:
            return ""  # the speaker sits between: not a frame of the cue's
        inside = [(s, e) for s, e in detail.sentences if s <= start < e]
        if not inside or not passage.end <= inside[0][1]:
            return ""
        frame = detail.article.text[start:end]
        if not any(ch.isalnum() or ch in OPENING_MARKS or ch == '"' for ch in frame):
            return ""  # a comma between ("fuel, officials said, spilled"): no frame
        return frame

    def sentence(self, passage: Passage) -> str | None:
        """The article's sentence(s) holding the passage, verbatim."""
        detail = self.detail(passage.article)
        spans = [(s, e) for s, e in detail.sentences if s < passage.end and e > passage.start]
        if not spans:
            return None
        return detail.article.text[spans[0][0] : spans[-1][1]]

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
    every_position: bool = False,
    min_confidence: float = 0.0,
) -> ExportDocument:
    """Collect and render one scope; raises `NothingToExport` when the scope is empty."""
    passages = collect(
        library, marks, article_id=article_id, actor_id=actor_id,
        every_position=every_position, min_confidence=min_confidence,
    )
    actor = library.actor(actor_id) if actor_id else None
    article = library.article(article_id).article if article_id else None
    if actor and article:
        title = f"{actor.name} in {article.title}"
    elif actor:
        title = f"Positions of {actor.name}"
    elif article:
        title = f"{'Positions' if every_position else 'Marks'} in {article.title}"
    else:
        title = "Every position" if every_position else "newsdesk marks"
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


def default_export_path(
    today: date | None = None,
    folder: Path | None = None,
    corpus: Sequence[Path] = (),
    suffix: str = ".md",
) -> Path:
    """`<corpus>-YYYY-MM-DD.md` in `export_folder()` (the export dialog's default), named
    after the corpus folder when there is one, else `newsdesk-YYYY-MM-DD.md`."""
    day = (today or date.today()).isoformat()
    return (folder or export_folder()) / f"{corpus_slug(corpus)}-{day}{suffix}"


def export_folder() -> Path:
    """Where an export goes unless the reader says otherwise: their documents folder when it
    exists, else their home. Not the working directory: the explorer is often started from
    wherever the shell was (a source checkout, the archive itself, where a .md export would be
    read as an article on the next start)."""
    from platformdirs import user_documents_path

    for folder in (user_documents_path(), Path.home()):
        try:
            if folder.is_dir():
                return folder
        except OSError:
            continue
    return Path.cwd()


def corpus_slug(paths: Sequence[Path]) -> str:
    """A file-name-safe name for the corpus: its folder's (or single file's) name."""
    if len(paths) != 1:
        return "newsdesk"
    path = Path(paths[0])
    name = (path.resolve().name if path.is_dir() else path.stem) or "newsdesk"
    slug = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in name).strip("-.")
    return slug[:60] or "newsdesk"


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
