"""A search index's main segment: its numpy arrays in files beside the SQLite file, memory-mapped.

Reading the postings whole into memory cost hundreds of MB at 100,000 articles; mapped, a
search touches only the pages of the postings it reads, and the operating system shares and
drops them as it likes. The segment is written once by a full build and never changed: later
changes live in a small delta (see `update.py`), so a folder name records which build it is.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from typing import Any

#: The numeric arrays of a segment, with their element types.
ARRAYS: dict[str, str] = {
    "vocab_len": "int16",
    "post_off": "int64",
    "post_ids": "int32",
    "unit_kind": "uint8",
    "tri_off": "int64",
    "tri_ids": "int32",
    "unit_key": "int64",
}
#: The string lists of a segment (one string per line; folded tokens hold no newline).
TEXTS = ("vocab", "skeletons", "gram_keys")
#: The short-prefix table (`query.prefix_table`): optional, a segment without it searches
#: short prefixes the long way.
PREFIX_ARRAYS: dict[str, str] = {
    "prefix_off": "int64",
    "prefix_ids": "int32",
    "prefix_sims": "uint8",
    "prefix_counts": "int64",
}


def new_folder(index_path: Path) -> Path:
    """A fresh segment folder name beside `index_path` (each build gets its own)."""
    return index_path.with_name(f"{index_path.stem}-{uuid.uuid4().hex[:12]}.seg")


def write_segment(folder: Path, arrays: dict[str, Any]) -> None:
    """Write the arrays of a full build into `folder` (created; must not exist)."""
    import numpy as np

    folder.mkdir(parents=True)
    for name, dtype in ARRAYS.items():
        np.save(folder / f"{name}.npy", np.asarray(arrays[name], dtype=dtype))
    for name in TEXTS:
        (folder / f"{name}.txt").write_bytes("\n".join(arrays[name]).encode("utf-8"))
    if "prefixes" in arrays:
        for name, dtype in PREFIX_ARRAYS.items():
            np.save(folder / f"{name}.npy", np.asarray(arrays[name], dtype=dtype))
        for name in ("prefixes", "prefix_expansions"):
            (folder / f"{name}.txt").write_bytes("\n".join(arrays[name]).encode("utf-8"))


def read_segment(folder: Path) -> dict[str, Any]:
    """The arrays of a segment, memory-mapped read-only; the (small) string lists read whole."""
    import numpy as np

    arrays: dict[str, Any] = {}
    for name in ARRAYS:
        try:
            arrays[name] = np.load(folder / f"{name}.npy", mmap_mode="r")
        except ValueError:  # an empty array cannot be mapped
            arrays[name] = np.load(folder / f"{name}.npy")
    for name in TEXTS:
        blob = (folder / f"{name}.txt").read_bytes()
        arrays[name] = blob.decode("utf-8").split("\n") if blob else []
    if (folder / "prefixes.txt").is_file():
        for name in PREFIX_ARRAYS:
            arrays[name] = np.load(folder / f"{name}.npy")
        for name in ("prefixes", "prefix_expansions"):
            blob = (folder / f"{name}.txt").read_bytes()
            arrays[name] = blob.decode("utf-8").split("\n") if blob else []
    return arrays


def remove_other_segments(index_path: Path, keep: str | None) -> None:
    """Delete the segment folders of `index_path` except `keep` (a folder name). Open maps of
    a deleted file stay valid until closed, so a reader still on an old build is unharmed."""
    for folder in index_path.parent.glob(f"{index_path.stem}-*.seg"):
        if folder.name != keep:
            shutil.rmtree(folder, ignore_errors=True)


def disk_size(index_path: Path) -> int:
    """Bytes on disk of a search index: its SQLite file and its segment folders."""
    files = [index_path, *index_path.parent.glob(f"{index_path.stem}-*.seg/*")]
    return sum(f.stat().st_size for f in files if f.is_file())
