"""Key to painted screen: how long the explorer takes to answer a key, against a minimal app.

    .venv/bin/python bench/keys.py                    # seeds/ and the 10,000-article store
    .venv/bin/python bench/keys.py --large 2000       # a smaller synthetic store (quicker)
    .venv/bin/python bench/keys.py --folder DIR       # also a folder of your own (indexed first)

Each app runs in a child process on a pseudo-terminal, exactly as in a terminal emulator: the
bench answers Textual's query for synchronized output, so every frame ends with `ESC[?2026l`,
then types keys one at a time and times each from the write of the key to the end of the first
frame painted after it. Between keys it waits until the app has been quiet for `QUIET` seconds
(so a debounced preview or a search answer is painted before the next key, and timed as
"settled"). The `cpu` columns are the app's own CPU time from the key to that first frame (all
its threads, from /proc): the wall time also counts waiting for a core on a loaded machine.
`bench/run.py` (`make bench`) calls `bench_keys` on the stores it has built.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PY = sys.executable

SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"
FRAME_END = b"\x1b[?2026l"
#: Silence that counts as "the app has finished answering" (above the list's preview pause).
QUIET = 0.35
#: A key with no frame after this long counts as this long (and the run says so).
NO_FRAME = 2.0
SIZE = (120, 40)


@dataclass
class KeyTimes:
    """Per key: first frame after it (the answer) and the last one before quiet (settled)."""

    first_ms: list[float] = field(default_factory=list)
    settled_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    """The app's CPU time (all its threads) from the key to its first frame: what the key
    costs, whatever else the machine runs (the wall times include waiting for a core)."""
    missing: int = 0

    def p95(self) -> float:
        return percentile(self.first_ms, 0.95)


def percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


class Terminal:
    """A child process on a pty of `SIZE`, answering the synchronized-output query."""

    def __init__(self, argv: Sequence[str], env: dict[str, str]) -> None:
        pid, fd = os.forkpty()
        if pid == 0:  # the child: become the app
            try:
                os.chdir(ROOT)
                os.execve(PY, [PY, *argv], env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        cols, rows = SIZE
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.buffer = b""
        self.frames = 0
        self.first_cpu_ns: int | None = None
        """The app's CPU time when the first frame of the last `frames_until_quiet` ended."""
        self.transcript = b""
        """The last output, shown if the child dies."""

    def _read(self, timeout: float) -> tuple[bytes, float] | None:
        ready, _w, _x = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return None
        try:
            data = os.read(self.fd, 1 << 20)
        except OSError:  # the child has gone
            raise EOFError(self.transcript[-3000:].decode(errors="replace")) from None
        if not data:
            raise EOFError(self.transcript[-3000:].decode(errors="replace"))
        self.transcript = (self.transcript + data)[-8000:]
        at = time.perf_counter()
        if SYNC_QUERY in self.buffer[-16:] + data:
            os.write(self.fd, SYNC_REPLY)
        self.buffer = (self.buffer + data)[-64:]
        return data, at

    def cpu_ns(self) -> int:
        """CPU time the app has used so far, all threads (Linux schedstat; 0 elsewhere)."""
        total = 0
        try:
            for task in os.listdir(f"/proc/{self.pid}/task"):
                with open(f"/proc/{self.pid}/task/{task}/schedstat") as stat:
                    total += int(stat.read().split()[0])
        except (OSError, ValueError, IndexError):
            pass
        return total

    def frames_until_quiet(self, quiet: float, limit: float) -> list[float]:
        """Times at which frames ended, until nothing came for `quiet` s (or `limit` passed)."""
        ends: list[float] = []
        tail = b""
        self.first_cpu_ns = None
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            got = self._read(quiet)
            if got is None:
                if ends or limit <= quiet:
                    break
                continue
            data, at = got
            joined = tail + data
            if not ends and FRAME_END in joined:
                self.first_cpu_ns = self.cpu_ns()
            ends += [at] * joined.count(FRAME_END)
            tail = joined[-(len(FRAME_END) - 1):]
        self.frames += len(ends)
        return ends

    def first_frame(self, limit: float = NO_FRAME) -> None:
        """Wait for the end of one frame (the answer to a key just written)."""
        tail = b""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            got = self._read(deadline - time.perf_counter())
            if got is not None:
                tail = (tail + got[0])[-(len(FRAME_END) + 4096):]
                if FRAME_END in tail:
                    self.frames += 1
                    return

    def settle(self, limit: float = 60.0) -> None:
        """Wait for the first screen (some frames, then quiet)."""
        start = time.perf_counter()
        while not self.frames_until_quiet(1.0, limit) and time.perf_counter() - start < limit:
            pass

    def key(self, data: bytes, times: KeyTimes | None) -> None:
        """Type `data`; time the first frame after it and the last before quiet."""
        cpu = self.cpu_ns()
        sent = time.perf_counter()
        os.write(self.fd, data)
        ends = self.frames_until_quiet(QUIET, NO_FRAME + QUIET)
        if times is None:
            return
        if not ends:
            times.missing += 1
            times.first_ms.append(NO_FRAME * 1000)
            return
        times.first_ms.append((ends[0] - sent) * 1000)
        times.settled_ms.append((ends[-1] - sent) * 1000)
        if self.first_cpu_ns is not None and cpu:
            times.cpu_ms.append((self.first_cpu_ns - cpu) / 1e6)

    def close(self) -> None:
        with_timeout = time.perf_counter() + 5
        try:
            os.write(self.fd, b"q")
            while time.perf_counter() < with_timeout:
                if self._read(0.2) is None and os.waitpid(self.pid, os.WNOHANG)[0]:
                    break
        except (EOFError, OSError):
            pass
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)


