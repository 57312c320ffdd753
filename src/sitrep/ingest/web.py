"""Documents from an http(s) URL: an RSS/Atom feed (one document per item) or one HTML page.

`read_url(url)` fetches with a connect/read timeout and a size cap, then decides by content:
1. an XML body whose root is <rss>, <feed> or <rdf:RDF> is a feed (see `feeds.py`);
2. anything else is an HTML page, reduced to its main text (see `html.py`).
Every problem (refused connection, HTTP error, timeout, too large, no text) becomes a
`Failure` naming the URL, so one bad URL never stops an ingest. Only the URL the user
gives is fetched; feed items are read from the feed itself, their links are not followed.
"""

from __future__ import annotations

import hashlib
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from sitrep import __version__
from sitrep.ingest.readers import Failure, Item
from sitrep.model import Document

TIMEOUT = 20.0  # seconds, for connecting and for each read
MAX_BYTES = 20 * 1024 * 1024
FEED_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE[^>]*>\s*)?<(?:rss|feed|rdf:RDF)\b", re.S)


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def read_url(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    data = fetch(url, timeout=timeout, max_bytes=max_bytes)
    if isinstance(data, Failure):
        yield data
    elif FEED_ROOT.match(data[:4096]):
        yield from _feed_items(data, url)
    else:
        yield _page_document(data, url)


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> bytes | Failure:
    """The body of `url`, or a Failure saying why not (never more than `max_bytes` read)."""
    request = urllib.request.Request(url, headers={"User-Agent": f"sitrep/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https checked)
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        return Failure(url, f"HTTP {exc.code} {exc.reason}")
    except urllib.error.URLError as exc:
        return Failure(url, f"cannot fetch: {exc.reason}")
    except (TimeoutError, OSError) as exc:
        return Failure(url, f"cannot fetch: {exc}")
    if len(data) > max_bytes:
        return Failure(url, f"response larger than {max_bytes} bytes, not read")
    return data


def _feed_items(data: bytes, url: str) -> Iterator[Item]:
    from sitrep.ingest.feeds import read_feed

    name = url_id(url)
    for number, item in enumerate(read_feed(data, Path(name)), 1):
        where = f"{url} item {number}"
        if isinstance(item, Failure):
            yield replace(item, origin=where)
        else:
            yield item.model_copy(update={"origin": where})


def _page_document(data: bytes, url: str) -> Item:
    from sitrep.ingest.html import extract_html

    extracted = extract_html(data)
    if extracted is None:
        return Failure(url, "no main text found in the page")
    text, title, published, _ = extracted
    return Document(id=url_id(url), text=text, title=title, published=published, url=url, origin=url)


def url_id(url: str) -> str:
    """A stable id for a page fetched by URL: `url-` and 12 hex digits of its SHA-1."""
    return "url-" + hashlib.sha1(url.encode()).hexdigest()[:12]
