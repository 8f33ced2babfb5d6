"""Archive figures for `make bench`: saved pages per second, and memory while indexing dumps.

    .venv/bin/python bench/archives.py            # these figures alone (several minutes)
    .venv/bin/python bench/archives.py --quick    # smaller files (about two minutes)

- HTML pages per second on one core (trafilatura extraction and newsdesk's cleaning), against
  parsing the same pages with lxml alone.
- Indexing a 10,000-row JSONL: the peak memory of `open_library` against raw `nlp.pipe` over
  the same texts (read from the same file, row by row), each in a fresh process. Goal: at most
  100 MB above.
- Streaming: planning a large JSONL (every row read, cleaned and hashed; 1 GB in the full run)
  peaks no higher than a small one: memory stays flat.
- Warm open of an unchanged 100,000-row dump: no row is parsed (the store holds synthesised
  analyses for it, as the large figures in run.py do), against reading its rows once.

Probes run in child processes (`archives.py probe NAME ...`) so each peak RSS is their own.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from corpus import generate  # noqa: E402
from run import Row, best, child, env_with, log, machine, render, repeat  # noqa: E402

#: Words per JSONL row in the memory figure: wire-length stories, so 10,000 rows parse in
#: minutes on a shared 2-core machine (peak memory does not grow with the number of rows).
ROW_WORDS = (90, 160)


def _page_builder():  # type: ignore[no-untyped-def]
    """The saved-page chrome of the test fixtures (tests/data/pages/make_pages.py)."""
    path = ROOT / "tests" / "data" / "pages" / "make_pages.py"
    spec = importlib.util.spec_from_file_location("make_pages", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _parsed(n: int, seed: int, words: tuple[int, int]) -> Iterator[dict[str, str | None]]:
    """Generated articles as (title, date, url, paragraphs) via newsdesk's own .txt parser."""
    from newsdesk.core.pipeline.text import build_article

    for number, synthetic in enumerate(generate(n, seed=seed, words=words)):
        article = build_article(
            synthetic.raw, article_id=f"a{number}", path="x.txt", content_hash=""
        )
        yield {
            "id": f"a{number}",
            "title": article.title,
            "date": article.date,
            "url": article.url or f"https://news.example/{number}",
            "source": "News Example",
            "text": article.text,
        }


def write_pages(folder: Path, n: int) -> list[Path]:
    """Pages of the size a browser saves (60-80 kB): the fixtures' chrome plus the bulk real
    news pages carry around an article (inline scripts and state, long menus, link lists)."""
    pages = _page_builder()
    folder.mkdir(parents=True, exist_ok=True)
    state = json.dumps(
        {
            "config": [
                {
                    "slot": f"ad-{i}",
                    "sizes": [[300, 250], [728, 90]],
                    "targeting": {"section": "news", "tags": ["a", "b"]},
                }
                for i in range(250)
            ]
        }
    )
    menu = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(120))
    links = "".join(
        f'<li><a href="/story/{i}">Another story headline number {i} here</a></li>'
        for i in range(150)
    )
    bulk = (
        f'<script>window.__STATE__ = {state};</script><nav class="mega"><ul>{menu}</ul></nav>'
        f'<div class="more-stories"><h2>More stories</h2><ul>{links}</ul></div>'
    )
    paths = []
    for number, row in enumerate(_parsed(n, seed=11, words=(380, 620))):
        html = pages.page(
            number % 3,
            str(row["title"]),
            "January 4, 2019",
            str(row["text"]).split("\n\n"),
            str(row["url"]),
        ).replace("</main>", "</main>" + bulk)
        path = folder / f"page-{number:04d}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    return paths


