"""HTML pages: main text, title and date through trafilatura's extraction cascade."""

from __future__ import annotations

from pathlib import Path

from sitrep.ingest.readers import Failure, Item, decode_html
from sitrep.model import Document

DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(data: bytes, path: Path) -> Item:
    extracted = extract_html(data)
    if extracted is None:
        return Failure(str(path), "no main text found in the HTML page")
    text, title, published, url = extracted
    return Document(id=path.stem, text=text, title=title, published=published, url=url, origin=str(path))


def extract_html(data: bytes | str) -> tuple[str, str | None, str | None, str | None] | None:
    """(text, title, published YYYY-MM-DD, url) of a page's main content, or None when it has none."""
    import trafilatura

    markup = data if isinstance(data, str) else decode_html(data)
    result = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=DATE_PARAMS,
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        return None
    published = getattr(result, "date", None)
    return text.strip(), getattr(result, "title", None), published or None, getattr(result, "url", None)
