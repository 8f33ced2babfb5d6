"""How many indexing processes this machine can carry: cores, free memory, and the work to do."""

from __future__ import annotations

import os
from dataclasses import dataclass

#: Resident memory of one indexing process holding `en_core_web_sm` (measured at batch size 32).
PROCESS_BYTES = 480 * 1024 * 1024
#: Memory left to everything else (the parent, the store, the desktop) before counting processes.
RESERVE_BYTES = 1024 * 1024 * 1024
#: A process must get at least this many batches to pay for starting it.
MIN_BATCHES_PER_PROCESS = 2


@dataclass(frozen=True, slots=True)
class JobsChoice:
    """The number of processes picked, and what bounded it (said in the README and on stderr)."""

    jobs: int
    cores: int
    free_bytes: int | None
    """Memory available now, or None where it cannot be read."""
    reason: str
    """`cores`, `memory` or `articles`: what the number is limited by."""

    def describe(self) -> str:
        free = "unknown" if self.free_bytes is None else f"{self.free_bytes / 2**30:.1f} GB"
        plural = "es" if self.jobs != 1 else ""
        return (f"{self.jobs} process{plural} (limited by {self.reason}: {self.cores} cores, "
                f"{free} free, {PROCESS_BYTES // 2**20} MB each)")


def usable_cores() -> int:
    """Cores this process may run on (the affinity mask, so a container's limit counts)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def available_memory() -> int | None:
    """Bytes the kernel could give without swapping (`MemAvailable`), or None off Linux."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def default_jobs(
    articles: int,
    batch_size: int,
    *,
    cores: int | None = None,
    free_bytes: int | None = -1,
) -> JobsChoice:
    """As many processes as cores, no more than free memory holds models, and no more than
    the articles keep busy (`MIN_BATCHES_PER_PROCESS` batches each): never below one."""
    cores = usable_cores() if cores is None else cores
    free = available_memory() if free_bytes == -1 else free_bytes
    limits = {"cores": cores}
    if free is not None:
        limits["memory"] = max(1, (free - RESERVE_BYTES) // PROCESS_BYTES)
    limits["articles"] = max(1, -(-articles // (batch_size * MIN_BATCHES_PER_PROCESS)))
    reason = min(limits, key=lambda k: limits[k])
    return JobsChoice(max(1, limits[reason]), cores, free, reason)


def resolve_jobs(jobs: int, articles: int, batch_size: int) -> int:
    """`jobs` as set, or the default for this many articles when it is 0 (automatic)."""
    if jobs > 0:
        return jobs
    return default_jobs(articles, batch_size).jobs
