"""Two checkouts' `make bench` side by side: each section of each checkout's own bench, interleaved.

    .venv/bin/python bench/compare.py BEFORE AFTER                  # all shared sections, 2 rounds
    .venv/bin/python bench/compare.py BEFORE AFTER --sections large --rounds 3
    .venv/bin/python bench/compare.py --table /tmp/compare/results.jsonl   # the table again

BEFORE and AFTER are checkouts (git worktrees), each with its own `.venv` (`make install`).
Every run is one section of `bench/run.py` (throughput, start, incremental, large) run by that
checkout's own interpreter and script, with its own `--work` folder, cache and data dirs, under
`flock LOCK` so two benches on a shared machine never overlap. The sides alternate (before,
after, after, before, ...) so a change in the machine's load falls on both. Each run's rows and
load average go to `results.jsonl` in `--work`; the table compares each row's ratio (figure over
the baseline measured in the same run, which cancels most of the load) as the median of the
rounds, with the spread, and marks a change of more than `--tolerance` in the worse direction.
Rows are matched by their figure's name with numbers and the parenthesised details left out; a
row one side lacks is listed as new (or gone). Where a figure carries a CPU-time ratio in its
details ("per CPU-second 0.93x", "CPU 1.30x") its median is shown too: on a loaded machine the
wall-time ratios of a few runs swing by tens of percent, the CPU ratios by a few.

To repeat one row more often, the sections `open`, `search`, `tui-large` (pieces of `large`, on
the store a `large` run built in the same `--work`) and `tui-seeds` (the TUI warm start of
`start`, with its CPU ratio) and `cli-seeds` (the warm `newsdesk index --json seeds/` of `start`,
with its CPU ratio) run the same probes and baselines alone:

    .venv/bin/python bench/compare.py BEFORE AFTER --sections tui-seeds,tui-large --rounds 4 \
        --work /tmp/compare --lock /tmp/bench.lock
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

SECTIONS = {
    # the arguments bench/run.py's main() passes in a full (not --quick) run
    "throughput": "run.bench_throughput(work, 60, jobs=2, rounds=3)",
    "start": "run.bench_start(work, 5)",
    "incremental": "run.bench_incremental(work, 1_000, 5)",
    "large": "run.bench_large(work, 10_000, 5, False)",
    # pieces of "large" alone, on the store "large" built (run it once first), to repeat a row
    "open": "large_open(work, 5)",
    "search": "run.bench_search(*large_folder(work), 'large', quick=False)",
    "tui-large": "large_tui(work, 5)",
    # the warm starts of "start" alone, with their CPU time beside the wall time
    "tui-seeds": "seeds_tui(work, 8)",
    "cli-seeds": "seeds_cli(work, 8)",
}

#: What `make bench` runs (the default); the other sections repeat pieces of it.
FULL = ("throughput", "start", "incremental", "large")

#: Helpers for the pieces of "large": the same probes, baselines and rows as `bench_large`.
_LARGE_PIECES = """
def large_folder(work):
    return work / "large-10000", run.env_with(work / "large-10000-cache")

def large_open(work, repeats):
    folder, env = large_folder(work)
    runs, lists = [], []
    for _ in range(repeats):  # interleaved with the baseline
        runs.append(run.child(run.probe("open", str(folder)), env))
        lists.append(run.child(["-c", run._LIST_ONLY, str(folder)], env))
    open_s = run.best([float(r.data["open_s"]) for r in runs])
    list_s = run.best([float(r.data["work_s"]) for r in lists])
    return [run.Row("warm open_library (large)", f"{open_s * 1000:.0f} ms",
                    f"{list_s * 1000:.0f} ms (walk + stat the folder)", open_s / list_s,
                    "< 1 s", open_s < 1.0)]

def large_tui(work, repeats):
    folder, env = large_folder(work)
    return [tui_row(folder, env, repeats, " (large; ", "< +1 s", lambda t, m: t - m < 1.0)]

def seeds_tui(work, repeats):
    cache = work / "seeds-cache"
    env = run.env_with(cache)
    cli = "import sys; from newsdesk.tui.cli import main; sys.exit(main())"
    run.child(["-c", cli, "index", str(run.ROOT / "seeds"), "--json"], env)  # warm store
    return [tui_row(run.ROOT / "seeds", env, repeats, ", seeds/ (", "<= 1.5x",
                    lambda t, m: t / m <= 1.5)]

