"""Finding article files fast enough for a warm open of 10,000 articles.

`text.discover` and the store both find files here. One `scandir` per folder,
one `realpath` per folder rather than per file, and the file's stat (size, mtime) taken on the
way: the store needs nothing else to tell a file is unchanged.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from ..errors import PathNotFound
from ..models import SkippedFile
from .formats import DUMP_SUFFIXES, split_name

_NOT_ID = re.compile(r"[^\w.-]+", re.UNICODE)


class FoundFile(NamedTuple):
    """An article file with its id and stamp (a tuple: 10,000 are made on every open)."""

    id: str
    path: str
    size: int
    mtime_ns: int
    dump: bool = False
    """A file of many articles (JSONL, CSV, ...): the store plans it row by row."""


def scan(paths: Iterable[Path]) -> tuple[list[FoundFile], list[SkippedFile]]:
    """Article files under `paths`, with unique stable ids, and what was skipped.

    Raises `PathNotFound` for a path that does not exist.
    """
    found: list[tuple[str, str, os.stat_result, str | None]] = []
    skipped: list[SkippedFile] = []
    for root in paths:
        if not root.exists() and not root.is_symlink():
            raise PathNotFound(f"{root}: no such file or folder")
        if root.is_symlink() and not root.exists():
            skipped.append(SkippedFile(str(root), "broken symbolic link"))
            continue
        if root.is_file():
            try:
                parts = split_name(root.name)  # "news.jsonl.gz" -> "news"
                stem = parts[0] if parts else None
                found.append((str(root), os.path.realpath(root), os.stat(root), stem))
            except OSError as err:
                skipped.append(SkippedFile(str(root), f"cannot read ({err.strerror or err})"))
            continue
        found.extend(_walk(str(root), skipped))
    ids: dict[str, int] = {}
    seen: set[str] = set()
    result: list[FoundFile] = []
    for path, real, st, stem in found:
        if real in seen:
            continue
        seen.add(real)
        base = _article_id(stem) if stem else article_id_for(Path(path))
        count = ids.get(base, 0) + 1
        ids[base] = count
        article_id = base if count == 1 else f"{base}-{count}"
        suffix = path[path.rfind(os.sep) + 1 + len(stem) :] if stem else ""
        dump = suffix.lower().removesuffix(".gz") in DUMP_SUFFIXES
        result.append(FoundFile(article_id, path, st.st_size, st.st_mtime_ns, dump))
    return result, skipped


def _walk(root: str, skipped: list[SkippedFile]) -> Iterator[tuple[str, str, os.stat_result, str]]:
    """Top-down like `os.walk(followlinks=True)`, sorted, hidden names left out.

    Yields (path, real path, stat, stem); string operations only, as this runs per file.
    """
    visited: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
        except OSError:
            continue
        key = (st.st_dev, st.st_ino)
        if key in visited:  # a symlink loop or a second way into the same folder
            continue
        visited.add(key)
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as err:
            where = str(err.filename or folder)
            skipped.append(SkippedFile(where, f"cannot read folder ({err.strerror})"))
            continue
        prefix = folder if folder.endswith(os.sep) else folder + os.sep
        real_prefix = os.path.join(os.path.realpath(folder), "")
        subfolders: list[str] = []
        files: list[os.DirEntry[str]] = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append(entry.name)
            else:
                files.append(entry)
        files.sort(key=lambda e: e.name)
        for entry in files:
            name = entry.name
            if name[0] == ".":
                continue
            path = prefix + name
            parts = split_name(name)
            if parts is None:
                dot = name.rfind(".")
                suffix = name[dot:] if dot > 0 and dot < len(name) - 1 else ""
                if name.lower() not in {"readme", "license"}:
                    reason = f"not an article file ({suffix or 'no suffix'})"
                    skipped.append(SkippedFile(path, reason))
                continue
            try:
                symlink = entry.is_symlink()
                stat = entry.stat()
            except OSError as err:
                broken = os.path.islink(path) and not os.path.exists(path)
                reason = (
                    "broken symbolic link" if broken else f"cannot read ({err.strerror or err})"
                )
                skipped.append(SkippedFile(path, reason))
                continue
            real = os.path.realpath(path) if symlink else real_prefix + name
            yield path, real, stat, parts[0]
        names = sorted(n for n in subfolders if not n.startswith("."))
        stack.extend(prefix + n for n in reversed(names))


def article_id_for(path: Path) -> str:
    """A stable id from the file name."""
    return _article_id(path.stem)


def _article_id(stem: str) -> str:
    """`article_id_for` from a file's stem, without building a `Path` (10,000 add up)."""
    slug = _NOT_ID.sub("-", unicodedata.normalize("NFKC", stem)).strip("-")
    return slug or "article"
