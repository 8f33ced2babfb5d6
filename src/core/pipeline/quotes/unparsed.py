"""Quotes without a dependency parse: quotation marks that open an utterance, cue unknown."""

from __future__ import annotations

from ...models import Article, Quote
from ..cues import SPEECH_VERBS, verb_base
from ..drafts import Draft, trim
from ..quotemarks import QuoteMarks
from ..speakers import Speaker
from .direct import AFTER_WINDOW, starts_utterance
from .output import finish


def without_parse(article: Article, marks: list[QuoteMarks]) -> list[Quote]:
    """Without a dependency parse, only `"...," X said` quotes with a plain cue are found."""
    text = article.text
    drafts: list[Draft] = []
    for mark in marks:
        if not mark.closed or not starts_utterance(text, mark.open):
            continue
        tail = text[mark.close + 1 : mark.close + 80].split(".")[0]
        words = tail.replace(",", " ").split()
        for position, word in enumerate(words[:AFTER_WINDOW]):
            base = verb_base(word)
            if base is not None and base in SPEECH_VERBS:
                who = " ".join(w for w in words[:position] if w[:1].isupper()) or None
                if who is None and position + 1 < len(words) and words[position + 1][:1].isupper():
                    who = words[position + 1]
                offset = text.find(word, mark.close + 1)
                start, end = trim(text, *mark.inner)
                speaker = Speaker(who, -1, -1, None) if who else None
                drafts.append(Draft(start, end, "direct", None, None, speaker, mark, cue_text=word,
                                     cue_start=offset))
                break
    return finish(article, drafts)
