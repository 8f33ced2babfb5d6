"""What `bench/run.py` runs in fresh processes, so each start is a real cold Python start.

    python bench/probes.py minimal-app
    python bench/probes.py raw-spacy FOLDER
    python bench/probes.py open FOLDER          # open_library, list, one article; JSON on stdout
    python bench/probes.py tui FOLDER           # NewsdeskApp to its first full screen
    python bench/probes.py search FOLDER [N]    # search p95 on the warm store (N baseline queries)
    python bench/probes.py record FOLDER        # the record of the actor with most positions
    python bench/probes.py search-prefixes FOLDER   # one- and two-letter prefixes, p95 apart
    python bench/probes.py search-after-change FOLDER  # one article changed: search ready when

Each prints one JSON line on stdout (timings inside the process); the caller also times the
whole process from the outside and reads its peak RSS.
"""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from pathlib import Path

START = time.perf_counter()


def _rss_mb() -> float:
    """Peak RSS of this program (VmHWM): unlike ru_maxrss, not inherited from a forked parent."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def minimal_app() -> dict[str, float]:
    """A minimal Textual app with three panes: starts, paints once, exits."""
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal
    from textual.widgets import Footer, Header, Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            with Horizontal():
                yield Static("articles", id="left")
                yield Static("text", id="middle")
                yield Static("actors", id="right")
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self.exit)

    Minimal().run(headless=True, size=(120, 40))
    return {"total_s": time.perf_counter() - START, "rss_mb": _rss_mb()}


def raw_spacy(folder: str) -> dict[str, float]:
    """The cold-start floor: import spaCy, load the model, parse every text once."""
    from newsdesk.core.pipeline.indexing import read_articles
    from newsdesk.core.pipeline.nlp import UNUSED_PIPES, describe_model

    articles, _skipped = read_articles([Path(folder)])
    import spacy

    nlp = spacy.load(describe_model(None).name, exclude=list(UNUSED_PIPES))
    for _doc in nlp.pipe(a.text for a in articles):
        pass
    return {"total_s": time.perf_counter() - START, "rss_mb": _rss_mb()}


def open_folder(folder: str) -> dict[str, float | int | bool]:
    """A warm (or incremental) open as a front end does it: open, list, read one article."""
    from newsdesk.core.settings import Settings
    from newsdesk.core.store.index_store import open_library

    imported = time.perf_counter()
    opened = open_library([Path(folder)], Settings.from_env())
    opened_at = time.perf_counter()
    library = opened.library
    articles = library.articles()
    actors = library.actors()
    listed_at = time.perf_counter()
    detail = library.article(articles[len(articles) // 2].id)
    if actors:
        library.positions(actors[-1].id)
    done = time.perf_counter()
    return {
        "import_s": imported - START,
        "open_s": opened_at - imported,
        "list_s": listed_at - opened_at,
        "article_s": done - listed_at,
        "work_s": done - imported,
        "total_s": done - START,
        "rss_mb": _rss_mb(),
        "articles": len(articles),
        "actors": len(actors),
        "mentions": len(detail.mentions),
        "indexed": opened.indexed,
        "spacy": "spacy" in sys.modules,
    }


def search_folder(folder: str, baseline_queries: str = "3") -> dict[str, object]:
    """Search on a warm store as the app does it (index cached per revision), with the
    helpers of `bench/search.py`; the baseline is rapidfuzz's `process.extract` on the same
    strings."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import search as search_bench

    from newsdesk.core.search.index import open_index_data
    from newsdesk.core.search.query import SearchIndex
    from newsdesk.core.settings import Settings
    from newsdesk.core.store.index_store import open_library

    settings = Settings.from_env()
    library = open_library([Path(folder)], settings).library
    started = time.perf_counter()
    index = SearchIndex(open_index_data(library, settings))
    load_s = time.perf_counter() - started
    queries = search_bench.make_queries(library, 50)
    walls, cpus, found = search_bench.time_search(index, queries)
    rss = _rss_mb()
    base: list[float] = []
    if int(baseline_queries):
        strings = search_bench.unit_strings(library)
        base = search_bench.time_baseline(strings, queries[: int(baseline_queries)])
    p95 = search_bench._percentile
    return {
        "load_s": load_s, "p95_ms": p95(walls, 0.95), "median_ms": statistics.median(walls),
        "cpu_p95_ms": p95(cpus, 0.95), "hits": sum(1 for f in found if f) / len(found),
        "base_p95_ms": p95(base, 0.95) if base else None, "rss_mb": rss,
    }


