"""Writes `marks-v1.sqlite` with the marks code of schema 1 (run once, from the repo root).

The file is committed: `tests/core/test_marks.py` opens it with today's code, so a marks
database written before a change keeps every mark. Do not regenerate it with newer code.
"""

from __future__ import annotations

import sys
from pathlib import Path

from newsdesk.core.marks.mark_store import MarkStore
from newsdesk.core.models import Corpus, Quote
from newsdesk.core.pipeline.text import build_article
from newsdesk.core.settings import Settings
from newsdesk.core.store.library import MemoryLibrary

HERE = Path(__file__).parent
TEXT = (
    "Reyes keeps the plan\n\n"
    "Minister Ana Reyes said the plan \u201cwill not be delayed\u201d.\n\n"
    "Critics [@click=app.quit] disagree. The vote is on Friday.\n\n"
    "A paragraph that will be edited away later."
)


def main() -> None:
    target = HERE / "marks-v1.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    settings = Settings.from_env(data_dir=HERE, cache_dir=HERE / "cache")
    article = build_article(TEXT, article_id="reyes", path="/corpus/reyes.txt", content_hash="h1")
    quote_start = article.text.index("will not")
    quote = Quote(
        id="reyes:q1", article="reyes", text="will not be delayed", start=quote_start,
        end=quote_start + len("will not be delayed"), kind="direct", cue="said",
        cue_start=article.text.index("said"), cue_end=article.text.index("said") + 4,
        speaker="Ana Reyes", speaker_key="Ana Reyes", actor="ana-reyes",
    )
    with MarkStore.open(settings, path=target) as store:
        store.add_quote(article, quote, note="the minister's promise")
        store.add_quote(article, quote, kind="position")
        start = article.text.index("Critics")
        store.add(article, start, article.text.index(".", start) + 1, "sentence",
                  note="[b]not markup[/b] \x1b]52;c;aGk=\x07")
        start = article.text.index("A paragraph")
        store.add(article, start, start + len("A paragraph that will be edited away"))
        gone = store.add(article, article.text.index("Friday"), article.text.index("Friday") + 6)
        store.restore(store.remove(gone.id))
        # The article changes: the last paragraph goes, so its mark is kept as detached.
        edited = build_article(TEXT.rsplit("\n\n", 1)[0], article_id="reyes",
                               path="/corpus/reyes.txt", content_hash="h2")
        corpus = Corpus(articles=(edited,), actors=(), quotes=())
        store.reanchor(MemoryLibrary(corpus))
        for mark in store.marks():
            print(mark, file=sys.stderr)


if __name__ == "__main__":
    main()
