"""Drafts become the article's `Quote` records: in text order, numbered, scored."""

from __future__ import annotations

from ...models import Article, Quote
from ..confidence import quote_confidence
from ..drafts import Draft


def finish(article: Article, drafts: list[Draft]) -> list[Quote]:
    """The records in text order, numbered as they stand: a span two rules found is kept once,
    an empty one not at all."""
    quotes: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for draft in sorted(drafts, key=lambda d: (d.start, d.end)):
        if (draft.start, draft.end) in seen or draft.end <= draft.start:
            continue  # the same span twice, or marks around nothing ('", " said')
        seen.add((draft.start, draft.end))
        quotes.append(_record(article, len(quotes), draft))
    return quotes


def _record(article: Article, n: int, draft: Draft) -> Quote:
    """A draft's offsets become text the reader sees: the cue as written (a negated stance's
    from its negation), the speaker's span only where the article names them."""
    cue_text, cue_start, cue_end = draft.cue_text, draft.cue_start, None
    if draft.cue is not None:
        # a negated stance's cue starts at its negation ("did not welcome")
        cue_start = draft.cue.idx if draft.cue_start is None else draft.cue_start
        cue_end = draft.cue_end or draft.cue.idx + len(draft.cue.text)
        cue_text = article.text[cue_start:cue_end]
    elif cue_text is not None and cue_start is not None and cue_start >= 0:
        cue_end = cue_start + len(cue_text)
    else:
        cue_start = None
    speaker = draft.speaker
    via = draft.via or (speaker.via if speaker else None)
    return Quote(
        id=f"{article.id}:q{n}",
        article=article.id,
        text=article.text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        kind=draft.kind,
        cue=cue_text,
        cue_start=cue_start,
        cue_end=cue_end,
        speaker=speaker.text if speaker else None,
        speaker_start=speaker.start if speaker and speaker.start >= 0 else None,
        speaker_end=speaker.end if speaker and speaker.end >= 0 else None,
        speaker_key=speaker.key if speaker else None,
        via=via,
        confidence=quote_confidence(
            draft.kind, speaker, continued=draft.continued, via=via is not None
        ),
    )