def child_env(cache: Path, data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(NEWSDESK_CACHE_DIR=str(cache), NEWSDESK_DATA_DIR=str(data), TERM="xterm-256color",
               COLORTERM="truecolor")
    env.pop("NEWSDESK_MODEL", None)
    env.pop("TEXTUAL", None)
    return env


# ---------------------------------------------------------------------------------------------
# The child side: the apps under test


def run_minimal() -> None:
    """The baseline: a minimal Textual app whose `j` moves a highlight (an OptionList)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, OptionList, Static

    class Minimal(App[None]):
        BINDINGS = [("q", "quit", "Quit")]

        def compose(self) -> ComposeResult:
            yield OptionList(*(f"Row {i}" for i in range(200)))
            yield Static("text")
            yield Footer()

        def on_key(self, event: object) -> None:
            key = getattr(event, "key", "")
            if key == "j":
                self.query_one(OptionList).action_cursor_down()

    Minimal().run()


def run_newsdesk(folder: str, walk_file: str) -> None:
    """The explorer on `folder`; once shown, an actor whose mentions span articles is chosen
    (so `n` crosses articles) and the walk's article order is written to `walk_file`."""
    from newsdesk.core.settings import Settings
    from newsdesk.tui.cli.explore import prepare_textual, run_to_exit

    prepare_textual()  # as `newsdesk` does, before Textual is imported
    from newsdesk.tui.app import NewsdeskApp

    class Probe(NewsdeskApp):
        CSS_PATH = str(Path(sys.modules[NewsdeskApp.__module__].__file__ or "").parent
                       / NewsdeskApp.CSS_PATH)  # type: ignore[operator]

        def on_library_loaded(self, message: object) -> None:
            super().on_library_loaded(message)  # type: ignore[arg-type]
            self.call_after_refresh(self._choose_walker)

        def _choose_walker(self) -> None:
            main = self.main
            actors = sorted(main.actor_summaries.values(),
                            key=lambda a: (-a.article_count, a.id))
            if not actors:
                return
            focused = self.focused
            main.choose_actor(actors[0].id)
            if focused is not None:
                focused.focus()
            walk = main.walk
            assert walk is not None
            ready = {"index": walk.index, "articles": [t.article for t in walk.targets]}

            def when_idle() -> None:  # the search index loads in a thread after the library
                busy = any(w.is_running and w.group in ("index", "search-index")
                           for w in self.workers)
                if self.search.index is not None and not busy:
                    timer.stop()
                    Path(walk_file).write_text(json.dumps(ready))

            timer = self.set_interval(0.1, when_idle)

    app = Probe([Path(folder)], Settings.from_env())
    profile_to = os.environ.get("NEWSDESK_KEYS_PROFILE")
    if not profile_to:
        run_to_exit(app)
        return
    import cProfile  # where the time goes, on demand: `NEWSDESK_KEYS_PROFILE=FILE`

    profile = cProfile.Profile()
    try:
        profile.runcall(app.run)
    finally:
        profile.dump_stats(profile_to)


# ---------------------------------------------------------------------------------------------
# The parent side: scenarios


@dataclass
class Figures:
    """Key times per scenario for one app on one corpus."""

    label: str
    scenarios: dict[str, KeyTimes]


def measure_minimal(presses: int) -> Figures:
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(Path(tmp) / "cache", Path(tmp) / "data")
        term = Terminal([__file__, "--child", "minimal"], env)
        try:
            term.settle()
            times = KeyTimes()
            for _ in range(presses):
                term.key(b"j", times)
        finally:
            term.close()
    return Figures("minimal Textual app", {"j in a list": times})


def measure_newsdesk(label: str, folder: Path, cache: Path, presses: int) -> Figures:
    """j in the list, Enter on an article, `n` across articles, a key typed in the search bar."""
    with tempfile.TemporaryDirectory() as tmp:
        walk_file = Path(tmp) / "walk.json"
        env = child_env(cache, Path(tmp) / "data")
        term = Terminal([__file__, "--child", "newsdesk", str(folder), str(walk_file)], env)
        scenarios = {name: KeyTimes() for name in
                     ("j in the article list", "Enter on an article", "n across articles",
                      "a key typed in the search bar")}
        try:
            term.settle()
            for _ in range(600):  # chosen after the first screen, written once the app is idle
                if walk_file.exists():
                    break
                term.frames_until_quiet(0.1, 0.1)
            term.frames_until_quiet(0.5, 2.0)
            walk = json.loads(walk_file.read_text())
            term.key(b"1", None)  # the article list
            for _ in range(presses):
                term.key(b"j", scenarios["j in the article list"])
            for _ in range(presses):
                # `j` moves the highlight (its frame is awaited); Enter, before the preview
                # pause is over, opens that article and focuses it
                os.write(term.fd, b"j")
                term.first_frame()
                term.key(b"\r", scenarios["Enter on an article"])
                term.key(b"1", None)
            term.key(b"2", None)  # the text pane; `n` walks the chosen actor
            articles, index = walk["articles"], walk["index"]
            steps = 0
            while len(scenarios["n across articles"].first_ms) < presses and steps < 4 * presses:
                following = (index + 1) % len(articles)
                crosses = articles[following] != articles[index]
                term.key(b"n", scenarios["n across articles"] if crosses else None)
                index, steps = following, steps + 1
            term.key(b"/", None)
            word = "minister council harbour election"
            for char in word[:presses]:
                term.key(char.encode(), scenarios["a key typed in the search bar"])
            term.key(b"\x1b", None)
        finally:
            term.close()
    return Figures(label, scenarios)


def measure_record(folder: Path, cache: Path, presses: int) -> KeyTimes:
    """`v` on the chosen actor (the one in most articles), to the record screen painted;
    Escape closes it between presses (untimed). `settled` includes the relations, which a
    worker finds after the first paint."""
    times = KeyTimes()
    with tempfile.TemporaryDirectory() as tmp:
        walk_file = Path(tmp) / "walk.json"
        env = child_env(cache, Path(tmp) / "data")
        term = Terminal([__file__, "--child", "newsdesk", str(folder), str(walk_file)], env)
        try:
            term.settle()
            for _ in range(600):  # the actor is chosen once the app is idle
                if walk_file.exists():
                    break
                term.frames_until_quiet(0.1, 0.1)
            term.frames_until_quiet(0.5, 2.0)
            for _ in range(presses):
                term.key(b"v", times)
                term.key(b"\x1b", None)
        finally:
            term.close()
    return times


def ensure_indexed(folder: Path, cache: Path) -> None:
    """Index `folder` into `cache` first (spaCy if needed): the bench times a warm explorer."""
    from newsdesk.core.settings import Settings
    from newsdesk.core.store.index_store import open_library

    open_library([folder], Settings.from_env(cache_dir=cache))


def ensure_large(work: Path, n_articles: int) -> tuple[Path, Path]:
    """The synthetic store `bench/run.py` builds (kept between runs)."""
    sys.path.insert(0, str(BENCH))
    import run as bench_run

    bench_run.ensure_large_store(work, n_articles, fresh=False)
    return work / f"large-{n_articles}", work / f"large-{n_articles}-cache"


def report(all_figures: Sequence[Figures], baseline: Figures) -> list[tuple[str, float, float,
                                                                            float, int, float,
                                                                            float]]:
    """(figure, p95 ms, median ms, settled p95 ms, presses, CPU median ms, CPU p95 ms) per
    scenario and corpus."""
    rows = []
    for figures in [baseline, *all_figures]:
        for name, times in figures.scenarios.items():
            rows.append((f"{name} ({figures.label})", times.p95(),
                         statistics.median(times.first_ms) if times.first_ms else float("nan"),
                         percentile(times.settled_ms, 0.95), len(times.first_ms),
                         statistics.median(times.cpu_ms) if times.cpu_ms else float("nan"),
                         percentile(times.cpu_ms, 0.95)))
    return rows


def measure_all(work: Path, n_large: int, presses: int,
                extra: Sequence[Path] = ()) -> tuple[Figures, list[Figures]]:
    seeds_cache = work / "keys-seeds-cache"
    corpora = [("seeds/", ROOT / "seeds", seeds_cache)]
    for folder in extra:
        corpora.append((folder.name, folder, work / f"keys-{folder.name}-cache"))
    for _label, folder, cache in corpora:
        ensure_indexed(folder, cache)
    if n_large:
        folder, cache = ensure_large(work, n_large)
        corpora.append((f"{n_large:,} articles", folder, cache))
    baseline = measure_minimal(presses)
    figures = [measure_newsdesk(label, folder, cache, presses) for label, folder, cache in corpora]
    return baseline, figures


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--child"]:
        kind, *rest = args[1:]
        run_minimal() if kind == "minimal" else run_newsdesk(*rest)
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--large", type=int, default=10_000,
                        help="articles in the synthetic store (0: none)")
    parser.add_argument("--presses", type=int, default=20, help="keys per scenario")
    parser.add_argument("--folder", type=Path, action="append", default=[],
                        help="also measure this folder (indexed first)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsdesk-bench")
    options = parser.parse_args(args)
    options.work.mkdir(parents=True, exist_ok=True)
    baseline, figures = measure_all(options.work, options.large, options.presses, options.folder)
    base = baseline.scenarios["j in a list"].p95()
    print(f"key to painted screen, {SIZE[0]}x{SIZE[1]} pty, p95 goal <= 50 ms")
    print(f"{'figure':58} {'p95':>8} {'median':>8} {'settled p95':>12} {'keys':>5} {'vs min':>7}"
          f" {'cpu median':>11} {'cpu p95':>8}")
    for name, p95, median, settled, n, cpu_median, cpu_p95 in report(figures, baseline):
        print(f"{name:58} {p95:6.1f}ms {median:6.1f}ms {settled:10.1f}ms {n:5d} "
              f"{p95 / base:6.2f}x {cpu_median:9.1f}ms {cpu_p95:6.1f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