def search_prefixes(folder: str) -> dict[str, object]:
    """Search as the first keystrokes type it: every one-letter prefix, and the two-letter
    prefixes of the 50 most frequent tokens, timed apart (they expand to the most tokens)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import search as search_bench

    from newsdesk.core.search.index import open_index_data
    from newsdesk.core.search.query import SearchIndex
    from newsdesk.core.settings import Settings
    from newsdesk.core.store.index_store import open_library

    settings = Settings.from_env()
    library = open_library([Path(folder)], settings).library
    index = SearchIndex(open_index_data(library, settings))
    data = index.data
    import numpy as np

    frequent = np.argsort(-np.diff(data.post_off))[:400].tolist()
    twos = list(dict.fromkeys(data.vocab[i][:2] for i in frequent if len(data.vocab[i]) >= 2))[:50]
    ones = sorted({w[0] for w in data.vocab if w and w[0].isalpha() and w[0].isascii()})
    one_walls, _c1, _f1 = search_bench.time_search(index, ones)
    two_walls, _c2, _f2 = search_bench.time_search(index, twos)
    p95 = search_bench._percentile
    return {"one_p95_ms": p95(one_walls, 0.95), "two_p95_ms": p95(two_walls, 0.95),
            "one_n": len(ones), "two_n": len(twos), "rss_mb": _rss_mb(),
            "index_path": str(data.path) if data.path else ""}


def search_after_change(folder: str) -> dict[str, object]:
    """One article gains a sentence with a new name: re-index it (spaCy), then the time until a
    search finds the name (the search index updated in place, not rebuilt)."""
    import os
    import random
    import string

    from newsdesk.core.search.index import open_index_data
    from newsdesk.core.search.query import SearchIndex
    from newsdesk.core.settings import Settings
    from newsdesk.core.store.index_store import open_library

    rng = random.Random(time.time_ns())
    name = "".join(rng.choice(string.ascii_lowercase) for _ in range(9)).capitalize()
    files = sorted(Path(folder).glob("*.txt"))
    target = files[len(files) // 2]
    blocks = target.read_text(encoding="utf-8").split("\n\n")
    blocks.insert(3, f"Mayor Ondine {name} told reporters in Oslo that the talks had failed.")
    target.write_text("\n\n".join(blocks), encoding="utf-8")
    past = time.time() - 60
    os.utime(target, (past, past))
    settings = Settings.from_env()
    started = time.perf_counter()
    opened = open_library([Path(folder)], settings)
    indexed_at = time.perf_counter()
    index = SearchIndex(open_index_data(opened.library, settings))
    hits = index.search(name).hits
    ready_at = time.perf_counter()
    return {"reindex_s": indexed_at - started, "search_ready_s": ready_at - indexed_at,
            "indexed": opened.indexed, "found": bool(hits), "rss_mb": _rss_mb()}


def tui_first_screen(folder: str) -> dict[str, float | bool] | None:
    """NewsdeskApp on `folder`, headless, until the list has rows and an article is shown."""
    from newsdesk.core.settings import Settings
    from newsdesk.tui.app import NewsdeskApp
    from newsdesk.tui.cli.explore import run_to_exit

    app = NewsdeskApp([Path(folder)], Settings.from_env(), reindex=False)
    state = {"ready": False}

    def report() -> None:
        # Written here: quitting while the folder check still runs ends with `os._exit`.
        _write({"total_s": time.perf_counter() - START, "rss_mb": _rss_mb(), "ready": True,
                "spacy": "spacy" in sys.modules})
        app.exit()

    def ready() -> None:
        if not state["ready"]:
            state["ready"] = True
            app.call_after_refresh(report)  # once that screen has been painted

    main = getattr(app, "main", None)
    original = getattr(main, "set_library", None)
    if main is not None and original is not None:
        # the screen fills the list and opens the first article in set_library: hook it
        def set_library(library: object) -> None:
            original(library)
            ready()

        main.set_library = set_library  # type: ignore[method-assign]

    def poll() -> None:  # a fallback if the app is organised differently
        if _first_screen_ready(app):
            ready()

    def arm() -> None:
        app.set_interval(0.05, poll)
        app.set_timer(30, app.exit)

    app.call_later(arm)
    run_to_exit(app, headless=True, size=(120, 40))  # as `newsdesk FOLDER` runs it
    if state["ready"]:
        return None  # reported when it was painted
    return {"total_s": time.perf_counter() - START, "rss_mb": _rss_mb(), "ready": False,
            "spacy": "spacy" in sys.modules}


def _first_screen_ready(app: object) -> bool:
    """The first full screen: the article list has rows and the text pane shows an article."""
    if getattr(app, "library", None) is None:
        return False
    screen = app.screen  # type: ignore[attr-defined]
    lists = list(screen.query("ArticleList"))
    text = getattr(screen, "text", None)
    listed = bool(lists and getattr(lists[0], "rows", None))
    return listed and getattr(text, "detail", None) is not None


def record_folder(folder: str) -> dict[str, object]:
    """Open the record of the actor with the most positions, as the `v` key does (the record and
    its first page of rows; relations come later from a worker), against opening one article."""
    from newsdesk.core.analysis.record import build_record
    from newsdesk.core.settings import Settings
    from newsdesk.core.store.index_store import open_library

    library = open_library([Path(folder)], Settings.from_env()).library
    actor = max(library.actors(), key=lambda a: a.quote_count)
    articles = library.articles()
    record_s, article_s = [], []
    for n in range(5):
        started = time.perf_counter()
        record = build_record(library, actor.id)
        for index in range(min(200, len(record.positions))):
            record.position_row(index)
        record_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        library.article(articles[(n + 1) * len(articles) // 7].id)
        article_s.append(time.perf_counter() - started)
    chosen = min(library.actors(), key=lambda a: (-a.article_count, a.id))  # as bench/keys.py
    return {
        "record_s": min(record_s), "record_first_s": record_s[0], "article_s": min(article_s),
        "positions": len(record.positions),
        "chosen_positions": chosen.quote_count,
        "mentions": sum(p.mentions for p in record.timeline), "rss_mb": _rss_mb(),
    }


def main() -> None:
    command, *args = sys.argv[1:]
    probes = {"minimal-app": minimal_app, "raw-spacy": raw_spacy, "open": open_folder,
              "tui": tui_first_screen, "search": search_folder, "record": record_folder,
              "search-prefixes": search_prefixes, "search-after-change": search_after_change}
    result = probes[command](*args)  # type: ignore[operator]
    if result is not None:
        _write(result)


def _write(result: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
