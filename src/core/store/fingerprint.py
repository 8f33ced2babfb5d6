"""Identities the store keys on: which corpus, which pipeline, which file version.

All cheap: no spaCy import, no file contents (only `os.stat`).
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..pipeline.scan import Walked

#: Files modified this recently may change again within the same mtime tick; their stamp is
#: not trusted on the next open (the content hash decides), as git does for "racily clean" files.
RACY_SECONDS = 2.0


def pipeline_fingerprint(model: str | None) -> str:
    """Model name and version plus newsdesk's extraction version: a change re-indexes."""
    from .. import EXTRACTION_VERSION
    from ..pipeline.nlp import describe_model

    return f"{describe_model(model).fingerprint}+extraction-{EXTRACTION_VERSION}"


def corpus_key(paths: Sequence[Path]) -> str:
    """The same folders, however they are spelled, give the same key."""
    resolved = sorted({str(Path(p).expanduser().resolve()) for p in paths})
    return hashlib.sha256("\0".join(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def store_path(paths: Sequence[Path], cache_dir: Path) -> Path:
    """One SQLite file per corpus, named after its first folder so a person can find it."""
    first = Path(paths[0]).expanduser().resolve().name if paths else "corpus"
    slug = re.sub(r"[^\w.-]+", "-", first).strip("-.")[:40] or "corpus"
    return cache_dir / f"{slug}-{corpus_key(paths)}.sqlite"


def trusted_mtime() -> int:
    """Stamps with an mtime (ns) at or after this are too fresh to trust."""
    return int((time.time() - RACY_SECONDS) * 1e9)


def file_stamp(path: Path) -> tuple[int, int]:
    """(size, mtime_ns) of a file; mtime 0 when the file is too fresh to trust its stamp."""
    st = os.stat(path)
    mtime = st.st_mtime_ns
    return st.st_size, (mtime if mtime < trusted_mtime() else 0)


def revision(rows: Iterable[tuple[str, str, str]]) -> str:
    """A digest of (article id, content hash, fingerprint) rows: changes when any article does."""
    digest = hashlib.sha256()
    for article_id, content_hash, fingerprint in sorted(rows):
        row = f"{article_id}\0{content_hash}\0{fingerprint}\n"
        digest.update(row.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


def walk_digest(files: Sequence[Walked], fingerprint: str) -> str | None:
    """A digest of the walk (paths and stamps, in order; the ids follow from the paths) and
    the pipeline; None when a warm open must look at the rows anyway: no files, a dump
    (planned row by row), or a file too fresh to trust its stamp.

    Whole-list joins and arrays, not a string per file: this runs on every open.
    """
    if not files or any([f[5] for f in files]):
        return None
    mtimes = array("q", [f[3] for f in files])
    if max(mtimes) >= trusted_mtime():
        return None
    digest = hashlib.sha256(fingerprint.encode("utf-8", "surrogatepass"))
    digest.update(b"\1")
    digest.update("\0".join([f[0] for f in files]).encode("utf-8", "surrogatepass"))
    digest.update(b"\1")
    digest.update(array("q", [f[2] for f in files]).tobytes())
    digest.update(mtimes.tobytes())
    return digest.hexdigest()[:20]
