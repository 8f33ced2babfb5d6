"""Which field of a dump row holds the title, text, date, ...: common conventions and `--fields`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ...errors import NewsdeskError

Role = Literal["id", "title", "text", "date", "url", "source", "author"]
ROLES: tuple[Role, ...] = ("id", "title", "text", "date", "url", "source", "author")

#: Field names seen in scraper and news-API exports, best first, compared after `_norm`
#: (lower case, no `_`, `-` or spaces): `publish_date`, `publishDate` and `Publish Date` match.
CONVENTIONS: dict[Role, tuple[str, ...]] = {
    "id": (
        "id",
        "articleid",
        "storyid",
        "storiesid",
        "docid",
        "documentid",
        "uuid",
        "guid",
        "uid",
        "key",
    ),
    "title": ("title", "headline", "heading", "articletitle", "subject"),
    "text": (
        "text",
        "body",
        "content",
        "article",
        "articletext",
        "articlebody",
        "fulltext",
        "maintext",
        "story",
        "storytext",
        "bodytext",
        "html",
        "rawhtml",
        "contenthtml",
        "bodyhtml",
        "description",
        "summary",
    ),
    "date": (
        "date",
        "published",
        "publishdate",
        "publisheddate",
        "publishedat",
        "publishedon",
        "publicationdate",
        "pubdate",
        "datepublished",
        "datepublish",
        "datetime",
        "createdat",
        "created",
        "timestamp",
        "time",
    ),
    "url": (
        "url",
        "link",
        "canonicalurl",
        "canonical",
        "articleurl",
        "weburl",
        "permalink",
        "href",
        "uri",
        "sourceurl",
    ),
    "source": (
        "source",
        "outlet",
        "medianame",
        "media",
        "publication",
        "publisher",
        "sitename",
        "site",
        "sourcename",
        "newspaper",
        "domain",
        "sourcedomain",
        "feed",
    ),
    "author": ("author", "authors", "byline", "creator", "creators", "writer", "by"),
}


class FieldsError(NewsdeskError):
    title = "Fields"


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-.]+", "", name).casefold()


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Role -> field name chosen by the user (`--fields title=headline,text=body`)."""

    chosen: tuple[tuple[Role, str], ...] = ()

    @classmethod
    def parse(cls, spec: str | None) -> FieldMap:
        """`"title=headline,text=body"` -> a `FieldMap`; raises `FieldsError` on a bad spec."""
        if not spec or not spec.strip():
            return cls()
        chosen: dict[Role, str] = {}
        for part in spec.split(","):
            role, sep, name = part.partition("=")
            role, name = role.strip().lower(), name.strip()
            if not sep or not name:
                raise FieldsError(
                    f"--fields: {part.strip()!r} is not ROLE=FIELD (e.g. title=headline)"
                )
            if role not in ROLES:
                raise FieldsError(f"--fields: unknown role {role!r}; roles are {', '.join(ROLES)}")
            chosen[role] = name
        return cls(tuple(sorted(chosen.items())))

    def fingerprint(self) -> str:
        """Part of the index fingerprint: another mapping re-reads every dump."""
        return ",".join(f"{role}={name}" for role, name in self.chosen)

    def resolve(self, values: Mapping[str, Any]) -> dict[Role, str]:
        """Role -> the field of a row that plays it: the user's choice, else the first field
        named by the conventions that has a value (a CSV has every column in every row)."""
        names = list(values)
        by_norm: dict[str, str] = {}
        for name in names:
            if values[name] not in (None, "", [], {}):
                by_norm.setdefault(_norm(name), name)
        found: dict[Role, str] = {}
        taken: set[str] = set()
        for role, name in self.chosen:
            if name in values:
                found[role] = name
            else:
                match = next((n for n in names if _norm(n) == _norm(name)), None)
                if match is None:
                    continue
                found[role] = match
            taken.add(found[role])
        for role in ROLES:
            if role in found:
                continue
            for candidate in CONVENTIONS[role]:
                name = by_norm.get(candidate)  # type: ignore[assignment]
                if name is not None and name not in taken:
                    found[role] = name
                    taken.add(name)
                    break
        return found


def flat(value: Any) -> str | None:
    """A field's value as text: NewsAPI's `{"name": ...}` sources and author lists included."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, Mapping):
        for key in ("name", "title", "value", "text", "url", "id"):
            if key in value:
                return flat(value[key])
        return None
    if isinstance(value, (list, tuple)):
        parts = [p for p in (flat(v) for v in value) if p]
        return ", ".join(parts) if parts else None
    return None
