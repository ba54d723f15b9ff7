"""Saved web pages: the main text with trafilatura, the publication date with htmldate, page metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.domain import PublicationDate
from timeline.ingest.decode import RejectedInput

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_LOOKS_LIKE_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<\?xml[^>]*>\s*<html)", re.IGNORECASE)


@dataclass(frozen=True)
class WebPage:
    """What a page yields: the article text (the text stored and the one offsets refer to) and metadata."""

    text: str
    title: str | None
    url: str | None
    site_name: str | None
    published: PublicationDate | None


def looks_like_html(text: str) -> bool:
    """True when text (from stdin, say) is an HTML document rather than plain text."""
    return bool(_LOOKS_LIKE_HTML.match(text[:2000]))


def read_web_page(html: str) -> WebPage:
    """Extract the article of a saved page; raise RejectedInput when the page holds no article text."""
    import trafilatura
    from htmldate import find_date

    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    data = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    text = (data.get("text") or "").strip()
    if not text:
        raise RejectedInput("no article text found in the HTML page")
    published = _page_date(find_date(html, original_date=True, extensive_search=False))
    return WebPage(
        text=text + "\n",
        title=data.get("title") or None,
        url=data.get("url") or None,
        site_name=data.get("sitename") or None,
        published=published,
    )


def _page_date(found: str | None) -> PublicationDate | None:
    if not found:
        return None
    try:
        return PublicationDate.parse(found[:10])
    except ValueError:
        return None