def seeds_cli(work, repeats):
    env = run.env_with(work / "seeds-cache")
    code = "import sys; from newsdesk.tui.cli import main; sys.exit(main())"
    cli = ["-c", code, "index", str(run.ROOT / "seeds"), "--json"]
    run.child(cli, env)  # a warm store
    warm, minimal = [], []
    for _ in range(repeats):  # interleaved with the baseline
        warm.append(run.child(cli, env))
        minimal.append(run.child(run.probe("minimal-app"), env))
    warm_s, minimal_s = run.best([r.wall_s for r in warm]), run.best([r.wall_s for r in minimal])
    cpu = min(r.cpu_s for r in warm) / min(r.cpu_s for r in minimal)
    return [run.Row(f"warm start: newsdesk index --json seeds/ (CPU {cpu:.2f}x; best of {repeats})",
                    f"{warm_s:.2f} s", f"{minimal_s:.2f} s (minimal Textual app)",
                    warm_s / minimal_s, "<= 1.5x", warm_s / minimal_s <= 1.5)]

def tui_row(folder, env, repeats, label, goal, ok):
    tui, minimal = [], []
    for _ in range(repeats):  # interleaved with the baseline
        tui.append(run.child(run.probe("tui", str(folder)), env))
        minimal.append(run.child(run.probe("minimal-app"), env))
    tui_s, minimal_s = run.best([r.wall_s for r in tui]), run.best([r.wall_s for r in minimal])
    cpu = min(r.cpu_s for r in tui) / min(r.cpu_s for r in minimal)
    ready = all(r.data.get("ready") for r in tui)
    title = f"warm start: TUI to first full screen{label}CPU {cpu:.2f}x; best of {repeats})"
    return run.Row(title + ("" if ready else " (never ready!)"),
                   f"{tui_s:.2f} s", f"{minimal_s:.2f} s (minimal Textual app)",
                   tui_s / minimal_s, goal, ready and ok(tui_s, minimal_s))
"""

_SECTION_SNIPPET = """
import dataclasses, json, os, sys, time
from pathlib import Path
sys.path.insert(0, "bench")
import run
work = Path(sys.argv[1]); work.mkdir(parents=True, exist_ok=True)
{pieces}
load, start = os.getloadavg(), time.time()
rows = {call}
print("ROWS " + json.dumps({{"load_before": load, "load_after": os.getloadavg(),
    "started": start, "seconds": time.time() - start,
    "rows": [dataclasses.asdict(r) for r in rows]}}))
"""


def row_key(figure: str) -> str:
    """A figure's name without its parenthesised details and numbers, the same on both sides."""
    name = re.sub(r"\s+\(.*", "", figure)  # "(for comparison) ..." keeps its opening words
    return re.sub(r"\d[\d,.]*", "N", name).strip()


def higher_is_better(goal: str, value: str) -> bool:
    """A goal of at least some ratio, or a rate (words/s): the ratio is ours over the baseline's
    time the other way up, so higher is better; every other ratio is a time or size."""
    return goal.startswith(">") or value.endswith("/s")


def run_section(side: str, checkout: Path, section: str, work: Path, lock: Path | None) -> dict:
    """One section of one checkout's bench, in its own interpreter, under the lock."""
    python = checkout / ".venv" / "bin" / "python"
    snippet = _SECTION_SNIPPET.format(call=SECTIONS[section], pieces=_LARGE_PIECES)
    side_work = work / side
    env = dict(os.environ)
    env["NEWSDESK_CACHE_DIR"] = str(side_work / "cache")
    env["NEWSDESK_DATA_DIR"] = str(side_work / "data")
    command = [str(python), "-c", snippet, str(side_work / "bench")]
    if lock is not None:
        command = ["flock", str(lock), *command]
    proc = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{side} {section} failed:\n{proc.stderr[-3000:]}")
    line = next(x for x in reversed(proc.stdout.splitlines()) if x.startswith("ROWS "))
    data = json.loads(line[len("ROWS "):])  # the load is read inside the lock, by the section
    return {
        "side": side, "section": section, "checkout": str(checkout),
        "started": time.strftime("%H:%M:%S", time.gmtime(data["started"])),
        "seconds": round(data["seconds"], 1),
        "load_before": [round(x, 2) for x in data["load_before"]],
        "load_after": [round(x, 2) for x in data["load_after"]],
        "rows": data["rows"],
    }


