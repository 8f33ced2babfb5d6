"""A search index's main segment: its numpy arrays in files beside the SQLite file, memory-mapped.

Reading the postings whole into memory cost hundreds of MB at 100,000 articles; mapped, a
search touches only the pages of the postings it reads, and the operating system shares and
drops them as it likes. The segment is written once by a full build and never changed: later
changes live in a small delta (see `update.py`), so a folder name records which build it is.
"""

from __future__ import annotations

import json
import mmap
import os
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
    """Write the arrays of a full build into `folder` (created; must not exist): the numeric
    ones into one file (`arrays.bin`, laid out by `arrays.json`), the string lists as text."""
    import numpy as np

    folder.mkdir(parents=True)
    layout: dict[str, tuple[str, int, list[int]]] = {}
    names = {**ARRAYS, **(PREFIX_ARRAYS if "prefixes" in arrays else {})}
    with open(folder / "arrays.bin", "wb") as out:
        offset = 0
        for name, dtype in names.items():
            array = np.ascontiguousarray(arrays[name], dtype=dtype)
            pad = -offset % 64
            out.write(b"\0" * pad)
            offset += pad
            layout[name] = (dtype, offset, list(array.shape))
            out.write(array.tobytes())
            offset += array.nbytes
    (folder / "arrays.json").write_text(json.dumps(layout), encoding="utf-8")
    texts = TEXTS + (("prefixes", "prefix_expansions") if "prefixes" in arrays else ())
    for name in texts:
        (folder / f"{name}.txt").write_bytes("\n".join(arrays[name]).encode("utf-8"))


def read_segment(folder: Path) -> dict[str, Any]:
    """The arrays of a segment, memory-mapped read-only (one map, so one file descriptor per
    open index); the small string lists read whole."""
    import numpy as np

    layout = json.loads((folder / "arrays.json").read_text(encoding="utf-8"))
    buffer: Any = b""
    with open(folder / "arrays.bin", "rb") as file:
        if os.fstat(file.fileno()).st_size:
            buffer = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
    arrays: dict[str, Any] = {}
    for name, (dtype, offset, shape) in layout.items():
        count = int(np.prod(shape)) if shape else 1
        array = np.frombuffer(buffer, dtype=dtype, count=count, offset=offset) if count else (
            np.empty(0, dtype=dtype)
        )
        arrays[name] = array if len(shape) == 1 else array.reshape(shape)
    texts = TEXTS + (("prefixes", "prefix_expansions") if "prefix_off" in layout else ())
    for name in texts:
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
