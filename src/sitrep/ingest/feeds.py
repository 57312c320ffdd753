"""RSS 2.0 and Atom feeds: one Document per item/entry, its HTML content reduced to text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path

from sitrep.ingest.readers import Failure, Item
from sitrep.model import Document

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def read_feed(data: bytes, path: Path) -> Iterator[Item]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        yield Failure(str(path), f"invalid XML feed ({exc})")
        return
    entries = [(_rss_fields(i)) for i in root.iter("item")] + [_atom_fields(e) for e in root.iter(f"{ATOM}entry")]
    if not entries:
        yield Failure(str(path), "XML file has no RSS <item> or Atom <entry>")
    for number, fields in enumerate(entries, 1):
        yield _entry_document(fields, f"{path}:item {number}", f"{path.stem}-{number}")


def _rss_fields(item: ET.Element) -> dict[str, str | None]:
    return {
        "id": _text(item, "guid") or _text(item, "link"),
        "title": _text(item, "title"),
        "url": _text(item, "link"),
        "published": _rfc822_date(_text(item, "pubDate")),
        "body": _text(item, CONTENT) or _text(item, "description"),
    }


def _atom_fields(entry: ET.Element) -> dict[str, str | None]:
    link = entry.find(f"{ATOM}link")
    stamp = _text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated")
    return {
        "id": _text(entry, f"{ATOM}id"),
        "title": _text(entry, f"{ATOM}title"),
        "url": link.get("href") if link is not None else None,
        "published": stamp[:10] if stamp and re.match(r"\d{4}-\d\d-\d\d", stamp) else None,
        "body": _text(entry, f"{ATOM}content") or _text(entry, f"{ATOM}summary"),
    }


def _entry_document(fields: dict[str, str | None], where: str, default_id: str) -> Item:
    text = html_to_text(fields["body"] or "")
    if not text:
        return Failure(where, "feed item has no text (no description or content)")
    return Document(id=fields["id"] or default_id, text=text, title=fields["title"], url=fields["url"],
                    published=fields["published"], origin=where)


def _text(node: ET.Element, tag: str) -> str | None:
    child = node.find(tag)
    if child is None or child.text is None:
        return None
    return child.text.strip() or None


def _rfc822_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


_BLOCK = re.compile(r"(?i)<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote)\s*/?>")
_TAG = re.compile(r"<[^>]+>")


def html_to_text(markup: str) -> str:
    """Feed bodies are HTML fragments: keep paragraph breaks, drop tags, unescape entities."""
    import html

    text = _BLOCK.sub("\n\n", markup)
    text = html.unescape(_TAG.sub("", text))
    paragraphs = [re.sub(r"[ \t]+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)