def cpu_ratios(rows: list[dict]) -> str:
    """The CPU-time ratio some figures carry in their details ("per CPU-second 0.93x", "CPU
    1.30x"): the load of a shared machine inflates wall time, much less CPU time."""
    found = [float(m.group(1)) for r in rows
             if (m := re.search(r"CPU(?:-second)? ([\d.]+)x", r["figure"]))]
    return f"{statistics.median(found):.2f}x" if found else "-"


def table(results: Sequence[dict], tolerance: float) -> str:
    """Side by side: each row's ratio (median of the rounds, min-max) before and after."""
    per: dict[str, dict[str, list[dict]]] = {}
    order: list[str] = []
    for result in results:
        for row in result["rows"]:
            key = row_key(row["figure"])
            if key not in per:
                per[key] = {"before": [], "after": []}
                order.append(key)
            per[key][result["side"]].append({**row, "load": result["load_before"][0]})
    lines = [
        "| figure | before ratio (median; min-max; n) | after ratio | change | CPU ratio before / "
        "after (median) | load (1-min, before / after) | result before / after |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for key in order:
        before, after = per[key]["before"], per[key]["after"]

        def summary(rows: list[dict], missing: str) -> str:
            ratios = [r["ratio"] for r in rows if r["ratio"] is not None]
            if not rows:
                return missing
            if not ratios:
                return " / ".join(r["value"] for r in rows)
            med = statistics.median(ratios)
            return f"{med:.3f}x; {min(ratios):.3f}-{max(ratios):.3f}; {len(ratios)}"

        def loads(rows: list[dict]) -> str:
            return "-".join(f"{x:.1f}" for x in sorted({min(r['load'] for r in rows),
                                                        max(r['load'] for r in rows)})) or "-"

        def results_of(rows: list[dict]) -> str:
            marks = {None: "-", True: "pass", False: "FAIL"}
            return ",".join(marks[r["ok"]] for r in rows) or "-"

        change = ""
        cpu = f"{cpu_ratios(before)} / {cpu_ratios(after)}"
        b = [r["ratio"] for r in before if r["ratio"] is not None]
        a = [r["ratio"] for r in after if r["ratio"] is not None]
        if b and a:
            mb, ma = statistics.median(b), statistics.median(a)
            rel = ma / mb - 1
            first = (before or after)[0]
            worse = -rel if higher_is_better(first["goal"], first["value"]) else rel
            verdict = "WORSE" if worse > tolerance else ("better" if worse < -tolerance else "same")
            change = f"{rel:+.1%} ({verdict})"
        elif not before:
            change = "new row"
        elif not after:
            change = "gone"
        lines.append(
            f"| {key} | {summary(before, '(new)')} | {summary(after, '(gone)')} | {change} | "
            f"{cpu} | "
            f"{loads(before) if before else '-'} / {loads(after) if after else '-'} | "
            f"{results_of(before)} / {results_of(after)} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("before", type=Path, nargs="?")
    parser.add_argument("after", type=Path, nargs="?")
    parser.add_argument("--sections", default=",".join(FULL),
                        help=f"comma-separated, of {', '.join(SECTIONS)}")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsdesk-compare"))
    parser.add_argument("--lock", type=Path, default=None,
                        help="flock this file around every run (a shared machine)")
    parser.add_argument("--tolerance", type=float, default=0.10)
    parser.add_argument("--table", type=Path, default=None,
                        help="print the table of a results.jsonl and stop")
    options = parser.parse_args(argv)
    if options.table is not None:
        results = [json.loads(x) for x in options.table.read_text().splitlines() if x.strip()]
        print(table(results, options.tolerance))
        return 0
    if options.before is None or options.after is None:
        parser.error("give two checkouts, or --table results.jsonl")
    sections = [s for s in options.sections.split(",") if s]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    options.work.mkdir(parents=True, exist_ok=True)
    log = options.work / "results.jsonl"
    results: list[dict] = []
    checkouts = {"before": options.before.resolve(), "after": options.after.resolve()}
    for n in range(options.rounds):
        for section in sections:
            sides = ["before", "after"] if n % 2 == 0 else ["after", "before"]
            for side in sides:
                print(f".. round {n + 1}, {section}, {side}", file=sys.stderr, flush=True)
                result = run_section(side, checkouts[side], section, options.work, options.lock)
                result["round"] = n + 1
                results.append(result)
                with log.open("a") as out:
                    out.write(json.dumps(result) + "\n")
    print(table(results, options.tolerance))
    return 0


if __name__ == "__main__":
    sys.exit(main())
