"""newsdesk's spaCy pipeline against the stock one: byte-identical token annotations, or a list.

    .venv/bin/python bench/pipeline_identity.py                 # tests/data and the shared corpus
    .venv/bin/python bench/pipeline_identity.py PATH... [--bare] [--model NAME]

newsdesk's loader replaces the model's `attribute_ruler` with a faster equivalent
(`newsdesk.core.pipeline.attribute_ruler`). This runs every article (as newsdesk reads it) through
both pipelines, `load_pipeline(model)` and `load_pipeline(model, stock=True)` (that is,
`spacy.load(model, exclude=UNUSED_PIPES)`), and compares per token
`(pos_, str(morph), tag_, lemma_, dep_, head.i, ent_iob_, ent_type_)` and the same attributes'
raw ids (`Doc.to_array`). Both pipelines are prepared as indexing prepares them (newsdesk's
paragraph component, tokenizer cases) unless `--bare`. With no PATH: every .txt under tests/data
and every article of ../shared/corpus/wikinews-2019 (when there). Exit status 1 on any difference.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews-2019"
ARRAY_ATTRS = ("POS", "MORPH", "TAG", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE")


def default_paths() -> list[Path]:
    paths = sorted((ROOT / "tests" / "data").rglob("*.txt"))
    for corpus in (CORPUS, Path("/work/shared/corpus/wikinews-2019")):
        if corpus.is_dir():
            return paths + [corpus]
    return paths


def texts(paths: Sequence[Path]) -> Iterator[tuple[str, str]]:
    """(name, text) of every article under `paths`, as newsdesk reads them."""
    from newsdesk.core.pipeline.indexing import read_articles

    for path in paths:
        articles, _skipped = read_articles([path])
        for article in articles:
            yield f"{path.name}:{article.id}" if path.is_file() else article.id, article.text


def token_rows(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.pos_, str(t.morph), t.tag_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
        for t in doc
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--bare", action="store_true",
                        help="the loaded pipelines alone, without newsdesk's own components")
    parser.add_argument("--model", default=None, help="spaCy model (default: newsdesk's)")
    options = parser.parse_args(argv)
    from newsdesk.core.pipeline.attribute_ruler import FastAttributeRuler
    from newsdesk.core.pipeline.indexing import prepare_pipeline
    from newsdesk.core.pipeline.nlp import load_pipeline

    ours, info = load_pipeline(options.model)
    stock, _ = load_pipeline(options.model, stock=True)
    replaced = [n for n, p in ours.pipeline if isinstance(p, FastAttributeRuler)]
    if not options.bare:
        prepare_pipeline(ours)
        prepare_pipeline(stock)
    print(f"model {info.fingerprint}; replaced: {', '.join(replaced) or 'nothing'}; "
          f"pipes {ours.pipe_names}", flush=True)
    items = list(texts(options.paths or default_paths()))
    started = time.perf_counter()
    docs = tokens = 0
    different: list[str] = []
    pairs = zip(ours.pipe(t for _, t in items), stock.pipe(t for _, t in items), strict=True)
    for (name, _text), (mine, theirs) in zip(items, pairs, strict=True):
        docs += 1
        tokens += len(mine)
        same = token_rows(mine) == token_rows(theirs) and (
            mine.to_array(list(ARRAY_ATTRS)).tobytes()
            == theirs.to_array(list(ARRAY_ATTRS)).tobytes()
        )
        if not same:
            different.append(name)
            first = next((i for i, (a, b) in enumerate(
                zip(token_rows(mine), token_rows(theirs), strict=True)) if a != b), None)
            where = f" token {first} {mine[first].text!r}" if first is not None else ""
            print(f"DIFFERENT {name}{where}", flush=True)
    print(f"{docs} articles, {tokens:,} tokens compared in {time.perf_counter() - started:.0f} s"
          f" ({'bare' if options.bare else 'prepared'} pipelines): "
          + (f"{len(different)} differ" if different else "all identical"))
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
