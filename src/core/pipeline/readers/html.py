"""Saved web pages: the article's main text and metadata, extracted with trafilatura.

trafilatura drops navigation, comments, "read more" and footer blocks and reads the title,
date, author, site name and canonical URL from the page's metadata; newsdesk only cleans what
it returns (a page is as untrusted as any `.txt`) and lays the paragraphs out as for a `.txt`.
"""

from __future__ import annotations

import logging
from typing import Any

from ...errors import ArticleReadError
from ...models import Article
from ..text import content_hash, decode_bytes
from .records import Fields, build_record

log = logging.getLogger(__name__)


def extract_page(html: str | bytes, url: str | None = None) -> Fields | None:
    """The main text and metadata of a whole page; None when no article text is found."""
    document = _bare_extraction(html, url=url, with_metadata=True)
    if document is None or not (document.get("text") or "").strip():
        return None
    return Fields(
        text=document["text"],
        title=document.get("title"),
        date=document.get("date"),
        author=document.get("author"),
        source=_site_name(document.get("sitename")),
        url=document.get("url"),
    )


def _site_name(name: str | None) -> str | None:
    """The page's site name; None when it is only a host name (trafilatura's fallback), so the
    URL names the outlet ("en.wikinews.org" -> "Wikinews")."""
    if not name or ("." in name and " " not in name.strip()):
        return None
    return name


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a dump's `body` field), boilerplate and tags dropped."""
    import trafilatura

    text = _quiet(trafilatura.extract, fragment, include_comments=False, include_tables=True)
    if text and text.strip():
        return str(text)
    return str(_quiet(trafilatura.html2txt, fragment) or "")


def read_html(path: str, data: bytes, *, article_id: str) -> Article:
    """One saved page as an `Article`; raises `ArticleReadError` when it holds no article text."""
    text = decode_bytes(data, path)
    fields = extract_page(text)
    if fields is None:
        raise ArticleReadError(f"{path}: no article text found in the page")
    return build_record(fields, article_id=article_id, path=path, content_hash=content_hash(data))


def _bare_extraction(html: str | bytes, **options: Any) -> dict[str, Any] | None:
    import trafilatura

    result = _quiet(
        trafilatura.bare_extraction,
        html,
        include_comments=False,
        include_tables=True,
        **options,
    )
    if result is None:
        return None
    data: dict[str, Any] = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    return data


def _quiet(function: Any, *args: Any, **kwargs: Any) -> Any:
    """Call trafilatura with its warnings kept out of the terminal (it warns about odd pages)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return function(*args, **kwargs)
        except (ValueError, TypeError, AttributeError, RecursionError) as err:
            log.debug("trafilatura failed: %s", err)
            return None
