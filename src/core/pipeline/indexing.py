"""Indexing: articles through the spaCy pipeline into `ArticleAnalysis` records, then a `Corpus`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..models import Article, ArticleAnalysis, Corpus, Offsets, Quote, SkippedFile
from ..settings import Settings
from .actors import merge_actors
from .doccache import doc_text, remember_text
from .entities import extract_mentions
from .ids import with_quote_ids
from .names import TITLE_ABBREVIATIONS
from .parallel import analyze_in_processes
from .quotes import find_quotes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, str], None]
"""Called as `progress(done, total, article_id)` after each article."""


def _register_components() -> None:
    from spacy.language import Language

    if "newsdesk_paragraphs" not in Language.factories:
        Language.component("newsdesk_paragraphs", func=paragraph_breaks)


def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph break (a whitespace token holding a newline)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def prepare_pipeline(nlp: Language) -> Language:
    """Add newsdesk's own components to a loaded pipeline (idempotent)."""
    _register_components()
    add_special_case = getattr(nlp.tokenizer, "add_special_case", None)
    if add_special_case is not None:
        # Each new case empties the tokenizer's cache of words: add only those not there yet
        # (the pipeline is prepared again on every indexing run of a long-lived process).
        rules = getattr(nlp.tokenizer, "rules", None) or {}
        for title in TITLE_ABBREVIATIONS:  # "said Sgt. Ana Ruiz": one sentence, one name
            if not _one_token_case(rules.get(title), title):
                add_special_case(title, [{"ORTH": title}])
    if "newsdesk_paragraphs" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("newsdesk_paragraphs", before=before)
        else:
            nlp.add_pipe("newsdesk_paragraphs", first=True)
    return nlp


def _one_token_case(rule: object, title: str) -> bool:
    """The tokenizer already keeps `title` as one token and sets nothing else on it (the
    model's own rules name the attribute by its id)."""
    from spacy.attrs import ORTH  # type: ignore[import-not-found]  # (no stubs)

    if not isinstance(rule, list) or len(rule) != 1 or not isinstance(rule[0], dict):
        return False
    return len(rule[0]) == 1 and rule[0].get("ORTH", rule[0].get(ORTH)) == title


def analyze_doc(doc: Doc, article: Article) -> ArticleAnalysis:
    """Records from one parsed article: the rules on top of spaCy."""
    remember_text(doc, article.text)  # the rules read the text often; it need not be rebuilt
    mentions = extract_mentions(doc, article)
    quotes = with_quote_ids(find_quotes(doc, article, mentions), article.content_hash)
    sentences = tuple(_sentence_spans(doc))
    return ArticleAnalysis(article, tuple(mentions), tuple(quotes), sentences)


def _sentence_spans(doc: Doc) -> Iterator[Offsets]:
    whole = doc_text(doc)
    for sent in doc.sents:
        text = whole[sent.start_char : sent.end_char]  # `sent.text` joins its tokens anew
        start = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        if end > start:
            yield (start, end)


#: Longest text given to spaCy in one piece: longer articles are cut at paragraph (else word)
#: boundaries, analysed piecewise and stitched back, so a 5 MB one-line file neither hits
#: `nlp.max_length` nor needs gigabytes for the parser.
CHUNK_CHARS = 100_000