def write_jsonl(path: Path, n: int, words: tuple[int, int], seed: int = 5) -> int:
    """`n` rows; returns the words in their texts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    total = 0
    with path.open("w", encoding="utf-8") as out:
        for row in _parsed(n, seed, words):
            total += len(str(row["text"]).split())
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    past = time.time() - 3600
    os.utime(path, (past, past))
    return total


def write_big_jsonl(path: Path, megabytes: int) -> int:
    """A large dump: 2,000 generated rows repeated under new ids up to `megabytes`; row count."""
    rows = [json.dumps(r, ensure_ascii=False) for r in _parsed(2_000, 9, (380, 620))]
    target = megabytes * 1_000_000
    written = count = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            for row in rows:
                line = row.replace('"id": "a', f'"id": "c{count}-a', 1) + "\n"
                out.write(line)
                written += len(line.encode())
                count += 1
                if written >= target:
                    break
    past = time.time() - 3600
    os.utime(path, (past, past))
    return count


# ---------------------------------------------------------------------------------------------
# Figures


def bench_pages(work: Path, n: int, rounds: int) -> list[Row]:
    """Saved pages through the HTML reader, one process, one core."""
    folder = work / f"pages-{n}"
    if not folder.is_dir() or len(list(folder.glob("*.html"))) != n:
        shutil.rmtree(folder, ignore_errors=True)
        log(f"pages: writing {n} saved pages")
        write_pages(folder, n)
    runs = repeat(rounds, lambda: child([__file__, "probe", "pages", str(folder)], env_with(work)))
    ours = max(float(r.data["pages_s"]) for r in runs)  # type: ignore[arg-type]
    lxml = max(float(r.data["lxml_pages_s"]) for r in runs)  # type: ignore[arg-type]
    kb = float(runs[0].data["kb_per_page"])  # type: ignore[arg-type]
    return [
        Row(
            f"saved HTML pages read, one core ({n} pages of {kb:.0f} kB; best of {rounds})",
            f"{ours:,.0f} pages/s",
            f"{lxml:,.0f} pages/s (lxml parse only)",
            ours / lxml,
            "info",
            None,
        )
    ]


def bench_jsonl_memory(work: Path, n_rows: int, rounds: int) -> list[Row]:
    """Peak RSS: newsdesk indexing a JSONL against raw nlp.pipe over the same texts."""
    folder = work / f"jsonl-{n_rows}"
    path = folder / "wire.jsonl"
    marker = folder / "words.txt"
    if not marker.is_file():
        shutil.rmtree(folder, ignore_errors=True)
        log(f"jsonl: writing {n_rows:,} rows")
        marker.parent.mkdir(parents=True, exist_ok=True)
        words = write_jsonl(path, n_rows, ROW_WORDS)
        marker.write_text(str(words))
    words = int(marker.read_text())
    raw_runs: list[float] = []
    our_runs: list[float] = []
    walls: list[tuple[float, float]] = []
    for _ in range(rounds):  # interleaved: the machine is shared
        log(f"jsonl: raw nlp.pipe over {n_rows:,} rows")
        raw = child([__file__, "probe", "raw-pipe", str(path)], env_with(work))
        log(f"jsonl: newsdesk open_library on {n_rows:,} rows")
        cache = work / "jsonl-cache"
        shutil.rmtree(cache, ignore_errors=True)
        ours = child([__file__, "probe", "index", str(folder)], env_with(cache))
        assert ours.data["indexed"] == n_rows, ours.data
        raw_runs.append(raw.rss_mb)
        our_runs.append(ours.rss_mb)
        walls.append((raw.wall_s, ours.wall_s))
    raw_mb, our_mb = best(raw_runs), best(our_runs)
    raw_s, our_s = min(w for w, _ in walls), min(w for _, w in walls)
    return [
        Row(
            f"peak memory, indexing a {n_rows:,}-row JSONL ({words:,} words; best of {rounds})",
            f"{our_mb:.0f} MB",
            f"{raw_mb:.0f} MB (raw nlp.pipe, same texts)",
            our_mb / raw_mb,
            "<= raw + 100 MB",
            our_mb <= raw_mb + 100,
        ),
        Row(
            f"(for comparison) time indexing the {n_rows:,}-row JSONL",
            f"{our_s:.0f} s",
            f"{raw_s:.0f} s (raw nlp.pipe)",
            raw_s / our_s,
            "info",
            None,
        ),
    ]


def bench_stream(work: Path, megabytes: int) -> list[Row]:
    """Planning a large dump reads every row, yet memory stays that of a small one."""
    small, large = work / "stream-small.jsonl", work / f"stream-{megabytes}.jsonl"
    rows = {}
    for path, size in ((small, 20), (large, megabytes)):
        if not path.is_file():
            log(f"stream: writing a {size} MB JSONL")
            rows[path] = write_big_jsonl(path, size)
    runs = {p: child([__file__, "probe", "scan", str(p)], env_with(work)) for p in (small, large)}
    small_mb, large_mb = runs[small].rss_mb, runs[large].rss_mb
    data = runs[large].data
    n = int(data["rows"])  # type: ignore[call-overload]
    plans = {p: child([__file__, "probe", "plan", str(p)], env_with(work)) for p in (small, large)}
    plan_mb = plans[large].rss_mb
    small_rows = int(plans[small].data["rows"])  # type: ignore[call-overload]
    per_row = (plan_mb - plans[small].rss_mb) * 1e6 / max(1, n - small_rows)
    size_mb = large.stat().st_size / 1e6
    return [
        Row(
            f"peak memory, reading every row of a {size_mb:,.0f} MB JSONL ({n:,} rows, "
            f"{float(data['rows_s']):,.0f} rows/s)",  # type: ignore[arg-type]
            f"{large_mb:.0f} MB",
            f"{small_mb:.0f} MB (a 20 MB JSONL)",
            large_mb / small_mb,
            "<= small + 50 MB",
            large_mb <= small_mb + 50,
        ),
        Row(
            f"(for comparison) planning an open of the same file: ids and hashes kept "
            f"({per_row:,.0f} bytes per row; {size_mb * 1e6 / n:,.0f} bytes of file per row)",
            f"{plan_mb:.0f} MB",
            f"{plans[small].rss_mb:.0f} MB (a 20 MB JSONL)",
            plan_mb / plans[small].rss_mb,
            "info",
            None,
        ),
    ]


def bench_warm_dump(work: Path, n_rows: int, repeats: int) -> list[Row]:
    """A warm open of an unchanged `n_rows` dump against reading its rows once."""
    from newsdesk.core.models import Article, ArticleAnalysis
    from newsdesk.core.pipeline.readers import FieldMap, read_dump
    from newsdesk.core.settings import Settings
    from newsdesk.core.store.index_store import prime_store

    folder = work / f"warm-{n_rows}"
    cache = work / f"warm-{n_rows}-cache"
    path = folder / "archive.jsonl"
    if not path.is_file() or not cache.is_dir():
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        log(f"warm: writing {n_rows:,} rows and priming the store")
        folder.mkdir(parents=True)
        rows = [json.dumps(r, ensure_ascii=False) for r in _parsed(2_000, 9, ROW_WORDS)]
        with path.open("w", encoding="utf-8") as out:
            for n in range(n_rows):
                out.write(rows[n % len(rows)].replace('"id": "a', f'"id": "w{n}-a', 1) + "\n")
        past = time.time() - 3600
        os.utime(path, (past, past))
        analyses = [
            ArticleAnalysis(item, (), (), ())
            for item in read_dump(str(path), "archive", FieldMap(), 2_000_000)
            if isinstance(item, Article)
        ]
        prime_store([folder], Settings.from_env(cache_dir=cache), analyses)
    env = env_with(cache)
    warm = repeat(repeats, lambda: child([__file__, "probe", "open", str(folder)], env))
    assert warm[0].data["indexed"] == 0 and warm[0].data["parsed"] == 0, warm[0].data
    scan = child([__file__, "probe", "scan", str(path)], env)
    warm_s = best([float(r.data["open_s"]) for r in warm])  # type: ignore[arg-type]
    scan_s = float(scan.data["work_s"])  # type: ignore[arg-type]
    return [
        Row(
            f"warm open of an unchanged {n_rows:,}-row JSONL ({path.stat().st_size / 1e6:.0f} MB; "
            "rows parsed: 0)",
            f"{warm_s * 1000:,.0f} ms",
            f"{scan_s * 1000:,.0f} ms (reading its rows once)",
            scan_s / warm_s,
            "no row parsed",
            True,
        )
    ]


def run_all(work: Path, quick: bool) -> list[Row]:
    work.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    rows += bench_pages(work, 60 if quick else 300, 1 if quick else 3)
    rows += bench_jsonl_memory(work, 2_000 if quick else 10_000, 1)
    rows += bench_stream(work, 200 if quick else 1_000)
    rows += bench_warm_dump(work, 20_000 if quick else 100_000, 2 if quick else 3)
    return rows


# ---------------------------------------------------------------------------------------------
# Probes (child processes)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def probe(name: str, args: Sequence[str]) -> dict[str, object]:
    if name == "pages":
        import lxml.html

        from newsdesk.core.pipeline.readers import read_single

        paths = sorted(Path(args[0]).glob("*.html"))
        datas = [p.read_bytes() for p in paths]
        start = time.perf_counter()
        for data in datas:
            lxml.html.fromstring(data)
        lxml_s = time.perf_counter() - start
        read_single(str(paths[0]), article_id="warm", max_bytes=None)  # imports, first call
        start = time.perf_counter()
        for path in paths:
            read_single(str(path), article_id=path.stem, max_bytes=None)
        ours_s = time.perf_counter() - start
        return {
            "pages_s": len(paths) / ours_s,
            "lxml_pages_s": len(paths) / lxml_s,
            "kb_per_page": sum(map(len, datas)) / len(datas) / 1000,
            "rss_mb": _rss_mb(),
        }
    if name == "raw-pipe":
        from newsdesk.core.pipeline.nlp import load_pipeline

        nlp, _info = load_pipeline(None, stock=True)  # spaCy's own components, as run.py's

        def texts() -> Iterator[str]:
            with open(args[0], encoding="utf-8") as rows:
                for line in rows:
                    yield json.loads(line)["text"]

        for _doc in nlp.pipe(texts(), batch_size=32):
            pass
        return {"rss_mb": _rss_mb()}
    if name == "index":
        from newsdesk.core.settings import Settings
        from newsdesk.core.store.index_store import open_library

        opened = open_library([Path(args[0])], Settings.from_env())
        return {"indexed": opened.indexed, "rss_mb": _rss_mb()}
    if name == "scan":  # the reader alone: every row read, cleaned and hashed, none kept
        from newsdesk.core.pipeline.readers import FieldMap, read_dump
        from newsdesk.core.pipeline.readers.dumps import RowKey

        start = time.perf_counter()
        rows = sum(
            isinstance(item, RowKey)
            for item in read_dump(args[0], "dump", FieldMap(), 2_000_000, build=False)
        )
        work = time.perf_counter() - start
        return {"rows": rows, "rows_s": rows / work, "work_s": work, "rss_mb": _rss_mb()}
    if name == "plan":  # what an open plans for a new dump: the reader plus ids and hashes kept
        import sqlite3

        from newsdesk.core.pipeline.scan import scan
        from newsdesk.core.settings import Settings
        from newsdesk.core.store.dumps import DumpPlanner
        from newsdesk.core.store.tables import SCHEMA

        conn = sqlite3.connect(":memory:")
        conn.executescript(SCHEMA)
        (found,), _skipped = scan([Path(args[0])])
        planner = DumpPlanner(conn, {}, Settings.from_env(), "bench")
        order: dict[str, int] = {}
        start = time.perf_counter()
        planner.plan(found, (found.size, found.mtime_ns), order, {}, [], [])
        work = time.perf_counter() - start
        return {"rows": len(order), "work_s": work, "rss_mb": _rss_mb()}
    if name == "open":
        import newsdesk.core.pipeline.readers.dumps as dumps
        from newsdesk.core.settings import Settings
        from newsdesk.core.store.index_store import open_library

        parsed = 0
        real_rows = dumps._rows

        def counting(*a: object, **k: object):  # type: ignore[no-untyped-def]
            nonlocal parsed
            for row in real_rows(*a, **k):  # type: ignore[arg-type]
                parsed += 1
                yield row

        dumps._rows = counting  # type: ignore[assignment]
        start = time.perf_counter()
        opened = open_library([Path(args[0])], Settings.from_env())
        opened.library.articles()
        return {
            "open_s": time.perf_counter() - start,
            "indexed": opened.indexed,
            "parsed": parsed,
            "rss_mb": _rss_mb(),
        }
    raise SystemExit(f"unknown probe {name}")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["probe"]:
        print(json.dumps(probe(args[1], args[2:])))
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="smaller files")
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-bench-archives"
    )
    options = parser.parse_args(args)
    started = time.perf_counter()
    rows = run_all(options.work, options.quick)
    header = (
        f"newsdesk archive bench ({'quick' if options.quick else 'full'}; {machine()}; "
        f"{time.perf_counter() - started:.0f} s)"
    )
    print(render(rows, header))
    return 0


if __name__ == "__main__":
    sys.exit(main())
