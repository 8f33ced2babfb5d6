"""Finding article files fast enough for a warm open of 10,000 articles.

`text.discover` and the store both find files here. One `scandir` per folder,
one `realpath` per folder rather than per file, and the file's stat (size, mtime) taken on the
way: the store needs nothing else to tell a file is unchanged.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from ..errors import PathNotFound
from ..models import SkippedFile
from .formats import DUMP_SUFFIXES, FORMATS, split_name

_NOT_ID = re.compile(r"[^\w.-]+", re.UNICODE)
_NOT_ID_OR_NUL = re.compile(r"[^\w.\0-]+", re.UNICODE)


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
    walked, skipped = walk(paths)
    return identify(walked), skipped


def walk(paths: Iterable[Path]) -> tuple[list[Walked], list[SkippedFile]]:
    """The article files under `paths` (each real file once) with their stamps, before ids.

    A warm open compares these with the store's digest and needs ids only when they differ.
    Raises `PathNotFound` for a path that does not exist.
    """
    found: list[Walked] = []
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
                st = os.stat(root)
                found.append((
                    str(root), os.path.realpath(root), st.st_size, st.st_mtime_ns,
                    parts[0] if parts else None, parts is not None and _is_dump(parts[1]),
                ))
            except OSError as err:
                skipped.append(SkippedFile(str(root), f"cannot read ({err.strerror or err})"))
            continue
        _walk(str(root), found, skipped)
    return _first_of_each(found), skipped


Walked = tuple[str, str, int, int, "str | None", bool]
"""(path, real path, size, mtime_ns, stem or None, dump) of one file met on the walk: a plain
tuple, as 100,000 are made on every open."""


def _first_of_each(found: list[Walked]) -> list[Walked]:
    """Each real file once (a link and its target, or a folder reached twice, are one)."""
    reals = [f[1] for f in found]
    if len(set(reals)) == len(reals):
        return found
    seen: set[str] = set()
    kept = []
    for walked in found:
        if walked[1] not in seen:
            seen.add(walked[1])
            kept.append(walked)
    return kept


def identify(found: list[Walked]) -> list[FoundFile]:
    """Ids from the stems, made unique in walk order (`name`, `name-2`, ...).

    Whole-list steps (one normalisation and one substitution over all stems) rather than
    per-file calls: at 100,000 files the per-file version cost more than the walk itself.
    """
    bases = _article_ids([f[4] or Path(f[0]).stem for f in found])
    ids = bases
    if len(set(bases)) != len(bases):
        counts: dict[str, int] = {}
        ids = []
        for base in bases:
            count = counts.get(base, 0) + 1
            counts[base] = count
            ids.append(base if count == 1 else f"{base}-{count}")
    return [
        FoundFile(i, f[0], f[2], f[3], f[5]) for i, f in zip(ids, found, strict=True)
    ]


def _is_dump(suffix: str) -> bool:
    return suffix.lower().removesuffix(".gz") in DUMP_SUFFIXES


#: The usual suffixes as written, to whether they are dumps: the walk's fast path.
_PLAIN_SUFFIXES = {s: _is_dump(s) for s in FORMATS} | {
    s.upper(): _is_dump(s) for s in FORMATS
}


def _walk(root: str, found: list[Walked], skipped: list[SkippedFile]) -> None:
    """Top-down like `os.walk(followlinks=True)`, sorted, hidden names left out.

    Appends to `found`; string operations only, as this runs per file.
    """
    visited: set[tuple[int, int]] = set()
    stack = [root]
    plain = _PLAIN_SUFFIXES
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
        files.sort(key=_entry_name)
        for entry in files:
            name = entry.name
            if name[0] == ".":
                continue
            dot = name.rfind(".")
            dump = plain.get(name[dot:]) if dot > 0 else None
            if dump is not None:
                stem = name[:dot]
            else:
                parts = split_name(name)
                if parts is None:
                    _not_an_article(prefix + name, name, skipped)
                    continue
                stem, dump = parts[0], _is_dump(parts[1])
            try:
                symlink = entry.is_symlink()
                stat = entry.stat()
            except OSError as err:
                path = prefix + name
                broken = os.path.islink(path) and not os.path.exists(path)
                reason = (
                    "broken symbolic link" if broken else f"cannot read ({err.strerror or err})"
                )
                skipped.append(SkippedFile(path, reason))
                continue
            path = prefix + name
            real = os.path.realpath(path) if symlink else real_prefix + name
            found.append((path, real, stat.st_size, stat.st_mtime_ns, stem, dump))
        names = sorted(n for n in subfolders if not n.startswith("."))
        stack.extend(prefix + n for n in reversed(names))


_entry_name = attrgetter("name")


def _not_an_article(path: str, name: str, skipped: list[SkippedFile]) -> None:
    """Skip a file newsdesk does not read; README and LICENSE go unmentioned."""
    dot = name.rfind(".")
    suffix = name[dot:] if dot > 0 and dot < len(name) - 1 else ""
    if name.lower() not in {"readme", "license"}:
        skipped.append(SkippedFile(path, f"not an article file ({suffix or 'no suffix'})"))


def article_id_for(path: Path) -> str:
    """A stable id from the file name."""
    return _article_id(path.stem)


def _article_id(stem: str) -> str:
    """`article_id_for` from a file's stem, without building a `Path` (10,000 add up)."""
    slug = _NOT_ID.sub("-", unicodedata.normalize("NFKC", stem)).strip("-")
    return slug or "article"


def _article_ids(stems: list[str]) -> list[str]:
    """`_article_id` of each stem, normalised and substituted as one string.

    NUL cannot be in a file name and is a starter that composes with nothing, so NFKC and the
    substitution treat each stem between NULs exactly as they would alone.
    """
    if not stems:
        return []
    joined = unicodedata.normalize("NFKC", "\0".join(stems))
    slugs = _NOT_ID_OR_NUL.sub("-", joined).split("\0")
    return [slug.strip("-") or "article" for slug in slugs]