def chunk_spans(text: str, limit: int) -> list[Offsets]:
    """Cut `text` into pieces of at most `limit` characters at the latest paragraph, sentence-ish
    or word boundary; the pieces cover the text without overlap."""
    spans: list[Offsets] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for boundary in ("\n\n", ". ", " "):
            cut = window.rfind(boundary, limit // 2)
            if cut > 0:
                cut += len(boundary)
                break
        end = start + (cut if cut > 0 else limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def analyze(
    nlp: Language,
    articles: Iterable[Article],
    *,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[ArticleAnalysis]:
    """Stream articles through `nlp.pipe`, yielding each analysis as soon as it is ready.

    `articles` may be a generator (a dump read row by row): with one process only a batch of
    them is held at a time. Several processes need a sequence.
    """
    prepare_pipeline(nlp)
    if n_process > 1 and isinstance(articles, Sequence) and len(articles) > 1:
        yield from analyze_in_processes(
            nlp, articles, analyze=analyze, batch_size=batch_size, n_process=n_process
        )
        return

    def pieces() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for a in articles:
            spans = chunk_spans(a.text, CHUNK_CHARS)
            for number, (start, end) in enumerate(spans):
                yield a.text[start:end], (a, start, len(spans) - 1 - number)

    stream = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size)
    parts: list[ArticleAnalysis] = []
    for doc, (article, offset, remaining) in stream:
        if offset == 0 and remaining == 0:
            yield analyze_doc(doc, article)
            continue
        paragraphs = _paragraphs_within(article.paragraphs, offset, offset + len(doc.text))
        piece = replace(article, text=doc.text, paragraphs=paragraphs)
        parts.append(_shifted(analyze_doc(doc, piece), article, offset))
        if remaining == 0:
            yield _stitched(article, parts)
            parts = []


def _paragraphs_within(
    paragraphs: tuple[Offsets, ...], start: int, end: int
) -> tuple[Offsets, ...]:
    """A piece's paragraphs, in its own offsets: the layout rules (transcript labels,
    captions, quotes over paragraphs) read a long article's pieces as they read a short one."""
    return tuple(
        (max(lo, start) - start, min(hi, end) - start)
        for lo, hi in paragraphs
        if lo < end and hi > start
    )


def _shifted(part: ArticleAnalysis, article: Article, offset: int) -> ArticleAnalysis:
    """A piece's records with offsets moved into the whole article's text."""

    def move(value: int | None) -> int | None:
        return None if value is None else value + offset

    mentions = tuple(replace(m, start=m.start + offset, end=m.end + offset) for m in part.mentions)
    quotes = tuple(
        replace(
            q, start=q.start + offset, end=q.end + offset,
            cue_start=move(q.cue_start), cue_end=move(q.cue_end),
            speaker_start=move(q.speaker_start), speaker_end=move(q.speaker_end),
        )
        for q in part.quotes
    )
    sentences = tuple((s + offset, e + offset) for s, e in part.sentences)
    return ArticleAnalysis(article, mentions, quotes, sentences)


def _stitched(article: Article, parts: list[ArticleAnalysis]) -> ArticleAnalysis:
    """One analysis from a long article's pieces, quote ids from the whole article's offsets."""
    quotes = [q for part in parts for q in part.quotes]
    quotes = list(with_quote_ids(quotes, article.content_hash))
    return ArticleAnalysis(
        article,
        tuple(m for part in parts for m in part.mentions),
        tuple(quotes),
        tuple(s for part in parts for s in part.sentences),
    )


def build_corpus(
    analyses: Iterable[ArticleAnalysis], skipped: Sequence[SkippedFile] = ()
) -> Corpus:
    """Merge actors across articles and link every quote to its speaker's actor."""
    analyses = list(analyses)
    actors, mapping = merge_actors(analyses)
    quotes: list[Quote] = []
    for analysis in analyses:
        for quote in analysis.quotes:
            actor = mapping.get((quote.article, quote.speaker_key)) if quote.speaker_key else None
            quotes.append(replace(quote, actor=actor) if actor != quote.actor else quote)
    return Corpus(
        articles=tuple(a.article for a in analyses),
        actors=tuple(actors),
        quotes=tuple(quotes),
        sentences={a.article.id: a.sentences for a in analyses},
        skipped=tuple(skipped),
    )


def read_articles(
    paths: Sequence[Path], max_bytes: int | None = None, fields_spec: str = ""
) -> tuple[list[Article], list[SkippedFile]]:
    """Discover and parse every article under `paths` (one per row of a dump); unreadable files
    and rows become `SkippedFile`s."""
    from .readers import FieldMap, read_articles_in
    from .text import discover

    files, skipped = discover(paths)
    articles: list[Article] = []
    fields = FieldMap.parse(fields_spec)
    for article_id, path in files:
        items = read_articles_in(str(path), file_id=article_id, fields=fields, max_bytes=max_bytes)
        for item in items:
            if isinstance(item, SkippedFile):
                skipped.append(item)
            else:
                articles.append(item)
    return articles, skipped


def index_paths(
    paths: Sequence[Path], settings: Settings, progress: ProgressCallback | None = None
) -> Corpus:
    """Index every article under `paths` with spaCy, without any cache."""
    from .nlp import load_pipeline

    articles, skipped = read_articles(paths, settings.max_file_bytes, settings.fields)
    nlp, _info = load_pipeline(settings.model)
    analyses = []
    for done, analysis in enumerate(
        analyze(nlp, articles, batch_size=settings.batch_size, n_process=settings.jobs), 1
    ):
        analyses.append(analysis)
        if progress:
            progress(done, len(articles), analysis.article.id)
    return build_corpus(analyses, skipped)
