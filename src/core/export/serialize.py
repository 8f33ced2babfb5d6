"""The JSON shape of an index (`newsdesk index --json`), documented in the README."""

from __future__ import annotations

from typing import Any

from ..models import Actor, Article, Corpus, Mention, Quote


def article_json(article: Article, sentences: object = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "url": article.url,
        "author": article.author,
        "text": article.text,
        "paragraphs": [list(p) for p in article.paragraphs],
        "content_hash": article.content_hash,
    }
    if sentences is not None:
        data["sentences"] = [list(s) for s in sentences]  # type: ignore[attr-defined]
    return data


def mention_json(mention: Mention) -> dict[str, Any]:
    return {
        "article": mention.article,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "label": mention.label,
    }


def actor_json(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "aliases": list(actor.aliases),
        "role": actor.role,
        "articles": list(actor.articles),
        "mentions": [mention_json(m) for m in actor.mentions],
    }


def quote_json(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "article": quote.article,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "cue": quote.cue,
        "cue_start": quote.cue_start,
        "cue_end": quote.cue_end,
        "speaker": quote.speaker,
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "actor": quote.actor,
        "via": quote.via,
        "confidence": quote.confidence,
    }


def corpus_json(corpus: Corpus) -> dict[str, Any]:
    return {
        "articles": [article_json(a, corpus.sentences.get(a.id)) for a in corpus.articles],
        "actors": [actor_json(a) for a in corpus.actors],
        "quotes": [quote_json(q) for q in corpus.quotes],
        "skipped": [{"path": s.path, "reason": s.reason} for s in corpus.skipped],
    }
